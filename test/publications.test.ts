import { analyse } from '../src/engine/analysis';
import { analysisSheet, gradeReason, noticeSheet, reportsSheet } from '../src/report/publications';
import { sheetRows, wholeSheet, type SheetSpec } from '../src/report/spec';
import { writeSheetXml } from '../src/hosts/xlsx/sheet-xml';
import { MINIMAL_STYLES, StyleBook } from '../src/hosts/xlsx/styles';
import { assessFile, assessScored, book, EXAMPLES, examplePath, makeBook, scored } from './helpers';
import { buildResultSheets, distributionSheet, summarySheet } from '../src/report/sheets';
import { assess } from '../src/engine/assess';
import type { CellValue } from '../src/engine/types';

const ctx = { date: '2026-11-21' };

describe('指标分析', () => {
  it('computes averages, 得分率, full marks and points lost exactly, lowest rate first, and per 牵头部门', () => {
    const a = assessScored(
      makeBook({
        indicators: [
          ['x', 10],
          ['y', 20],
          ['z', 5],
        ],
        grades: [['A']],
        subjects: [
          ['a', null, 10, 15, 5],
          ['b', null, 9, 20, 4],
          ['c', null, 8.5, 10, 5],
        ],
      }),
    );
    const stats = analyse(a);
    // x: avg 9.17 (27.5/3), rate 91.67%; y: avg 15, rate 75%; z: avg 4.67, rate 93.33%
    expect(stats.indicators.map((i) => [i.name, i.average.value, i.rate.value, i.fullMarks, i.pointsLost.value, i.highest, i.lowest])).toEqual([
      ['y', 15, 0.75, 1, 15, 20, 10],
      ['x', 9.17, 0.9167, 1, 2.5, 10, 8.5],
      ['z', 4.67, 0.9333, 2, 1, 5, 4],
    ]);
    // 牵头部门 of the helper's indicators alternate 部门0, 部门1
    expect(stats.leads.map((l) => [l.lead, l.indicators, l.pointsLost.value, l.share.value])).toEqual([
      ['部门1', 1, 15, 0.8108],
      ['部门0', 2, 3.5, 0.1892],
    ]);
    expect(stats.totalLost.value).toBe(18.5);
    const spec = analysisSheet(a, ctx);
    expect(spec.dataBars).toEqual([{ r0: 3, c0: 6, r1: 5, c1: 6, color: '5B9BD5' }]);
  });
});

describe('结果公示', () => {
  it('shows 排名 | 名称 | 等次, with 总分 only when 公示总分 = 是, then 公示说明', async () => {
    const a = scored(await assessFile(examplePath('ex2-staff-weighted-12')));
    expect(noticeSheet(a, ctx).cells[2]).toEqual(['排名', '名称', '分组', '等次']);
    const shown = assessScored(
      makeBook({
        settings: [
          ['公示总分', '是'],
          ['公示说明', '公示期 5 个工作日，联系电话 1234。'],
        ],
        indicators: [['x', 10]],
        grades: [['A']],
        subjects: [['a', null, 9]],
      }),
    );
    const spec = noticeSheet(shown, ctx);
    expect(spec.cells[2]).toEqual(['排名', '名称', '总分', '等次']);
    expect(spec.cells.flat()).toContain('公示期 5 个工作日，联系电话 1234。');
  });
});

describe('成绩单', () => {
  it('gives every subject a page whose numbers add up, with caps and the reason for the grade', async () => {
    const a = scored(await assessFile(examplePath('ex2-staff-weighted-12')));
    const spec = wholeSheet(reportsSheet(a, ctx));
    expect(spec.print.breaksBefore.length).toBe(a.subjects.length - 1);
    expect(spec.print.scale).toBeGreaterThan(40);
    const start = spec.cells.findIndex((r) => r[0] === '雷桂娟　考核成绩单');
    // notes are broken into lines for print (Chinese line-breaking rules): read them joined again
    const block = spec.cells
      .slice(start, spec.print.breaksBefore.find((b) => b > start) ?? spec.cells.length)
      .map((r) => r.map((v) => (typeof v === 'string' ? v.replace(/\n/g, '') : v)));
    const row = (label: string) => block.find((r) => r[0] === label)!;
    expect(row('基础分').slice(0, 3)).toEqual(['基础分', 100, 89.72]);
    // columns: 项目, 分值, 得分, 得分率, 名次, 说明
    expect(row('加分（其他工作任务）累计')[5]).toBe('合计 7 分，超过累计上限 5，按 5 分计');
    expect(row('总分')[2]).toBe(94.72);
    expect(row('总分')[5]).toContain('= 基础分 89.72 + 加分 5.00 − 扣分 0.00');
    expect(row('等次')[5]).toBe('全体按名次评定，第 1 个获评优秀（名额 2 个）');
    // contributions 25.92 + 45.75 + 9.04 + 9.01 = 89.72
    const contributions = block.filter((r) => typeof r[0] === 'string' && r[0].startsWith('【')).map((r) => Number(/折算得分 ([\d.]+)/.exec(String(r[5]))![1]));
    expect(contributions.reduce((x, y) => x + y, 0)).toBeCloseTo(89.72, 10);
  });

  it('is written a page at a time exactly as it would be written whole', async () => {
    const a = scored(await assessFile(examplePath('ex2-staff-weighted-12')));
    const sectioned = reportsSheet(a, ctx);
    expect(sectioned.sections!.count).toBe(a.subjects.length);
    const whole = wholeSheet(sectioned);
    expect(whole.cells.length).toBe(sheetRows(sectioned));
    const xml = (spec: SheetSpec) => {
      const parts: Uint8Array[] = [];
      // the writer fills one block again after each emit: copy what it passes on
      writeSheetXml(spec, new StyleBook(MINIMAL_STYLES), false, { main: 'urn:main', rel: 'urn:rel' }, (b) => parts.push(b.slice()));
      return Buffer.concat(parts).toString('utf8');
    };
    const merges = (x: string) => [...x.matchAll(/<mergeCell ref="([^"]+)"/g)].map((m) => m[1]).sort();
    const [paged, all] = [xml(sectioned), xml(whole)];
    expect(paged.replace(/<mergeCells.*<\/mergeCells>/, '')).toBe(all.replace(/<mergeCells.*<\/mergeCells>/, ''));
    expect(merges(paged)).toEqual(merges(all));
    expect(merges(paged).length).toBe(whole.merges.length);
  });

  it('explains vetoes, quota misses and 最低分 in words', async () => {
    const ex3 = scored(await assessFile(examplePath('ex3-units-grouped-9')));
    const vetoed = ex3.subjects.find((s) => s.name === '市人才发展中心')!;
    expect(gradeReason(vetoed, ex3)).toBe('否决类扣分 30 分，达到否决扣分线 30 分，一票否决');
    const ex2 = scored(await assessFile(examplePath('ex2-staff-weighted-12')));
    expect(
      gradeReason(
        ex2.subjects.find((s) => s.name === '董桂倩')!,
        ex2,
      ),
    ).toBe('总分不低于合格最低分 60；未评为更高等次：优秀名额已满');
    const ex1 = scored(await assessFile(examplePath('ex1-departments-30')));
    expect(
      gradeReason(
        ex1.subjects.find((s) => s.name === '市燃气公司')!,
        ex1,
      ),
    ).toBe('与名额边界同分，按“同分同等次”计入一等（名额 6 个）');
  });
});

