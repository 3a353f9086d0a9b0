import { assess, type Assessment } from '../src/engine/assess';
import fc from 'fast-check';
import { cleanNumber, decimalText, div, exactFromDecimal, exactFromNumber, exactSum, publish, publishRatio, roundHalfUpUnits } from '../src/engine/exact';
import { isStatisticsLabel } from '../src/engine/scores';
import { closestName, foldWidth, matchKey, numericText, splitHeader } from '../src/engine/text';
import { makeBook, type BookSpec } from './helpers';
import { noteText } from '../src/i18n/format';
import { textWidth, wrapLines } from '../src/report/layout';

const run = (spec: BookSpec): Assessment => assess(makeBook(spec));
const errors = (a: Assessment) => a.issues.filter((i) => i.severity === 'error').map((i) => `${i.sheet}!${i.cell} ${i.code}`);
const warnings = (a: Assessment) => a.issues.filter((i) => i.severity === 'warning').map((i) => `${i.sheet}!${i.cell} ${i.code}`);
const byName = (a: Assessment) => Object.fromEntries(a.subjects.map((s) => [s.name, s]));
const ABC: BookSpec['grades'] = [['A', 40], ['B']];

describe('exact rounding', () => {
  it('rounds half up decimal-exactly where binary floating point does not', () => {
    expect(publish(exactFromDecimal('86.945'), 2).value).toBe(86.95);
    // the cell number 86.945 is the double 86.94499999999999…: kaoping reads the decimal the user sees
    expect(publish(exactFromNumber(86.945), 2).value).toBe(86.95);
    expect(publish(exactSum([43.47, 43.475]), 2).value).toBe(86.95);
    expect(publish(exactFromDecimal('89.895'), 2).value).toBe(89.9);
    expect(publish(exactFromDecimal('1.005'), 2).value).toBe(1.01);
    expect(publish(exactFromDecimal('-2.345'), 2).value).toBe(-2.35);
    expect(publish(exactFromDecimal('0.5'), 0).value).toBe(1);
    expect(roundHalfUpUnits(exactFromDecimal('2.4999'), 0)).toBe(2n);
  });

  it('reads cell numbers at 15 significant digits, as Excel shows them', () => {
    expect(decimalText(86.40000000000001)).toBe('86.4');
    expect(decimalText(90.09999999999999)).toBe('90.1');
    expect(decimalText(0.1 + 0.2)).toBe('0.3');
    expect(decimalText(1e-7)).toBe('0.0000001');
    expect(decimalText(1.5e21)).toBe('1500000000000000000000');
    expect(decimalText(-3.25)).toBe('-3.25');
    expect(cleanNumber(86.40000000000001)).toBe(86.4);
    expect(cleanNumber(26.5)).toBe(26.5);
  });

  it('sums exactly, also past six decimals', () => {
    const s = exactSum([0.1, 0.2, 0.3]);
    expect(publish(s, 2).value).toBe(0.6);
    const thirds = exactSum([85.3333333333333, 85.3333333333333, 85.3333333333334]);
    expect(publish(thirds, 2).value).toBe(256);
  });

  it('publishes ratios of cell numbers (得分率) the same way on the quick path and the exact one', () => {
    // 1/8 = 0.125 is a tie at 2 decimals: half up gives 0.13; 2/3 → 0.6667; −1/8 → −0.13
    expect(publishRatio(1, 8, 2)).toEqual({ units: 13, value: 0.13 });
    expect(publishRatio(2, 3, 4)).toEqual({ units: 6667, value: 0.6667 });
    expect(publishRatio(-1, 8, 2)).toEqual({ units: -13, value: -0.13 });
    expect(publishRatio(4.5, 5, 4).value).toBe(0.9);
    const exact = (a: number, b: number, d: number) => publish(div(exactFromNumber(a), exactFromNumber(b)), d);
    // decimals as users type them, ties included, and numbers past the quick path's range
    const cell = fc.oneof(
      fc.integer({ min: -100000, max: 100000 }).chain((n) => fc.integer({ min: 0, max: 6 }).map((k) => n / 10 ** k)),
      fc.double({ min: -1e9, max: 1e9, noNaN: true }),
    );
    fc.assert(
      fc.property(
        cell,
        cell.filter((b) => b !== 0),
        fc.integer({ min: 0, max: 6 }),
        (a, b, d) => {
          const quick = publishRatio(a, b, d);
          const slow = exact(a, b, d);
          expect(quick.units).toBe(slow.units);
          expect(quick.value).toBe(slow.value);
        },
      ),
      { numRuns: 3000 },
    );
  });
});

