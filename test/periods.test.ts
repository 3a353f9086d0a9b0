// Periods rolled into a year (【期间】): the issue's test vectors, the settings, and bad input.
import { assess } from '../src/engine/assess';
import type { CellValue } from '../src/engine/types';
import { assessScored, book } from './helpers';

interface PeriodBook {
  settings?: [string, CellValue][];
  /** 期间, 工作表, 权重 */
  periods: [string, string, CellValue?][];
  /** by sheet: [name, group, score, 加分?] rows */
  sheets: Record<string, [string, string | null, CellValue, CellValue?][]>;
  /** name, 类型, 类别, 分值, 事由, 期间 */
  events?: [string, string, string, CellValue, string, string][];
  categories?: [string, string, number | null, number | null, string][];
  grades?: [string, number | null, number | null][];
}

/** An annual workbook: one indicator 得分 (分值 100); each period a sheet in 评分表's layout. */
function periodBook(spec: PeriodBook) {
  const scheme: CellValue[][] = [['【设置】'], ['项目', '内容'], ...(spec.settings ?? []), []];
  scheme.push(['【指标】'], ['指标', '分值'], ['得分', 100], []);
  scheme.push(
    ['【等次】'],
    ['等次', '名额', '最低分'],
    ...(spec.grades ?? [
      ['优秀', 1, null],
      ['合格', null, null],
    ]),
    [],
  );
  if (spec.categories) scheme.push(['【加减分类别】'], ['类别', '类型', '单项上限', '累计上限', '计入否决'], ...spec.categories, []);
  scheme.push(['【期间】'], ['期间', '工作表', '权重(%)'], ...spec.periods.map(([p, s, w]) => [p, s, w ?? null]));
  const sheets: Record<string, CellValue[][]> = { 考核方案: scheme };
  for (const [name, rows] of Object.entries(spec.sheets)) {
    const grouped = rows.some((r) => r[1] !== null);
    sheets[name] = [['名称', ...(grouped ? ['分组'] : []), '得分', '加分'], ...rows.map(([n, g, v, b]) => [n, ...(grouped ? [g] : []), v, b ?? null])];
  }
  if (spec.events) sheets['加减分'] = [['名称', '类型', '类别', '分值', '事由', '期间'], ...spec.events];
  return book(sheets);
}

const QUARTERS: [string, string][] = [
  ['第一季度', '一季度'],
  ['第二季度', '二季度'],
  ['第三季度', '三季度'],
  ['第四季度', '四季度'],
];
const FOUR = { 一季度: 88.5, 二季度: 91.2, 三季度: 86.75, 四季度: 90.1 };

function quarters(values: Record<string, number>, settings: [string, CellValue][] = [], others: Record<string, number> = {}) {
  return periodBook({
    settings,
    periods: QUARTERS,
    sheets: Object.fromEntries(
      QUARTERS.map(([, sheet]) => [
        sheet,
        [
          ...(sheet in values ? [['甲', null, values[sheet]] as [string, null, number]] : []),
          ...(sheet in others ? [['乙', null, others[sheet]] as [string, null, number]] : []),
        ],
      ]),
    ),
  });
}

const subject = (a: ReturnType<typeof assessScored>, name: string) => a.subjects.find((s) => s.name === name)!;
const codes = (book: Parameters<typeof assess>[0], severity = 'error') =>
  assess(book)
    .issues.filter((i) => i.severity === severity)
    .map((i) => `${i.sheet}!${i.cell} ${i.code}`);

