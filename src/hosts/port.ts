// What a host (Excel through Office.js, or an .xlsx file through exceljs) can do for kaoping.
import type { SheetData } from '../engine/types';
import type { SheetSpec } from '../report/spec';

/** What the tool reads from a workbook, in one go. */
export interface WorkbookSnapshot {
  /** every sheet name, in tab order */
  readonly sheetNames: readonly string[];
  /** the values of the sheets asked for */
  readonly sheets: readonly SheetData[];
  /** the result sheets this tool wrote earlier (found by their marks) */
  readonly ownedSheets: readonly string[];
}

export interface WriteOutcome {
  /** the sheets written, in order */
  readonly written: readonly string[];
  /** sheets the tool had written before and removed now (no longer produced) */
  readonly removed: readonly string[];
  /** features the host could not apply (e.g. print setup before ExcelApi 1.9) */
  readonly degraded: readonly string[];
}

export interface WorkbookPort {
  /** Sheet names, the values of the sheets `pick` chooses from them, and the tool's own sheets. */
  read(pick: (sheetNames: readonly string[]) => readonly string[]): Promise<WorkbookSnapshot>;
  /**
   * Writes the result sheets, replacing the ones the tool wrote before; the tool's other old
   * result sheets are removed. Never touches a sheet the tool did not write. `onProgress` hears
   * the share done (0…1) during a long write.
   */
  writeResults(specs: readonly SheetSpec[], onProgress?: (done: number) => void): Promise<WriteOutcome>;
  /** Adds sheets that are not results (a new assessment's 考核方案, 评分表, 加减分). */
  addSheets(specs: readonly SheetSpec[]): Promise<void>;
}

/**
 * A write that stopped after some of the tool's existing sheets were rewritten in place: says
 * exactly which are complete and which was being written, for the user to run again.
 */
export class WriteInterrupted extends Error {
  constructor(
    readonly complete: readonly string[],
    readonly partial: string | null,
    readonly reason: unknown,
  ) {
    super(reason instanceof Error ? reason.message : String(reason));
  }
}
