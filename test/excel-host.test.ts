// The Office.js host against the fake Excel: round trips, payload, text safety, recovery, requirement sets.
import { readFileSync } from 'node:fs';
import { generate } from '../bench/generate';
import { checkWorkbook, scoreWorkbook } from '../src/app/score-workbook';
import { ExcelWorkbook, formulaLikeCells, usesDate1904 } from '../src/hosts/excel/excel-workbook';
import { XlsxWorkbook } from '../src/hosts/xlsx/xlsx-workbook';
import { examplePath, makeBook } from './helpers';
import { FakeExcel, seedFake } from './fake-excel';

const opts = { fileTitle: 'book', date: '2026-11-21' };

async function fakeFrom(example: string): Promise<FakeExcel> {
  const all = await (await XlsxWorkbook.load(readFileSync(examplePath(example)))).read((n) => n);
  const fake = new FakeExcel();
  for (const s of all.sheets) seedFake(fake, s);
  return fake;
}

describe('the Office.js host', () => {
  it('reads in three round trips (names; sizes of the sheets that exist and their marks; values with number formats), merges in one more', async () => {
    const fake = await fakeFrom('ex3-units-grouped-9');
    const snap = await new ExcelWorkbook(fake.run, fake.supports).read((names) => names.filter((n) => n !== '加减分'));
    expect(fake.syncs).toBe(3);
    fake.apiVersion = '1.13';
    await new ExcelWorkbook(fake.run, fake.supports).read((names) => names);
    expect(fake.syncs).toBe(3 + 4);
    expect(snap.sheets.map((s) => s.name)).toEqual(['考核方案', '评分表']);
  });

  it('finds input sheets by forgiving names with one more read', async () => {
    const fake = new FakeExcel();
    const g = generate({ subjects: 5, indicators: 3, dimensions: 0, groups: 1, perGroup: false, seed: 2 });
    fake.seed(' Scheme ', g.sheets[0].rows as never);
    fake.seed('评分表', g.sheets[1].rows as never);
    const result = await scoreWorkbook(new ExcelWorkbook(fake.run, fake.supports), opts);
    expect(result.ok).toBe(true);
  });

  // request sizes and round trips at 1,000 and 10,000 subjects are measured on the real serialized
  // bodies in office-size.test.ts (Microsoft's client); the fake here cannot count them

  it('writes text that starts with = + - @ as text, not formulas', async () => {
    const fake = await fakeFrom('ex2-staff-weighted-12');
    const scores = fake.sheet('评分表');
    scores.cells.get('1,1')!.value = '=HYPERLINK("http://x","林秀")';
    scores.cells.get('3,1')!.value = '+武晶军'; // 雷桂娟 has events in 加减分: keep her name
    const result = await scoreWorkbook(new ExcelWorkbook(fake.run, fake.supports), opts);
    expect(result.ok).toBe(true);
    const cells = [...fake.sheet('结果汇总').cells.values()];
    const hyperlink = cells.find((c) => c.value === '=HYPERLINK("http://x","林秀")');
    expect(hyperlink).toBeDefined();
    expect(hyperlink!.formula).toBeUndefined();
    expect(cells.find((c) => c.value === '+武晶军')?.formula).toBeUndefined();
    expect(cells.some((c) => c.formula)).toBe(false);
  });

  it('chooses one way for formula-like text: the text number format on exactly those cells', () => {
    const spec = {
      cells: [
        ['ok', '=a', '+b'],
        ['-c', '@d', 5],
      ],
    } as never;
    expect(formulaLikeCells(spec)).toEqual([
      [0, 1],
      [0, 2],
      [1, 0],
      [1, 1],
    ]);
  });

  it('leaves the previous results intact when a run fails half-way, and cleans up on the next run', async () => {
    const fake = await fakeFrom('ex1-departments-30');
    const book = new ExcelWorkbook(fake.run, fake.supports);
    await scoreWorkbook(book, opts);
    const before = fake.valuesOf('结果汇总');
    const sheetsBefore = fake.sheets.map((s) => s.name);
    fake.failAtSync = fake.syncs + 3; // during the write of the new sheets
    await expect(scoreWorkbook(book, opts)).rejects.toThrow('injected failure');
    expect(fake.valuesOf('结果汇总')).toEqual(before);
    expect(sheetsBefore.every((n) => fake.sheets.some((s) => s.name === n))).toBe(true);
    expect([...fake.names.keys()].filter((n) => n.startsWith('kaoping_')).sort()).toEqual([
      'kaoping_analysis',
      'kaoping_distribution',
      'kaoping_groups',
      'kaoping_notice',
      'kaoping_reports',
      'kaoping_summary',
      'kaoping_validation',
    ]);
    fake.failAtSync = null;
    await scoreWorkbook(book, opts);
    expect(fake.sheets.map((s) => s.name)).toEqual(sheetsBefore);
    expect(fake.valuesOf('结果汇总')).toEqual(before);
  });

  it('sets values, formats, merges, widths, frozen header and the page layout with ExcelApi 1.9', async () => {
    const fake = await fakeFrom('ex1-departments-30');
    const result = await scoreWorkbook(new ExcelWorkbook(fake.run, fake.supports), opts);
    expect(result.written!.degraded).toEqual([]);
    const s = fake.sheet('结果汇总');
    expect(s.merges).toContain('A1:N1');
    expect(s.freezeRows).toBe(3);
    expect(s.columnWidths.size).toBeGreaterThan(5);
    expect(s.showGridlines).toBe(false);
    expect(fake.cell('结果汇总', 'A3')!.style['fill.color']).toBe('#DDE4EE');
    expect(fake.cell('结果汇总', 'A3')!.style['border.EdgeTop.style']).toBe('Continuous');
    expect(fake.cell('结果汇总', 'H4')!.numberFormat).toBe('0.00'); // an indicator score, with the configured decimals
    expect(fake.cell('结果汇总', 'I4')!.numberFormat).toBe('0.00'); // 基础分
    expect(s.pageLayout).toMatchObject({
      paperSize: 'A4',
      orientation: 'Landscape',
      // the title, the subtitle and the header on every page; pages numbered from 1 in each sheet
      printTitleRows: '$1:$3',
      'footer.centerFooter': '第 &P 页',
      firstPageNumber: 1,
      zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
    });
    expect(fake.sheet('分组排名').pageBreaks.length).toBe(2);
    // the optional sheets: a real chart, a data bar, a page per subject at a fixed scale
    expect(fake.sheet('等次分布').charts).toEqual([expect.objectContaining({ type: 'ColumnClustered', source: 'E4:E6', xValues: 'B4:B6' })]);
    expect(fake.sheet('指标分析').conditionalFormats.map((c) => c.type)).toEqual(['DataBar']);
    expect(fake.sheet('成绩单').pageBreaks.length).toBe(29);
    expect(fake.sheet('成绩单').pageLayout).toMatchObject({ orientation: 'Portrait', zoom: { scale: expect.any(Number) } });
    expect(fake.syncs).toBeLessThanOrEqual(7);
  });

  it('degrades to results without print setup before ExcelApi 1.9, and says so', async () => {
    const fake = await fakeFrom('ex1-departments-30');
    fake.apiVersion = '1.7';
    const result = await scoreWorkbook(new ExcelWorkbook(fake.run, fake.supports), opts);
    expect(result.ok).toBe(true);
    expect(result.written!.degraded).toEqual(['print-setup']);
    expect(fake.sheet('结果汇总').pageLayout).toEqual({});
    expect(fake.sheet('结果汇总').showGridlines).toBe(true);
  });

  it('adds result sheets after the input sheets (the fake follows sheet positions)', async () => {
    const fake = await fakeFrom('ex3-units-grouped-9');
    await fake.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('加减分').position = 0;
      await ctx.sync();
    });
    await scoreWorkbook(new ExcelWorkbook(fake.run, fake.supports), opts);
    expect(fake.sheets.map((s) => s.name)).toEqual([
      '加减分',
      '考核方案',
      '评分表',
      '结果汇总',
      '分组排名',
      '等次分布',
      '结果公示',
      '指标分析',
      '成绩单',
      '校验报告',
    ]);
  });

  it('selects the cell of an issue', async () => {
    const fake = await fakeFrom('ex4-bad-input');
    const book = new ExcelWorkbook(fake.run, fake.supports);
    await book.select('评分表', 'C3');
    expect(fake.activeSheet).toBe('评分表');
    expect(fake.selection).toBe('评分表!C3');
  });
});