describe('periods: the test vectors', () => {
  it('sums four quarters: 88.50 + 91.20 + 86.75 + 90.10 = 356.55', () => {
    const a = assessScored(quarters(FOUR, [['期间汇总', '求和']]));
    expect(subject(a, '甲').score.total.value).toBe(356.55);
  });

  it('averages them to 89.14 (from 89.1375, rounded once, half-up)', () => {
    const a = assessScored(quarters(FOUR));
    const s = subject(a, '甲');
    expect(s.score.total.value).toBe(89.14);
    expect(s.periods!.results.map((r) => r!.score.total.value)).toEqual([88.5, 91.2, 86.75, 90.1]);
  });

  it('averages the periods assessed for someone missing Q1: 89.35, with a note', () => {
    const others = { 二季度: 91.2, 三季度: 86.75, 四季度: 90.1 };
    const a = assessScored(quarters(FOUR, [], others));
    const s = subject(a, '乙');
    expect(s.score.total.value).toBe(89.35);
    expect(s.periods!.missing).toEqual(['第一季度']);
    expect(s.notes.map((n) => n.code)).toContain('note-periods-average');
    // the same person under 求和: the missing quarter counts as their mean
    expect(subject(assessScored(quarters(FOUR, [['期间汇总', '求和']], others)), '乙').score.total.value).toBe(357.4);
    // 按0分: 268.05 / 4 = 67.0125
    const zero = subject(assessScored(quarters(FOUR, [['缺期处理', '按0分']], others)), '乙');
    expect(zero.score.total.value).toBe(67.01);
    expect(zero.notes.map((n) => n.code)).toContain('note-periods-zero');
  });

  it('weights 30/70 on 80 and 90: 87.00', () => {
    const a = assessScored(
      periodBook({
        settings: [['期间汇总', '加权']],
        periods: [
          ['上半年', '上半年', 30],
          ['年终', '年终', 70],
        ],
        sheets: { 上半年: [['甲', null, 80]], 年终: [['甲', null, 90]] },
      }),
    );
    expect(subject(a, '甲').score.total.value).toBe(87);
  });
});

describe('periods: adjustments, vetoes and ranking', () => {
  const events = (rows: [string, string, string, CellValue, string, string][], settings: [string, CellValue][] = []) =>
    periodBook({
      settings,
      periods: QUARTERS.slice(0, 2),
      sheets: {
        一季度: [
          ['甲', null, 80],
          ['乙', null, 81],
        ],
        二季度: [
          ['甲', null, 90],
          ['乙', null, 88],
        ],
      },
      categories: [['表彰', '加分', null, 3, '否']],
      events: rows,
    });

  it('counts a period event in that period (capped there) and a year event on the year', () => {
    const a = assessScored(
      events([
        ['甲', '加分', '表彰', 2, '一季度表彰', '第一季度'],
        ['甲', '加分', '表彰', 2, '一季度再表彰', '第一季度'],
        ['甲', '加分', '表彰', 1, '全年', ''],
      ]),
    );
    const s = subject(a, '甲');
    // Q1: 80 + min(4, 3) = 83; Q2: 90; mean 86.5; + 1 for the year
    expect(s.periods!.results.map((r) => r!.score.total.value)).toEqual([83, 90]);
    expect(s.periods!.rolledUp.value).toBe(86.5);
    expect(s.score.bonus.published.value).toBe(1);
    expect(s.score.total.value).toBe(87.5);
  });

  it('caps every event of the year together under 加减分上限范围 = 全年', () => {
    const a = assessScored(
      events(
        [
          ['甲', '加分', '表彰', 2, 'a', '第一季度'],
          ['甲', '加分', '表彰', 2, 'b', '第二季度'],
          ['甲', '加分', '表彰', 1, 'c', ''],
        ],
        [['加减分上限范围', '全年']],
      ),
    );
    const s = subject(a, '甲');
    // periods are their bases (80, 90 → 85); the year's bonus is min(2 + 2 + 1, 3) = 3
    expect(s.periods!.results.map((r) => r!.score.total.value)).toEqual([80, 90]);
    expect(s.score.bonus.published.value).toBe(3);
    expect(s.score.total.value).toBe(88);
  });

  it('carries a period veto to the year unless 否决延续 = 否', () => {
    const veto: [string, string, string, CellValue, string, string][] = [['甲', '一票否决', '', null, '安全事故', '第二季度']];
    const carried = subject(assessScored(events(veto)), '甲');
    expect(carried.score.vetoed).toBe(true);
    expect(carried.grade).toBe('合格');
    const kept = subject(assessScored(events(veto, [['否决延续', '否']])), '甲');
    expect(kept.score.vetoed).toBe(false);
    expect(kept.notes.map((n) => n.code)).toContain('note-period-veto-kept');
  });

  it('ranks and grades on the rolled-up total, and breaks ties by a period', () => {
    // 甲 80, 90 and 乙 90, 80: both 85; 同分依据 第二季度 puts 甲 first
    const tied = periodBook({
      settings: [['同分依据', '第二季度']],
      periods: QUARTERS.slice(0, 2),
      sheets: {
        一季度: [
          ['甲', null, 80],
          ['乙', null, 90],
        ],
        二季度: [
          ['甲', null, 90],
          ['乙', null, 80],
        ],
      },
    });
    const a = assessScored(tied);
    expect(a.subjects.map((s) => [s.name, s.rank, s.grade])).toEqual([
      ['甲', 1, '优秀'],
      ['乙', 2, '合格'],
    ]);
  });
});

