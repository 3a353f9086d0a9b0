// A sheet spec's styled areas may overlap (a table's borders, then a column's number format):
// later areas win, property by property. Hosts want the final style of each cell, without
// overlaps: per row for a package writer, as rectangles for Excel (a call per rectangle, or one
// per style for many rectangles at once).
import type { Area, CellStyle, SheetSpec } from './spec';

/** The final style of each styled cell of a row: column → [key, style]; one key per distinct style. */
export type RowStyles = Map<number, { readonly key: string; readonly style: CellStyle }>;

/**
 * Final styles row by row, for rows asked in increasing order. A sweep over the areas keeps only
 * the areas over the current row in memory.
 */
export function rowStyler(spec: SheetSpec): (r: number) => RowStyles | undefined {
  const byStart = spec.styles.map((area, i) => ({ area, i })).sort((p, q) => p.area.r0 - q.area.r0 || p.i - q.i);
  let next = 0;
  let active: { area: Area & { style: CellStyle }; i: number }[] = [];
  const styleOf = new Map<string, CellStyle>();
  // rows under the same areas have the same styles: worked out once for a run of such rows
  let lastSignature = '';
  let last: RowStyles | undefined;
  return (r) => {
    while (next < byStart.length && byStart[next].area.r0 <= r) active.push(byStart[next++]);
    active = active.filter((a) => a.area.r1 >= r).sort((p, q) => p.i - q.i);
    if (active.length === 0) return undefined;
    const signature = active.map((a) => a.i).join(',');
    if (signature === lastSignature) return last;
    lastSignature = signature;
    const keys = new Map<number, string>();
    for (const { area, i } of active) for (let c = area.c0; c <= area.c1; c++) keys.set(c, keys.has(c) ? `${keys.get(c)},${i}` : String(i));
    const out: RowStyles = new Map();
    for (const [c, key] of keys) {
      let style = styleOf.get(key);
      if (style === undefined) {
        style = key.split(',').reduce<CellStyle>((acc, i) => ({ ...acc, ...spec.styles[Number(i)].style }), {});
        styleOf.set(key, style);
      }
      out.set(c, { key, style });
    }
    last = out;
    return out;
  };
}

/** A rectangle of cells with one final style. */
export interface StyleRect extends Area {
  readonly key: string;
  readonly style: CellStyle;
}

/**
 * The styled cells as non-overlapping rectangles of one final style each: runs along each row,
 * joined with the same runs of the rows below.
 */
export function styleRects(spec: SheetSpec): StyleRect[] {
  const rows = spec.styles.reduce((n, a) => Math.max(n, a.r1 + 1), 0);
  const styler = rowStyler(spec);
  const done: StyleRect[] = [];
  let open = new Map<string, StyleRect>(); // runs of the previous row, by "c0:c1:key"
  for (let r = 0; r <= rows; r++) {
    const styles = r < rows ? styler(r) : undefined;
    const runs: { c0: number; c1: number; key: string; style: CellStyle }[] = [];
    for (const c of [...(styles?.keys() ?? [])].sort((a, b) => a - b)) {
      const { key, style } = styles!.get(c)!;
      const last = runs[runs.length - 1];
      if (last && last.key === key && last.c1 === c - 1) last.c1 = c;
      else runs.push({ c0: c, c1: c, key, style });
    }
    const next = new Map<string, StyleRect>();
    for (const run of runs) {
      const id = `${run.c0}:${run.c1}:${run.key}`;
      const above = open.get(id);
      if (above) {
        open.delete(id);
        next.set(id, { ...above, r1: r });
      } else next.set(id, { r0: r, r1: r, c0: run.c0, c1: run.c1, key: run.key, style: run.style });
    }
    done.push(...open.values());
    open = next;
  }
  return done;
}
