// `kaoping combine` and the pane's 合并各期: several periods' workbooks into one annual workbook,
// a new file made of values (the periods' own files are never written).
import { readInputs } from './score-workbook';
import { planCombine, type CombinedSheet, type PeriodBook } from '../engine/combine';
import { findHeaderRow } from '../engine/scores';
import type { CellValue, Issue } from '../engine/types';
import { PeriodFileUnreadable, WorkbookOpenError } from '../hosts/xlsx/open-error';
import { XlsxWorkbook } from '../hosts/xlsx/xlsx-workbook';
import type { EntryMaker } from '../hosts/xlsx/package';
import type { SpecValue } from '../report/spec';
import { valuesSheet } from '../report/templates';

export interface PeriodFile {
  readonly fileName: string;
  readonly fileTitle: string;
  readonly book: XlsxWorkbook;
}

export type Combined =
  { readonly ok: true; readonly book: XlsxWorkbook; readonly issues: readonly Issue[] } | { readonly ok: false; readonly issues: readonly Issue[] };

/** A value as a new sheet holds it: shown percents and dates as the numbers and text read. */
function specValue(v: CellValue): SpecValue {
  if (v === null || typeof v === 'string' || typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if ('percent' in v) return v.percent;
  if ('date' in v) return v.date;
  if ('error' in v) return v.error;
  return null; // an uncalculated formula: planCombine refuses those
}

const values = (sheet: CombinedSheet) => sheet.rows.map((row) => row.map(specValue));

/** Runs a step on one period's file; a failure to read it names the file. */
async function readingFile<T>(fileName: string, step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (e) {
    throw e instanceof WorkbookOpenError && !(e instanceof PeriodFileUnreadable) ? new PeriodFileUnreadable(fileName, e) : e;
  }
}

/** Throws PeriodFileUnreadable for a file whose sheets cannot be read. */
export async function combineWorkbooks(files: readonly PeriodFile[], entry?: EntryMaker): Promise<Combined> {
  const books: PeriodBook[] = [];
  for (const f of files) books.push({ fileName: f.fileName, fileTitle: f.fileTitle, ...(await readingFile(f.fileName, () => readInputs(f.book))) });
  const plan = planCombine(books);
  if (!plan.ok) return plan;
  const out = XlsxWorkbook.create(entry);
  await out.addSheets([
    valuesSheet(plan.scheme.name, values(plan.scheme), -1),
    ...plan.periods.map((p) => valuesSheet(p.name, values(p), findHeaderRow(p.rows, p.merges), p.merges)),
    ...(plan.adjustments ? [valuesSheet(plan.adjustments.name, values(plan.adjustments), 0)] : []),
  ]);
  return { ok: true, book: out, issues: plan.issues };
}

/** A file the user chose in the pane. */
export interface PickedFile {
  readonly name: string;
  readonly bytes: Uint8Array;
}

export type CombinedFiles =
  { readonly ok: true; readonly bytes: Uint8Array; readonly issues: readonly Issue[] } | { readonly ok: false; readonly issues: readonly Issue[] };

/**
 * The pane's 合并各期: the chosen files, in period order, as the annual workbook's bytes. Throws
 * PeriodFileUnreadable for a file that is no workbook.
 */
export async function combineFiles(files: readonly PickedFile[], entry?: EntryMaker): Promise<CombinedFiles> {
  const periods: PeriodFile[] = [];
  for (const f of files)
    periods.push({ fileName: f.name, fileTitle: f.name.replace(/\.xls[xm]$/i, ''), book: await readingFile(f.name, () => XlsxWorkbook.load(f.bytes, entry)) });
  const combined = await combineWorkbooks(periods, entry);
  if (!combined.ok) return combined;
  return { ok: true, bytes: await combined.book.toBytes(), issues: combined.issues };
}
