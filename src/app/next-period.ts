// The next period's workbook from this one (the command's `next`, the pane's 新建下一期):
// a new package, this period's scores and adjustments emptied, the tool's result sheets left out.
import { nextPeriodPlan } from '../engine/next-period';
import type { Issue } from '../engine/types';
import { SharedFormulaCell } from '../hosts/xlsx/clear-cells';
import { XlsxWorkbook } from '../hosts/xlsx/xlsx-workbook';
import type { NextPeriodView } from './check-view';
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

/**
 * The pane's 新建下一期: the next period's workbook made from a workbook's bytes (as it was
 * opened, or as Excel has it now), with what the pane shows; bytes null when it was not made.
 */
export async function nextPeriodFile(original: Uint8Array, fileTitle: string): Promise<{ readonly next: NextPeriodView; readonly bytes: Uint8Array | null }> {
  const copy = await XlsxWorkbook.load(original);
  try {
    const next = await makeNextPeriod(copy, fileTitle);
    if (!next.ok) return { next: { written: null, issues: next.issues, sharedFormula: null }, bytes: null };
  } catch (e) {
    if (!(e instanceof SharedFormulaCell)) throw e;
    return { next: { written: null, issues: [], sharedFormula: `${e.sheet}!${e.cell}` }, bytes: null };
  }
  return { next: { written: '', issues: [], sharedFormula: null }, bytes: await copy.toBytes() };
}