describe('text folding', () => {
  it('folds full-width letters, digits, brackets and spaces', () => {
    expect(foldWidth('ＧＤＰ（１０分）')).toBe('GDP(10分)');
    expect(matchKey(' 评 分 表 ')).toBe('评分表');
    expect(splitHeader('GDP增速（10分）')).toEqual({ key: 'gdp增速', bracket: '10分' });
    expect(splitHeader('权重(%)').key).toBe('权重');
  });
  it('recognises numeric text', () => {
    expect(numericText('９５')).toBe('95');
    expect(numericText(' 95 ')).toBe('95');
    expect(numericText('95分')).toBe('95');
    expect(numericText('九十')).toBeNull();
    expect(numericText('缺考')).toBeNull();
  });
});

describe('scheme', () => {
  it('accepts English block titles, aliases and full-width keys', () => {
    const book = makeBook({ indicators: [['x', 10]], grades: ABC, subjects: [['a', null, 5]] });
    const scheme = book.sheets[0].rows as unknown[][];
    scheme[2] = ['［Settings］'];
    scheme[4] = ['Ｔｉｔｌｅ', '季度考核'];
    const a = assess(book);
    expect(errors(a)).toEqual([]);
    expect(a.scheme!.settings.title).toBe('季度考核');
  });

  it('reports weights that do not sum to 100 and unknown dimensions', () => {
    const a = run({
      dimensions: [
        ['甲', 60],
        ['乙', 30],
      ],
      indicators: [
        ['x', 10, '甲'],
        ['y', 10, '丙'],
      ],
      grades: ABC,
      subjects: [['a', null, 5, 5]],
    });
    expect(errors(a)).toEqual(expect.arrayContaining([expect.stringMatching(/weights-sum/), expect.stringMatching(/unknown-dimension/)]));
  });

  it('rejects a quota on the last grade, bad settings and unknown tie-breakers', () => {
    const a = run({
      settings: [
        ['排名方式', '随便'],
        ['同分依据', '不存在'],
      ],
      indicators: [['x', 10]],
      grades: [
        ['A', 20],
        ['B', 50],
      ],
      subjects: [['a', null, 5]],
    });
    expect(errors(a).map((e) => e.split(' ')[1])).toEqual(expect.arrayContaining(['bad-setting', 'last-grade-rule', 'unknown-tie-breaker']));
  });

  it('reports a missing block and a missing sheet', () => {
    const book = makeBook({ indicators: [['x', 10]], grades: ABC, subjects: [['a', null, 5]] });
    const scheme = book.sheets[0].rows as unknown[][];
    const i = scheme.findIndex((r) => r[0] === '【等次】');
    scheme.splice(i);
    expect(errors(assess(book))).toEqual(['考核方案! missing-block']);
    // both are reported: the scheme is read even when 评分表 is missing
    expect(errors(assess({ ...book, sheetNames: ['考核方案'], sheets: [book.sheets[0]] }))).toEqual(['评分表! missing-sheet', '考核方案! missing-block']);
  });

  it('finds grade rules that cannot be met', () => {
    // judged on counts: 比例上限 20% of 4 is 1 place, 比例下限 50% of 4 needs 2
    const a = run({
      indicators: [['x', 10]],
      grades: [['A', 20, undefined, undefined, 50], ['B']],
      subjects: [
        ['a', null, 5],
        ['b', null, 5],
        ['c', null, 5],
        ['d', null, 5],
      ],
    });
    expect(errors(a)).toEqual([expect.stringMatching(/grade-impossible/)]);
    const b = run({
      indicators: [['x', 10]],
      grades: [['A', undefined, 1, undefined, 50], ['B']],
      subjects: [
        ['a', null, 5],
        ['b', null, 5],
        ['c', null, 5],
        ['d', null, 5],
      ],
    });
    expect(errors(b)).toEqual([expect.stringMatching(/grade-impossible/)]);
  });
});

