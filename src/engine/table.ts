// Reading tables by their header row: columns are found by name (with aliases), not position.
import { address, cellText, isBlank, IssueLog } from './cells';
import { foldWidth, numericText, splitHeader, trimName } from './text';
import type { CellValue } from './types';

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
  where: string,
): boolean {
  let ok = true;
  for (const decl of decls) {
    if (decl.required && map[decl.field] < 0) {
      log.error('missing-column', sheet, address(headerRow, 0), undefined, { column: decl.names[0], where });
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
 * A number from a scheme or adjustment cell: numbers, numeric text (`２０`, `20%`, `5分`);
 * blank gives null. Anything else is not ok.
 */
export function readNumber(v: CellValue): NumberRead {
  if (isBlank(v)) return { ok: true, value: null, fromText: false };
  if (typeof v === 'number') return Number.isFinite(v) ? { ok: true, value: v, fromText: false } : { ok: false };
  if (typeof v === 'string') {
    const t = numericText(foldWidth(v).replace(/%\s*$/, ''));
    return t === null ? { ok: false } : { ok: true, value: Number(t), fromText: true };
  }
  return { ok: false };
}

/** Splits a list typed in one cell: `关键绩效指标、日常工作`, `a, b`, `a；b`. */
export function splitList(text: string): string[] {
  return foldWidth(text)
    .split(/[、,;，；\n]+/)
    .map((s) => trimName(s))
    .filter((s) => s !== '');
}
