// Several raters (issue 12): 评议表 with rater categories, scoring layers, 测评票 ballots and the
// head's 50/50 score, with the issue's worked vectors.
import { assess } from '../src/engine/assess';
import { nextPeriodPlan } from '../src/engine/next-period';
import type { CellValue } from '../src/engine/types';
import { book, scored } from './helpers';

const GRADES: CellValue[][] = [[], ['【等次】'], ['等次'], ['合格']];

/** A scheme of one typed indicator and the rows given for 【指标】's 来源 and the blocks after. */
function scheme(indicators: CellValue[][], blocks: CellValue[][] = [], settings: CellValue[][] = []): CellValue[][] {
  return [['【设置】'], ['项目', '内容'], ...settings, [], ['【指标】'], ['指标', '分值', '来源'], ...indicators, ...GRADES, [], ...blocks];
}

const RATERS: CellValue[][] = [
  ['【评议】'],
  ['类别', '权重(%)', '去掉最高最低', '最少人数'],
  ['自评', 0, '否', 1],
  ['同事', 50, '是', 1],
  ['领导', 50, '否', 1],
];
const BALLOT: CellValue[][] = [['【测评折算】'], ['选项', '分值'], ['优秀', 100], ['称职', 80], ['基本称职', 60], ['不称职', 0]];

const codes = (a: ReturnType<typeof assess>) => a.issues.filter((i) => i.severity === 'error').map((i) => `${i.code} ${i.sheet}!${i.cell}`);

describe('评议: raters in categories', () => {
  it('drops one highest and one lowest: 95, 90, 88, 70 give 89', () => {
    const a = scored(
      assess(
        book({
          考核方案: scheme([['工作质量', 100, '评议']], [['【评议】'], ['类别', '权重(%)', '去掉最高最低'], ['同事', 100, '是']]),
          评分表: [['名称'], ['甲']],
          评议表: [['名称', '评议人', '评议类别', '工作质量'], ...[95, 90, 88, 70].map((v, k): CellValue[] => ['甲', `同事${k}`, '同事', v])],
        }),
      ),
    );
    expect(a.subjects[0].score.total.value).toBe(89);
    const peers = a.subjects[0].derived.ratings[0].categories[0];
    expect(peers.dropped).toEqual([95, 70]);
  });

  it('weights the categories: self 0 % (reference), peers 50 % (mean 86), leaders 50 % (mean 92) give 89', () => {
    const a = scored(
      assess(
        book({
          考核方案: scheme([['工作质量', 100, '评议']], RATERS),
          评分表: [['名称'], ['甲']],
          评议表: [
            ['名称', '评议人', '评议类别', '工作质量'],
            ['甲', '甲', '自评', 100],
            ['甲', '乙', '同事', 90],
            ['甲', '丙', '同事', 82],
            ['甲', '丁', '领导', 92],
          ],
        }),
      ),
    );
    expect(a.subjects[0].score.total.value).toBe(89);
    // two peers cannot be trimmed: said in 备注
    expect(a.subjects[0].notes.map((n) => n.code)).toContain('note-untrimmed');
  });

  it('keeps a mean of three exact: 90, 88, 85 give 87.67 once rounded, not from a rounded mean', () => {
    const a = scored(
      assess(
        book({
          考核方案: scheme(
            [
              ['工作质量', 100, '评议'],
              ['出勤', 100],
            ],
            [['【评议】'], ['类别', '权重(%)'], ['同事', 100]],
          ),
          评分表: [
            ['名称', '出勤'],
            ['甲', 0.005],
          ],
          评议表: [
            ['名称', '评议人', '评议类别', '工作质量'],
            ['甲', '乙', '同事', 90],
            ['甲', '丙', '同事', 88],
            ['甲', '丁', '同事', 85],
          ],
        }),
      ),
    );
    // 263/3 + 0.005 = 87.671666… → 87.67
    expect(a.subjects[0].score.total.value).toBe(87.67);
  });

  it('errors at the cell: self outside 自评, too few raters, a weighted category without raters, above 分值', () => {
    const a = assess(
      book({
        考核方案: scheme(
          [['工作质量', 100, '评议']],
          [['【评议】'], ['类别', '权重(%)', '去掉最高最低', '最少人数'], ['自评', 0, '否', 1], ['同事', 50, '否', 2], ['领导', 50, '否', 1]],
        ),
        评分表: [['名称'], ['甲'], ['乙']],
        评议表: [
          ['名称', '评议人', '评议类别', '工作质量'],
          ['甲', '甲', '同事', 90],
          ['甲', '丁', '领导', 120],
          ['乙', '甲', '同事', 80],
          ['乙', '丙', '同事', 80],
          ['乙', '丁', '外单位', 80],
        ],
      }),
    );
    expect(codes(a)).toEqual(
      expect.arrayContaining([
        'rater-self 评议表!B2',
        'out-of-range 评议表!D3',
        'rater-unknown-category 评议表!C6',
        'rater-too-few 评议表!A2',
        'rater-missing-category 评议表!A4',
      ]),
    );
  });

  it('needs 【评议】 and 评议表, and 评分表 has no column for a rated indicator', () => {
    expect(codes(assess(book({ 考核方案: scheme([['工作质量', 100, '评议']]), 评分表: [['名称'], ['甲']] })))).toContain('rated-without-raters 考核方案!');
    const a = assess(
      book({
        考核方案: scheme([['工作质量', 100, '评议']], RATERS),
        评分表: [
          ['名称', '工作质量'],
          ['甲', 90],
        ],
      }),
    );
    expect(codes(a)).toContain('derived-sheet-missing 评议表!');
    expect(a.issues.find((i) => i.code === 'indicator-derived-column')?.cell).toBe('B1');
  });
});