describe('score cells', () => {
  const spec = (cells: unknown[], settings: BookSpec['settings'] = []): BookSpec => ({
    settings,
    indicators: [['x', 10]],
    grades: ABC,
    subjects: cells.map((c, i) => [`s${i}`, null, c as never]),
  });

  it('uses numeric text with a warning', () => {
    const a = run(spec(['９', ' 8 ', '7分', 6]));
    expect(errors(a)).toEqual([]);
    expect(warnings(a)).toEqual(['评分表!C2 numeric-text', '评分表!C3 numeric-text', '评分表!C4 numeric-text']);
    expect(a.subjects.map((s) => s.score.total.value)).toEqual([9, 8, 7, 6]);
  });

  it('rejects other text, error values, negatives, too-high scores and uncalculated formulas', () => {
    const a = run(spec(['九', { error: '#DIV/0!' }, -1, 11, { formula: 'SUM(A1)' }, true, 10]));
    // formulas without a value are found first, for the whole sheet, and said once
    expect(errors(a)).toEqual([
      '评分表!C6 uncalculated-formula',
      '评分表!C2 not-a-number',
      '评分表!C3 error-value',
      '评分表!C4 out-of-range',
      '评分表!C5 out-of-range',
      '评分表!C7 not-a-number',
    ]);
    expect(a.subjects).toEqual([]);
  });

  it('treats blanks per 缺项处理', () => {
    expect(errors(run(spec([null, 5])))).toEqual(['评分表!C2 blank-score']);
    const z = run(spec([null, '  ', 5], [['缺项处理', '按0分']]));
    expect(errors(z)).toEqual([]);
    expect(warnings(z)).toEqual(['评分表!C2 blank-as-zero', '评分表!C3 blank-as-zero']);
  });

  it('trims names and rejects duplicates and unknown adjustment subjects', () => {
    const a = run({
      indicators: [['x', 10]],
      grades: ABC,
      subjects: [
        [' 甲 ', null, 5],
        ['甲\u3000', null, 6],
      ],
      events: [['乙', '加分', '', 1]],
    });
    expect(errors(a)).toEqual(['评分表!B3 duplicate-subject', '加减分!A2 unknown-subject']);
  });

  it('reports an indicator without a column and warns on header points that disagree', () => {
    const book = makeBook({
      indicators: [
        ['x', 10],
        ['y', 5],
      ],
      grades: ABC,
      subjects: [['a', null, 5, 5]],
    });
    const header = book.sheets[1].rows[0] as unknown[];
    header[2] = 'x（20分）';
    header[3] = 'z';
    const a = assess(book);
    expect(errors(a)).toEqual(['评分表!A1 indicator-without-column']);
    expect(warnings(a)).toEqual(['评分表!C1 header-points', '评分表!D1 unknown-column']);
  });

  it('finds the header row below a title and a merged dimension row', () => {
    const book = makeBook({ indicators: [['x', 10]], grades: ABC, subjects: [['a', null, 5]] });
    (book.sheets[1] as unknown as { rows: unknown[][] }).rows = [['2026 评分表'], ['', '', '维度一'], ...(book.sheets[1].rows as unknown[][])];
    const a = assess(book);
    expect(errors(a)).toEqual([]);
    expect(a.subjects[0].input.row).toBe(4);
  });
});

