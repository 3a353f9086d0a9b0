// 评议表: the raters' scores, one row per rater and subject (名称 | 评议人 | 评议类别 | a column per
// 评议 indicator). Each 评议 indicator's score is, per category of 【评议】, the mean of its raters'
// scores (one highest and one lowest dropped when asked and there are 3 or more), then the
// categories weighted by their 权重. Exact throughout: the total is rounded once, as always.
import { address, IssueLog, pushTo } from './cells';
import * as X from './exact';
import type { Exact } from './exact';
import { findHeaderRow, readScore } from './scores';
import { cellAt, mapColumns, reportUncalculated, requireColumns, textAt, type ColumnDecl } from './table';
import { aliasTable, matchKey, splitHeader } from './text';
import type { Params, RaterCategory, Scheme, SheetData, SubjectInput } from './types';

export const RATINGS_SHEET = '评议表';

const COLUMNS = [
  { field: 'name', names: ['名称', '被评议人', '被考核人', '姓名', '单位', '考核对象', 'Name'], required: true },
  { field: 'rater', names: ['评议人', '评分人', '打分人', 'Rater'], required: true },
  { field: 'category', names: ['评议类别', '类别', 'Category'], required: true },
] as const satisfies readonly ColumnDecl<string>[];

/** One category's part of a rated score. */
export interface CategoryRating {
  readonly category: string;
  /** percent points; 0: shown for reference only */
  readonly weight: number;
  /** every rater's score, in sheet order, with who gave it */
  readonly scores: readonly { readonly rater: string; readonly value: number }[];
  /** the highest and the lowest, dropped (empty when not trimmed) */
  readonly dropped: readonly number[];
  /** the mean of the scores kept; null when the category has no raters */
  readonly mean: Exact | null;
}

/** A 评议 indicator's score for one subject and how it was made. */
export interface RatedScore {
  readonly indicator: number;
  readonly categories: readonly CategoryRating[];
  readonly score: Exact;
}

/** The category a rater rates themselves in. */
const SELF = aliasTable([[true, ['自评', '本人', '自我评价', 'self']]] as const);

/** The mean of the scores kept: one highest and one lowest dropped when trimming 3 or more. */
function categoryMean(values: readonly number[], trim: boolean): { mean: Exact | null; dropped: number[] } {
  if (values.length === 0) return { mean: null, dropped: [] };
  if (!trim || values.length < 3) return { mean: X.div(X.exactSum(values), X.exactInt(values.length)), dropped: [] };
  const sorted = [...values].sort((a, b) => a - b);
  const kept = sorted.slice(1, -1);
  return { mean: X.div(X.exactSum(kept), X.exactInt(kept.length)), dropped: [sorted[sorted.length - 1], sorted[0]] };
}

/**
 * The rated scores of every subject by name, checked: unknown categories and subjects, raters
 * rating themselves outside 自评, scores above 分值, too few raters, a weighted category with no
 * raters. `note` hears of categories too small to trim.
 */
