// Base score, bonuses, deductions and vetoes (contract 5.1–5.3), exactly.
import { pushTo } from './cells';
import { eventType, vetoes } from './event-types';
import * as X from './exact';
import type { Exact, Published } from './exact';
import { matchKey } from './text';
import { indicatorsOn, periodicWeight } from './scheme';
import type { AdjustmentEvent, AdjustmentKind, Category, Cycle, Scheme, SubjectInput } from './types';

/** One bonus or deduction event as counted. */
export interface CountedEvent {
  readonly event: AdjustmentEvent;
  /** the points that count after 单项上限 */
  readonly counted: number;
  readonly cappedByEvent: boolean;
}

/** One category's events for one subject. */
export interface CategoryTotal {
  /** the category name; '' for events without one */
  readonly name: string;
  readonly category: Category | null;
  readonly events: readonly CountedEvent[];
  /** sum after 单项上限, before 累计上限 */
  readonly sum: number;
  /** what counts after 累计上限 */
  readonly counted: number;
  readonly cappedByTotal: boolean;
}

export interface SideTotal {
  readonly categories: readonly CategoryTotal[];
  /** 评分表's 加分 / 扣分 column */
  readonly column: number;
  /** sum before 加分上限 / 扣分上限 */
  readonly sum: number;
  readonly cappedBySubject: boolean;
  readonly published: Published;
  readonly exact: Exact;
}

export interface SubjectScore {
  /** per scheme dimension (weighted model), or per dimension label (points model); published */
  readonly dimensionScores: readonly Published[];
  readonly base: Published;
  readonly bonus: SideTotal;
  readonly deduction: SideTotal;
  readonly total: Published;
  readonly vetoEvents: readonly AdjustmentEvent[];
  /** the deductions in 计入否决 categories when they reached 否决扣分线 */
  readonly vetoLineSum: number | null;
  readonly vetoed: boolean;
}

/** The dimensions a scheme shows: 【维度】, or the 维度 labels of the points model. */
export function dimensionNames(scheme: Scheme): string[] {
  if (scheme.dimensions.length > 0) return scheme.dimensions.map((d) => d.name);
  const labels: string[] = [];
  for (const ind of scheme.indicators) if (ind.dimension && !labels.includes(ind.dimension)) labels.push(ind.dimension);
  return labels;
}

/** Precomputed, per scheme and 周期: the indicators counted, each dimension's and its exact factor. */
export interface ScoringPlan {
  readonly dims: readonly { readonly indicators: readonly number[]; readonly factor: Exact | null }[];
  readonly weighted: boolean;
  /** the indicators the base is made of */
  readonly indicators: readonly number[];
  /** 【加减分类别】 by matchKey of the name */
  readonly categories: ReadonlyMap<string, Category>;
}

const HUNDRED = X.exactInt(100);

/** The share of the year's score that the periods make (periodicWeight ÷ 100). */
export function periodShare(scheme: Scheme): Exact {
  return X.div(X.exactFromNumber(periodicWeight(scheme)), HUNDRED);
}

/**
 * The plan for the sheets of one 周期: a period's sheet (and 评分表) counts the periodic
 * indicators, their dimensions rescaled to 100 when others are 年度 (÷ periodShare); the 年度
 * sheet counts the 年度 ones at their own weights.
 */
export function planScoring(scheme: Scheme, cycle: Cycle = 'period'): ScoringPlan {
  const weighted = scheme.dimensions.length > 0;
  const counted = indicatorsOn(scheme, cycle);
  const full = X.exactFromNumber(scheme.settings.fullScore);
  const rescale = cycle === 'period' ? X.div(X.exactInt(1), periodShare(scheme)) : X.exactInt(1);
  const dims = dimensionNames(scheme).map((name) => {
    const indicators = counted.filter((i) => scheme.indicators[i].dimension === name);
    if (!weighted) return { indicators, factor: null };
    if (indicators.length === 0) return { indicators, factor: X.ZERO };
    const weight = X.exactFromNumber(scheme.dimensions.find((d) => d.name === name)!.weight);
    const points = X.exactSum(indicators.map((i) => scheme.indicators[i].points));
    // contribution = Σ scores / Σ 分值 × 权重/100 × 满分 = Σ scores × factor
    return { indicators, factor: X.mul(X.div(X.mul(weight, full), X.mul(points, HUNDRED)), rescale) };
  });
  return { dims, weighted, indicators: counted, categories: new Map(scheme.categories.map((c) => [matchKey(c.name), c])) };
}

const NOTHING: SideTotal = { categories: [], column: 0, sum: 0, cappedBySubject: false, exact: X.ZERO, published: { units: 0, value: 0 } };

