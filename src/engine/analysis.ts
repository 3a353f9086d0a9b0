// 指标分析: per indicator average, highest, lowest, 得分率, full marks and points lost; points
// lost per 牵头部门. Exact sums, published once like every other number.
import type { ScoredAssessment } from './assess';
import { maxOf, minOf, pushTo } from './cells';
import * as X from './exact';
import { indicatorsScored } from './scheme';

export interface IndicatorStats {
  readonly index: number;
  readonly name: string;
  readonly lead: string;
  readonly points: number;
  readonly average: X.Published;
  readonly highest: number;
  readonly lowest: number;
  /** average ÷ 分值, to 4 decimals (shown as a percentage with 2 decimals) */
  readonly rate: X.Published;
  readonly fullMarks: number;
  readonly pointsLost: X.Published;
}

export interface LeadStats {
  readonly lead: string;
  readonly indicators: number;
  readonly pointsLost: X.Published;
  /** share of all points lost, to 4 decimals */
  readonly share: X.Published;
}

export interface Analysis {
  /** sorted by 得分率, lowest first (ties in scheme order) */
  readonly indicators: readonly IndicatorStats[];
  /** sorted by points lost, most first */
  readonly leads: readonly LeadStats[];
  readonly totalLost: X.Published;
}

const RATE_DECIMALS = 4;
export const NO_LEAD = '（未填牵头部门）';

export function analyse(a: ScoredAssessment): Analysis {
  const { scheme } = a;
  const decimals = scheme.settings.decimals;
  const n = a.subjects.length;
  const lost: X.Exact[] = [];
  const scored = indicatorsScored(scheme);
  const indicators = scored.map((i) => {
    const ind = scheme.indicators[i];
    const scores = a.subjects.map((s) => s.input.scores[i]);
    const sum = X.exactSum(scores);
    const average = X.div(sum, X.exactInt(n));
    const points = X.exactFromNumber(ind.points);
    lost[i] = X.sub(X.mul(points, X.exactInt(n)), sum);
    return {
      index: i,
      name: ind.name,
      lead: ind.lead,
      points: ind.points,
      average: X.publish(average, decimals),
      highest: maxOf(scores),
      lowest: minOf(scores),
      rate: X.publish(X.div(average, points), RATE_DECIMALS),
      fullMarks: scores.filter((x) => x === ind.points).length,
      pointsLost: X.publish(lost[i], decimals),
    };
  });
  const totalLost = scored.reduce((acc, i) => X.add(acc, lost[i]), X.ZERO);
  const byLead = new Map<string, number[]>();
  for (const i of scored) pushTo(byLead, scheme.indicators[i].lead || NO_LEAD, i);
  const leads = [...byLead].map(([lead, members]) => {
    const sum = members.reduce((acc, i) => X.add(acc, lost[i]), X.ZERO);
    return {
      lead,
      indicators: members.length,
      pointsLost: X.publish(sum, decimals),
      share: X.publish(X.isZero(totalLost) ? X.ZERO : X.div(sum, totalLost), RATE_DECIMALS),
    };
  });
  return {
    indicators: [...indicators].sort((p, q) => p.rate.units - q.rate.units || p.index - q.index),
    leads: leads.sort((p, q) => q.pointsLost.units - p.pointsLost.units),
    totalLost: X.publish(totalLost, decimals),
  };
}
