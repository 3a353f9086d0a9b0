// Why a file could not be opened as a workbook (kept apart so the pane can name it without
// loading the .xlsx host).

/** encrypted or old .xls; not a workbook at all; damaged; beyond one of the reader's limits */
export type OpenFailure = 'encrypted-or-xls' | 'not-xlsx' | 'corrupt' | 'too-large';

/** Which limit a too-large workbook went past (see LIMITS in package.ts). */
export type LimitKind = 'part-size' | 'total-size' | 'rows' | 'cells';

export class WorkbookOpenError extends Error {
  constructor(
    readonly reason: OpenFailure,
    detail: string,
    /** for too-large: the limit, the sheet or part, and the limit's value */
    readonly limit?: { readonly kind: LimitKind; readonly where: string; readonly max: number },
  ) {
    super(detail);
  }
}

/** One of several files (a period's, for 合并各期) that cannot be read as a workbook: which one, and why. */
export class PeriodFileUnreadable extends WorkbookOpenError {
  constructor(
    readonly fileName: string,
    cause: Pick<WorkbookOpenError, 'reason' | 'message' | 'limit'>,
  ) {
    super(cause.reason, cause.message, cause.limit);
  }
}
