// Failures in words the user can act on.
import { WorkbookOpenError } from '../hosts/xlsx/open-error';
import type { Lang } from '../i18n/messages';
import { UI_TEXT } from '../i18n/ui';

export function describeError(e: unknown, lang: Lang): string {
  const t = UI_TEXT[lang];
  if (e instanceof WorkbookOpenError) return e.reason === 'encrypted-or-xls' ? t.encrypted : e.reason === 'not-xlsx' ? t.notXlsx : t.corrupt;
  return t.failed(e instanceof Error ? e.message : String(e));
}