describe('base scores', () => {
  it('weighted model: share of points × weight × 满分', () => {
    const a = run({
      settings: [['满分', 100]],
      dimensions: [
        ['甲', 30],
        ['乙', 70],
      ],
      indicators: [
        ['x', 100, '甲'],
        ['y', 40, '乙'],
        ['z', 60, '乙'],
      ],
      grades: ABC,
      subjects: [['a', null, 81.2, 36.3, 57.1]],
    });
    // 81.2/100×30 + 93.4/100×70 = 24.36 + 65.38
    expect(a.subjects[0].score.base.value).toBe(89.74);
    expect(a.subjects[0].score.dimensionScores.map((d) => d.value)).toEqual([24.36, 65.38]);
  });

  it('rounds the total once, half up, from the exact sum', () => {
    const a = run({
      settings: [['小数位数', 2]],
      dimensions: [
        ['甲', 50],
        ['乙', 50],
      ],
      indicators: [
        ['x', 8, '甲'],
        ['y', 8, '乙'],
      ],
      grades: ABC,
      subjects: [['a', null, 7.1, 7.2]],
    });
    // 7.1/8×50 + 7.2/8×50 = 44.375 + 45 = 89.375 → 89.38
    expect(a.subjects[0].score.total.value).toBe(89.38);
  });
});

describe('bonuses, deductions and vetoes', () => {
  const base: BookSpec = {
    settings: [
      ['加分上限', 4],
      ['否决扣分线', 10],
    ],
    indicators: [['x', 100]],
    grades: [['A', 50], ['B']],
    categories: [
      ['表彰', '加分', 2, 3],
      ['其他', '加分'],
      ['安全', '扣分', null, null, '是'],
      ['纪律', '扣分', 6, null, '是'],
    ],
    subjects: [
      ['a', null, 80],
      ['b', null, 70],
      ['c', null, 60],
    ],
  };

  it('caps per event, per category and per subject', () => {
    const a = run({
      ...base,
      events: [
        ['a', '加分', '表彰', 2.5],
        ['a', '加分', '表彰', 2],
        ['a', '加分', '其他', 3],
      ],
    });
    const s = byName(a).a;
    // 表彰: 2 + 2 = 4 → 累计上限 3; 其他 3; 6 → 加分上限 4
    expect(s.score.bonus.categories.map((c) => c.counted)).toEqual([3, 3]);
    expect(s.score.bonus.categories[0].events.map((e) => [e.counted, e.cappedByEvent])).toEqual([
      [2, true],
      [2, false],
    ]);
    expect(s.score.bonus.cappedBySubject).toBe(true);
    expect(s.score.total.value).toBe(84);
  });

  it('adds the 评分表 加分/扣分 columns as an uncapped category', () => {
    const a = run({
      ...base,
      settings: [],
      extraColumns: [
        { header: '加分', values: [1.5] },
        { header: '扣分', values: [null, 2] },
      ],
    });
    expect(byName(a).a.score.total.value).toBe(81.5);
    expect(byName(a).b.score.total.value).toBe(68);
  });

  it('vetoes by event and by the veto line over 计入否决 categories after caps', () => {
    const a = run({
      ...base,
      events: [
        ['b', '扣分', '纪律', 8],
        ['b', '扣分', '安全', 3],
        ['c', '一票否决', '', null, '', '重大事故'],
        ['a', '扣分', '纪律', 9],
      ],
    });
    const s = byName(a);
    expect(s.b.score.vetoed).toBe(false); // 纪律 8 → 6 by 单项上限, + 3 = 9 < 10
    expect(s.a.score.vetoed).toBe(false);
    expect(s.c.score.vetoed).toBe(true);
    expect(s.c.grade).toBe('B');
    const b = run({
      ...base,
      events: [
        ['b', '扣分', '纪律', 8],
        ['b', '扣分', '安全', 4],
      ],
    });
    expect(byName(b).b.score.vetoed).toBe(true);
    expect(byName(b).b.grade).toBe('B');
  });

  it('rejects unknown types, bad amounts and a category of the other kind', () => {
    const a = run({
      ...base,
      events: [
        ['a', '奖励', '', 1],
        ['a', '加分', '', -1],
        ['a', '扣分', '表彰', 1],
        ['a', '定等', '', null, 'Z'],
      ],
    });
    expect(errors(a)).toEqual(['加减分!B2 unknown-event-type', '加减分!D3 bad-amount', '加减分!C4 category-kind', '加减分!E5 unknown-grade']);
  });
});

