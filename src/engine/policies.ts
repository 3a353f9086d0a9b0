// The choices of 【设置】 that change the computation, each one declared entry: what 考核方案 may
// write for it and what it does. The settings table reads them by their names; rank.ts and
// grade.ts run them. Adding a choice is adding an entry here.
import type { IssueCode, NoteCode } from '../i18n/messages';
import * as X from './exact';

interface Named {
  /** what 考核方案 may write (matched forgivingly); the first is the one shown to users */
  readonly names: readonly string[];
}

/** 排名方式: the rank after a subject that is not tied with the one before it. */
export interface RankingEntry extends Named {
  /** `place`: 1-based position in rank order; `previous`: the rank before it */
  readonly next: (place: number, previous: number) => number;
}

export const RANKING_METHODS = {
  /** 1, 2, 2, 4: as RANK.EQ */
  competition: { names: ['竞争排名', 'competition', 'RANK.EQ'], next: (place) => place },
  /** 1, 2, 2, 3 */
  dense: { names: ['中国式排名', 'dense'], next: (_, previous) => previous + 1 },
} as const satisfies Record<string, RankingEntry>;
export type RankingMethod = keyof typeof RANKING_METHODS;

/** 名额取整: a share of N made a whole number of places. */
export interface QuotaRoundingEntry extends Named {
  /** x ≥ 0 */
  readonly whole: (x: X.Exact) => number;
}

export const QUOTA_ROUNDINGS = {
  round: { names: ['四舍五入', 'round'], whole: (x) => Number(X.roundHalfUpUnits(x, 0)) },
  floor: { names: ['向下取整', 'floor', 'down'], whole: (x) => Number(x.n / x.d) },
  ceil: { names: ['向上取整', 'ceil', 'up'], whole: (x) => Number((x.n + x.d - 1n) / x.d) },
} as const satisfies Record<string, QuotaRoundingEntry>;
export type QuotaRounding = keyof typeof QUOTA_ROUNDINGS;

/** 同分处理: subjects tied across a quota's boundary (after 同分依据). */
export interface TiePolicyEntry extends Named {
  /** all the tied get the grade (the quota is exceeded) */
  readonly admits: boolean;
  /** the tied who do not get it are 待定 rather than the next grade down */
  readonly pending: boolean;
  /** the warning at the grade's row (ISSUE_MESSAGES) */
  readonly warning: IssueCode;
}

export const TIE_POLICIES = {
  admit: { names: ['同分同等次', 'admit', 'same grade'], admits: true, pending: false, warning: 'tie-admitted' },
  demote: { names: ['同分均降', 'demote', 'all lower'], admits: false, pending: false, warning: 'tie-demoted' },
  pending: { names: ['待定', 'pending'], admits: false, pending: true, warning: 'tie-pending' },
} as const satisfies Record<string, TiePolicyEntry>;
export type TiePolicy = keyof typeof TIE_POLICIES;

/** 期间汇总: the periods' published totals made one score (t: each period's total, w: its 权重). */
export interface RollupEntry extends Named {
  /** needs a 权重 for every period, adding up to 100 */
  readonly weighted: boolean;
  readonly combine: (totals: readonly X.Exact[], weights: readonly X.Exact[]) => X.Exact;
}

const HUNDRED = X.exactInt(100);

export const ROLLUPS = {
  sum: { names: ['求和', 'sum', '累计', '合计'], weighted: false, combine: (t) => t.reduce(X.add, X.ZERO) },
  mean: {
    names: ['平均', 'mean', 'average', '算术平均'],
    weighted: false,
    combine: (t) => X.div(t.reduce(X.add, X.ZERO), X.exactInt(t.length)),
  },
  weighted: {
    names: ['加权', 'weighted', '加权平均'],
    weighted: true,
    combine: (t, w) =>
      X.div(
        t.reduce((acc, x, i) => X.add(acc, X.mul(x, w[i])), X.ZERO),
        HUNDRED,
      ),
  },
} as const satisfies Record<string, RollupEntry>;
export type Rollup = keyof typeof ROLLUPS;

