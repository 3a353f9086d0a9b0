// The messages between the browser page and its worker (file-worker.ts), which holds the workbook
// and does all the reading, checking, computing and writing, so the page never freezes.
import type { CheckView, NextPeriodView, PublishView } from '../app/check-view';
import type { CombinedFiles, PickedFile } from '../app/combine';
import type { SheetPreview, TablePage, TableQuery } from '../app/sheet-preview';
import type { WorkbookSnapshot } from '../hosts/port';
import type { SheetSpec } from '../report/spec';

export type WorkerRequest =
  | { readonly op: 'open'; readonly bytes: Uint8Array; readonly title: string }
  | { readonly op: 'check'; readonly date: string }
  /** writes the chosen result sheets (all when none chosen) */
  | { readonly op: 'publish'; readonly sheets?: readonly string[] }
  /** a result sheet of the last check, its first rows as they print */
  | { readonly op: 'preview'; readonly sheet: string; readonly rows: number }
  /** 结果汇总 of the last check as a table: the rows asked for, sorted and filtered here */
  | { readonly op: 'table'; readonly query: TableQuery }
  /** an input sheet around an issue's cell */
  | { readonly op: 'inputPreview'; readonly sheet: string; readonly cell: string }
  /** a blank workbook from a preset (needs no workbook open) */
  | { readonly op: 'blank'; readonly preset: string }
  | { readonly op: 'read'; readonly sheets: readonly string[] }
  | { readonly op: 'addSheets'; readonly specs: readonly SheetSpec[] }
  /** the next period's workbook, made from the file as it was opened */
  | { readonly op: 'next' }
  /** period files into the annual workbook (needs no workbook open) */
  | { readonly op: 'combine'; readonly files: readonly PickedFile[] };

export type WorkerAnswer =
  | { readonly op: 'open'; readonly sheetNames: readonly string[] }
  | { readonly op: 'check'; readonly view: CheckView }
  | { readonly op: 'publish'; readonly view: PublishView; readonly bytes: Uint8Array | null }
  | { readonly op: 'read'; readonly snapshot: WorkbookSnapshot }
  | { readonly op: 'preview'; readonly preview: SheetPreview | null }
  | { readonly op: 'inputPreview'; readonly preview: SheetPreview | null }
  | { readonly op: 'table'; readonly page: TablePage | null }
  | { readonly op: 'blank'; readonly bytes: Uint8Array; readonly name: string }
  | { readonly op: 'addSheets'; readonly sheetNames: readonly string[] }
  | { readonly op: 'next'; readonly next: NextPeriodView; readonly bytes: Uint8Array | null }
  | { readonly op: 'combine'; readonly combined: CombinedFiles };

export type WorkerMessage =
  | { readonly kind: 'progress'; readonly done: number }
  | { readonly kind: 'answer'; readonly answer: WorkerAnswer }
  /** a workbook that cannot be opened (reason as WorkbookOpenError has it; which file, when several), or another failure */
  | {
      readonly kind: 'failed';
      readonly message: string;
      readonly openFailure?: { readonly reason: string; readonly limit?: unknown; readonly fileName?: string };
    };