describe('ranking', () => {
  const subjects: BookSpec['subjects'] = [
    ['a', null, 50, 40],
    ['b', null, 60, 30],
    ['c', null, 45, 40],
    ['d', null, 40, 40],
  ];
  it('competition ranking skips after ties; dense does not', () => {
    const c = run({
      indicators: [
        ['x', 100],
        ['y', 100],
      ],
      grades: ABC,
      subjects,
    });
    expect(c.subjects.map((s) => [s.name, s.rank])).toEqual([
      ['a', 1],
      ['b', 1],
      ['c', 3],
      ['d', 4],
    ]);
    const d = run({
      settings: [['排名方式', '中国式排名']],
      indicators: [
        ['x', 100],
        ['y', 100],
      ],
      grades: ABC,
      subjects: [...subjects, ['e', null, 35, 40]],
    });
    expect(d.subjects.map((s) => s.rank)).toEqual([1, 1, 2, 3, 4]);
  });

  it('breaks ties by the 同分依据 chain, in order', () => {
    const a = run({
      settings: [['同分依据', 'y、x']],
      indicators: [
        ['x', 100],
        ['y', 100],
      ],
      grades: ABC,
      subjects,
    });
    expect(a.subjects.map((s) => [s.name, s.rank])).toEqual([
      ['a', 1],
      ['b', 2],
      ['c', 3],
      ['d', 4],
    ]);
    expect(a.subjects[0].notes.map((n) => n.code)).toContain('note-tie-broken');
  });

  it('ranks within groups', () => {
    const a = run({
      indicators: [['x', 100]],
      grades: ABC,
      subjects: [
        ['a', 'G1', 50],
        ['b', 'G2', 60],
        ['c', 'G1', 70],
        ['d', 'G2', 60],
      ],
    });
    expect(a.subjects.map((s) => [s.name, s.rank, s.groupRank])).toEqual([
      ['c', 1, 1],
      ['b', 2, 1],
      ['d', 2, 1],
      ['a', 4, 2],
    ]);
  });
});

