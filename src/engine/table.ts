// Reading tables by their header row: columns are found by name (with aliases), not position.
import { address, cellText, isBlank, IssueLog } from './cells';
import { foldWidth, numericText, splitHeader, trimName } from './text';
import { cleanNumber } from './exact';
import type { CellArea, CellValue, SheetData } from './types';

export interface ColumnDecl<F extends string> {
  readonly field: F;
  readonly names: readonly string[];
  readonly required?: boolean;
}

/** Column index per field (-1 when absent). */
export type ColumnMap<F extends string> = Record<F, number>;

export function mapColumns<F extends string>(header: readonly CellValue[], decls: readonly ColumnDecl<F>[]): ColumnMap<F> {
  const map = {} as ColumnMap<F>;
  const keys = header.map((v) => (typeof v === 'string' ? splitHeader(v).key : ''));
  for (const decl of decls) {
    const wanted = new Set(decl.names.map((n) => splitHeader(n).key));
    map[decl.field] = keys.findIndex((k) => k !== '' && wanted.has(k));
  }
  return map;
}

/** Logs an error for every required column missing from the header row; returns whether all are there. */
export function requireColumns<F extends string>(
  map: ColumnMap<F>,
  decls: readonly ColumnDecl<F>[],
  log: IssueLog,
  sheet: string,
  headerRow: number,
  where: { readonly block: string } | { readonly sheet: string },
): boolean {
  // a block by its code (its title in the user's language), a sheet by its name
  const place = 'block' in where ? { block: where.block, sheet: '' } : { block: '', sheet: where.sheet };
  let ok = true;
  for (const decl of decls) {
    if (decl.required && map[decl.field] < 0) {
      log.error('missing-column', sheet, address(headerRow, 0), undefined, { column: decl.names[0], ...place });
      ok = false;
    }
  }
  return ok;
}

export function cellAt(rows: readonly (readonly CellValue[])[], r: number, c: number): CellValue {
  if (c < 0) return null;
  return rows[r]?.[c] ?? null;
}

/** A text cell's trimmed text ('' for blank; numbers as written). */
export function textAt(rows: readonly (readonly CellValue[])[], r: number, c: number): string {
  const v = cellAt(rows, r, c);
  return isBlank(v) ? '' : trimName(cellText(v));
}

export type NumberRead = { ok: true; value: number | null; fromText: boolean } | { ok: false };

/**
 * A number from a scheme or adjustment cell: numbers, numeric text (`２０`, `20%`, `5分`, `18人`);
 * blank gives null. In a column that takes percent points (`percent`), a cell shown as a percent
 * gives its percent points (0.2 shown as 20% is 20); elsewhere a percent is not ok, nor is
 * anything else.
 */
export function readNumber(v: CellValue, percent = false): NumberRead {
  if (isBlank(v)) return { ok: true, value: null, fromText: false };
  if (typeof v === 'number') return Number.isFinite(v) ? { ok: true, value: v, fromText: false } : { ok: false };
  if (typeof v === 'string') {
    // a count or share typed with its unit: 18人, 3个, 20%
    const t = numericText(foldWidth(v).replace(/\s*(%|人|名|个|家|位)\s*$/, ''));
    return t === null ? { ok: false } : { ok: true, value: Number(t), fromText: true };
  }
  if (percent && typeof v === 'object' && v !== null && 'percent' in v) return { ok: true, value: cleanNumber(v.percent * 100), fromText: false };
  return { ok: false };
}

/** A plain number 0 < x ≤ 1 in a percent column: most likely a share typed as a fraction. */
export function looksLikeFraction(v: CellValue, value: number | null): boolean {
  return value !== null && value > 0 && value <= 1 && !(typeof v === 'object' && v !== null && 'percent' in v);
}

/**
 * Formulas the file holds no value for (written by a program, never calculated): each is an
 * error at its cell, and nothing more is said of that cell. Only the columns given are checked
 * (all when none are), from row `from` on: a computed column the tool ignores does not matter.
 */
export function reportUncalculated(sheet: SheetData, log: IssueLog, columns?: readonly number[], from = 0): void {
  for (let r = from; r < sheet.rows.length; r++) {
    const row = sheet.rows[r];
    const n = columns ? columns.length : row.length;
    for (let i = 0; i < n; i++) {
      const c = columns ? columns[i] : i;
      const v = row[c];
      if (v !== null && typeof v === 'object' && 'formula' in v) log.settle('uncalculated-formula', sheet.name, address(r, c), v);
    }
  }
}

/** Most cells a sheet's merged areas may fill (a merge over a whole sheet must not fill millions). */
const MERGE_FILL_LIMIT = 2_000_000;

/**
 * The sheet with each merged area's value in every cell of the area, as Excel shows it
 * (a 分组 merged over a group's rows belongs to every row). Areas are clipped to the used cells.
 */
export function fillMerges(sheet: SheetData): SheetData {
  const merges = sheet.merges ?? [];
  if (merges.length === 0) return sheet;
  const rows = sheet.rows.map((r) => r);
  const width = rows.reduce((w, r) => Math.max(w, r.length), 0);
  let budget = MERGE_FILL_LIMIT;
  const copied = new Set<number>();
  for (const m of merges) {
    const v = rows[m.r0]?.[m.c0] ?? null;
    if (isBlank(v)) continue;
    for (let r = m.r0; r <= Math.min(m.r1, rows.length - 1); r++) {
      if (!copied.has(r)) {
        rows[r] = [...rows[r]];
        copied.add(r);
      }
      const row = rows[r] as CellValue[];
      for (let c = m.c0; c <= Math.min(m.c1, width - 1) && budget > 0; c++, budget--) {
        if (r !== m.r0 || c !== m.c0) row[c] = v;
      }
      for (let c = 0; c < row.length; c++) if (row[c] === undefined) row[c] = null;
    }
  }
  return { ...sheet, rows };
}

/** The merged area that covers a cell, if any. */
export function mergeAt(sheet: SheetData, r: number, c: number): CellArea | undefined {
  return sheet.merges?.find((m) => m.r0 <= r && r <= m.r1 && m.c0 <= c && c <= m.c1);
}

/** Splits a list typed in one cell: `关键绩效指标、日常工作`, `a, b`, `a；b`. */
export function splitList(text: string): string[] {
  return foldWidth(text)
    .split(/[、,;，；\n]+/)
    .map((s) => trimName(s))
    .filter((s) => s !== '');
}
