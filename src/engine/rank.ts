// Ranking (contract 5.4): by published total, then the 同分依据 chain; ties share a rank.
import { RANKING_METHODS, type RankingMethod } from './policies';

export interface Rankable {
  /** published total in units of 10^-decimals */
  readonly totalUnits: number;
  /** published values of the 同分依据 chain, in order */
  readonly tieKeys: readonly number[];
  /** position in 评分表 */
  readonly index: number;
}

/** Orders best first; 0 means tied (same total and same tie keys). */
export function compareRank(a: Rankable, b: Rankable): number {
  if (a.totalUnits !== b.totalUnits) return b.totalUnits - a.totalUnits;
  for (let i = 0; i < a.tieKeys.length; i++) if (a.tieKeys[i] !== b.tieKeys[i]) return b.tieKeys[i] - a.tieKeys[i];
  return 0;
}

/** The first tie-key position that separates a and b, or -1 when the totals differ or they are tied. */
export function decidingKey(a: Rankable, b: Rankable): number {
  if (a.totalUnits !== b.totalUnits) return -1;
  return a.tieKeys.findIndex((k, i) => k !== b.tieKeys[i]);
}

/** Sorts best first; ties keep input order. */
export function sortForRanking<T extends Rankable>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => compareRank(a, b) || a.index - b.index);
}

/** Ranks for items already sorted by `sortForRanking`, by 排名方式. */
export function assignRanks(sorted: readonly Rankable[], method: RankingMethod): number[] {
  const ranks: number[] = [];
  for (let i = 0; i < sorted.length; i++) {
    if (i > 0 && compareRank(sorted[i - 1], sorted[i]) === 0) ranks.push(ranks[i - 1]);
    else ranks.push(RANKING_METHODS[method].next(i + 1, ranks[i - 1] ?? 0));
  }
  return ranks;
}