describe('marking problem cells', () => {
  it('fills the problem cells and removes exactly its own marks on the next run', async () => {
    const fake = await fakeFrom('ex4-bad-input');
    const book = new ExcelWorkbook(fake.run, fake.supports);
    // a user's own conditional format stays
    await fake.run(async (ctx) => {
      const cf = ctx.workbook.worksheets.getItem('评分表').getRange('A1:A3').conditionalFormats.add('Custom');
      cf.custom.rule.formula = '=A1>0';
      await ctx.sync();
    });
    await book.markCells([
      { sheet: '评分表', cell: 'C3' },
      { sheet: '评分表', cell: 'D4' },
      { sheet: '加减分', cell: 'A2' },
      { sheet: '评分表', cell: '' },
    ]);
    const marks = (sheet: string) =>
      fake
        .sheet(sheet)
        .conditionalFormats.filter((c) => c.custom['rule.formula'] === '="kaoping"="kaoping"')
        .map((c) => c.address);
    expect(marks('评分表')).toEqual(['C3:C3', 'D4:D4']);
    expect(marks('加减分')).toEqual(['A2:A2']);
    expect(fake.sheet('评分表').conditionalFormats[1].custom['fill.color']).toBe('#FFC7CE');
    await book.markCells([{ sheet: '评分表', cell: 'C6' }]);
    expect(marks('评分表')).toEqual(['C6:C6']);
    expect(marks('加减分')).toEqual([]);
    await book.markCells([]);
    expect(fake.sheet('评分表').conditionalFormats.map((c) => c.custom['rule.formula'])).toEqual(['=A1>0']);
  });
});