describe('layers: 自评, 初评, 复评, 复核', () => {
  it('counts the last layer filled in and keeps the others', () => {
    const a = scored(
      assess(
        book({
          考核方案: scheme([
            ['工作质量', 10],
            ['出勤', 10],
          ]),
          评分表: [
            ['名称', '工作质量（自评）', '工作质量（初评）', '工作质量（复评）', '出勤'],
            ['甲', 9, 8, 8.5, 10],
            ['乙', 9, 7, null, 10],
          ],
        }),
      ),
    );
    const total = (name: string) => a.subjects.find((s) => s.name === name)!.score.total.value;
    expect(total('甲')).toBe(18.5);
    expect(total('乙')).toBe(17);
    expect(a.subjects.find((s) => s.name === '乙')!.input.layers![0]).toEqual([
      { layer: '自评', value: 9, cell: 'B3' },
      { layer: '初评', value: 7, cell: 'C3' },
      { layer: '复评', value: null, cell: 'D3' },
    ]);
  });

  it('checks every layer filled in, and refuses a plain column beside layered ones', () => {
    const a = assess(
      book({
        考核方案: scheme([['工作质量', 10]]),
        评分表: [
          ['名称', '工作质量（自评）', '工作质量（初评）'],
          ['甲', 12, 8],
        ],
      }),
    );
    expect(codes(a)).toEqual(['out-of-range 评分表!B2']);
    const b = assess(
      book({
        考核方案: scheme([['工作质量', 10]]),
        评分表: [
          ['名称', '工作质量', '工作质量（复评）'],
          ['甲', 9, 8],
        ],
      }),
    );
    expect(codes(b)).toEqual(['layer-and-plain 评分表!B1']);
  });
});

describe('测评: ballots', () => {
  it('40 ballots 25 / 12 / 2 / 1 give 89.5 on a 100 scale, 8.95 on a 10-point indicator, 满意率 92.5 %', () => {
    const a = scored(
      assess(
        book({
          考核方案: scheme([['民主测评', 10, '测评']], BALLOT),
          评分表: [['名称'], ['甲']],
          测评票: [
            ['名称', '优秀', '称职', '基本称职', '不称职', '应到人数'],
            ['甲', 25, 12, 2, 1, 42],
          ],
        }),
      ),
    );
    expect(a.subjects[0].score.total.value).toBe(8.95);
    const b = a.subjects[0].derived.ballots[0];
    expect(b.votes).toEqual([25, 12, 2, 1]);
    expect(Number(b.average.n) / Number(b.average.d)).toBe(89.5);
    expect(Number(b.satisfaction.n) / Number(b.satisfaction.d)).toBe(0.925);
  });

  it('errors: votes not whole, negative, more than 应到人数, a subject without ballots', () => {
    const a = assess(
      book({
        考核方案: scheme([['民主测评', 10, '测评']], BALLOT),
        评分表: [['名称'], ['甲'], ['乙'], ['丙']],
        测评票: [
          ['名称', '优秀', '称职', '基本称职', '不称职', '应到人数'],
          ['甲', 2.5, 12, 2, 1, 40],
          ['乙', 30, -1, 0, 0, 40],
          ['丙', 30, 10, 1, 0, 40],
        ],
      }),
    );
    expect(codes(a)).toEqual(expect.arrayContaining(['ballot-bad-votes 测评票!B2', 'ballot-bad-votes 测评票!C3', 'ballot-over-expected 测评票!A4']));
    const b = assess(
      book({
        考核方案: scheme([['民主测评', 10, '测评']], BALLOT),
        评分表: [['名称'], ['甲'], ['乙']],
        测评票: [
          ['名称', '优秀', '称职', '基本称职', '不称职'],
          ['甲', 1, 0, 0, 0],
        ],
      }),
    );
    expect(codes(b)).toEqual(['ballot-missing 测评票!A1']);
  });
});

