// What every result sheet shares: its head (title and subtitle), the signature line, 备注 text.
import type { SubjectResult } from '../engine/assess';
import type { Scheme } from '../engine/types';
import { noteText } from '../i18n/format';
import type { SheetBuilder, SheetHead } from './layout';
import { resultSheetName, type ResultRole } from './spec';

export interface ReportContext {
  /** the run date as printed, e.g. 2026-11-21 */
  readonly date: string;
}

export function head(role: ResultRole, scheme: Scheme | null, ctx: ReportContext, fallbackTitle = ''): SheetHead {
  const s = scheme?.settings;
  const parts = [s?.issuer ? `制表单位：${s.issuer}` : '', s?.period ? `考核期间：${s.period}` : '', `日期：${ctx.date}`].filter(Boolean);
  const name = resultSheetName(role);
  return { role, name, title: `${s?.title || fallbackTitle} ${name}`.trim(), subtitle: parts.join('　　'), decimals: s?.decimals ?? 2 };
}

export function notesText(s: SubjectResult): string {
  return s.notes.map((n) => noteText(n, 'zh')).join('；');
}

export function signature(b: SheetBuilder, scheme: Scheme): void {
  if (scheme.settings.signature) b.blank().line(scheme.settings.signature);
}
