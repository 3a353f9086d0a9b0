// `kaoping combine`: quarterly workbooks into one annual workbook.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { combineWorkbooks, type PeriodFile } from '../src/app/combine';
import { readInputs } from '../src/app/score-workbook';
import { assess } from '../src/engine/assess';
import { planCombine, type PeriodBook } from '../src/engine/combine';
import { XlsxWorkbook } from '../src/hosts/xlsx/xlsx-workbook';
import type { CellValue } from '../src/engine/types';
import { assessFile, book, examplePath, ROOT, scored } from './helpers';
import { main } from '../src/cli/main';

const quarterPath = (q: number) => join(ROOT, 'examples', 'quarters', `2026-Q${q}.xlsx`);

async function quarterFiles(): Promise<PeriodFile[]> {
  const files: PeriodFile[] = [];
  for (const q of [1, 2, 3, 4])
    files.push({ fileName: `2026-Q${q}.xlsx`, fileTitle: `2026-Q${q}`, book: await XlsxWorkbook.load(readFileSync(quarterPath(q))) });
  return files;
}

/** A quarter in memory: one indicator, the units given with their scores. */
function quarter(fileTitle: string, period: string, units: [string, number][], points = 100): PeriodBook {
  const b = book({
    考核方案: [
      ['【设置】'],
      ['项目', '内容'],
      ['考核期间', period],
      [],
      ['【指标】'],
      ['指标', '分值'],
      ['得分', points],
      [],
      ['【等次】'],
      ['等次'],
      ['合格'],
    ],
    评分表: [['名称', '得分'], ...units.map(([n, v]): CellValue[] => [n, v])],
  });
  return { ...b, fileName: `${fileTitle}.xlsx`, fileTitle };
}

