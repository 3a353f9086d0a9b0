// What the pane works on: a workbook in Excel (Office.js) or an .xlsx file in the browser.
import { checkView, publishView, type CheckView, type NextPeriodView, type PublishView } from '../app/check-view';
import { checkWorkbook, publishResults, today, type Checked } from '../app/score-workbook';
import type { PickedFile } from '../app/combine';
import type { SheetPreview, TablePage, TableQuery } from '../app/sheet-preview';
import type { Issue } from '../engine/types';
import type { WorkbookPort, WriteOutcome } from '../hosts/port';

/** How far a check or a write has come: the share done, 0…1. */
export type OnProgress = (done: number) => void;

export interface PaneSession {
  readonly mode: 'excel' | 'file';
  /** shown to the user, and 考核名称 when the scheme has none */
  readonly title: string;
  /** the workbook, for the new-assessment steps (adding 考核方案, reading a sheet to recognise) */
  readonly port: Pick<WorkbookPort, 'read' | 'addSheets'>;
  /** reads and assesses the workbook */
  check(onProgress?: OnProgress): Promise<CheckView>;
  /**
   * writes what the last check found to write (of it the result sheets chosen, when `sheets` is
   * given), then delivers it (Excel: shows 结果汇总; browser: downloads)
   */
  publish(onProgress?: OnProgress, sheets?: readonly string[]): Promise<PublishView>;
  /** a result sheet of the last check, its first `rows` rows as they print (the browser page) */
  readonly preview?: (sheet: string, rows: number) => Promise<SheetPreview | null>;
  /** 结果汇总 of the last check as a table: the rows a query asks for (the browser page) */
  readonly resultTable?: (query: TableQuery) => Promise<TablePage | null>;
  /** an input sheet around an issue's cell (the browser page, where no Excel can show it) */
  readonly inputPreview?: (sheet: string, cell: string) => Promise<SheetPreview | null>;
  /** stops a check or write under way (the browser page, where it runs in a worker) */
  readonly cancel?: () => void;
  /** selects a cell in Excel (absent in the browser) */
  readonly selectCell?: (sheet: string, cell: string) => Promise<void>;
  /** renames a sheet in Excel (absent in the browser, where formulas elsewhere would not follow) */
  readonly renameSheet?: (from: string, to: string) => Promise<void>;
  /** makes and delivers the next period's workbook (the browser page downloads it; Excel opens it in a new window) */
  readonly nextPeriod?: () => Promise<NextPeriodView>;
  /** fills problem cells in Excel, removing the previous marks (absent in the browser) */
  readonly markCells?: (cells: readonly { sheet: string; cell: string }[]) => Promise<void>;
}

/** What 合并各期 delivered. */
export interface CombineOutcome {
  /** what the combining found: warnings when it was made, the errors that stopped it otherwise */
  readonly issues: readonly Issue[];
  /** the downloaded file's name ('' in Excel, where it opens in a new window); null when not made */
  readonly written: string | null;
  /** the browser page goes on with the combined workbook */
  readonly session?: PaneSession;
}

/** 合并各期: period files, in period order, into the annual workbook, delivered as the host can. */
export type CombinePeriods = (files: readonly PickedFile[]) => Promise<CombineOutcome>;

/** A check stopped by the user. */
export class Cancelled extends Error {
  constructor() {
    super('cancelled');
  }
}

/** check and publish run on the page, over a port (Excel: Office.js works from the page). */
export function onPage(port: WorkbookPort, title: string, deliver: (outcome: WriteOutcome) => Promise<string>): Pick<PaneSession, 'check' | 'publish'> {
  let last: Checked | null = null;
  return {
    async check() {
      last = await checkWorkbook(port, { fileTitle: title, date: today() });
      return checkView(last);
    },
    async publish(onProgress, sheets) {
      if (!last) throw new Error('publish before check');
      const result = await publishResults(port, last, { onProgress, sheets });
      last = null; // the workbook changed: a second write starts from a fresh check
      return publishView(result, result.written ? await deliver(result.written) : '');
    },
  };
}
