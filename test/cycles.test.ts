// Dimensions with their own cycle (周期 in 【维度】/【指标】): periodic dimensions rescaled to their
// combined weight in the year, 年度 ones scored once on the 年度 period's sheet.
import { assess } from '../src/engine/assess';
import type { CellValue } from '../src/engine/types';
import { assessScored, book } from './helpers';

/** A balanced scorecard: 关键 30 and 日常 50 every period, 环境 10 and 学习 10 once a year. */
const DIMENSIONS: CellValue[][] = [
  ['【维度】'],
  ['维度', '权重(%)', '周期'],
  ['关键绩效', 30, '季度'],
  ['日常工作', 50, '季度'],
  ['环境评价', 10, '年度'],
  ['学习与成长', 10, '年度'],
  [],
  ['【指标】'],
  ['维度', '指标', '分值'],
  ['关键绩效', '完成率', 100],
  ['日常工作', '数量', 50],
  ['日常工作', '质量', 50],
  ['环境评价', '环境', 100],
  ['学习与成长', '学习', 100],
  [],
  ['【等次】'],
  ['等次', '名额'],
  ['优秀', 1],
  ['合格', null],
  [],
];

function scheme(settings: CellValue[][] = [], periods: CellValue[][] | null = null, dims = DIMENSIONS): CellValue[][] {
  const rows: CellValue[][] = [['【设置】'], ['项目', '内容'], ...settings, [], ...dims];
  if (periods) rows.push(['【期间】'], ['期间', '工作表', '权重(%)'], ...periods);
  return rows;
}

const QUARTERLY_HEADER = ['名称', '完成率', '数量', '质量'];
const ANNUAL_HEADER = ['名称', '环境', '学习'];

function yearBook(settings: CellValue[][] = [], quarters: Record<string, CellValue[][]>, annual: CellValue[][], extra: Record<string, CellValue[][]> = {}) {
  const periods = [...Object.keys(quarters).map((q) => [q, q, null]), ['年度', '年度评价', null]];
  return book({
    考核方案: scheme(settings, periods),
    ...Object.fromEntries(Object.entries(quarters).map(([q, rows]) => [q, [QUARTERLY_HEADER, ...rows]])),
    年度评价: [ANNUAL_HEADER, ...annual],
    ...extra,
  });
}

const total = (a: ReturnType<typeof assessScored>, name: string) => a.subjects.find((s) => s.name === name)!.score.total.value;

