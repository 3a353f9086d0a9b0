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
export function rowStyler(spec: Pick<SheetSpec, 'styles'>, idOf = styleIds()): (r: number) => RowStyles | undefined {
  // a cell's style is named by the styles over it, in order: areas with equal styles give one key
  const byStart = spec.styles.map((area, i) => ({ area, i, id: idOf(area.style) })).sort((p, q) => p.area.r0 - q.area.r0 || p.i - q.i);
  let next = 0;
  let active: typeof byStart = [];
  const styleOf = new Map<string, CellStyle>();
  // rows under the same areas have the same styles: worked out once for a run of such rows
  let last: RowStyles | undefined;
  return (r) => {
    // the styles change only where an area starts or ends
    let changed = false;
    while (next < byStart.length && byStart[next].area.r0 <= r) {
      active.push(byStart[next++]);
      changed = true;
    }
    if (active.some((a) => a.area.r1 < r)) {
      active = active.filter((a) => a.area.r1 >= r);
      changed = true;
    }
    if (!changed) return last;
    if (active.length === 0) return (last = undefined);
    active.sort((p, q) => p.i - q.i);
    const keys = new Map<number, string>();
    const styles = new Map<number, CellStyle>();
    for (const { area, id } of active) {
      for (let c = area.c0; c <= area.c1; c++) {
        const before = keys.get(c);
        keys.set(c, before === undefined ? String(id) : `${before},${id}`);
        styles.set(c, before === undefined ? area.style : { ...styles.get(c), ...area.style });
      }
    }
    const out: RowStyles = new Map();
    for (const [c, key] of keys) {
      let style = styleOf.get(key);
      if (style === undefined) styleOf.set(key, (style = styles.get(c)!));
      out.set(c, { key, style });
    }
    last = out;
    return out;
  };
}

/**
 * Numbers styles by content: the same object quickly, equal objects through their JSON. Stylers
 * that share one name the same styles the same.
 */
export function styleIds(): (style: CellStyle) => number {
  const byObject = new Map<CellStyle, number>();
  const byContent = new Map<string, number>();
  return (style) => {
    let id = byObject.get(style);
    if (id === undefined) {
      const content = JSON.stringify(style);
      id = byContent.get(content);
      if (id === undefined) byContent.set(content, (id = byContent.size));
      byObject.set(style, id);
    }
    return id;
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
