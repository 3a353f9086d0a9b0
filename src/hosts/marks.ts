// How the tool knows its own result sheets, the same in every host. A sheet is the tool's own
// only when three things agree:
//   1. a workbook name `kaoping_<role>` points at the sheet's A1;
//   2. the sheet has a hidden name of its own, `kaoping_sheet`, whose value is "<role>";
//   3. the sheet still has the role's result name (结果汇总 for summary, …).
// A name typed by a user (1 alone) is not enough; a renamed result sheet fails 3 (Excel moves
// the names with it, but the sheet is the user's archive from then on); a copied sheet carries
// 2 but gets another name and is not where 1 points. Such sheets are never deleted or replaced.
import { RESULT_SHEETS, type ResultRole } from '../report/spec';

export const MARK_PREFIX = 'kaoping_';
/** the sheet-scoped name holding the sheet's role */
export const SHEET_MARK = 'kaoping_sheet';

/** The sheet a name's formula points at: `='结果汇总'!$A$1` or `结果汇总!$A$1` → 结果汇总. */
export function sheetOfFormula(formula: string): string | null {
  const m = /^=?'((?:[^']|'')+)'!|^=?([^!'"]+)!/.exec(formula.trim());
  if (!m) return null;
  return m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2];
}

/** The formula of a sheet's own mark: the role as a text constant. */
export function sheetMarkFormula(role: ResultRole): string {
  return `"${role}"`;
}

/** A sheet mark's role from its formula (`="summary"` or `"summary"`); null for anything else. */
function roleOfSheetMark(formula: string | null | undefined): string | null {
  const m = /^=?"([a-z]+)"$/.exec((formula ?? '').trim());
  return m ? m[1] : null;
}

/** The workbook marks: every workbook-scoped name with the tool's prefix. */
export function isWorkbookMark(name: string): boolean {
  return name.startsWith(MARK_PREFIX) && name !== SHEET_MARK;
}

/**
 * The names of `wanted` result sheets taken by sheets the tool did not write: such a sheet is the
 * user's and is never replaced (the check gives an issue; the writers refuse).
 */
export function namesInTheWay(wanted: readonly string[], sheetNames: readonly string[], owned: readonly string[]): string[] {
  const present = new Set(sheetNames);
  const own = new Set(owned);
  return wanted.filter((name) => present.has(name) && !own.has(name));
}

/** Refuses to write over a sheet the tool did not write (the check has said so before). */
export function refuseSheetsInTheWay(wanted: readonly string[], sheetNames: readonly string[], owned: readonly string[]): void {
  const taken = namesInTheWay(wanted, sheetNames, owned);
  if (taken.length > 0) throw new Error(`sheet "${taken[0]}" exists and was not written by kaoping`);
}

/**
 * The result sheets the tool owns. `workbookNames` are the workbook-scoped names;
 * `sheetMark(sheet)` is the formula of that sheet's own `kaoping_sheet` name, if any.
 */
export function ownedSheets(
  sheetNames: readonly string[],
  workbookNames: readonly { name: string; formula: string }[],
  sheetMark: (sheet: string) => string | null | undefined,
): string[] {
  const present = new Set(sheetNames);
  const owned: string[] = [];
  for (const { role, name } of RESULT_SHEETS) {
    const pointed = workbookNames.some((n) => n.name === `${MARK_PREFIX}${role}` && sheetOfFormula(n.formula) === name);
    if (pointed && present.has(name) && roleOfSheetMark(sheetMark(name)) === role) owned.push(name);
  }
  return owned;
}