export function rateSubjects(
  sheet: SheetData,
  scheme: Scheme,
  subjects: readonly SubjectInput[],
  log: IssueLog,
  note: (subject: string, params: Params) => void,
): Map<string, RatedScore[]> {
  const rated = scheme.indicators.flatMap((ind, i) => (ind.source === 'rated' ? [i] : []));
  const out = new Map<string, RatedScore[]>();
  const headerRow = findHeaderRow(sheet.rows, sheet.merges);
  const header = sheet.rows[headerRow] ?? [];
  const cols = mapColumns(header, COLUMNS);
  if (headerRow < 0 || !requireColumns(cols, COLUMNS, log, sheet.name, Math.max(headerRow, 0), { sheet: sheet.name })) return out;
  const indicatorCol = rated.map((i) => header.findIndex((v) => typeof v === 'string' && splitHeader(v).key === matchKey(scheme.indicators[i].name)));
  rated.forEach((i, k) => {
    if (indicatorCol[k] < 0) log.error('indicator-without-column', sheet.name, address(headerRow, 0), null, { indicator: scheme.indicators[i].name });
  });
  reportUncalculated(sheet, log, [cols.name, cols.rater, cols.category, ...indicatorCol.filter((c) => c >= 0)], headerRow + 1);
  const categoryOf = aliasTable(scheme.raters.map((c) => [c, [c.name]] as const));
  const known = new Set(subjects.map((s) => s.name));
  // subject → indicator → category → scores
  const given = new Map<string, Map<number, Map<RaterCategory, { rater: string; value: number }[]>>>();
  const firstRow = new Map<string, number>();
  for (let r = headerRow + 1; r < sheet.rows.length; r++) {
    const name = textAt(sheet.rows, r, cols.name);
    const rater = textAt(sheet.rows, r, cols.rater);
    const categoryText = textAt(sheet.rows, r, cols.category);
    const values = indicatorCol.map((c) => cellAt(sheet.rows, r, c));
    if (name === '' && rater === '' && categoryText === '' && values.every((v) => v === null || v === '')) continue;
    if (!known.has(name)) {
      log.error('rater-unknown-subject', sheet.name, address(r, cols.name), name, { name });
      continue;
    }
    if (rater === '') log.error('rater-blank', sheet.name, address(r, cols.rater), null, {});
    const category = categoryOf(categoryText);
    if (!category) {
      log.error('rater-unknown-category', sheet.name, address(r, cols.category), categoryText, { categories: scheme.raters.map((c) => c.name) });
      continue;
    }
    if (rater !== '' && matchKey(rater) === matchKey(name) && !SELF(category.name))
      log.error('rater-self', sheet.name, address(r, cols.rater), rater, { name, category: category.name });
    if (!firstRow.has(name)) firstRow.set(name, r);
    rated.forEach((i, k) => {
      const c = indicatorCol[k];
      const v = cellAt(sheet.rows, r, c);
      if (c < 0 || v === null || v === '') return; // this rater did not rate this indicator
      const ind = scheme.indicators[i];
      const value = readScore(v, ind.points, sheet.name, r, c, ind.name, scheme, log);
      const byIndicator = given.get(name) ?? given.set(name, new Map()).get(name)!;
      const byCategory = byIndicator.get(i) ?? byIndicator.set(i, new Map()).get(i)!;
      pushTo(byCategory, category, { rater, value });
    });
  }
  for (const s of subjects) {
    const at = address(firstRow.get(s.name) ?? headerRow, cols.name);
    const scores: RatedScore[] = rated.map((i) => {
      const indicator = scheme.indicators[i].name;
      const categories = scheme.raters.map((cat): CategoryRating => {
        const list = given.get(s.name)?.get(i)?.get(cat) ?? [];
        if (list.length === 0 && cat.weight > 0)
          log.error('rater-missing-category', sheet.name, at, null, { name: s.name, indicator, category: cat.name, weight: cat.weight });
        else if (list.length > 0 && list.length < cat.minRaters)
          log.error('rater-too-few', sheet.name, at, null, { name: s.name, indicator, category: cat.name, count: list.length, min: cat.minRaters });
        if (cat.trim && list.length > 0 && list.length < 3) note(s.name, { indicator, category: cat.name, count: list.length });
        const { mean, dropped } = categoryMean(
          list.map((x) => x.value),
          cat.trim,
        );
        return { category: cat.name, weight: cat.weight, scores: list, dropped, mean };
      });
      const score = categories.reduce((acc, c) => (c.mean && c.weight > 0 ? X.add(acc, X.mul(c.mean, X.exactFromNumber(c.weight))) : acc), X.ZERO);
      return { indicator: i, categories, score: X.div(score, X.exactInt(100)) };
    });
    out.set(s.name, scores);
  }
  return out;
}
