// Shared helpers for tests: open workbooks from the project's examples and fixtures.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XlsxWorkbook } from '../src/hosts/xlsx/xlsx-workbook';
import { assess, type Assessment, type AssessInput, type ScoredAssessment } from '../src/engine/assess';
import { readInputs } from '../src/app/score-workbook';
import type { CellValue, SheetData } from '../src/engine/types';

export const ROOT = join(__dirname, '..');
export const EXAMPLES = ['ex1-departments-30', 'ex2-staff-weighted-12', 'ex3-units-grouped-9', 'ex4-bad-input', 'ex5-annual-4-quarters', 'ex6-staff-raters-10'];

export function examplePath(name: string): string {
  return join(ROOT, 'examples', `${name}.xlsx`);
}

export function expected(name: string): any {
  return JSON.parse(readFileSync(join(ROOT, 'test', 'fixtures', `${name}.expected.json`), 'utf8'));
}

export async function assessFile(path: string): Promise<Assessment> {
  const book = await XlsxWorkbook.load(readFileSync(path));
  const snap = await readInputs(book);
  return assess({ fileTitle: 'test', sheetNames: snap.sheetNames, sheets: snap.sheets });
}

/** An in-memory workbook from sheets given as arrays. */
export function book(sheets: Record<string, CellValue[][]>): { sheetNames: string[]; sheets: SheetData[]; fileTitle: string } {
  return { fileTitle: 'test', sheetNames: Object.keys(sheets), sheets: Object.entries(sheets).map(([name, rows]) => ({ name, rows })) };
}

export interface BookSpec {
  settings?: [string, CellValue][];
  dimensions?: [string, number][];
  /** name, points, dimension */
  indicators: [string, number, string?][];
  /** name, 比例上限, 名额, 最低分, 比例下限 */
  grades: [string, number?, number?, number?, number?][];
  categories?: [string, string, (number | null)?, (number | null)?, string?][];
  /** name, group, scores... */
  subjects: [string, string | null, ...CellValue[]][];
  /** name, 类型, 类别, 分值, 等次, 事由 */
  events?: [string, string, string?, CellValue?, string?, string?][];
  extraColumns?: { header: string; values: CellValue[] }[];
}

/** A workbook's input sheets from a compact description, laid out as users do. */
export function makeBook(spec: BookSpec): { sheetNames: string[]; sheets: SheetData[]; fileTitle: string } {
  const scheme: CellValue[][] = [['测试 考核方案'], [], ['【设置】'], ['项目', '内容'], ...(spec.settings ?? []).map(([k, v]) => [k, v]), []];
  if (spec.dimensions) scheme.push(['【维度】'], ['维度', '权重(%)'], ...spec.dimensions.map(([n, w]) => [n, w]), []);
  scheme.push(['【指标】'], ['编号', '维度', '指标', '分值', '牵头部门', '评分标准']);
  spec.indicators.forEach(([n, p, d], i) => scheme.push([`Z${i + 1}`, d ?? null, n, p, `部门${i % 2}`, null]));
  scheme.push([], ['【等次】'], ['等次', '比例上限(%)', '比例下限(%)', '名额', '最低分', '说明']);
  for (const [n, pct, count, min, minPct] of spec.grades) scheme.push([n, pct ?? null, minPct ?? null, count ?? null, min ?? null, null]);
  if (spec.categories) {
    scheme.push([], ['【加减分类别】'], ['类别', '类型', '单项上限', '累计上限', '计入否决']);
    for (const [n, t, ec, tc, v] of spec.categories) scheme.push([n, t, ec ?? null, tc ?? null, v ?? null]);
  }
  const hasGroups = spec.subjects.some((s) => s[1] !== null);
  const extra = spec.extraColumns ?? [];
  const scores: CellValue[][] = [['序号', '名称', ...(hasGroups ? ['分组'] : []), ...spec.indicators.map(([n]) => n), ...extra.map((e) => e.header)]];
  spec.subjects.forEach(([name, group, ...vals], i) =>
    scores.push([i + 1, name, ...(hasGroups ? [group] : []), ...vals, ...extra.map((e) => e.values[i] ?? null)]),
  );
  const sheets: Record<string, CellValue[][]> = { 考核方案: scheme, 评分表: scores };
  if (spec.events) {
    sheets['加减分'] = [
      ['名称', '类型', '类别', '分值', '等次', '事由', '依据', '日期'],
      ...spec.events.map(([n, t, c, a, g, r]) => [n, t, c ?? null, a ?? null, g ?? null, r ?? null, null, null]),
    ];
  }
  return book(sheets);
}

/** A sheet a user made (no kaoping mark), as a spec any host can add. */
export function userSheet(name: string, rows: (string | number)[][] = [['我的表']]): import('../src/report/spec').SheetSpec {
  return {
    role: null,
    name,
    cells: rows,
    styles: [],
    merges: [],
    columnWidths: [],
    rowHeights: {},
    freezeRows: 0,
    print: { orientation: 'portrait', titleRows: null, footer: '', breaksBefore: [] },
    dataBars: [],
    validations: [],
    chart: null,
  };
}

/** Assesses a workbook that must have no errors (the report's functions take only scored results). */
export function assessScored(input: AssessInput): ScoredAssessment {
  return scored(assess(input));
}

/** An assessment that must have no errors. */
export function scored(a: Assessment): ScoredAssessment {
  if (!a.ok) throw new Error(`expected no errors: ${a.issues.map((i) => `${i.code} ${i.sheet}!${i.cell}`).join('; ')}`);
  return a;
}