describe('周期: 年度 dimensions', () => {
  it('a quarter of such a scheme rescales its dimensions to 100 (30 + 50 → 80)', () => {
    // 关键 90/100 × 30 = 27; 日常 80/100 × 50 = 40; 67 ÷ 0.8 = 83.75
    const a = assessScored(book({ 考核方案: scheme(), 评分表: [QUARTERLY_HEADER, ['甲', 90, 40, 40], ['乙', 100, 50, 50]] }));
    expect(total(a, '甲')).toBe(83.75);
    expect(total(a, '乙')).toBe(100);
    expect(a.subjects.find((s) => s.name === '甲')!.score.dimensionScores.map((d) => d.value)).toEqual([33.75, 50, 0, 0]);
  });

  it('the year is the quarters rolled up × 80% plus the 年度 sheet', () => {
    // Q1: (27 + 40) / 0.8 = 83.75; Q2: (30 + 45) / 0.8 = 93.75; mean 88.75 × 0.8 = 71; 年度 8 + 9 = 17 → 88
    const a = assessScored(
      yearBook(
        [],
        {
          一季度: [['甲', 90, 40, 40]],
          二季度: [['甲', 100, 45, 45]],
        },
        [['甲', 80, 90]],
      ),
    );
    const s = a.subjects[0];
    expect(s.periods!.results.map((r) => r?.score.total.value)).toEqual([83.75, 93.75, 17]);
    expect(s.score.total.value).toBe(88);
    expect(s.score.dimensionScores.map((d) => d.value)).toEqual([28.5, 42.5, 8, 9]);
  });

  it('rounds once: the periods are published, the year is not rounded before the 年度 part is added', () => {
    // Q1 83.75, Q2 83.76 (2 decimals) → mean 83.755 × 0.8 = 67.004; + 10.005? no: 年度 total is published too
    const a = assessScored(
      yearBook(
        [['小数位数', 2]],
        {
          一季度: [['甲', 90, 40, 40]],
          二季度: [['甲', 90.01, 40, 40]],
        },
        [['甲', 50, 50]],
      ),
    );
    // Q2: (27.003 + 40) / 0.8 = 83.75375 → 83.75; mean 83.75 × 0.8 = 67; + 10 = 77
    expect(a.subjects[0].periods!.results.map((r) => r?.score.total.value)).toEqual([83.75, 83.75, 10]);
    expect(total(a, '甲')).toBe(77);
  });

  it('the points model: periodic indicators summed over the halves, the 年度 one added (分组千分制)', () => {
    const rows: CellValue[][] = [
      ['【设置】'],
      ['项目', '内容'],
      ['期间汇总', '求和'],
      [],
      ['【指标】'],
      ['指标', '分值', '周期'],
      ['公共目标', 150, '半年'],
      ['业务目标', 150, '半年'],
      ['执行力建设', 400, '年度'],
      [],
      ['【等次】'],
      ['等次', '最低分'],
      ['合格', 800],
      ['不合格', null],
      [],
      ['【期间】'],
      ['期间', '工作表'],
      ['上半年', '上半年'],
      ['下半年', '下半年'],
      ['年度', '执行力'],
    ];
    const a = assessScored(
      book({
        考核方案: rows,
        上半年: [
          ['名称', '公共目标', '业务目标'],
          ['甲', 140, 145],
        ],
        下半年: [
          ['名称', '公共目标', '业务目标'],
          ['甲', 135.5, 150],
        ],
        执行力: [
          ['名称', '执行力建设'],
          ['甲', 380],
        ],
      }),
    );
    expect(a.subjects[0].periods!.results.map((r) => r?.score.total.value)).toEqual([285, 285.5, 380]);
    expect(total(a, '甲')).toBe(950.5);
    expect(a.subjects[0].grade).toBe('合格');
  });

  it('a unit missing from a quarter is averaged; missing from the 年度 sheet is an error unless 缺期处理 = 按0分', () => {
    const quarters = {
      一季度: [['甲', 90, 40, 40]],
      二季度: [
        ['甲', 100, 45, 45],
        ['乙', 100, 50, 50],
      ],
    };
    const absent = assess(yearBook([], quarters, [['甲', 80, 90]]));
    expect(absent.ok).toBe(false);
    expect(absent.issues.filter((i) => i.severity === 'error').map((i) => `${i.sheet}!${i.cell} ${i.code}`)).toEqual(['二季度!A3 annual-absent']);
    const zero = assessScored(yearBook([['缺期处理', '按0分']], quarters, [['甲', 80, 90]]));
    // 乙: Q1 0, Q2 100 → mean 50 × 0.8 = 40; 年度 0
    expect(total(zero, '乙')).toBe(40);
    const averaged = assessScored(
      yearBook([], quarters, [
        ['甲', 80, 90],
        ['乙', 100, 100],
      ]),
    );
    // 乙: Q2 100 only → 100 × 0.8 + 20 = 100
    expect(total(averaged, '乙')).toBe(100);
    expect(averaged.subjects.find((s) => s.name === '乙')!.notes.map((n) => n.code)).toContain('note-periods-average');
  });

  it('the 年度 period has no weight under 加权; the others add up to 100', () => {
    const periods = [
      ['上半年', '上半年', 30],
      ['年终', '年终', 70],
      ['年度', '年度评价', null],
    ];
    const a = assessScored(
      book({
        考核方案: scheme([['期间汇总', '加权']], periods),
        上半年: [QUARTERLY_HEADER, ['甲', 80, 40, 40]],
        年终: [QUARTERLY_HEADER, ['甲', 90, 45, 45]],
        年度评价: [ANNUAL_HEADER, ['甲', 100, 100]],
      }),
    );
    // 上半年 (24 + 40)/0.8 = 80; 年终 (27 + 45)/0.8 = 90; 80×0.3 + 90×0.7 = 87 × 0.8 = 69.6 + 20 = 89.6
    expect(total(a, '甲')).toBe(89.6);
  });

  it('bad input: an unknown 周期, an indicator against its dimension, no 年度 period, a 年度 column on a quarter', () => {
    const badCycle = DIMENSIONS.map((r) => (r[0] === '环境评价' && r[2] === '年度' ? ['环境评价', 10, '每两年'] : r));
    const e1 = assess(book({ 考核方案: scheme([], null, badCycle), 评分表: [QUARTERLY_HEADER, ['甲', 1, 1, 1]] }));
    expect(e1.issues.filter((i) => i.severity === 'error').map((i) => `${i.cell} ${i.code}`)).toEqual(['C8 bad-cycle']);

    const differs = DIMENSIONS.map((r) =>
      r[1] === '质量' ? ['日常工作', '质量', 50, '年度'] : r[0] === '维度' && r[1] === '指标' ? ['维度', '指标', '分值', '周期'] : r,
    );
    const e2 = assess(book({ 考核方案: scheme([], null, differs), 评分表: [QUARTERLY_HEADER, ['甲', 1, 1, 1]] }));
    expect(e2.issues.filter((i) => i.severity === 'error').map((i) => i.code)).toEqual(['cycle-differs']);

    const noYear = assess(
      book({
        考核方案: scheme([], [['一季度', '一季度', null]]),
        一季度: [QUARTERLY_HEADER, ['甲', 1, 1, 1]],
      }),
    );
    expect(noYear.issues.filter((i) => i.severity === 'error').map((i) => i.code)).toEqual(['annual-period']);

    const extraColumn = assess(
      book({
        考核方案: scheme(),
        评分表: [
          [...QUARTERLY_HEADER, '环境'],
          ['甲', 90, 40, 40, 95],
        ],
      }),
    );
    expect(extraColumn.ok).toBe(true);
    expect(extraColumn.issues.map((i) => `${i.cell} ${i.code}`)).toEqual(['E1 indicator-other-cycle']);
  });
});