describe('grades', () => {
  const ten = (scores: number[]): BookSpec['subjects'] => scores.map((x, i) => [`s${i + 1}`, null, x]);
  const grades = (a: Assessment) => a.subjects.map((s) => s.grade).join('');

  it('makes 比例上限 × N whole by 名额取整', () => {
    const scores = ten([90, 80, 70, 60, 50, 40, 30]);
    const g = (mode: string) => run({ settings: [['名额取整', mode]], indicators: [['x', 100]], grades: [['A', 30], ['B']], subjects: scores });
    // 30% × 7 = 2.1
    expect(grades(g('四舍五入'))).toBe('AABBBBB');
    expect(grades(g('向下取整'))).toBe('AABBBBB');
    expect(grades(g('向上取整'))).toBe('AAABBBB');
    const half = run({ indicators: [['x', 100]], grades: [['A', 50], ['B']], subjects: ten([9, 8, 7]) }); // 1.5 → 2
    expect(grades(half)).toBe('AAB');
  });

  it('uses 名额 before 比例上限 and applies 最低分', () => {
    const a = run({ indicators: [['x', 100]], grades: [['A', undefined, 3, 75], ['B', undefined, undefined, 55], ['C']], subjects: ten([90, 80, 70, 60, 50]) });
    expect(grades(a)).toBe('AABBC');
    expect(a.scopes[0].grades.map((g) => g.quota)).toEqual([3, null, null]);
  });

  it('handles a tie at the quota boundary by 同分处理', () => {
    const subjects = ten([90, 80, 80, 70]);
    const g = (policy: string) =>
      run({ settings: [['同分处理', policy]], indicators: [['x', 100]], grades: [['A', undefined, 2], ['B', undefined, 1], ['C']], subjects });
    expect(grades(g('同分同等次'))).toBe('AAAB');
    expect(grades(g('同分均降'))).toBe('ACCC'); // tied again at B's quota of 1: down again
    const pending = g('待定');
    expect(grades(pending)).toBe('A待定待定B');
    expect(pending.scopes[0].pending).toBe(2);
    expect(warnings(g('同分均降')).map((w) => w.split(' ')[1])).toEqual(['tie-demoted', 'tie-demoted']);
  });

  it('keeps forced grades out of the quotas', () => {
    const a = run({
      indicators: [['x', 100]],
      grades: [['A', undefined, 1], ['B', undefined, 1], ['C']],
      subjects: ten([90, 80, 70, 60]),
      events: [
        ['s1', '一票否决', '', null, '', '事故'],
        ['s4', '一票肯定', '', null, '', '表彰'],
        ['s3', '定等', '', null, 'B', '决定'],
      ],
    });
    expect(a.subjects.map((s) => `${s.name}${s.grade}`)).toEqual(['s1C', 's2A', 's3B', 's4A']);
    expect(a.scopes[0].grades.map((g) => g.count)).toEqual([2, 1, 1]);
  });

  it('lets a veto beat 一票肯定 and 定等; 限等 caps; 降等 moves down without refilling', () => {
    const a = run({
      indicators: [['x', 100]],
      grades: [['A', undefined, 2], ['B', undefined, 1], ['C']],
      subjects: ten([90, 85, 80, 70, 60]),
      events: [
        ['s1', '一票肯定'],
        ['s1', '一票否决'],
        ['s2', '一票否优'],
        ['s3', '降等', '', 2],
        ['s5', '限等', '', null, 'C'],
      ],
    });
    const s = byName(a);
    expect(s.s1.grade).toBe('C');
    expect(s.s2.grade).toBe('B'); // cannot be A
    expect(s.s3.grade).toBe('C'); // took an A place, then down two
    expect(s.s4.grade).toBe('A'); // the second A place
    expect(s.s5.grade).toBe('C');
    expect(s.s3.outcome.demotedFrom).toBe(0);
  });

  it('grades per group with 等次范围 = 分组', () => {
    const a = run({
      settings: [['等次范围', '分组']],
      indicators: [['x', 100]],
      grades: [['A', undefined, 1], ['B']],
      subjects: [
        ['a', 'G1', 90],
        ['b', 'G1', 80],
        ['c', 'G2', 70],
        ['d', 'G2', 60],
      ],
    });
    expect(a.subjects.map((s) => `${s.name}${s.grade}`)).toEqual(['aA', 'bB', 'cA', 'dB']);
    expect(a.scopes.map((s) => s.scope)).toEqual(['G1', 'G2']);
  });

  it('warns when 比例下限 is not reached', () => {
    const a = run({ indicators: [['x', 100]], grades: [['A', 50, undefined, 95, 25], ['B']], subjects: ten([90, 80, 70, 60]) });
    expect(warnings(a)).toEqual([expect.stringMatching(/below-min-share/)]);
  });

  it('uses the published total for 最低分 and ranks (no floating point surprises)', () => {
    // 0.1 + 0.2 as cells: the exact total is 0.3, which meets a 最低分 of 0.3
    const a = run({
      settings: [['小数位数', 1]],
      indicators: [
        ['x', 1],
        ['y', 1],
      ],
      grades: [['A', undefined, undefined, 0.3], ['B']],
      subjects: [
        ['a', null, 0.1, 0.2],
        ['b', null, 0.3, 0],
      ],
    });
    expect(a.subjects.map((s) => [s.rank, s.grade])).toEqual([
      [1, 'A'],
      [1, 'A'],
    ]);
  });
});

