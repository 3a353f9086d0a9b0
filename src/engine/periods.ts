// Periods into one result (【期间】): each period scored as a single assessment is, then the
// periods' published totals rolled up (求和 / 平均 / 加权) and rounded once, half-up.
import { address, pushTo, type IssueLog } from './cells';
import { headNote, headTotals } from './heads';
import { eventType, vetoes } from './event-types';
import * as X from './exact';
import { MISSING_PERIODS, ROLLUPS } from './policies';
import { parseScores } from './scores';
import { splitsCycles } from './scheme';
import { periodShare, planScoring, scoreFromBase, scoreSubject, type SubjectScore } from './score';
import { matchKey } from './text';
import type { AdjustmentEvent, Period, Scheme, SheetData, SubjectInput } from './types';
import type { Note } from './assess';

/** One period's sheet as read. */
interface PeriodSheet {
  readonly period: Period;
  readonly nameCol: number;
  readonly subjects: ReadonlyMap<string, SubjectInput>;
}

/** Who was assessed when: every period's subjects, and everyone in the order first met. */
export interface PeriodRoster {
  readonly sheets: readonly PeriodSheet[];
  /** one input per subject: group from the last period assessed; scores the mean of the periods assessed */
  readonly subjects: readonly SubjectInput[];
  /** by period name: who was assessed in it */
  readonly members: ReadonlyMap<string, ReadonlySet<string>>;
}

/** One period of one subject. */
export interface PeriodResult {
  readonly period: Period;
  readonly input: SubjectInput;
  readonly score: SubjectScore;
}

/** A subject's periods: null where it was not assessed. */
export interface SubjectPeriods {
  readonly results: readonly (PeriodResult | null)[];
  /** the names of the periods it was not assessed in */
  readonly missing: readonly string[];
  /** the rolled-up period totals, with 年度 dimensions the 年度 sheet's total added (before the year's own adjustments), published */
  readonly rolledUp: X.Published;
}

/** A subject of a periodic assessment, scored: the year's score and what it came from. */
export interface PeriodicScore {
  readonly input: SubjectInput;
  readonly score: SubjectScore;
  /** the events that act on the year's grade */
  readonly events: readonly AdjustmentEvent[];
  readonly periods: SubjectPeriods;
  readonly notes: readonly Note[];
}

/** The workbook's sheet a typed name means: the same name, else the one matching forgivingly. */
export function resolveSheetName(typed: string, sheetNames: readonly string[]): string | undefined {
  return sheetNames.find((n) => n === typed) ?? sheetNames.find((n) => matchKey(n) === matchKey(typed));
}

/** Each period's sheet, in 【期间】 order; a listed sheet that is missing is an error at its 工作表 cell. */
export function periodSheets(
  scheme: Scheme,
  input: { readonly sheetNames: readonly string[]; readonly sheets: readonly SheetData[] },
  schemeSheet: string,
  log: IssueLog,
): (SheetData | undefined)[] {
  return scheme.periods.map((period) => {
    const name = resolveSheetName(period.sheet, input.sheetNames);
    const sheet = input.sheets.find((s) => s.name === name);
    if (!sheet)
      log.error('period-sheet-missing', schemeSheet, period.sheetCell, period.sheet, { period: period.name, sheet: period.sheet, found: input.sheetNames });
    return sheet;
  });
}

/** Reads every period's sheet that is there (the missing ones are errors). */
export function readPeriods(scheme: Scheme, periodSheets: readonly (SheetData | undefined)[], log: IssueLog): PeriodRoster {
  const sheets: PeriodSheet[] = [];
  for (const [k, period] of scheme.periods.entries()) {
    const sheet = periodSheets[k];
    if (!sheet) continue;
    const { layout, subjects } = parseScores(sheet, scheme, log, period.annual ? 'year' : 'period');
    sheets.push({ period, nameCol: layout?.nameCol ?? 0, subjects: new Map(subjects.map((s) => [s.name, s])) });
  }
  // everyone, in the order first met
  const order = [...new Set(sheets.flatMap((p) => [...p.subjects.keys()]))];
  const split = splitsCycles(scheme);

  const subjects = order.map((name) => {
    const held = sheets.flatMap((p) => {
      const input = p.subjects.get(name);
      return input ? [{ p, input }] : [];
    });
    const first = held[0];
    const last = held[held.length - 1];
    for (const h of held.slice(1)) {
      if (h.input.group !== first.input.group)
        log.warn('period-group-changed', h.p.period.sheet, address(h.input.row - 1, h.p.nameCol), h.input.group ?? '', {
          name,
          period: h.p.period.name,
          group: h.input.group ?? '',
          first: first.p.period.name,
          firstGroup: first.input.group ?? '',
        });
    }
    const mean = (values: readonly number[]) => (values.length === 0 ? 0 : X.toNumber(X.div(X.exactSum(values), X.exactInt(values.length))));
    const remarks = [...new Set(held.map((h) => h.input.remark).filter(Boolean))];
    // a 年度 indicator's score is the 年度 sheet's; the others' the mean of the periods assessed
    const annual = held.find((h) => h.p.period.annual);
    const periodic = held.filter((h) => !h.p.period.annual);
    const input: SubjectInput = {
      name,
      group: last.input.group,
      row: first.input.row,
      scores: scheme.indicators.map((_, i) =>
        split && scheme.indicators[i].cycle === 'year' ? (annual?.input.scores[i] ?? 0) : mean(periodic.map((h) => h.input.scores[i])),
      ),
      extraBonus: 0,
      extraDeduction: 0,
      remark: remarks.join('；'),
    };
    return input;
  });
  const members = new Map(sheets.map((p) => [p.period.name, new Set(p.subjects.keys())]));
  return { sheets, subjects, members };
}

