// Grades under quotas (contract 5.5).
import { IssueLog, pushTo } from './cells';
import * as X from './exact';
import { compareRank, decidingKey, type Rankable } from './rank';
import type { IssueCode } from '../i18n/messages';
import { QUOTA_ROUNDINGS, TIE_POLICIES, type QuotaRounding } from './policies';
import type { AdjustmentEvent, GradeRule, Scheme } from './types';

/** The pseudo-grade of subjects tied at a quota boundary under 同分处理 = 待定. */
export const PENDING = -1;

/** What the events of 加减分 say about one subject's grade. */
export interface GradeConstraints {
  /**
   * a grade fixed outside the quotas by an event type (code in `by`; 一票否决 reached through
   * 否决扣分线 has no event); `demotable`: 降等 still applies to it
   */
  readonly forced: { readonly grade: number; readonly by: string; readonly event: AdjustmentEvent | null; readonly demotable: boolean } | null;
  /** the best grade index allowed by 限等 (0 = no limit) */
  readonly cap: number;
  readonly capEvent: AdjustmentEvent | null;
  readonly demoteLevels: number;
  readonly demoteEvents: readonly AdjustmentEvent[];
}

/** Why a subject did not get a better grade. */
export interface GradeMiss {
  readonly grade: number;
  readonly why: 'quota-full' | 'below-min' | 'capped' | 'tie-demoted';
}

export type GradeWhy =
  | { readonly kind: 'forced'; readonly by: string }
  /** place k within a quota of n */
  | { readonly kind: 'quota'; readonly place: number; readonly quota: number }
  | { readonly kind: 'tie-admitted'; readonly place: number; readonly quota: number }
  /** a grade without a quota (its 最低分, if any, was met) */
  | { readonly kind: 'open' }
  | { readonly kind: 'pending' }
  /** the catch-all last grade */
  | { readonly kind: 'rest' };

export interface GradeOutcome {
  /** grade index, or PENDING */
  readonly grade: number;
  readonly why: GradeWhy;
  readonly misses: readonly GradeMiss[];
  /** the grade before 降等, when demoted */
  readonly demotedFrom: number | null;
  /** the tie-key index that decided a boundary against or for this subject (-1: none) */
  readonly boundaryKey: number;
}

export interface ScopeGrade {
  readonly grade: number;
  readonly quota: number | null;
  readonly count: number;
  /** codes of the 5.5 warnings for this grade */
  readonly warnings: readonly { readonly code: IssueCode; readonly params: Record<string, string | number> }[];
}

export interface ScopeResult {
  /** '全体' or the group name */
  readonly scope: string;
  readonly size: number;
  readonly grades: readonly ScopeGrade[];
  readonly pending: number;
}

export interface Gradable extends Rankable {
  readonly constraints: GradeConstraints;
}

/** 名额, else 比例上限 × N made whole by 名额取整; null when neither is set. */
export function quotaOf(rule: GradeRule, n: number, rounding: QuotaRounding): number | null {
  if (rule.count !== null) return rule.count;
  if (rule.maxPct === null) return null;
  return wholeOf(X.div(X.mul(X.exactFromNumber(rule.maxPct), X.exactInt(n)), X.exactInt(100)), rounding);
}

function wholeOf(x: X.Exact, rounding: QuotaRounding): number {
  return QUOTA_ROUNDINGS[rounding].whole(x);
}

/** 比例下限 × N made a whole number by 名额取整, like every share that becomes a count. */
export function minimumOf(rule: GradeRule, n: number, rounding: QuotaRounding): number | null {
  if (rule.minPct === null) return null;
  return wholeOf(X.div(X.mul(X.exactFromNumber(rule.minPct), X.exactInt(n)), X.exactInt(100)), rounding);
}

/**
 * Grade rules that no allocation can meet in a scope of n subjects are errors, found before
 * scoring; they are judged on the counts for that n (shares that only look inconsistent are warnings).
 */
export function checkGradeRules(scheme: Scheme, scopes: ReadonlyMap<string, number>, log: IssueLog, sheet: string): void {
  const rounding = scheme.settings.quotaRounding;
  for (const [scope, n] of scopes) {
    let needed = 0;
    scheme.grades.forEach((rule) => {
      const quota = quotaOf(rule, n, rounding);
      const need = minimumOf(rule, n, rounding);
      needed += need ?? 0;
      if (quota !== null && need !== null && need > quota) {
        log.error('grade-impossible', sheet, rule.row >= 0 ? `A${rule.row + 1}` : '', rule.name, { grade: rule.name, reason: 'quota<min', scope, quota, need });
      }
    });
    if (needed > n) {
      const first = scheme.grades.find((g) => g.minPct !== null);
      log.error('grade-impossible', sheet, first && first.row >= 0 ? `A${first.row + 1}` : '', null, {
        grade: scheme.grades.filter((g) => g.minPct !== null).map((g) => g.name),
        reason: 'min-count-sum',
        scope,
        need: needed,
        n,
      });
    }
  }
}

function meetsMinScore(totalUnits: number, decimals: number, minScore: X.Exact): boolean {
  return X.cmp({ n: BigInt(totalUnits), d: X.pow10(decimals) }, minScore) >= 0;
}

/**
 * Grades one scope. `members` must be in rank order. Returns the scope's distribution; outcomes
 * go into `out`. Boundary warnings are logged against the grade's row in 考核方案.
 */
