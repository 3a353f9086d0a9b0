// Why a file could not be opened as a workbook (kept apart so the pane can name it without
// loading the .xlsx host).
export type OpenFailure = 'encrypted-or-xls' | 'not-xlsx' | 'corrupt';

export class WorkbookOpenError extends Error {
  constructor(readonly reason: OpenFailure, detail: string) {
    super(detail);
  }
}