/**
 * Scores every subject period by period and rolls the periods up. 加减分上限范围 = 每期: a period's
 * events count in that period (capped there), the year's own events (no 期间) on the rolled-up
 * total; 全年: periods are their bases, and every event of the year is capped together on top.
 * With 年度 dimensions the periods' roll-up is rescaled to their combined weight (periodShare) and
 * the 年度 sheet's total added.
 */
export function scorePeriods(roster: PeriodRoster, eventsOf: ReadonlyMap<string, readonly AdjustmentEvent[]>, scheme: Scheme, log: IssueLog): PeriodicScore[] {
  const { settings } = scheme;
  const rollup = ROLLUPS[settings.rollup];
  const missingPolicy = MISSING_PERIODS[settings.missingPeriod];
  const perYear = settings.capScope === 'year';
  const plans = { period: planScoring(scheme, 'period'), year: planScoring(scheme, 'year') };
  const share = periodShare(scheme);

  const periods = roster.sheets.map((p) => p.period);
  const rolledUp = periods.flatMap((p, i) => (p.annual ? [] : [i]));
  const yearSheet = periods.findIndex((p) => p.annual);
  const weights = rolledUp.map((i) => X.exactFromNumber(rollup.weighted ? periods[i].weight! : 1));
  const resultsOf = roster.subjects.map((input) => {
    const own = eventsOf.get(input.name) ?? [];
    return roster.sheets.map((p): PeriodResult | null => {
      const periodInput = p.subjects.get(input.name);
      if (!periodInput) return null;
      const periodEvents = perYear ? [] : own.filter((e) => e.period === p.period.name && eventType(e.type).effect.kind === 'points');
      const counted = perYear ? { ...periodInput, extraBonus: 0, extraDeduction: 0 } : periodInput;
      const plan = p.period.annual ? plans.year : plans.period;
      return { period: p.period, input: periodInput, score: scoreSubject(counted, periodEvents, scheme, plan) };
    });
  });
  const headNotes = settings.headOwnShare === null ? new Map<number, Note[]>() : periodHeads(roster, resultsOf, settings.headOwnShare, settings.decimals, log);
  return roster.subjects.map((input, k) => {
    const own = eventsOf.get(input.name) ?? [];
    const results = resultsOf[k];
    const missing = results.flatMap((r, i) => (r === null ? [periods[i].name] : []));
    const notes: Note[] = [...(headNotes.get(k) ?? [])];
    const roll = (value: (r: PeriodResult) => X.Exact) => {
      const filled = missingPolicy.fill(
        rolledUp.map((i) => (results[i] ? value(results[i]) : null)),
        weights,
      );
      return filled ? rollup.combine(filled, weights) : null;
    };
    // under 全年 a period's total is its base: its events and columns count in the year's
    const rolled = roll((r) => X.exactFromNumber(r.score.total.value));
    const yearResult = yearSheet >= 0 ? results[yearSheet] : null;
    const yearMissing = yearSheet >= 0 && !yearResult;
    if (missing.length > 0) {
      if (rolled === null || (yearMissing && !missingPolicy.fillsYear)) {
        const at = roster.sheets.find((p) => p.subjects.has(input.name))!;
        const code = rolled === null || missingPolicy.note === null ? 'period-absent' : 'annual-absent';
        log.error(code, at.period.sheet, address(input.row - 1, at.nameCol), input.name, {
          name: input.name,
          periods: missing,
          sheet: periods[yearSheet]?.sheet ?? '',
        });
      } else if (missingPolicy.note) notes.push({ code: missingPolicy.note, params: { periods: missing } });
    }
    const plus = (periodic: X.Exact | null, yearly: X.Published | undefined) => X.add(X.mul(periodic ?? X.ZERO, share), X.exactFromNumber(yearly?.value ?? 0));
    const base = plus(rolled, yearResult?.score.total);
    const dims = plans.period.dims.map((_, d) =>
      plus(
        roll((r) => X.exactFromNumber(r.score.dimensionScores[d].value)),
        yearResult?.score.dimensionScores[d],
      ),
    );

    // a period's veto acts on the year when 否决延续 = 是; otherwise it is only noted
    const periodVetoes = own.filter((e) => e.period !== '' && vetoes(e.type));
    const lineVeto = results.find((r) => r !== null && r.score.vetoLineSum !== null) ?? null;
    if (!settings.vetoCarries) {
      for (const e of periodVetoes) notes.push({ code: 'note-period-veto-kept', params: { period: e.period, reason: e.reason } });
      if (lineVeto) notes.push({ code: 'note-period-veto-line-kept', params: { period: lineVeto.period.name, sum: lineVeto.score.vetoLineSum! } });
    }
    // the events that act on the year: its own; under 全年 every period's too; grade events of any
    // period (the year's grade is the only one given)
    const actsOnYear = (e: AdjustmentEvent) =>
      e.period === '' || ((perYear || eventType(e.type).effect.kind !== 'points') && (settings.vetoCarries || !vetoes(e.type)));
    const yearEvents = own.filter(actsOnYear);
    const columns = perYear ? sumColumns(results) : { bonus: 0, deduction: 0 };
    const scoredEvents = perYear ? yearEvents : own.filter((e) => e.period === '');
    const yearScore = scoreFromBase(base, dims, columns, scoredEvents, scheme, plans.period);
    const carriedLine = settings.vetoCarries && !perYear && yearScore.vetoLineSum === null ? (lineVeto?.score.vetoLineSum ?? null) : null;
    const score: SubjectScore = {
      ...yearScore,
      vetoEvents: yearEvents.filter((e) => vetoes(e.type)),
      vetoLineSum: yearScore.vetoLineSum ?? carriedLine,
      vetoed: yearEvents.some((e) => vetoes(e.type)) || yearScore.vetoLineSum !== null || carriedLine !== null,
    };
    return {
      input: { ...input, extraBonus: columns.bonus, extraDeduction: columns.deduction },
      score,
      events: yearEvents,
      periods: { results, missing, rolledUp: X.publish(base, settings.decimals) },
      notes,
    };
  });
}

