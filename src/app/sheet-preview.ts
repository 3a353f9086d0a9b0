// A result sheet as the browser page shows and prints it: each cell's text as Excel would show it
// (the sheet's number formats, rounded half-up), its resolved style and its merge, for the first
// rows of the sheet only. Plain data, so it crosses from the worker to the page.
import * as X from '../engine/exact';
import { cellText as inputText, columnLetters, maxOf } from '../engine/cells';
import type { SheetData } from '../engine/types';
import { rowsUsed, sheetRows, wholeSheet, type CellStyle, type PrintSetup, type SheetSpec, type SpecValue } from '../report/spec';

export interface PreviewCell {
  readonly text: string;
  /** the number behind the text, for sorting */
  readonly value: number | null;
  readonly style: CellStyle;
  /** a merge starts here */
  readonly span?: { readonly rows: number; readonly cols: number };
  /** inside a merge, not its first cell: not drawn */
  readonly covered?: true;
}

export interface PreviewRow {
  readonly cells: readonly PreviewCell[];
  /** points, when the sheet sets it */
  readonly height?: number;
  /** a printed page starts here */
  readonly breakBefore?: true;
}

export interface SheetPreview {
  readonly name: string;
  /** Excel character widths */
  readonly columnWidths: readonly number[];
  readonly rows: readonly PreviewRow[];
  /** rows the sheet has; more than `rows.length` when the preview was cut */
  readonly totalRows: number;
  readonly print: PrintSetup;
  /** the cell to point at (an input sheet shown for an issue) */
  readonly focus?: { readonly r: number; readonly c: number };
}

/** Rows a result sheet's preview shows on the page; printing asks for up to PRINT_ROWS. */
export const PREVIEW_ROWS = 400;
/** The most rows printed from the page (6,000 rows ≈ 100 成绩单 pages); larger sheets print from the file. */
export const PRINT_ROWS = 6_000;

/** A number as a format shows it: '0.00' two decimals, '0.0%' a percent with one, '0' whole; half-up. */
export function formatNumber(value: number, numberFormat: string | undefined): string {
  if (!numberFormat || numberFormat === '@' || numberFormat === 'General') return X.decimalText(value);
  const percent = numberFormat.includes('%');
  const decimals = (/\.(0+)/.exec(numberFormat)?.[1] ?? '').length;
  const exact = percent ? X.mul(X.exactFromNumber(value), X.exactInt(100)) : X.exactFromNumber(value);
  const units = X.roundHalfUpUnits(exact, decimals);
  const digits = (units < 0n ? -units : units).toString().padStart(decimals + 1, '0');
  const body = decimals > 0 ? `${digits.slice(0, -decimals)}.${digits.slice(-decimals)}` : digits;
  return `${units < 0n ? '-' : ''}${body}${percent ? '%' : ''}`;
}

const cellText = (v: SpecValue, style: CellStyle): string => (v === null ? '' : typeof v === 'number' ? formatNumber(v, style.numberFormat) : v);

/** The first `maxRows` rows of a result sheet, its sections (成绩单's pages) included. */
export function previewSheet(spec: SheetSpec, maxRows: number = PREVIEW_ROWS): SheetPreview {
  const whole = wholeSheet(spec, { upToRows: maxRows });
  const shown = Math.min(maxRows, rowsUsed(whole));
  // maxOf, not a spread: 结果汇总's table is read whole (50,000 rows and more)
  const width = maxOf(
    whole.cells.slice(0, shown).map((r) => r.length),
    whole.columnWidths.length,
  );
  const styles: CellStyle[][] = Array.from({ length: shown }, () => Array<CellStyle>(width).fill({}));
  // areas in order, a later one winning for what it sets, as the hosts apply them
  for (const a of whole.styles)
    for (let r = a.r0; r <= Math.min(a.r1, shown - 1); r++)
      for (let c = a.c0; c <= Math.min(a.c1, width - 1); c++) styles[r][c] = { ...styles[r][c], ...a.style };
  const spans = new Map<string, { rows: number; cols: number }>();
  const covered = new Set<string>();
  for (const m of whole.merges) {
    if (m.r0 >= shown) continue;
    spans.set(`${m.r0},${m.c0}`, { rows: Math.min(m.r1, shown - 1) - m.r0 + 1, cols: m.c1 - m.c0 + 1 });
    for (let r = m.r0; r <= Math.min(m.r1, shown - 1); r++) for (let c = m.c0; c <= m.c1; c++) if (r !== m.r0 || c !== m.c0) covered.add(`${r},${c}`);
  }
  const breaks = new Set(whole.print.breaksBefore);
  const rows: PreviewRow[] = [];
  for (let r = 0; r < shown; r++) {
    const values = whole.cells[r] ?? [];
    const cells: PreviewCell[] = [];
    for (let c = 0; c < width; c++) {
      const v = values[c] ?? null;
      const style = styles[r][c];
      const span = spans.get(`${r},${c}`);
      cells.push({
        text: cellText(v, style),
        value: typeof v === 'number' ? v : null,
        style,
        ...(span && (span.rows > 1 || span.cols > 1) ? { span } : {}),
        ...(covered.has(`${r},${c}`) ? { covered: true as const } : {}),
      });
    }
    const height = whole.rowHeights[r];
    rows.push({ cells, ...(height ? { height } : {}), ...(breaks.has(r) ? { breakBefore: true as const } : {}) });
  }
  return { name: spec.name, columnWidths: whole.columnWidths, rows, totalRows: sheetRows(spec), print: whole.print };
}

