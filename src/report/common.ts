// What every result sheet shares: its head (title and subtitle), the signature line, 备注 text.
import type { ScoredAssessment, SubjectResult } from '../engine/assess';
import { PENDING } from '../engine/grade';
import { indicatorsScored, periodicWeight, splitsCycles } from '../engine/scheme';
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
  const parts = [s?.issuer ? `制表单位：${s.issuer}` : '', s?.period ? `考核期间：${s.period}` : '', `日期：${chineseDate(ctx.date)}`].filter(Boolean);
  const name = resultSheetName(role);
  return { role, name, title: `${s?.title || fallbackTitle} ${name}`.trim(), subtitle: parts.join('　　'), decimals: s?.decimals ?? 2 };
}

/** A date as official documents print it: 2026-11-21 → 2026年11月21日 (a time, or other text, as it is). */
export function chineseDate(date: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})(.*)$/.exec(date);
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日${m[4]}` : date;
}

/** The subject's 梯队 (【梯队】) by its overall rank; '' outside every band. */
export function tierOf(scheme: Scheme, rank: number): string {
  return scheme.tiers.find((t) => t.from <= rank && rank <= t.to)?.name ?? '';
}

/** A grade's cut-off in its scope: the lowest total inside it and the highest below it outside it. */
export interface Cutoff {
  readonly inside: number | null;
  readonly outside: number | null;
}

/** Every grade's cut-off, by scope (全体, or each group), from the published totals. */
export function gradeCutoffs(a: ScoredAssessment): Map<string, Cutoff[]> {
  const out = new Map<string, Cutoff[]>();
  for (const scope of a.scopes) {
    const members = a.subjects.filter((s) => (a.scheme.settings.gradeScope === 'group' ? s.group === scope.scope : true));
    const gradeOf = (s: SubjectResult) => (s.outcome.grade === PENDING ? Number.MAX_SAFE_INTEGER : s.outcome.grade);
    out.set(
      scope.scope,
      a.scheme.grades.map((_, g) => {
        const inside = members.filter((s) => gradeOf(s) === g).map((s) => s.score.total.value);
        const below = members.filter((s) => gradeOf(s) > g).map((s) => s.score.total.value);
        return { inside: inside.length > 0 ? Math.min(...inside) : null, outside: below.length > 0 ? Math.max(...below) : null };
      }),
    );
  }
  return out;
}

/** The scope a subject is graded in. */
export function scopeOf(a: ScoredAssessment, s: SubjectResult): string {
  return a.scheme.settings.gradeScope === 'group' ? (s.group ?? '') : (a.scopes[0]?.scope ?? '');
}

/** 期间汇总's words on the result sheets: the roll-up's column and how it was made. */
export const ROLLUP_WORDS: Record<Rollup, { readonly label: string; readonly how: (weights: string | null) => string }> = {
  sum: { label: '期间合计', how: () => '各期总分之和' },
  mean: { label: '期间平均', how: () => '各期总分的平均' },
  weighted: { label: '加权汇总', how: (weights) => `各期总分按权重${weights ? `（${weights}）` : ''}加权` },
};

/** How a missing period counts (缺期处理), null when it is an error. */
export const MISSING_PERIOD_RULE: Record<MissingPeriodPolicy, string | null> = { average: '按已考核期平均计', zero: '按0分计', error: null };

/** The base score's column: 基础分, or with 【期间】 the periods rolled up (with 年度 dimensions, 汇总基础分). */
export function baseLabel(scheme: Scheme): string {
  if (scheme.periods.length === 0) return splitsCycles(scheme) ? '基础分（折算）' : '基础分';
  return splitsCycles(scheme) ? '汇总基础分' : ROLLUP_WORDS[scheme.settings.rollup].label;
}

/** Dimension names with their weights, e.g. 关键绩效指标 30%、日常工作 50%. */
function weighted(dims: readonly { name: string; weight: number }[]): string {
  return dims.map((d) => `${d.name} ${d.weight}%`).join('、');
}

/** How the year's base is made from the periods, in words (with 年度 dimensions, their part added). */
export function rollupHow(scheme: Scheme): string {
  const rolled = scheme.periods.filter((p) => !p.annual);
  const how = ROLLUP_WORDS[scheme.settings.rollup].how(rolled.map((p) => `${p.name} ${p.weight}%`).join('、'));
  const year = scheme.periods.find((p) => p.annual);
  if (!splitsCycles(scheme) || !year) return how;
  return scheme.dimensions.length > 0 ? `${how} × ${periodicWeight(scheme)}% + ${year.name}维度得分` : `${how} + ${year.name}指标得分`;
}

/**
 * What a single period of a scheme with 年度 dimensions scores, under its 结果汇总: the periodic
 * dimensions rescaled to 100; null when there is nothing to say.
 */
export function rescaledNote(scheme: Scheme): string | null {
  if (scheme.periods.length > 0 || !splitsCycles(scheme)) return null;
  const periodic = scheme.dimensions.filter((d) => d.cycle === 'period');
  const yearly = scheme.dimensions.filter((d) => d.cycle === 'year');
  if (scheme.dimensions.length === 0) {
    const names = scheme.indicators.filter((i) => i.cycle === 'year').map((i) => i.name);
    return `注：本期只考核每期指标；年度指标（${names.join('、')}）在年度考核中计分。`;
  }
  const share = periodicWeight(scheme);
  return `注：本期只考核每期维度（${weighted(periodic)}，合计 ${share}%），各维度得分按 100 ÷ ${share}% 折算为百分制；年度维度（${weighted(yearly)}）在年度考核中计分。`;
}

/** The dimensions (indices into a.dimensions) this workbook scores: a single period lacks the 年度 ones. */
export function dimensionsScored(a: Pick<ScoredAssessment, 'scheme' | 'dimensions'>): number[] {
  const scored = new Set(indicatorsScored(a.scheme).map((i) => a.scheme.indicators[i].dimension));
  return a.dimensions.flatMap((d, i) => (scored.has(d) ? [i] : []));
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
