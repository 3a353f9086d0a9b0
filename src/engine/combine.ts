// Several periods' workbooks into one (`kaoping combine`): each one's 评分表 becomes a period
// sheet, its 加减分 rows get their 期间, and 考核方案 (the last one's) gains 【期间】. The
// workbooks must share one scheme; units that come and go, or look renamed, are reported.
import { ADJUSTMENT_COLUMNS } from './adjustments';
import { MISSING_PERIODS, ROLLUPS } from './policies';
import { inputSheetsOf } from './assess';
import { IssueLog, address, isBlank } from './cells';
import { indicatorsOn, namesTheYear, parseScheme, splitsCycles, withSettings } from './scheme';
import { findHeaderRow, parseScores } from './scores';
import { mapColumns, reportUncalculated, textAt } from './table';
import { closestName } from './text';
import type { CellArea, CellValue, Issue, Scheme, SheetData } from './types';

/** One period's workbook as read. */
export interface PeriodBook {
  /** the file's name, shown in messages as [name]sheet */
  readonly fileName: string;
  /** the file name without extension: the period's name when 考核期间 is blank */
  readonly fileTitle: string;
  readonly sheetNames: readonly string[];
  readonly sheets: readonly SheetData[];
}

/** A sheet of the combined workbook, as values. */
export interface CombinedSheet {
  readonly name: string;
  readonly rows: readonly (readonly CellValue[])[];
  readonly merges?: readonly CellArea[];
}

export type CombinePlan =
  | {
      readonly ok: true;
      readonly scheme: CombinedSheet;
      readonly periods: readonly CombinedSheet[];
      /** absent when no workbook has 加减分 */
      readonly adjustments: CombinedSheet | null;
      /** warnings: units in some periods only, names that look renamed */
      readonly issues: readonly Issue[];
    }
  | { readonly ok: false; readonly issues: readonly Issue[] };

/** A sheet name Excel accepts: at most 31 characters, none of : \ / ? * [ ]. */
function sheetNameOf(text: string): string {
  return text.replace(/[:\\/?*[\]]/g, '_').slice(0, 31) || '期间';
}

/** Indicators, dimensions and grades: what must be the same in every period. */
function schemeShape(s: Scheme): string {
  return JSON.stringify([
    s.dimensions.map((d) => [d.name, d.weight, d.cycle]),
    s.indicators.map((i) => [i.name, i.points, i.dimension, i.cycle]),
    s.grades.map((g) => g.name),
  ]);
}

export function planCombine(books: readonly PeriodBook[]): CombinePlan {
  // each workbook's issues name it as Excel names another file's sheet: [q1.xlsx]评分表
  const issuesOf = (): Issue[] => read.flatMap((r) => r.log.issues.map((i) => ({ ...i, sheet: `[${r.book.fileName}]${i.sheet}` })));
  const read = books.map((book) => {
    const log = new IssueLog();
    const found = inputSheetsOf(book, log);
    const scheme = found.scheme ? parseScheme(found.scheme, book.fileTitle, log) : null;
    if (found.scores) reportUncalculated(found.scores, log);
    if (found.adjustments) reportUncalculated(found.adjustments, log);
    if (scheme && scheme.periods.length > 0) log.error('combine-periodic', found.scheme!.name, '', null, {});
    const scores = scheme && found.scores && !log.hasErrors ? parseScores(found.scores, scheme, new IssueLog()) : null;
    return { book, log, found, scheme, subjects: scores?.subjects ?? [], nameCol: scores?.layout?.nameCol ?? 0 };
  });
  if (read.some((r) => r.log.hasErrors)) return { ok: false, issues: issuesOf() };

  const last = read[read.length - 1];
  for (const r of read.slice(0, -1)) {
    if (schemeShape(r.scheme!) !== schemeShape(last.scheme!))
      r.log.error('combine-scheme-differs', r.found.scheme!.name, '', null, { file: r.book.fileName, other: last.book.fileName });
  }
  if (read.some((r) => r.log.hasErrors)) return { ok: false, issues: issuesOf() };

  // with 年度 dimensions the year gets a sheet of its own, which no period may be named like
  const split = splitsCycles(last.scheme!);
  // a period is named by its 考核期间, else by its file
  const names: string[] = [];
  for (const r of read) {
    const period = r.scheme!.settings.period;
    names.push(period && !names.includes(period) && !(split && namesTheYear(period)) ? period : r.book.fileTitle);
  }
  const sheetNames: string[] = [];
  const uniqueSheetName = (n: string) => {
    let name = sheetNameOf(n);
    for (let k = 2; sheetNames.includes(name) || /^(考核方案|加减分|评分表)$/.test(name); k++) name = sheetNameOf(`${n}(${k})`);
    sheetNames.push(name);
    return name;
  };
  names.forEach(uniqueSheetName);
  const year = split ? { period: '年度', sheet: uniqueSheetName('年度') } : null;

  unitsAcrossPeriods(read, names);

  const scheme: CombinedSheet = {
    name: last.found.scheme!.name,
    rows: [
      ...withSettings(last.found.scheme!, [
        ['考核期间', names.length > 1 ? `${names[0]}至${names[names.length - 1]}` : names[0]],
        // the last period's own choices (平均 and 按已考核期平均 unless it set others)
        ['期间汇总', ROLLUPS[last.scheme!.settings.rollup].names[0]],
        ['缺期处理', MISSING_PERIODS[last.scheme!.settings.missingPeriod].names[0]],
      ]),
      [],
      ['【期间】'],
      ['期间', '工作表', '权重(%)'],
      ...names.map((n, i) => [n, sheetNames[i], null]),
      ...(year ? [[year.period, year.sheet, null]] : []),
    ],
  };
  const periods = read.map((r, i) => ({ name: sheetNames[i], rows: r.found.scores!.rows, merges: r.found.scores!.merges }));
  if (year) periods.push({ name: year.sheet, rows: yearSheetRows(read, last.scheme!), merges: [] });
  return { ok: true, scheme, periods, adjustments: adjustmentsOf(read, names), issues: issuesOf() };
}