describe('reading cells as Excel shows them (issue 7)', () => {
  const small = () => {
    const fake = new FakeExcel();
    const book = makeBook({
      indicators: [['x', 10]],
      grades: [['A', 20], ['B']],
      subjects: [
        ['a', '一组', 9],
        ['b', null, 8],
        ['c', null, 7],
        ['d', '二组', 6],
        ['e', null, 5],
      ],
    });
    for (const s of book.sheets) fake.seed(s.name, s.rows as never);
    return fake;
  };

  it('a percent-formatted 比例上限 is percent points, as in the .xlsx host', async () => {
    const fake = small();
    const quotaCell = 'B12';
    fake.sheet('考核方案').cells.get('11,1')!.value = 0.2;
    fake.seedFormat('考核方案', quotaCell, '0%');
    const checked = await checkWorkbook(new ExcelWorkbook(fake.run, fake.supports), opts);
    expect(checked.issues.filter((i) => i.code === 'percent-as-fraction')).toEqual([]);
    expect(checked.assessment.scopes[0].grades[0].quota).toBe(1);
  });

  it('merged 分组 cells are read with ExcelApi 1.13; before it, the subjects without a group are named', async () => {
    const fake = small();
    fake.sheet('评分表').merges.push('C2:C4', 'C5:C6');
    fake.apiVersion = '1.13';
    const merged = await checkWorkbook(new ExcelWorkbook(fake.run, fake.supports), opts);
    expect(merged.assessment.subjects.map((s) => [s.name, s.group])).toEqual([
      ['a', '一组'],
      ['b', '一组'],
      ['c', '一组'],
      ['d', '二组'],
      ['e', '二组'],
    ]);
    fake.apiVersion = '1.9';
    const unknown = await checkWorkbook(new ExcelWorkbook(fake.run, fake.supports), opts);
    expect(unknown.issues.filter((i) => i.code === 'group-maybe-merged').map((i) => i.cell)).toEqual(['C3', 'C4', 'C6']);
  });

  it('a result sheet the user renamed or copied keeps its contents; only the tool’s own sheets are replaced', async () => {
    const fake = await fakeFrom('ex2-staff-weighted-12');
    fake.names.set('kaoping_summary', '=评分表!$A$1'); // a name typed by a user cannot make 评分表 the tool's
    const book = new ExcelWorkbook(fake.run, fake.supports);
    expect((await scoreWorkbook(book, opts)).ok).toBe(true);
    expect(fake.sheets.map((s) => s.name)).toContain('评分表');
    // a copy, as Excel makes it: same cells, the sheet's own names copied, another name
    const original = fake.sheet('结果汇总');
    const copy = fake.addSheet('结果汇总 (2)');
    original.cells.forEach((cell, k) => copy.cells.set(k, { ...cell }));
    original.names.forEach((f, n) => copy.names.set(n, f));
    fake.renameSheet(original, '2026Q3结果存档');
    const copied = fake.valuesOf('结果汇总 (2)');
    const before = fake.valuesOf('2026Q3结果存档');
    const r = await scoreWorkbook(book, opts);
    expect(r.ok).toBe(true);
    expect(fake.valuesOf('2026Q3结果存档')).toEqual(before);
    expect(fake.valuesOf('结果汇总 (2)')).toEqual(copied);
    expect(fake.sheets.map((s) => s.name)).toContain('评分表');
    expect(fake.sheets.filter((s) => s.name === '结果汇总')).toHaveLength(1);
  });
});

describe('the 1904 date system in Excel', () => {
  it('is told by the year a date cell shows (Office.js does not say)', () => {
    const range = (text: string) => ({ values: [['日期'], [45000]], numberFormat: [['General'], ['yyyy/m/d']], text: [['日期'], [text]] });
    expect(usesDate1904(range('2023/3/15'))).toBe(false); // serial 45000 counted from 1900
    expect(usesDate1904(range('2027/3/16'))).toBe(true); // the same serial counted from 1904
    expect(usesDate1904(range('3月15日'))).toBe(false); // no year shown: the usual 1900 system
  });
});