describe('reading cells as people keep them (issue 7)', () => {
  it('同分依据 compares published indicator values, rounded half up decimal-exactly: 9.915 and 9.9101 differ at 2 decimals', () => {
    const a = run({
      settings: [['同分依据', 'y']],
      indicators: [
        ['x', 90],
        ['y', 10],
      ],
      grades: [['A', undefined, 1], ['B']],
      subjects: [
        ['a', null, 80.0899, 9.9101],
        ['b', null, 80.085, 9.915],
      ],
    });
    // both totals are 90.00 at 2 decimals; y is 9.92 for b and 9.91 for a: b ranks first, no tie
    expect(a.subjects.map((s) => [s.name, s.score.total.value, s.rank, s.grade])).toEqual([
      ['b', 90, 1, 'A'],
      ['a', 90, 2, 'B'],
    ]);
  });

  it('a percent-formatted 比例上限 is percent points; a plain 0.2 is 0.2% with a warning', () => {
    const spec = (pct: unknown): BookSpec => ({
      indicators: [['x', 10]],
      grades: [['A', pct as number], ['B']],
      subjects: [
        ['a', null, 9],
        ['b', null, 8],
        ['c', null, 7],
        ['d', null, 6],
        ['e', null, 5],
      ],
    });
    const percent = run(spec({ percent: 0.2 }));
    expect(percent.issues).toEqual([]);
    expect(percent.scopes[0].grades[0].quota).toBe(1);
    const fraction = run(spec(0.2));
    expect(warnings(fraction)).toEqual(['考核方案!B12 percent-as-fraction']);
    expect(fraction.scopes[0].grades[0].quota).toBe(0);
  });

  it('statistics rows are left out with a warning; a row with scores and no name is an error', () => {
    const stats = run({
      indicators: [['x', 10]],
      grades: ABC,
      subjects: [
        ['a', null, 9],
        ['b', null, 8],
        ['平均分', null, 8.5],
        ['Total', null, 17],
      ],
    });
    expect(stats.subjects.map((s) => s.name)).toEqual(['a', 'b']);
    expect(warnings(stats)).toEqual(['评分表!B4 statistics-row', '评分表!B5 statistics-row']);
    const nameless = run({
      indicators: [['x', 10]],
      grades: ABC,
      subjects: [
        ['a', null, 9],
        ['', null, 8],
      ],
    });
    expect(errors(nameless)).toEqual(['评分表!B3 scores-without-name']);
  });

  it('a merged 分组 belongs to every row of the merge; without merge information the lost groups are named', () => {
    const book = makeBook({
      indicators: [['x', 10]],
      grades: ABC,
      subjects: [
        ['a', '一组', 9],
        ['b', null, 8],
        ['c', '二组', 7],
        ['d', null, 6],
      ],
    });
    const scores = book.sheets[1];
    const merged = assess({
      ...book,
      sheets: [
        book.sheets[0],
        {
          ...scores,
          merges: [
            { r0: 1, c0: 2, r1: 2, c1: 2 },
            { r0: 3, c0: 2, r1: 4, c1: 2 },
          ],
        },
      ],
    });
    expect(merged.subjects.map((s) => [s.name, s.group, s.groupRank])).toEqual([
      ['a', '一组', 1],
      ['b', '一组', 2],
      ['c', '二组', 1],
      ['d', '二组', 2],
    ]);
    const unknown = assess({ ...book, sheets: [book.sheets[0], { ...scores, merges: undefined }] });
    expect(warnings(unknown).filter((w) => w.includes('group-maybe-merged'))).toEqual(['评分表!C3 group-maybe-merged', '评分表!C5 group-maybe-merged']);
  });

  it('an issue on a subject’s row names the subject', () => {
    const a = run({ indicators: [['x', 10]], grades: ABC, subjects: [['市财政局', null, 12]] });
    expect(a.issues[0].subject).toBe('市财政局');
  });

  it('suggests the closest name only when it is close', () => {
    expect(closestName('市财政', ['市财政局', '市商务局'])).toBe('市财政局');
    expect(closestName('市财正局', ['市财政局', '市商务局'])).toBe('市财政局');
    expect(closestName('乙', ['甲'])).toBeNull();
    expect(closestName('教育局', ['市教育局', '区教育局'])).toBeNull(); // two equally close
  });

  it('knows statistics labels, also qualified ones, and not unit names', () => {
    for (const label of ['平均分', '平均', '合计', '总计', '小计', '最高分', '最低分', 'Average', 'TOTAL', '全市平均分', '经济组小计'])
      expect([label, isStatisticsLabel(label)]).toEqual([label, true]);
    for (const name of ['市统计局', '市发改委', '平均路街道办事处', '合计划财务科']) expect([name, isStatisticsLabel(name)]).toEqual([name, false]);
  });
});

