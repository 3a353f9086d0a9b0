// How the tool marks the result sheets it wrote, the same in every host: a workbook name
// `kaoping_<role>` whose formula points at the sheet's A1.

export const MARK_PREFIX = 'kaoping_';

/** The sheet a name's formula points at: `='结果汇总'!$A$1` or `结果汇总!$A$1` → 结果汇总. */
export function sheetOfFormula(formula: string): string | null {
  const m = /^=?'((?:[^']|'')+)'!|^=?([^!'"]+)!/.exec(formula.trim());
  if (!m) return null;
  return m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2];
}
