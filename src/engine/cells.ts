// Cell addresses and cell values as text.
import { cleanNumber, decimalText } from './exact';
import type { IssueCode } from '../i18n/messages';
import type { CellValue, Issue, Params, Severity } from './types';

/** 0-based column index → letters: 0 → A, 27 → AB. */
export function columnLetters(col: number): string {
  let s = '';
  for (let c = col + 1; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
}

/** 0-based row and column → A1 address. */
export function address(row: number, col: number): string {
  return `${columnLetters(col)}${row + 1}`;
}

/** A block of cells as A1 text: `B2:D9`, or `B2` for one cell. */
export function areaAddress(a: { r0: number; c0: number; r1: number; c1: number }): string {
  const from = address(a.r0, a.c0);
  const to = address(a.r1, a.c1);
  return from === to ? from : `${from}:${to}`;
}

/** The largest of many numbers (a spread into Math.max overflows the stack past ~100,000). */
export function maxOf(values: Iterable<number>, floor = -Infinity): number {
  let m = floor;
  for (const v of values) if (v > m) m = v;
  return m;
}

export function minOf(values: Iterable<number>): number {
  let m = Infinity;
  for (const v of values) if (v < m) m = v;
  return m;
}

/** An A1 address (also `$C$3`, `Sheet!C3:F9`: the first cell counts) → 0-based [row, column]; null if it is not one. */
export function parseAddress(ref: string): [number, number] | null {
  const cell = ref
    .slice(ref.lastIndexOf('!') + 1)
    .split(':')[0]
    .replace(/\$/g, '');
  const m = /^([A-Z]+)(\d+)$/.exec(cell);
  if (!m) return null;
  let c = 0;
  for (const ch of m[1]) c = c * 26 + (ch.charCodeAt(0) - 64);
  return [Number(m[2]) - 1, c - 1];
}

/** Appends to the list kept under a key (a new list for a new key). */
export function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export function isBlank(v: CellValue | undefined): boolean {
  return v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
}

/** A cell value as the text a user would recognise (for messages and labels). */
export function cellText(v: CellValue | undefined): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return String(v);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if ('error' in v) return v.error;
  if ('percent' in v) return `${decimalText(cleanNumber(v.percent * 100))}%`;
  if ('date' in v) return v.date;
  return `=${v.formula}`;
}

/** Issues as every list shows them: errors first, otherwise in the order they were found. */
export function errorsFirst(issues: readonly Issue[]): Issue[] {
  return [...issues].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
}

/** Collects issues; one per call, in the order found. */
export class IssueLog {
  readonly issues: Issue[] = [];
  /** cells already reported as unusable (a formula without a value): nothing more is said of them */
  private readonly settled = new Set<string>();

  add(severity: Severity, code: IssueCode, sheet: string, cell: string, value: CellValue | undefined, params: Params = {}): void {
    if (cell !== '' && this.settled.has(`${sheet}!${cell}`)) return;
    this.issues.push({ severity, code, sheet, cell, value: cellText(value), params });
  }
  /** Reports a cell once; later issues at the same cell are left out. */
  settle(code: IssueCode, sheet: string, cell: string, value: CellValue): void {
    this.error(code, sheet, cell, value);
    this.settled.add(`${sheet}!${cell}`);
  }
  error(code: IssueCode, sheet: string, cell: string, value?: CellValue, params?: Params): void {
    this.add('error', code, sheet, cell, value, params);
  }
  warn(code: IssueCode, sheet: string, cell: string, value?: CellValue, params?: Params): void {
    this.add('warning', code, sheet, cell, value, params);
  }
  get hasErrors(): boolean {
    return this.issues.some((i) => i.severity === 'error');
  }
}
