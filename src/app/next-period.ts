// The next period's workbook from this one (the command's `next`, the browser page's 新建下一期):
// a new package, this period's scores and adjustments emptied, the tool's result sheets left out.
import { findInputSheets } from '../engine/assess';
import { nextPeriodPlan } from '../engine/next-period';
import type { Issue } from '../engine/types';
import type { XlsxWorkbook } from '../hosts/xlsx/xlsx-workbook';

export type NextPeriod =
  /** `emptied`: score cells, then 加减分 cells that held something */
  { readonly ok: true; readonly emptied: { readonly scores: number; readonly events: number } } | { readonly ok: false; readonly issues: readonly Issue[] };

/**
 * Turns `book` (a copy, never the user's file) into the next period's workbook. Throws
 * SharedFormulaCell when a score cell anchors a formula other cells share.
 */
export async function makeNextPeriod(book: XlsxWorkbook, fileTitle: string): Promise<NextPeriod> {
  const snap = await book.read((names) => Object.values(findInputSheets(names)));
  const plan = nextPeriodPlan({ fileTitle, sheetNames: snap.sheetNames, sheets: snap.sheets });
  if (!plan.ok) return plan;
  const emptied: number[] = [];
  for (const { sheet, cells } of plan.clear) emptied.push(await book.clearCells(sheet, cells));
  // the finished period's results do not belong to the next one
  await book.writeResults([]);
  return { ok: true, emptied: { scores: emptied[0] ?? 0, events: emptied[1] ?? 0 } };
}