/** 结果汇总 as a table to sort and filter: its header and each subject's row, text and number apart. */
export interface ResultTableView {
  readonly headers: readonly string[];
  readonly rows: readonly { readonly texts: readonly string[]; readonly values: readonly (number | null)[] }[];
}

/** The header row ends the title rows; the subjects' rows follow, each led by its rank. */
export function resultTable(summary: SheetSpec): ResultTableView {
  const p = previewSheet(summary, Number.MAX_SAFE_INTEGER);
  const headerRow = p.print.titleRows?.[1] ?? 0;
  const rows: ResultTableView['rows'][number][] = [];
  for (let r = headerRow + 1; r < p.rows.length && p.rows[r].cells[0]?.value != null; r++)
    rows.push({ texts: p.rows[r].cells.map((c) => c.text), values: p.rows[r].cells.map((c) => c.value) });
  return { headers: p.rows[headerRow]?.cells.map((c) => c.text) ?? [], rows };
}

/** What of the result table the page shows: sorted by a column, one group or all, the first rows. */
export interface TableQuery {
  readonly sort: number;
  readonly descending: boolean;
  /** '' for every group */
  readonly group: string;
  readonly limit: number;
}

/** The rows a query asks for, with what the page needs around them; only these cross to the page. */
export interface TablePage {
  readonly headers: readonly string[];
  /** the groups to filter by (none when the table has no 分组 column) */
  readonly groups: readonly string[];
  /** rows matching the filter */
  readonly total: number;
  readonly rows: ResultTableView['rows'];
}

const GROUP_HEADER = '分组';

type TableRow = ResultTableView['rows'][number];

/** Numbers by value, before text; text in Chinese order. */
function compareRows(a: TableRow, b: TableRow, col: number): number {
  const x = a.values[col];
  const y = b.values[col];
  if (x !== null && y !== null) return x - y;
  if (x !== null || y !== null) return x !== null ? -1 : 1;
  return (a.texts[col] ?? '').localeCompare(b.texts[col] ?? '', 'zh-CN');
}

/** Filters, sorts (stably: equal values keep the published order) and cuts the table. */
export function queryTable(table: ResultTableView, q: TableQuery): TablePage {
  const groupCol = table.headers.indexOf(GROUP_HEADER);
  const groups = groupCol < 0 ? [] : [...new Set(table.rows.map((r) => r.texts[groupCol]))].filter(Boolean);
  const kept = q.group && groupCol >= 0 ? table.rows.filter((r) => r.texts[groupCol] === q.group) : [...table.rows];
  const sign = q.descending ? -1 : 1;
  kept.sort((a, b) => sign * compareRows(a, b, q.sort));
  return { headers: table.headers, groups, total: kept.length, rows: kept.slice(0, q.limit) };
}

/** Rows and columns of an input sheet shown around an issue's cell. */
const AROUND = { rowsBefore: 8, rowsAfter: 12, cols: 30 } as const;

/**
 * An input sheet around one cell, as it was read: the first rows (where headers are), then the
 * rows near the cell; row and column labels as Excel shows them (A, B, … and 1, 2, …).
 */
export function previewInput(sheet: SheetData, r: number, c: number): SheetPreview {
  const last = Math.max(sheet.rows.length, r + 1);
  const from = Math.max(0, r - AROUND.rowsBefore);
  const picked = [...new Set([0, 1, 2].filter((k) => k < from && k < last).concat(range(from, Math.min(last, r + AROUND.rowsAfter + 1))))];
  const cols = Math.max(c + 1, Math.min(AROUND.cols, Math.max(0, ...picked.map((k) => sheet.rows[k]?.length ?? 0))));
  const label: CellStyle = { bold: true, fill: 'F3F3F3', align: 'center', border: true };
  const header: PreviewRow = {
    cells: [{ text: '', value: null, style: label }, ...range(0, cols).map((k) => ({ text: columnLetters(k), value: null, style: label }))],
  };
  const rows = picked.map((k) => ({
    cells: [
      { text: String(k + 1), value: null, style: label },
      ...range(0, cols).map((j) => ({ text: inputText(sheet.rows[k]?.[j]), value: null, style: { border: true } })),
    ],
  }));
  const focusRow = picked.indexOf(r) + 1;
  return {
    name: sheet.name,
    columnWidths: [5, ...range(0, cols).map(() => 10)],
    rows: [header, ...rows],
    totalRows: last,
    print: { orientation: 'landscape', titleRows: null, footer: '', breaksBefore: [] },
    focus: { r: focusRow, c: c + 1 },
  };
}

function range(from: number, to: number): number[] {
  return Array.from({ length: Math.max(0, to - from) }, (_, k) => from + k);
}