/**
 * The blank sheet of the 年度 indicators: every unit (in the order first met, in its last group)
 * and a column per 年度 indicator, for the user to fill in.
 */
function yearSheetRows(read: readonly { subjects: readonly { name: string; group: string | null }[] }[], scheme: Scheme): CellValue[][] {
  const groupOf = new Map<string, string | null>();
  for (const r of read) for (const s of r.subjects) groupOf.set(s.name, s.group);
  const grouped = [...groupOf.values()].some((g) => g !== null);
  const yearly = indicatorsOn(scheme, 'year').map((i) => scheme.indicators[i]);
  return [
    ['名称', ...(grouped ? ['分组'] : []), ...yearly.map((ind) => `${ind.name}（${ind.points}分）`)],
    ...[...groupOf].map(([name, group]) => [name, ...(grouped ? [group] : []), ...yearly.map(() => null)]),
  ];
}

/** Warnings for units not in every period, and for one that leaves as a like-named one arrives. */
function unitsAcrossPeriods(
  read: readonly { log: IssueLog; found: { scores?: SheetData }; nameCol: number; subjects: readonly { name: string; row: number }[] }[],
  names: readonly string[],
): void {
  const inPeriod = read.map((r) => new Set(r.subjects.map((s) => s.name)));
  const all = [...new Set(read.flatMap((r) => r.subjects.map((s) => s.name)))];
  const leaving = all.filter((n) => !inPeriod[inPeriod.length - 1].has(n));
  const arriving = all.filter((n) => !inPeriod[0].has(n));
  for (const name of all) {
    const present = names.filter((_, i) => inPeriod[i].has(name));
    if (present.length === names.length) continue;
    const first = inPeriod.findIndex((set) => set.has(name));
    const at = read[first];
    const sheet = at.found.scores!.name;
    const cell = address(at.subjects.find((s) => s.name === name)!.row - 1, at.nameCol);
    const like = arriving.includes(name) ? closestName(name, leaving) : null;
    if (like) at.log.warn('combine-unit-renamed', sheet, cell, null, { name, like, period: names[first] });
    else at.log.warn('combine-unit-partial', sheet, cell, null, { name, periods: present });
  }
}

/** Every workbook's 加减分 rows under one header, each with its period in 期间 (kept when filled). */
function adjustmentsOf(read: readonly { found: { adjustments?: SheetData } }[], names: readonly string[]): CombinedSheet | null {
  if (!read.some((r) => r.found.adjustments)) return null;
  const header = ADJUSTMENT_COLUMNS.map((c) => c.names[0]);
  const periodCol = ADJUSTMENT_COLUMNS.findIndex((c) => c.field === 'period');
  const rows: CellValue[][] = [header];
  read.forEach((r, i) => {
    const sheet = r.found.adjustments;
    if (!sheet) return;
    const h = findHeaderRow(sheet.rows, sheet.merges);
    if (h < 0) return;
    const cols = mapColumns(sheet.rows[h], ADJUSTMENT_COLUMNS);
    for (let row = h + 1; row < sheet.rows.length; row++) {
      if ((sheet.rows[row] ?? []).every((v) => isBlank(v))) continue;
      const out = ADJUSTMENT_COLUMNS.map((c) => (cols[c.field] >= 0 ? (sheet.rows[row][cols[c.field]] ?? null) : null));
      if (textAt(sheet.rows, row, cols.period) === '') out[periodCol] = names[i];
      rows.push(out);
    }
  });
  return { name: '加减分', rows };
}