describe('periods: bad input', () => {
  it('reports a listed sheet that is missing at its 工作表 cell', () => {
    const b = quarters(FOUR);
    const without = { ...b, sheetNames: b.sheetNames.filter((n) => n !== '三季度'), sheets: b.sheets.filter((s) => s.name !== '三季度') };
    const rows = b.sheets[0].rows;
    const r = rows.findIndex((row) => row[1] === '三季度');
    expect(codes(without)).toEqual([`考核方案!B${r + 1} period-sheet-missing`]);
    // an event of that period is not reported again
    const withEvent = {
      ...without,
      sheetNames: [...without.sheetNames, '加减分'],
      sheets: [
        ...without.sheets,
        {
          name: '加减分',
          rows: [
            ['名称', '类型', '分值', '期间'],
            ['甲', '加分', 1, '第三季度'],
          ],
        },
      ],
    };
    expect(codes(withEvent)).toEqual([`考核方案!B${r + 1} period-sheet-missing`]);
  });

  it('under 缺期处理 = 报错, names the periods missing at the subject’s name', () => {
    const a = assess(quarters(FOUR, [['缺期处理', '报错']], { 二季度: 91.2, 四季度: 90.1 }));
    const e = a.issues.find((i) => i.code === 'period-absent')!;
    expect([e.sheet, e.cell, e.subject]).toEqual(['二季度', 'A3', '乙']);
    expect(e.params.periods).toEqual(['第一季度', '第三季度']);
    expect(a.ok).toBe(false);
  });

  it('needs weights adding up to 100 under 加权', () => {
    const b = periodBook({
      settings: [['期间汇总', '加权']],
      periods: [
        ['上半年', '上半年', 30],
        ['年终', '年终', 60],
        ['附加', '附加'],
      ],
      sheets: { 上半年: [['甲', null, 80]], 年终: [['甲', null, 90]], 附加: [['甲', null, 90]] },
    });
    const found = codes(b);
    expect(found).toEqual(expect.arrayContaining([expect.stringMatching(/period-without-weight$/)]));
    const fixed = periodBook({
      settings: [['期间汇总', '加权']],
      periods: [
        ['上半年', '上半年', 30],
        ['年终', '年终', 60],
      ],
      sheets: { 上半年: [['甲', null, 80]], 年终: [['甲', null, 90]] },
    });
    expect(codes(fixed)).toEqual([expect.stringMatching(/period-weights-sum$/)]);
  });

  it('reports an event whose 期间 names no period, or a period its subject was not in', () => {
    const b = periodBook({
      periods: QUARTERS.slice(0, 2),
      sheets: {
        一季度: [['甲', null, 80]],
        二季度: [
          ['甲', null, 90],
          ['乙', null, 70],
        ],
      },
      events: [
        ['甲', '加分', '', 1, 'x', '第五季度'],
        ['乙', '扣分', '', 1, 'y', '第一季度'],
      ],
    });
    expect(codes(b)).toEqual(['加减分!F2 unknown-period', '加减分!F3 event-period-absent']);
  });

  it('warns when a subject changes groups between periods, and ranks it in the last', () => {
    const b = periodBook({
      periods: QUARTERS.slice(0, 2),
      sheets: {
        一季度: [
          ['甲', '一组', 80],
          ['乙', '一组', 70],
        ],
        二季度: [
          ['甲', '二组', 90],
          ['乙', '一组', 70],
        ],
      },
    });
    expect(codes(b, 'warning')).toEqual(['二季度!A2 period-group-changed']);
    expect(subject(assessScored(b), '甲').group).toBe('二组');
  });

  it('does not need 评分表, and says so when one is there but unused', () => {
    const b = quarters(FOUR);
    const withScores = book({
      ...Object.fromEntries(b.sheets.map((s) => [s.name, s.rows as CellValue[][]])),
      评分表: [
        ['名称', '得分'],
        ['丙', 50],
      ],
    });
    expect(codes(withScores, 'warning')).toEqual(['评分表! scores-sheet-unused']);
    expect(assessScored(withScores).subjects.map((s) => s.name)).toEqual(['甲']);
  });
});
