// What every result sheet shares: its head (title and subtitle), the signature line, 备注 text.
import type { SubjectResult } from '../engine/assess';
import type { MissingPeriodPolicy, Rollup, Scheme } from '../engine/types';
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

/** 期间汇总's words on the result sheets: the roll-up's column and how it was made. */
export const ROLLUP_WORDS: Record<Rollup, { readonly label: string; readonly how: (weights: string | null) => string }> = {
  sum: { label: '期间合计', how: () => '各期总分之和' },
  mean: { label: '期间平均', how: () => '各期总分的平均' },
  weighted: { label: '加权汇总', how: (weights) => `各期总分按权重${weights ? `（${weights}）` : ''}加权` },
};

/** How a missing period counts (缺期处理), null when it is an error. */
export const MISSING_PERIOD_RULE: Record<MissingPeriodPolicy, string | null> = { average: '按已考核期平均计', zero: '按0分计', error: null };

/** The base score's column: 基础分, or with 【期间】 the periods rolled up. */
export function baseLabel(scheme: Scheme): string {
  return scheme.periods.length > 0 ? ROLLUP_WORDS[scheme.settings.rollup].label : '基础分';
}

/** Subjects in 评分表 order (the order of the period sheets with 【期间】). */
export function inInputOrder(subjects: readonly SubjectResult[]): SubjectResult[] {
  return [...subjects].sort((p, q) => p.index - q.index);
}

export function notesText(s: SubjectResult): string {
  return s.notes.map((n) => noteText(n, 'zh')).join('；');
}

export function signature(b: SheetBuilder, scheme: Scheme): void {
  if (scheme.settings.signature) b.blank().line(scheme.settings.signature);
}