export function gradeScope<T extends Gradable>(
  scope: string,
  members: readonly T[],
  scheme: Scheme,
  out: Map<T, GradeOutcome>,
  log: IssueLog,
  sheet: string,
): ScopeResult {
  const { grades, settings } = scheme;
  const n = members.length;
  const last = grades.length - 1;
  const misses = new Map<T, GradeMiss[]>();
  const boundary = new Map<T, number>();
  const missed = (m: T, grade: number, why: GradeMiss['why']) => pushTo(misses, m, { grade, why });
  const warnings: ScopeGrade['warnings'][number][][] = grades.map(() => []);
  const quotas = grades.map((rule, g) => (g === last ? null : quotaOf(rule, n, settings.quotaRounding)));
  const assigned = new Map<T, { grade: number; why: GradeWhy }>();

  let pool: T[] = [];
  for (const m of members) {
    const f = m.constraints.forced;
    if (f) assigned.set(m, { grade: f.grade, why: { kind: 'forced', by: f.by } });
    else pool.push(m);
  }
  for (let g = 0; g < last; g++) {
    const rule = grades[g];
    const quota = quotas[g];
    const minScore = rule.minScore === null ? null : X.exactFromNumber(rule.minScore);
    const eligible: T[] = [];
    for (const m of pool) {
      if (m.constraints.cap > g) missed(m, g, 'capped');
      else if (minScore && !meetsMinScore(m.totalUnits, settings.decimals, minScore)) missed(m, g, 'below-min');
      else eligible.push(m);
    }
    let taken = eligible;
    let pending: T[] = [];
    let tieStart = -1;
    let tieEnd = -1;
    if (quota !== null && quota < eligible.length) {
      taken = eligible.slice(0, quota);
      if (quota > 0 && compareRank(eligible[quota - 1], eligible[quota]) === 0) {
        tieStart = quota - 1;
        while (tieStart > 0 && compareRank(eligible[tieStart - 1], eligible[quota - 1]) === 0) tieStart--;
        tieEnd = quota;
        while (tieEnd < eligible.length && compareRank(eligible[tieEnd], eligible[quota - 1]) === 0) tieEnd++;
        const tied = tieEnd - tieStart;
        const params = { scope, grade: rule.name, quota, tied, places: quota - tieStart };
        const policy = TIE_POLICIES[settings.tiePolicy];
        const end = policy.admits ? tieEnd : tieStart;
        taken = eligible.slice(0, end);
        if (policy.pending) pending = eligible.slice(tieStart, tieEnd);
        warnings[g].push({ code: policy.warning, params: { ...params, count: end } });
      } else if (quota > 0) {
        // a boundary decided by 同分依据: remember which key, for the score report
        const key = decidingKey(eligible[quota - 1], eligible[quota]);
        if (key >= 0) {
          boundary.set(eligible[quota - 1], key);
          boundary.set(eligible[quota], key);
        }
      }
    }
    taken.forEach((m, i) => {
      const inTie = tieStart >= 0 && i >= tieStart;
      const why: GradeWhy = quota === null ? { kind: 'open' } : inTie ? { kind: 'tie-admitted', place: i + 1, quota } : { kind: 'quota', place: i + 1, quota };
      assigned.set(m, { grade: g, why });
    });
    for (const m of pending) assigned.set(m, { grade: PENDING, why: { kind: 'pending' } });
    const gone = new Set<T>([...taken, ...pending]);
    eligible.forEach((m, i) => {
      if (!gone.has(m)) missed(m, g, tieStart >= 0 && i < tieEnd ? 'tie-demoted' : 'quota-full');
    });
    pool = pool.filter((m) => !gone.has(m));
  }
  for (const m of pool) assigned.set(m, { grade: last, why: { kind: 'rest' } });

  // 比例下限, counted before 降等
  grades.forEach((rule, g) => {
    const need = minimumOf(rule, n, settings.quotaRounding);
    if (need === null) return;
    const count = members.filter((m) => assigned.get(m)!.grade === g).length;
    if (count < need) warnings[g].push({ code: 'below-min-share', params: { scope, grade: rule.name, count, need, minPct: rule.minPct! } });
  });

  for (const m of members) {
    const a = assigned.get(m)!;
    const c = m.constraints;
    const demotable = a.grade !== PENDING && c.demoteLevels > 0 && (c.forced === null || c.forced.demotable);
    const grade = demotable ? Math.min(last, a.grade + c.demoteLevels) : a.grade;
    out.set(m, { grade, why: a.why, misses: misses.get(m) ?? [], demotedFrom: grade !== a.grade ? a.grade : null, boundaryKey: boundary.get(m) ?? -1 });
  }
  const counts = grades.map((_, g) => members.filter((m) => out.get(m)!.grade === g).length);
  for (const [g, rule] of grades.entries()) {
    for (const w of warnings[g]) log.warn(w.code, sheet, rule.row >= 0 ? `A${rule.row + 1}` : '', rule.name, w.params);
  }
  return {
    scope,
    size: n,
    grades: grades.map((_, g) => ({ grade: g, quota: quotas[g], count: counts[g], warnings: warnings[g] })),
    pending: members.filter((m) => out.get(m)!.grade === PENDING).length,
  };
}
