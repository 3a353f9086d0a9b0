// Plain data shared by the engine, the report layer and the hosts.

/** A cell as every host hands it over: its calculated value. */
export type CellValue =
  | number
  | string
  | boolean
  | null
  /** an error value such as #DIV/0! */
  | { readonly error: string }
  /** a formula whose calculated value the file does not hold */
  | { readonly formula: string }
  /** a number shown as a percent: 0.2 shown as 20% */
  | { readonly percent: number }
  /** a number shown as a date, as yyyy-mm-dd (with hh:mm when it has a time) */
  | { readonly date: string };

/** A block of cells, 0-based and inclusive. */
export interface CellArea {
  readonly r0: number;
  readonly c0: number;
  readonly r1: number;
  readonly c1: number;
}

/** A sheet's used values; rows[0][0] is cell A1. Rows may be ragged. */
export interface SheetData {
  readonly name: string;
  readonly rows: readonly (readonly CellValue[])[];
  /** merged areas (the value sits in the top-left cell); undefined when the host cannot read them */
  readonly merges?: readonly CellArea[];
}

export type Severity = 'error' | 'warning';

/** A message parameter: a code, the workbook's text, a number, or a list (joined in the reader's language). */
export type ParamValue = string | number | readonly string[];
export type Params = Readonly<Record<string, ParamValue>>;

/** A problem found in the workbook. Words come from i18n, by code. */
export interface Issue {
  readonly severity: Severity;
  /** its words are in ISSUE_MESSAGES (i18n), in both languages */
  readonly code: IssueCode;
  readonly sheet: string;
  /** an A1 address, or '' when the issue is about a whole sheet or block */
  readonly cell: string;
  /** the cell's original value as text, '' when none */
  readonly value: string;
  readonly params: Params;
  /** the subject whose row the cell is on (评分表, 加减分), when there is one */
  readonly subject?: string;
}

export type GradeScope = 'all' | 'group';
export type MissingPolicy = 'error' | 'zero';
export type OptionalSheet = 'notice' | 'analysis' | 'reports';

import type { CapScope, Cycle, IndicatorSource, MissingPeriodPolicy, QuotaRounding, RankingMethod, Rollup, TiePolicy } from './policies';
import type { IssueCode } from '../i18n/messages';
export type { CapScope, Cycle, IndicatorSource, MissingPeriodPolicy, QuotaRounding, RankingMethod, Rollup, TiePolicy };
import type { Exact } from './exact';

export interface Settings {
  title: string;
  period: string;
  issuer: string;
  fullScore: number;
  decimals: number;
  ranking: RankingMethod;
  gradeScope: GradeScope;
  quotaRounding: QuotaRounding;
  tiePolicy: TiePolicy;
  tieBreakers: string[];
  bonusCap: number | null;
  deductionCap: number | null;
  vetoLine: number | null;
  missing: MissingPolicy;
  signature: string;
  outputs: OptionalSheet[];
  noticeShowsTotal: boolean;
  noticeText: string;
  /** 公示期 and 监督电话: lines of 结果公示 (blank: lines to fill in by hand) */
  noticePeriod: string;
  noticePhone: string;
  /** 名次差距: 结果汇总 gains 与上一名差 and 与平均分差 */
  showGaps: boolean;
  /** 期间汇总, 缺期处理, 否决延续, 加减分上限范围: used when 【期间】 lists periods */
  rollup: Rollup;
  missingPeriod: MissingPeriodPolicy;
  vetoCarries: boolean;
  capScope: CapScope;
  /** 负责人计分: the share (percent) of a department head's own total; null when heads score as everyone */
  headOwnShare: number | null;
  /** 满意率 counts these 【测评折算】 options (by name); empty: the first two */
  satisfiedOptions: string[];
}

/** One row of 【期间】: a period and the sheet that holds its scores (评分表's layout). */
export interface Period {
  readonly name: string;
  readonly sheet: string;
  /** percent points; null when not given (required under 期间汇总 = 加权) */
  readonly weight: number | null;
  /** the address of its 工作表 cell in 考核方案 */
  readonly sheetCell: string;
  /** the sheet of the 年度 dimensions (周期 = 年度), outside the roll-up */
  readonly annual: boolean;
}

