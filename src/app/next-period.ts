// The next period's workbook from this one (the command's `next`, the browser page's 新建下一期):
// a new package, this period's scores and adjustments emptied, the tool's result sheets left out.
import { nextPeriodPlan } from '../engine/next-period';
import type { Issue } from '../engine/types';
import type { XlsxWorkbook } from '../hosts/xlsx/xlsx-workbook';
import { readInputs } from './score-workbook';

export type NextPeriod =
  /** `emptied`: score cells, then 加减分 cells that held something */
  { readonly ok: true; readonly emptied: { readonly scores: number; readonly events: number } } | { readonly ok: false; readonly issues: readonly Issue[] };

/**
 * Turns `book` (a copy, never the user's file) into the next period's workbook. Throws
 * SharedFormulaCell when a score cell anchors a formula other cells share.
 */
export async function makeNextPeriod(book: XlsxWorkbook, fileTitle: string): Promise<NextPeriod> {
  const snap = await readInputs(book);
  const plan = nextPeriodPlan({ fileTitle, sheetNames: snap.sheetNames, sheets: snap.sheets });
  if (!plan.ok) return plan;
  const emptied = { scores: 0, events: 0 };
  for (const { sheet, kind, cells } of plan.clear) emptied[kind] += await book.clearCells(sheet, cells);
  // the finished period's results do not belong to the next one
  await book.writeResults([]);
  return { ok: true, emptied };
}