describe('负责人计分', () => {
  const heads = (rule: string, rows: CellValue[][]) =>
    assess(book({ 考核方案: scheme([['总分项', 100]], [], [['负责人计分', rule]]), 评分表: [['名称', '部门', '负责人', '总分项'], ...rows] }));

  it('own 91.35, staff 88.40, 90.15, 86.76 give 89.89 (the staff mean is not rounded first)', () => {
    const a = scored(
      heads('本人50%+部门平均50%', [
        ['王科长', '办公室', '是', 91.35],
        ['甲', '办公室', null, 88.4],
        ['乙', '办公室', null, 90.15],
        ['丙', '办公室', null, 86.76],
        ['丁', '财务科', null, 99],
      ]),
    );
    const head = a.subjects.find((s) => s.name === '王科长')!;
    expect(head.score.total.value).toBe(89.89);
    expect(head.derived.head!.staff.map((s) => s.name)).toEqual(['甲', '乙', '丙']);
    // ranks use the derived total: 丁 99, 乙 90.15, 王科长 89.89, 甲 88.40
    expect(a.subjects.map((s) => s.name)).toEqual(['丁', '乙', '王科长', '甲', '丙']);
  });

  it('other weights, a head alone keeps their own total with a note, a head without 部门 is an error', () => {
    const a = scored(
      heads('本人70%+部门平均30%', [
        ['王科长', '办公室', '是', 90],
        ['甲', '办公室', null, 80],
        ['李科长', '财务科', '是', 85],
      ]),
    );
    expect(a.subjects.find((s) => s.name === '王科长')!.score.total.value).toBe(87);
    const alone = a.subjects.find((s) => s.name === '李科长')!;
    expect(alone.score.total.value).toBe(85);
    expect(alone.notes.map((n) => n.code)).toContain('note-head-alone');
    expect(codes(heads('本人50%+部门平均50%', [['王科长', null, '是', 90]]))).toEqual(['head-without-department 评分表!B2']);
    expect(codes(heads('本人60%+部门平均50%', [['王科长', '办公室', '是', 90]]))).toEqual(['bad-setting 考核方案!B3']);
  });
});

describe('the next period', () => {
  it('empties the raters’ scores and the votes, keeping who rates whom, categories and 应到人数', () => {
    const plan = nextPeriodPlan(
      book({
        考核方案: scheme(
          [
            ['工作质量', 100, '评议'],
            ['民主测评', 10, '测评'],
          ],
          [...RATERS, [], ...BALLOT],
        ),
        评分表: [['名称'], ['甲']],
        评议表: [
          ['名称', '评议人', '评议类别', '工作质量'],
          ['甲', '乙', '同事', 90],
        ],
        测评票: [
          ['名称', '优秀', '称职', '基本称职', '不称职', '应到人数'],
          ['甲', 25, 12, 2, 1, 42],
        ],
      }),
    );
    if (!plan.ok) throw new Error(JSON.stringify(plan.issues));
    const of = (sheet: string) => plan.clear.find((c) => c.sheet === sheet)!.cells;
    expect(of('评议表')).toEqual([[1, 3]]);
    expect(of('测评票')).toEqual([
      [1, 1],
      [1, 2],
      [1, 3],
      [1, 4],
    ]);
  });
});

describe('负责人计分 with 【期间】', () => {
  it('applies in each period before the roll-up: Q1 89.89, Q2 85.00, the year’s mean 87.445 → 87.45', () => {
    const sheet = (rows: CellValue[][]): CellValue[][] => [['名称', '部门', '负责人', '总分项'], ...rows];
    const a = scored(
      assess(
        book({
          考核方案: [
            ...scheme([['总分项', 100]], [], [['负责人计分', '本人50%+部门平均50%']]),
            [],
            ['【期间】'],
            ['期间', '工作表'],
            ['一季度', 'Q1'],
            ['二季度', 'Q2'],
          ],
          Q1: sheet([
            ['王科长', '办公室', '是', 91.35],
            ['甲', '办公室', null, 88.4],
            ['乙', '办公室', null, 90.15],
            ['丙', '办公室', null, 86.76],
          ]),
          Q2: sheet([
            ['王科长', '办公室', '是', 90],
            ['甲', '办公室', null, 80],
          ]),
        }),
      ),
    );
    const head = a.subjects.find((s) => s.name === '王科长')!;
    expect(head.periods!.results.map((r) => r?.score.total.value)).toEqual([89.89, 85]);
    expect(head.score.total.value).toBe(87.45);
    expect(head.notes.filter((n) => n.code === 'note-head-period').map((n) => n.params.period)).toEqual(['一季度', '二季度']);
  });
});
