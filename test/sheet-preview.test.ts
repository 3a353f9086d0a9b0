import { formatNumber, previewInput, previewSheet, queryTable, resultTable } from '../src/app/sheet-preview';
import { footerContent } from '../src/taskpane/Workspace';
import type { SheetSpec } from '../src/report/spec';

const spec = (over: Partial<SheetSpec>): SheetSpec => ({
  role: 'summary',
  name: '结果汇总',
  cells: [],
  styles: [],
  merges: [],
  columnWidths: [6, 12, 8],
  rowHeights: {},
  freezeRows: 0,
  print: { orientation: 'portrait', titleRows: [0, 1], footer: '第 &P 页', breaksBefore: [] },
  dataBars: [],
  validations: [],
  chart: null,
  ...over,
});

describe('sheet previews', () => {
  it('shows numbers as their formats do, rounded half-up decimal-exactly', () => {
    expect(formatNumber(1.005, '0.00')).toBe('1.01'); // the double is 1.00499999…; the published value is 1.005
    expect(formatNumber(89.895, '0.00')).toBe('89.90');
    expect(formatNumber(0.86665, '0.00%')).toBe('86.67%');
    expect(formatNumber(-2.5, '0')).toBe('-3');
    expect(formatNumber(36.5, '0.00')).toBe('36.50');
    expect(formatNumber(0.1 + 0.2, undefined)).toBe('0.3');
  });

  it('resolves styles in order, spans merges and covers the cells under them', () => {
    const p = previewSheet(
      spec({
        cells: [['标题'], ['排名', '名称', '总分'], [1, '甲', 91.5]],
        styles: [
          { r0: 0, c0: 0, r1: 2, c1: 2, style: { border: true, numberFormat: '0.00' } },
          { r0: 2, c0: 0, r1: 2, c1: 0, style: { numberFormat: '0' } },
        ],
        merges: [{ r0: 0, c0: 0, r1: 0, c1: 2 }],
      }),
    );
    expect(p.rows[0].cells[0].span).toEqual({ rows: 1, cols: 3 });
    expect(p.rows[0].cells.slice(1).every((c) => c.covered)).toBe(true);
    expect(p.rows[2].cells.map((c) => c.text)).toEqual(['1', '甲', '91.50']);
    expect(p.rows[2].cells[2]).toMatchObject({ value: 91.5, style: { border: true, numberFormat: '0.00' } });
  });

  it('makes only the sections it shows (成绩单 pages), each after the first starting a printed page', () => {
    let made = 0;
    const p = previewSheet(
      spec({
        cells: [['成绩单']],
        print: { orientation: 'portrait', titleRows: [0, 0], footer: '', breaksBefore: [] },
        sections: { count: 1000, rows: 3000, section: (k) => (made++, { cells: [[`单位${k}`], ['a'], ['b']], styles: [], merges: [], rowHeights: {} }) },
      }),
      10,
    );
    expect(p.totalRows).toBe(3001);
    expect(p.rows).toHaveLength(10);
    expect(made).toBeLessThan(5);
    expect(p.rows.filter((r) => r.breakBefore).map((r) => r.cells[0].text)).toEqual(['单位1', '单位2']);
  });

  it('shows an input sheet around an issue: the first rows, the rows near it, the cell marked under its letters', () => {
    const rows = Array.from({ length: 50 }, (_, r) => [r === 0 ? '名称' : `单位${r}`, r, { percent: 0.5 }]);
    const p = previewInput({ name: '评分表', rows }, 30, 2);
    expect(p.rows[0].cells.map((c) => c.text)).toEqual(['', 'A', 'B', 'C']);
    const labels = p.rows.map((r) => r.cells[0].text);
    expect(labels.slice(1, 4)).toEqual(['1', '2', '3']);
    expect(labels).toContain('31');
    expect(labels[p.focus!.r]).toBe('31');
    expect(p.rows[p.focus!.r].cells[p.focus!.c].text).toBe('50%');
  });

  it("reads 结果汇总's table: the header ends the title rows, the subjects' rows are led by their rank", () => {
    const table = resultTable(
      spec({
        cells: [['标题'], ['排名', '名称', '总分'], [1, '甲', 91.5], [2, '乙', 90], [], ['制表人：']],
        styles: [{ r0: 2, c0: 2, r1: 3, c1: 2, style: { numberFormat: '0.00' } }],
      }),
    );
    expect(table.headers).toEqual(['排名', '名称', '总分']);
    expect(table.rows).toEqual([
      { texts: ['1', '甲', '91.50'], values: [1, null, 91.5] },
      { texts: ['2', '乙', '90.00'], values: [2, null, 90] },
    ]);
  });

  it('sorts (stably), filters by group and cuts the table in the worker, so only the rows drawn cross to the page', () => {
    const row = (rank: number, name: string, group: string, total: number) => ({
      texts: [String(rank), name, group, total.toFixed(2)],
      values: [rank, null, null, total],
    });
    const table = {
      headers: ['排名', '名称', '分组', '总分'],
      rows: [row(1, '甲', '一组', 90), row(2, '乙', '二组', 85), row(2, '丙', '一组', 85), row(4, '丁', '二组', 80)],
    };
    const names = (q: Partial<Parameters<typeof queryTable>[1]>) =>
      queryTable(table, { sort: 0, descending: false, group: '', limit: 10, ...q }).rows.map((r) => r.texts[1]);
    expect(names({ sort: 3 })).toEqual(['丁', '乙', '丙', '甲']); // 乙 before 丙: equal totals keep the published order
    expect(names({ sort: 3, descending: true })).toEqual(['甲', '乙', '丙', '丁']);
    expect(names({ group: '一组' })).toEqual(['甲', '丙']);
    const page = queryTable(table, { sort: 0, descending: false, group: '', limit: 2 });
    expect([page.total, page.rows.length, page.groups]).toEqual([4, 2, ['一组', '二组']]);
  });

  it("turns an Excel footer into a printed page's margin text", () => {
    expect(footerContent('第 &P 页 共 9 页')).toBe('"第 " counter(page) " 页 共 9 页"');
    expect(footerContent('&P / &N')).toBe('counter(page) " / " counter(pages)');
  });
});
