// The next period's workbook: the same workbook with this period's entries taken out. What is
// cleared: every subject's indicator scores, 加分 and 扣分 in 评分表, and every entry of 加减分
// below its header. Everything else stays: 考核方案, names, groups, 备注, widths, styles,
// validations, frozen panes, and the total rows' formulas.
import { inputSheetsOf } from './assess';
import { periodSheets } from './periods';
import { IssueLog, isBlank } from './cells';
import { parseScheme } from './scheme';
import { findHeaderRow, isStatisticsLabel, NAME_HEADERS, parseScores, scoreColumns } from './scores';
import { fillMerges, textAt } from './table';
import { matchKey, splitHeader } from './text';
import type { Issue, SheetData } from './types';

/** The cells of one sheet to empty, as 0-based [row, column]. */
export interface CellsToClear {
  readonly sheet: string;
  /** a score sheet (评分表 or a period's), or 加减分 */
  readonly kind: 'scores' | 'events';
  readonly cells: readonly (readonly [number, number])[];
}

export type NextPeriodPlan = { readonly ok: true; readonly clear: readonly CellsToClear[] } | { readonly ok: false; readonly issues: readonly Issue[] };

export interface NextPeriodInput {
  readonly fileTitle: string;
  readonly sheetNames: readonly string[];
  readonly sheets: readonly SheetData[];
}

/**
 * What the next period's workbook leaves empty. It needs a 考核方案 without errors and a 评分表
 * whose columns can be found; this period's scores may be wrong or missing (they are cleared).
 */
export function nextPeriodPlan(input: NextPeriodInput): NextPeriodPlan {
  const log = new IssueLog();
  const { scheme: schemeSheet, scores: scoresSheet, adjustments: events, ratings, ballots } = inputSheetsOf(input, log);
  if (!schemeSheet) return { ok: false, issues: log.issues };
  const scheme = parseScheme(schemeSheet, input.fileTitle, log);
  if (log.hasErrors) return { ok: false, issues: log.issues };
  // with 【期间】 every period's sheet is emptied (the next year's workbook), else 评分表
  const scoreSheets = scheme.periods.length > 0 ? periodSheets(scheme, input, schemeSheet.name, log) : [scoresSheet];
  const clear: CellsToClear[] = [];
  for (const sheet of scoreSheets) {
    if (!sheet) return { ok: false, issues: log.issues };
    // the scores' own errors do not matter here: only where the columns are
    const scoresLog = new IssueLog();
    const scores = fillMerges(sheet);
    const { layout } = parseScores(scores, scheme, scoresLog);
    if (!layout) return { ok: false, issues: scoresLog.issues };
    const valueCols = scoreColumns(layout);
    const cells: [number, number][] = [];
    for (let r = layout.headerRow + 1; r < scores.rows.length; r++) {
      const name = textAt(scores.rows, r, layout.nameCol);
      if (name === '' || isStatisticsLabel(name)) continue;
      // the original sheet's cells: a merged area's value sits in its top-left cell only
      for (const c of valueCols) if (!isBlank(sheet.rows[r]?.[c] ?? null)) cells.push([r, c]);
    }
    clear.push({ sheet: sheet.name, kind: 'scores', cells });
  }

  // the raters' scores and the votes go; who rates whom, in which category, and 应到人数 stay
  const rated = scheme.indicators.filter((i) => i.source === 'rated').map((i) => i.name);
  if (ratings && rated.length > 0) clear.push({ sheet: ratings.name, kind: 'scores', cells: filledUnder(ratings, rated) });
  if (ballots && scheme.ballotOptions.length > 0)
    clear.push({
      sheet: ballots.name,
      kind: 'scores',
      cells: filledUnder(
        ballots,
        scheme.ballotOptions.map((o) => o.name),
      ),
    });

  if (events) {
    const header = findHeaderRow(events.rows, events.merges);
    const cells: [number, number][] = [];
    if (header < 0 && events.rows.some((row) => row.some((v) => !isBlank(v)))) {
      log.error('no-name-column', events.name, 'A1', null, { names: NAME_HEADERS.slice(0, 4) });
      return { ok: false, issues: log.issues };
    }
    events.rows.forEach((row, r) => r > header && row.forEach((v, c) => !isBlank(v) && cells.push([r, c])));
    clear.push({ sheet: events.name, kind: 'events', cells });
  }
  return { ok: true, clear };
}

/** The filled cells under the header row in the columns headed by `headers`. */
function filledUnder(sheet: SheetData, headers: readonly string[]): [number, number][] {
  const header = findHeaderRow(sheet.rows, sheet.merges);
  if (header < 0) return [];
  const wanted = new Set(headers.map(matchKey));
  const cols = (sheet.rows[header] ?? []).flatMap((v, c) => (typeof v === 'string' && wanted.has(splitHeader(v).key) ? [c] : []));
  const cells: [number, number][] = [];
  for (let r = header + 1; r < sheet.rows.length; r++) for (const c of cols) if (!isBlank(sheet.rows[r]?.[c] ?? null)) cells.push([r, c]);
  return cells;
}
