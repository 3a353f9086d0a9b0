// What the pane works on: a workbook in Excel (Office.js) or an .xlsx file in the browser.
import type { WorkbookPort, WriteOutcome } from '../hosts/port';

export interface PaneSession {
  readonly mode: 'excel' | 'file';
  /** shown to the user, and 考核名称 when the scheme has none */
  readonly title: string;
  readonly port: WorkbookPort;
  /** after writing: in Excel, activate 结果汇总; in the browser, offer the file for download */
  deliver(outcome: WriteOutcome): Promise<string>;
  /** selects a cell in Excel (absent in the browser) */
  readonly selectCell?: (sheet: string, cell: string) => Promise<void>;
  /** renames a sheet in Excel (absent in the browser, where formulas elsewhere would not follow) */
  readonly renameSheet?: (from: string, to: string) => Promise<void>;
  /** fills problem cells in Excel, removing the previous marks (absent in the browser) */
  readonly markCells?: (cells: readonly { sheet: string; cell: string }[]) => Promise<void>;
}