function side(
  kind: AdjustmentKind,
  events: readonly AdjustmentEvent[],
  known: ReadonlyMap<string, Category>,
  column: number,
  cap: number | null,
  decimals: number,
): SideTotal {
  const byName = new Map<string, AdjustmentEvent[]>();
  for (const e of events) {
    const effect = eventType(e.type).effect;
    if (effect.kind === 'points' && effect.side === kind) pushTo(byName, e.category, e);
  }
  if (byName.size === 0 && column === 0) return NOTHING;
  let total = X.exactFromNumber(column);
  const categories: CategoryTotal[] = [];
  for (const [name, list] of byName) {
    const category = known.get(matchKey(name)) ?? null;
    let sum = X.ZERO;
    const counted: CountedEvent[] = list.map((event) => {
      const amount = X.exactFromNumber(event.amount);
      const capped = category?.eventCap != null && X.cmp(amount, X.exactFromNumber(category.eventCap)) > 0;
      const value = capped ? X.exactFromNumber(category!.eventCap!) : amount;
      sum = X.add(sum, value);
      return { event, counted: X.toNumber(value), cappedByEvent: capped };
    });
    const cappedByTotal = category?.totalCap != null && X.cmp(sum, X.exactFromNumber(category.totalCap)) > 0;
    const value = cappedByTotal ? X.exactFromNumber(category!.totalCap!) : sum;
    total = X.add(total, value);
    categories.push({ name, category, events: counted, sum: X.toNumber(sum), counted: X.toNumber(value), cappedByTotal });
  }
  const cappedBySubject = cap !== null && X.cmp(total, X.exactFromNumber(cap)) > 0;
  const exact = cappedBySubject ? X.exactFromNumber(cap!) : total;
  return { categories, column, sum: X.toNumber(total), cappedBySubject, exact, published: X.publish(exact, decimals) };
}

/** A subject's base and dimension scores, exact, from the indicators the plan counts. */
export function exactBase(subject: SubjectInput, plan: ScoringPlan): { readonly base: Exact; readonly dims: readonly Exact[] } {
  const { exactScores } = subject;
  // scores combined from raters or ballots are exact rationals; typed ones are cell numbers
  const sumOf = (indicators: readonly number[]) =>
    exactScores
      ? indicators.reduce((acc, i) => X.add(acc, exactScores.get(i) ?? X.exactFromNumber(subject.scores[i])), X.ZERO)
      : X.exactSum(indicators.map((i) => subject.scores[i]));
  const dims = plan.dims.map(({ indicators, factor }) => {
    const sum = sumOf(indicators);
    return factor ? X.mul(sum, factor) : sum;
  });
  const base = plan.weighted ? dims.reduce(X.add, X.ZERO) : sumOf(plan.indicators);
  return { base, dims };
}

export function scoreSubject(subject: SubjectInput, events: readonly AdjustmentEvent[], scheme: Scheme, plan: ScoringPlan): SubjectScore {
  const { base, dims } = exactBase(subject, plan);
  return scoreFromBase(base, dims, { bonus: subject.extraBonus, deduction: subject.extraDeduction }, events, scheme, plan);
}

/**
 * A score from its base (exact) and its dimension scores: the bonuses and deductions under their
 * caps, the published total and the vetoes. `columns`: 评分表's 加分 / 扣分.
 */
export function scoreFromBase(
  base: Exact,
  dimExact: readonly Exact[],
  columns: { readonly bonus: number; readonly deduction: number },
  events: readonly AdjustmentEvent[],
  scheme: Scheme,
  plan: ScoringPlan,
): SubjectScore {
  const { decimals, bonusCap, deductionCap, vetoLine } = scheme.settings;
  const bonus = side('bonus', events, plan.categories, columns.bonus, bonusCap, decimals);
  const deduction = side('deduction', events, plan.categories, columns.deduction, deductionCap, decimals);
  const total = X.publish(X.sub(X.add(base, bonus.exact), deduction.exact), decimals);

  const vetoEvents = events.filter((e) => vetoes(e.type));
  let vetoLineSum: number | null = null;
  if (vetoLine !== null) {
    const counted = deduction.categories.filter((c) => c.category?.countsTowardVeto);
    const sum = counted.reduce((acc, c) => X.add(acc, X.exactFromNumber(c.counted)), X.ZERO);
    if (counted.length > 0 && X.cmp(sum, X.exactFromNumber(vetoLine)) >= 0) vetoLineSum = X.toNumber(sum);
  }
  return {
    dimensionScores: dimExact.map((d) => X.publish(d, decimals)),
    base: X.publish(base, decimals),
    bonus,
    deduction,
    total,
    vetoEvents,
    vetoLineSum,
    vetoed: vetoEvents.length > 0 || vetoLineSum !== null,
  };
}