describe('减分 is 扣分', () => {
  it('as an event type, a category type and a 评分表 column', () => {
    const a = run({
      indicators: [['x', 10]],
      grades: ABC,
      categories: [['通报', '减分']],
      subjects: [
        ['a', null, 9],
        ['b', null, 8],
      ],
      events: [['a', '减分', '通报', 2]],
      extraColumns: [{ header: '减分', values: [null, 1] }],
    });
    expect(errors(a)).toEqual([]);
    expect(Object.fromEntries(a.subjects.map((s) => [s.name, s.score.total.value]))).toEqual({ a: 7, b: 7 });
  });
});

describe('counts typed with their unit', () => {
  it('reads 名额 `1人` and 比例上限 `40％` as numbers', () => {
    const a = run({
      indicators: [['x', 10]],
      grades: [['A', '40％' as unknown as number], ['B', undefined, '1人' as unknown as number], ['C']],
      subjects: [
        ['a', null, 9],
        ['b', null, 8],
        ['c', null, 7],
        ['d', null, 6],
        ['e', null, 5],
      ],
    });
    expect(errors(a)).toEqual([]);
    expect(a.scopes[0].grades.map((g) => g.quota)).toEqual([2, 1, null]);
  });
});

describe('备注 adds up with the numbers beside it', () => {
  it('names the per-event, category and subject caps that cut a bonus', () => {
    const a = assess(
      makeBook({
        settings: [['加分上限', 4]],
        indicators: [['x', 100]],
        grades: [['合格']],
        categories: [
          ['表彰', '加分', 2, 3],
          ['宣传', '加分', null, null],
        ],
        subjects: [['甲', null, 80]],
        events: [
          ['甲', '加分', '表彰', 2.5, '', '省级表彰'],
          ['甲', '加分', '表彰', 1.5, '', '市级表彰'],
          ['甲', '加分', '宣传', 2, '', '信息采用'],
        ],
      }),
    );
    if (!a.ok) throw new Error(JSON.stringify(a.issues));
    const s = a.subjects[0];
    expect(s.score.bonus.published.value).toBe(4);
    expect(s.notes.map((n) => noteText(n, 'zh'))).toEqual([
      '加2分：省级表彰',
      '（表彰单项原 2.5 分，超过单项上限，按 2 分计）',
      '加1.5分：市级表彰',
      '表彰累计 3.5 分，超过累计上限，按 3 分计',
      '加2分：信息采用',
      '加分合计 5 分，超过加分上限，按 4 分计',
    ]);
  });
});

describe('line breaking for print', () => {
  it('never starts a line with closing punctuation nor ends one with opening, keeps numbers whole, fits the width', () => {
    const text = '总排名第 12 名（共 835 个，竞争排名）；第一组第 3 名（共 99 个）。加分合计 5 分，超过加分上限，按 4 分计。';
    for (let width = 6; width <= 40; width++) {
      const lines = wrapLines(text, width);
      // nothing lost: the lines joined are the text
      expect(lines.join('')).toBe(text);
      for (const line of lines) {
        expect(line).not.toMatch(/^[。，、；：）」』】》]/);
        expect(line).not.toMatch(/[（「『【《]$/);
        expect(textWidth(line.trimEnd())).toBeLessThanOrEqual(width);
      }
      // 835 and 99 stay whole
      expect(lines.some((l) => /\d$/.test(l) && lines[lines.indexOf(l) + 1] && /^\d/.test(lines[lines.indexOf(l) + 1]))).toBe(false);
    }
  });
});
