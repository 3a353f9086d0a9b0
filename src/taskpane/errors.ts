// Failures in words the user can act on.
import { WriteInterrupted } from '../hosts/port';
import { PeriodFileUnreadable, WorkbookOpenError } from '../hosts/xlsx/open-error';
import type { Lang } from '../i18n/messages';
import { UI_TEXT } from '../i18n/ui';
import { TooLargeForNewWorkbook } from './excel-files';
import { Cancelled } from './session';

/** Office.js errors carry a code (Excel.ErrorCodes); those users can act on get words of their own. */
export function describeError(e: unknown, lang: Lang): string {
  const t = UI_TEXT[lang];
  if (e instanceof Cancelled) return t.cancelled;
  if (e instanceof WriteInterrupted) return `${t.interrupted(e.complete.join(t.listSeparator), e.partial ?? '')} ${describeError(e.reason, lang)}`;
  if (e instanceof TooLargeForNewWorkbook) return t.tooLargeForNewWorkbook((e.bytes / 1e6).toFixed(1));
  if (e instanceof PeriodFileUnreadable) return t.inFile(e.fileName, describeError(new WorkbookOpenError(e.reason, e.message, e.limit), lang));
  if (e instanceof WorkbookOpenError) return { 'encrypted-or-xls': t.encrypted, 'not-xlsx': t.notXlsx, corrupt: t.corrupt, 'too-large': t.tooLarge }[e.reason];
  const code = (e as { code?: unknown })?.code;
  if (typeof code === 'string' && t.excel[code]) return t.excel[code];
  return t.failed(e instanceof Error ? e.message : String(e));
}
