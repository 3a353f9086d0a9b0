// The choices of 【设置】 that change the computation, each one declared entry: what 考核方案 may
// write for it and what it does. The settings table reads them by their names; rank.ts and
// grade.ts run them. Adding a choice is adding an entry here.
import type { IssueCode } from '../i18n/messages';
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

/** A table of entries as [value, names] pairs, for the settings table's `choice`. */
export function choicesOf<K extends string>(table: Record<K, Named>): [K, readonly string[]][] {
  return (Object.keys(table) as K[]).map((k) => [k, table[k].names]);
}