/**
 * 缺期处理: a subject absent from some periods. `fill` gives the totals to roll up (null: the
 * subject is an error).
 */
export interface MissingPeriodEntry extends Named {
  /** the 备注 note on a subject with missing periods; null: they are errors */
  readonly note: NoteCode | null;
  /** the totals to roll up; null when they cannot be filled (an error at the subject) */
  readonly fill: (totals: readonly (X.Exact | null)[], weights: readonly X.Exact[]) => X.Exact[] | null;
  /** a subject missing from the 年度 sheet counts 0 there (there is nothing to average) */
  readonly fillsYear: boolean;
}

export const MISSING_PERIODS = {
  /** each missing period counts as the (weighted) mean of the periods assessed */
  average: {
    names: ['按已考核期平均', 'average', '平均'],
    note: 'note-periods-average',
    fill: (t, w) => {
      const held = t.flatMap((x, i) => (x === null ? [] : [{ x, w: w[i] }]));
      if (held.length === 0) return null;
      const mean = X.div(
        held.reduce((acc, h) => X.add(acc, X.mul(h.x, h.w)), X.ZERO),
        held.reduce((acc, h) => X.add(acc, h.w), X.ZERO),
      );
      return t.map((x) => x ?? mean);
    },
    fillsYear: false,
  },
  zero: { names: ['按0分', 'zero', '0'], note: 'note-periods-zero', fill: (t) => t.map((x) => x ?? X.ZERO), fillsYear: true },
  error: { names: ['报错', 'error'], note: null, fill: () => null, fillsYear: false },
} as const satisfies Record<string, MissingPeriodEntry>;
export type MissingPeriodPolicy = keyof typeof MISSING_PERIODS;

/**
 * 周期 of a dimension or indicator (【维度】, 【指标】): scored on every period's sheet, or once a
 * year on the sheet of the 【期间】 named 年度.
 */
export const CYCLES = {
  period: { names: ['每期', '季度', '半年', '月度', '期间', 'period', 'quarterly', 'half-yearly', 'monthly'] },
  year: { names: ['年度', '全年', 'year', 'yearly', 'annual'] },
} as const satisfies Record<string, Named>;
export type Cycle = keyof typeof CYCLES;

/** 加减分上限范围: which events the caps of 【加减分类别】, 加分上限 and 扣分上限 apply to together. */
export const CAP_SCOPES = {
  /** each period's events are capped and counted in that period's total; events without 期间 in the year's */
  period: { names: ['每期', 'per period', 'period'] },
  /** every event of the year is capped together and added to the rolled-up period bases */
  year: { names: ['全年', 'year', 'whole year'] },
} as const satisfies Record<string, Named>;
export type CapScope = keyof typeof CAP_SCOPES;

/** 来源 of an indicator (【指标】): where its score comes from. */
export const SOURCES = {
  /** typed into 评分表 (or a period's sheet) */
  typed: { names: ['评分表', '录入', '评分', 'typed'] },
  /** combined from the raters' scores in 评议表, category by category (【评议】) */
  rated: { names: ['评议', '评议表', '评议打分', 'rated', 'ratings'] },
  /** from the votes in 测评票, each option worth its 分值 (【测评折算】) */
  ballot: { names: ['测评', '测评票', '民主测评', '满意度测评', 'ballot', 'ballots'] },
} as const satisfies Record<string, Named>;
export type IndicatorSource = keyof typeof SOURCES;

/**
 * Scoring layers of a score column, in order (`工作质量（复评）`): the last non-blank layer counts;
 * the earlier ones are kept to show who changed what.
 */
export const LAYERS = [
  { name: '自评', names: ['自评', '自我评分', 'self'] },
  { name: '初评', names: ['初评', '考核初评', 'first'] },
  { name: '复评', names: ['复评', 'review'] },
  { name: '复核', names: ['复核', 'recheck', 'appeal'] },
] as const satisfies readonly (Named & { readonly name: string })[];

/** A table of entries as [value, names] pairs, for the settings table's `choice`. */
export function choicesOf<K extends string>(table: Record<K, Named>): [K, readonly string[]][] {
  return (Object.keys(table) as K[]).map((k) => [k, table[k].names]);
}