/** 评分表's 加分 / 扣分 columns of every period, counted once for the year (加减分上限范围 = 全年). */
function sumColumns(results: readonly (PeriodResult | null)[]): { bonus: number; deduction: number } {
  const held = results.flatMap((r) => (r ? [r.input] : []));
  return {
    bonus: X.toNumber(X.exactSum(held.map((i) => i.extraBonus))),
    deduction: X.toNumber(X.exactSum(held.map((i) => i.extraDeduction))),
  };
}

/**
 * 负责人计分 period by period: in each period a head's total becomes their share of it plus the
 * rest from the mean of the department's others in that period (before the periods are rolled
 * up). The notes, by subject.
 */
function periodHeads(roster: PeriodRoster, resultsOf: (PeriodResult | null)[][], ownShare: number, decimals: number, log: IssueLog): Map<number, Note[]> {
  const notes = new Map<number, Note[]>();
  roster.sheets.forEach((sheet, p) => {
    const present = resultsOf.flatMap((results, k) => (results[p] ? [{ k, result: results[p]! }] : []));
    for (const { result } of present)
      if (result.input.head && !result.input.department)
        log.error('head-without-department', sheet.period.sheet, address(result.input.row - 1, sheet.nameCol), result.input.name, { name: result.input.name });
    const members = present.map(({ result }) => ({
      name: result.input.name,
      department: result.input.department ?? '',
      head: result.input.head === true,
      total: result.score.total,
    }));
    const heads = headTotals(members, ownShare, decimals);
    members.forEach((m, j) => {
      const found = heads.get(m);
      if (!found) return;
      const { k, result } = present[j];
      resultsOf[k][p] = { ...result, score: { ...result.score, total: found.total } };
      const note = headNote(found.head, decimals);
      pushTo(notes, k, { ...note, code: note.code === 'note-head' ? 'note-head-period' : note.code, params: { ...note.params, period: sheet.period.name } });
    });
  });
  return notes;
}