describe('combine', () => {
  it('makes from the four quarters a workbook that scores as the bundled annual example', async () => {
    const combined = await combineWorkbooks(await quarterFiles());
    expect(combined.ok).toBe(true);
    if (!combined.ok) return;
    expect(combined.issues.map((i) => `${i.sheet}!${i.cell} ${i.code}`)).toEqual(['[2026-Q3.xlsx]评分表!B10 combine-unit-partial']);
    const snap = await readInputs(combined.book);
    expect(snap.sheetNames).toEqual(['考核方案', '2026年第一季度', '2026年第二季度', '2026年第三季度', '2026年第四季度', '加减分']);
    const a = scored(assess({ fileTitle: 'x', sheetNames: snap.sheetNames, sheets: snap.sheets }));
    const example = scored(await assessFile(examplePath('ex5-annual-4-quarters')));
    const summary = (x: typeof a) => x.subjects.map((s) => [s.name, s.score.total.value, s.rank, s.grade]);
    expect(summary(a)).toEqual(summary(example));
    // each quarter's events carry their period; 考核期间 names the year's span
    expect(a.subjects.find((s) => s.name === '市财政局')!.periods!.results.map((r) => r!.score.bonus.published.value)).toEqual([2, 0, 2, 0]);
    expect(a.scheme.settings.period).toBe('2026年第一季度至2026年第四季度');
  });

  it('names a unit new in a later quarter, and one that looks renamed', () => {
    const plan = planCombine([
      quarter('q1', '第一季度', [
        ['市发改委', 90],
        ['市财政局', 80],
      ]),
      quarter('q2', '第二季度', [
        ['市发展改革委', 91],
        ['市财政局', 82],
        ['市数据局', 70],
      ]),
    ]);
    expect(plan.ok).toBe(true);
    expect(plan.issues.map((i) => [i.sheet, i.cell, i.code, i.params.name])).toEqual([
      ['[q1.xlsx]评分表', 'A2', 'combine-unit-partial', '市发改委'],
      ['[q2.xlsx]评分表', 'A2', 'combine-unit-renamed', '市发展改革委'],
      ['[q2.xlsx]评分表', 'A4', 'combine-unit-partial', '市数据局'],
    ]);
  });

  it('refuses quarters whose indicators differ, and a workbook that is already combined', () => {
    const differ = planCombine([quarter('q1', '第一季度', [['甲', 90]]), quarter('q2', '第二季度', [['甲', 90]], 50)]);
    expect(differ.ok).toBe(false);
    expect(differ.issues.map((i) => `${i.sheet} ${i.code}`)).toEqual(['[q1.xlsx]考核方案 combine-scheme-differs']);
    const q = quarter('q1', '第一季度', [['甲', 90]]);
    const periodic = {
      ...q,
      sheets: q.sheets.map((s) => (s.name === '考核方案' ? { ...s, rows: [...s.rows, [], ['【期间】'], ['期间', '工作表'], ['一', '评分表']] } : s)),
    };
    expect(planCombine([periodic, quarter('q2', '第二季度', [['甲', 90]])]).issues.map((i) => i.code)).toEqual(['combine-periodic']);
  });

  it('names periods by their files when 考核期间 is blank or repeated', () => {
    const plan = planCombine([quarter('一季度', '', [['甲', 90]]), quarter('二季度', '', [['甲', 91]])]);
    expect(plan.ok && plan.periods.map((p) => p.name)).toEqual(['一季度', '二季度']);
  });

  it('with 年度 dimensions adds a blank 年度 sheet to fill in, and the year scores once it is filled', () => {
    const yearly = (fileTitle: string, period: string, units: [string, string, number][]): PeriodBook => {
      const b = book({
        考核方案: [
          ['【设置】'],
          ['项目', '内容'],
          ['考核期间', period],
          ['期间汇总', '求和'],
          [],
          ['【指标】'],
          ['指标', '分值', '周期'],
          ['公共目标', 150, '半年'],
          ['执行力建设', 400, '年度'],
          [],
          ['【等次】'],
          ['等次'],
          ['合格'],
        ],
        评分表: [['名称', '分组', '公共目标'], ...units.map(([n, g, v]): CellValue[] => [n, g, v])],
      });
      return { ...b, fileName: `${fileTitle}.xlsx`, fileTitle };
    };
    // 考核期间 2026年度 in both (a template's default) cannot name a half-year: the files do
    const plan = planCombine([
      yearly('上半年', '2026年度', [
        ['甲', '一组', 140],
        ['乙', '二组', 120],
      ]),
      yearly('下半年', '2026年度', [['甲', '一组', 150]]),
    ]);
    expect(plan.ok).toBe(true);
    if (!plan.ok) return;
    expect(plan.periods.map((p) => p.name)).toEqual(['上半年', '下半年', '年度']);
    expect(plan.periods[2].rows).toEqual([
      ['名称', '分组', '执行力建设（400分）'],
      ['甲', '一组', null],
      ['乙', '二组', null],
    ]);
    const year = (filled: CellValue[][]) =>
      assess({
        fileTitle: 'x',
        sheetNames: ['考核方案', '上半年', '下半年', '年度'],
        sheets: [plan.scheme, ...plan.periods.slice(0, 2), { ...plan.periods[2], rows: filled }].map((s) => ({
          name: s.name,
          rows: s.rows as CellValue[][],
          merges: [],
        })),
      });
    // blank 年度 scores are errors until filled in
    expect(
      year(plan.periods[2].rows as CellValue[][])
        .issues.filter((i) => i.severity === 'error')
        .map((i) => `${i.sheet}!${i.cell} ${i.code}`),
    ).toEqual(['年度!C2 blank-score', '年度!C3 blank-score']);
    const a = scored(
      year([
        ['名称', '分组', '执行力建设（400分）'],
        ['甲', '一组', 380],
        ['乙', '二组', 300],
      ]),
    );
    // the halves' own 期间汇总 = 求和 is kept: 甲 140 + 150 + 380; 乙 only in the first half, the
    // second counted as its mean: 120 + 120 + 300
    expect(a.subjects.map((s) => [s.name, s.score.total.value])).toEqual([
      ['甲', 670],
      ['乙', 540],
    ]);
  });

  it('runs from the command line and never writes its inputs', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kaoping-combine-'));
    const out = join(dir, '年度.xlsx');
    const before = [1, 2, 3, 4].map((q) => readFileSync(quarterPath(q)));
    const io = { cwd: ROOT, stdout: { write: () => true }, stderr: { write: () => true }, env: { LANG: 'zh_CN.UTF-8' } };
    const code = await main(['combine', ...[1, 2, 3, 4].map(quarterPath), '-o', out], io as never);
    expect(code).toBe(0);
    expect([1, 2, 3, 4].map((q) => readFileSync(quarterPath(q)))).toEqual(before);
    const a = scored(await assessFile(out));
    expect(a.subjects.length).toBe(9);
    // a single workbook is not a combination
    expect(await main(['combine', quarterPath(1), '-o', join(dir, 'x.xlsx')], io as never)).toBe(2);
  });
});