export interface Dimension {
  readonly name: string;
  readonly weight: number;
  readonly cycle: Cycle;
}

export interface Indicator {
  readonly code: string;
  readonly name: string;
  /** dimension name, '' when none */
  readonly dimension: string;
  readonly points: number;
  readonly lead: string;
  readonly criteria: string;
  /** its own 周期, else its dimension's */
  readonly cycle: Cycle;
  /** 来源: typed in 评分表, combined from 评议表, or from the votes of 测评票 */
  readonly source: IndicatorSource;
}

/** A row of 【评议】: a category of raters and how its scores count. */
export interface RaterCategory {
  readonly name: string;
  /** percent points of the rated score; 0 = shown for reference only */
  readonly weight: number;
  /** drop one highest and one lowest score when the category has at least 3 raters */
  readonly trim: boolean;
  /** fewer raters of a subject than this is an error */
  readonly minRaters: number;
}

/** A row of 【梯队】: ranks 名次起…名次止 labelled 梯队 (第一梯队 …). */
export interface Tier {
  readonly name: string;
  readonly from: number;
  readonly to: number;
}

/** A row of 【测评折算】: a ballot option and what a vote for it is worth. */
export interface BallotOption {
  readonly name: string;
  readonly value: number;
}

export interface GradeRule {
  readonly name: string;
  /** 0-based row in 考核方案 (-1 when not from a sheet) */
  readonly row: number;
  /** percent, e.g. 15 for 15% */
  readonly maxPct: number | null;
  readonly minPct: number | null;
  readonly count: number | null;
  readonly minScore: number | null;
  readonly note: string;
}

export type AdjustmentKind = 'bonus' | 'deduction';

export interface Category {
  readonly name: string;
  readonly kind: AdjustmentKind;
  readonly eventCap: number | null;
  readonly totalCap: number | null;
  readonly countsTowardVeto: boolean;
}

export interface Scheme {
  readonly settings: Settings;
  /** empty in the points model */
  readonly dimensions: readonly Dimension[];
  readonly indicators: readonly Indicator[];
  readonly grades: readonly GradeRule[];
  readonly categories: readonly Category[];
  /** 【期间】: empty for a single-period assessment (scores in 评分表) */
  readonly periods: readonly Period[];
  /** 【评议】: the rater categories of the 评议 indicators */
  readonly raters: readonly RaterCategory[];
  /** 【测评折算】: the ballot options of the 测评 indicators, best first */
  readonly ballotOptions: readonly BallotOption[];
  /** 【梯队】: rank bands, in order */
  readonly tiers: readonly Tier[];
}

/** The code of an event type declared in event-types.ts. */
export type EventType = string;

/** One row of 加减分. */
export interface AdjustmentEvent {
  /** 1-based sheet row */
  readonly row: number;
  /** the address of its 类型 cell */
  readonly typeCell: string;
  readonly subject: string;
  readonly type: EventType;
  readonly category: string;
  /** points, or levels for 降等 */
  readonly amount: number;
  /** index into scheme.grades for the types that name a grade */
  readonly grade: number | null;
  readonly reason: string;
  readonly basis: string;
  readonly date: string;
  /** the 期间 it belongs to (a 【期间】 name); '' for the year as a whole */
  readonly period: string;
}

/** One row of 评分表. */
export interface SubjectInput {
  readonly name: string;
  readonly group: string | null;
  /** 1-based sheet row */
  readonly row: number;
  /** per indicator, in scheme order; cleaned numbers (15 significant digits) */
  readonly scores: readonly number[];
  readonly extraBonus: number;
  readonly extraDeduction: number;
  readonly remark: string;
  /** 部门 and 负责人 (负责人计分) */
  readonly department?: string;
  readonly head?: boolean;
  /** per indicator, its layers' values in order when its columns are layered (工作质量（初评）…) */
  readonly layers?: readonly (readonly LayerValue[] | undefined)[];
  /** exact scores of the indicators combined from raters or ballots (a mean need not be a short decimal) */
  readonly exactScores?: ReadonlyMap<number, Exact>;
}

/** One layer's score of an indicator (null: left blank). */
export interface LayerValue {
  readonly layer: string;
  readonly value: number | null;
  /** the cell it was read from */
  readonly cell: string;
}