describe('lines as printed', () => {
  it.each(EXAMPLES.filter((e) => e !== 'ex4-bad-input'))('%s: no line of a cell starts with closing punctuation or ends with opening', async (name) => {
    const a = await assessFile(examplePath(name));
    for (const spec of buildResultSheets(a, { date: '2026-11-21' }).map((s) => wholeSheet(s)))
      for (const row of spec.cells)
        for (const v of row)
          if (typeof v === 'string')
            for (const line of v.split('\n')) {
              expect(line).not.toMatch(/^[。，、；：？！）」』】》]/);
              expect(line.trimEnd()).not.toMatch(/[（「『【《]$/);
            }
  });
});

describe('where a unit stands', () => {
  const scheme: CellValue[][] = [
    ['【设置】'],
    ['项目', '内容'],
    ['名次差距', '是'],
    [],
    ['【指标】'],
    ['指标', '分值'],
    ['甲项', 60],
    ['乙项', 40],
    [],
    ['【等次】'],
    ['等次', '名额'],
    ['优秀', 1],
    ['合格'],
    [],
    ['【梯队】'],
    ['名次起', '名次止', '梯队'],
    [1, 2, '第一梯队'],
    [3, null, '第二梯队'],
  ];
  const a = () =>
    scored(
      assess(
        book({
          考核方案: scheme,
          评分表: [
            ['名称', '甲项', '乙项'],
            ['A', 55, 35],
            ['B', 50, 35.5],
            ['C', 52, 28],
          ],
        }),
      ),
    );

  it('结果汇总: 与上一名差, 与平均分差 and 梯队', () => {
    const spec = summarySheet(a(), { date: '2026-11-21' });
    const header = spec.cells[2] as string[];
    const col = (name: string) => header.indexOf(name);
    const rows = spec.cells.slice(3, 6);
    expect(rows.map((r) => r[col('总分')])).toEqual([90, 85.5, 80]);
    expect(rows.map((r) => r[col('与上一名差')])).toEqual([null, 4.5, 5.5]);
    // mean 85.1666…: 4.83, 0.33, −5.17
    expect(rows.map((r) => r[col('与平均分差')])).toEqual([4.83, 0.33, -5.17]);
    expect(rows.map((r) => r[col('梯队')])).toEqual(['第一梯队', '第一梯队', '第二梯队']);
  });

  it('等次分布: each grade’s cut-off; 成绩单: each indicator’s rank and the distance to the grade above', () => {
    const dist = distributionSheet(a(), { date: '2026-11-21' });
    const header = dist.cells[2] as string[];
    const excellent = dist.cells.find((r) => r[1] === '优秀')!;
    expect([excellent[header.indexOf('线内最低分')], excellent[header.indexOf('线外最高分')]]).toEqual([90, 85.5]);
    const reports = wholeSheet(reportsSheet(a(), { date: '2026-11-21' }));
    const text = reports.cells.map((r) => r.map((v) => (typeof v === 'string' ? v.replace(/\n/g, '') : v)));
    const page = (name: string) => {
      const start = text.findIndex((r) => r[0] === `${name}　考核成绩单`);
      const next = text.findIndex((r, k) => k > start && typeof r[0] === 'string' && r[0].endsWith('考核成绩单'));
      return text.slice(start, next < 0 ? text.length : next);
    };
    // B: 甲项 50 is third of three, 乙项 35.5 first
    expect(page('B').find((r) => r[0] === '　甲项')![4]).toBe(3);
    expect(page('B').find((r) => r[0] === '　乙项')![4]).toBe(1);
    const gap = page('B').find((r) => r[0] === '距上一等次')!;
    expect(gap[2]).toBe(4.5);
    expect(gap[5]).toBe('“优秀”线内最低分 90.00，还差 4.50 分');
    expect(page('A').find((r) => r[0] === '距上一等次')).toBeUndefined();
  });
});
