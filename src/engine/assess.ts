// The whole assessment: parse scheme → parse scores → validate → score → rank → grade.
import { ADJUSTMENTS_SHEET, parseAdjustments } from './adjustments';
import { address, IssueLog, parseAddress, pushTo } from './cells';
import type { NoteCode } from '../i18n/messages';
import { eventType, eventTypes, vetoes } from './event-types';
import * as X from './exact';
import { checkGradeRules, gradeScope, PENDING, type GradeConstraints, type GradeOutcome, type ScopeResult } from './grade';
import { assignRanks, decidingKey, sortForRanking } from './rank';
import { periodSheets, readPeriods, resolveSheetName, scorePeriods, type SubjectPeriods } from './periods';
import { listsPeriods, parseScheme, periodSheetNames, SCHEME_SHEET } from './scheme';
import { dimensionNames, planScoring, scoreSubject, type SubjectScore } from './score';
import { findHeaderRow, isStatisticsLabel, nameColumnOf, parseScores, SCORES_SHEET, type ScoresLayout } from './scores';
import { fillMerges, reportUncalculated, textAt } from './table';
import { aliasTable } from './text';
import { BALLOTS_SHEET, ballotSubjects, type BallotScore } from './ballots';
import { RATINGS_SHEET, rateSubjects, type RatedScore } from './ratings';
import type { Exact } from './exact';
import { headNote, headTotals, type HeadScore } from './heads';
export type { HeadScore } from './heads';
import type { AdjustmentEvent, Issue, Params, Scheme, SheetData, SubjectInput } from './types';

export const ALL_SCOPE = '全体';
export const PENDING_GRADE = '待定';

export type InputRole = 'scheme' | 'scores' | 'adjustments' | 'ratings' | 'ballots';

const inputRole = aliasTable<InputRole>([
  ['scheme', [SCHEME_SHEET, 'Scheme']],
  ['scores', [SCORES_SHEET, 'Scores']],
  ['adjustments', [ADJUSTMENTS_SHEET, 'Adjustments']],
  ['ratings', [RATINGS_SHEET, '评议', '评议打分表', 'Ratings']],
  ['ballots', [BALLOTS_SHEET, '民主测评', '测评', '测评表', 'Ballots']],
]);

/** The sheets an assessment reads: the input sheets, and with 【期间】 (known once 考核方案 is read) its period sheets. */
export function sheetsToRead(sheetNames: readonly string[], scheme?: SheetData): string[] {
  const inputs = Object.values(findInputSheets(sheetNames));
  if (!scheme) return inputs;
  const periods = periodSheetNames(scheme).flatMap((p) => resolveSheetName(p, sheetNames) ?? []);
  return [...new Set([...inputs, ...periods])];
}

/** Which of a workbook's sheets are the input sheets (by canonical name or alias). */
export function findInputSheets(sheetNames: readonly string[]): Partial<Record<InputRole, string>> {
  const found: Partial<Record<InputRole, string>> = {};
  for (const name of sheetNames) {
    const role = inputRole(name);
    if (role && !found[role]) found[role] = name;
  }
  return found;
}

/** A remark in 备注: words come from i18n by code. */
export interface Note {
  readonly code: NoteCode;
  readonly params: Params;
}

/** A subject scored, before it is ranked and graded. */
interface ScoredSubject {
  readonly input: SubjectInput;
  readonly index: number;
  readonly name: string;
  readonly group: string | null;
  readonly score: SubjectScore;
  readonly events: readonly AdjustmentEvent[];
  readonly totalUnits: number;
  readonly tieKeys: readonly number[];
  readonly constraints: GradeConstraints;
  /** with 【期间】: each period's score and how they were rolled up; else null */
  readonly periods: SubjectPeriods | null;
  /** notes on the periods (missing ones, vetoes that do not carry) */
  readonly periodNotes: readonly Note[];
  /** scores not typed in: 评议 and 测评 indicators, and a head's total (负责人计分) */
  readonly derived: Derived;
}

/** How a subject's scores that were not typed in were made. */
export interface Derived {
  readonly ratings: readonly RatedScore[];
  readonly ballots: readonly BallotScore[];
  readonly head: HeadScore | null;
  /** notes on them (categories too small to trim, a head alone in the department) */
  readonly notes: readonly Note[];
}

const NOT_DERIVED: Derived = { ratings: [], ballots: [], head: null, notes: [] };

/** A subject's whole result: made once, when its rank, grade and notes are all known. */
export interface SubjectResult extends ScoredSubject {
  readonly rank: number;
  readonly groupRank: number | null;
  readonly outcome: GradeOutcome;
  /** the grade's name, or 待定 */
  readonly grade: string;
  readonly notes: readonly Note[];
}

interface AssessmentBase {
  readonly issues: readonly Issue[];
  /** the input sheets' actual names */
  readonly sheets: Partial<Record<InputRole, string>>;
  readonly layout: ScoresLayout | null;
}

/** Every entry read without an error: the subjects scored, ranked and graded. */
export interface ScoredAssessment extends AssessmentBase {
  readonly ok: true;
  readonly scheme: Scheme;
  /** in rank order (ties in input order) */
  readonly subjects: readonly SubjectResult[];
  readonly scopes: readonly ScopeResult[];
  readonly hasGroups: boolean;
  /** the names of the dimension columns (【维度】, or the points model's 维度 labels) */
  readonly dimensions: readonly string[];
  readonly groups: readonly string[];
}

/** Errors: nothing is computed; the scheme when it could be read (校验报告 signs with it). */
export interface FailedAssessment extends AssessmentBase {
  readonly ok: false;
  readonly scheme: Scheme | null;
  readonly subjects: readonly [];
  readonly scopes: readonly [];
  readonly hasGroups: false;
  readonly dimensions: readonly [];
  readonly groups: readonly [];
}

export type Assessment = ScoredAssessment | FailedAssessment;

export interface AssessInput {
  /** shown as 考核名称 when 【设置】 has none: the file name without extension */
  readonly fileTitle: string;
  /** every sheet name of the workbook, in order */
  readonly sheetNames: readonly string[];
  /** the input sheets' values (the host reads those `findInputSheets` names) */
  readonly sheets: readonly SheetData[];
}

function failed(issues: readonly Issue[], scheme: Scheme | null, sheets: Partial<Record<InputRole, string>>, layout: ScoresLayout | null): FailedAssessment {
  return { ok: false, issues, scheme, sheets, layout, subjects: [], scopes: [], hasGroups: false, dimensions: [], groups: [] };
}

/** The event type whose entry an event was read by. */
const effectOf = (e: AdjustmentEvent) => eventType(e.type).effect;

/** Folds the grade events of one subject into constraints; events that name different fixed grades are errors. */
function constraintsOf(events: readonly AdjustmentEvent[], scheme: Scheme, log: IssueLog, sheet: string, vetoedByLine: boolean): GradeConstraints {
  const last = scheme.grades.length - 1;
  for (const t of eventTypes()) {
    if (t.effect.kind !== 'force' || t.effect.grade !== 'event') continue;
    const same = events.filter((e) => e.type === t.type);
    for (const e of same.slice(1)) {
      if (e.grade !== same[0].grade) log.error('conflicting-set', sheet, e.typeCell, scheme.grades[e.grade!].name, { name: e.subject, first: same[0].row });
    }
  }
  const caps = events.filter((e) => effectOf(e).kind === 'cap');
  const capEvent = caps.reduce<AdjustmentEvent | null>((worst, e) => (worst === null || e.grade! > worst.grade! ? e : worst), null);
  const cap = capEvent?.grade ?? 0;
  const demoteEvents = events.filter((e) => effectOf(e).kind === 'demote');
  // the forcing event of the lowest precedence decides (the first in the sheet among equals)
  const precedence = (e: AdjustmentEvent) => {
    const effect = effectOf(e);
    return effect.kind === 'force' ? effect.precedence : Infinity;
  };
  const deciding = events.filter((e) => precedence(e) < Infinity).sort((p, q) => precedence(p) - precedence(q))[0] ?? null;
  let forced: GradeConstraints['forced'] = null;
  const effect = deciding ? effectOf(deciding) : null;
  if (deciding && effect?.kind === 'force' && (effect.vetoes || !vetoedByLine)) {
    const grade = effect.grade === 'last' ? last : effect.grade === 'event' ? deciding.grade! : cap;
    forced = { grade, by: deciding.type, event: deciding, demotable: effect.demotable };
  } else if (vetoedByLine) forced = { grade: last, by: VETO_LINE_TYPE, event: null, demotable: false };
  return { forced, cap, capEvent, demoteLevels: demoteEvents.reduce((a, e) => a + e.amount, 0), demoteEvents };
}

/** The type 否决扣分线 vetoes as: the first type that vetoes. */
const VETO_LINE_TYPE = eventTypes().find((t) => t.effect.kind === 'force' && t.effect.vetoes)!.type;

function notesOf(s: ScoredSubject & { readonly outcome: GradeOutcome }, scheme: Scheme, tieKeyNames: readonly string[]): Note[] {
  const notes: Note[] = [];
  const gradeName = (g: number) => (g === PENDING ? PENDING_GRADE : scheme.grades[g].name);
  const { score, constraints: c, outcome } = s;
  // fixed grades: a vetoing type notes each of its events (and the veto line), the others the event that decided
  for (const t of eventTypes()) {
    if (t.effect.kind !== 'force') continue;
    if (t.effect.vetoes) {
      for (const e of s.events) if (e.type === t.type) notes.push({ code: t.note, params: { reason: e.reason, basis: e.basis } });
      if (t.type === VETO_LINE_TYPE && score.vetoLineSum !== null) {
        notes.push({ code: 'note-veto-line', params: { sum: score.vetoLineSum, line: scheme.settings.vetoLine! } });
      }
    } else if (c.forced?.by === t.type) notes.push({ code: t.note, params: { grade: gradeName(c.forced.grade), reason: c.forced.event!.reason } });
  }
  if (c.forced && vetoes(c.forced.by)) {
    const overridden = s.events.filter((e) => {
      const effect = effectOf(e);
      return effect.kind === 'force' && !effect.vetoes;
    });
    if (overridden.length > 0) notes.push({ code: 'note-veto-overrides', params: {} });
  }
  if (c.capEvent) notes.push({ code: eventType(c.capEvent.type).note, params: { grade: gradeName(c.cap), reason: c.capEvent.reason } });
  for (const sideName of ['bonus', 'deduction'] as const) {
    const side = score[sideName];
    // 备注 adds up with the numbers beside it: every cap that cut an amount is named
    for (const cat of side.categories) {
      for (const e of cat.events) {
        notes.push({ code: eventType(e.event.type).note, params: { amount: e.counted, reason: e.event.reason, category: cat.name, basis: e.event.basis } });
        if (e.cappedByEvent) notes.push({ code: 'note-event-capped', params: { category: cat.name, amount: e.event.amount, counted: e.counted } });
      }
      if (cat.cappedByTotal) notes.push({ code: 'note-category-capped', params: { category: cat.name, sum: cat.sum, counted: cat.counted } });
    }
    if (side.cappedBySubject) notes.push({ code: `note-${sideName}-capped`, params: { sum: side.sum, cap: side.published.value } });
  }
  if (outcome.demotedFrom !== null) {
    notes.push({
      code: eventType(c.demoteEvents[0].type).note,
      params: {
        from: gradeName(outcome.demotedFrom),
        to: gradeName(outcome.grade),
        reason: c.demoteEvents
          .map((e) => e.reason)
          .filter(Boolean)
          .join('；'),
      },
    });
  }
  if (outcome.why.kind === 'tie-admitted') notes.push({ code: 'note-tie-admitted', params: { grade: gradeName(outcome.grade), quota: outcome.why.quota } });
  if (outcome.why.kind === 'pending') notes.push({ code: 'note-tie-pending', params: {} });
  const demotedByTie = outcome.misses.find((m) => m.why === 'tie-demoted');
  if (demotedByTie) notes.push({ code: 'note-tie-demoted', params: { grade: gradeName(demotedByTie.grade) } });
  if (outcome.boundaryKey >= 0) notes.push({ code: 'note-tie-broken', params: { key: tieKeyNames[outcome.boundaryKey] } });
  notes.push(...s.periodNotes, ...s.derived.notes);
  if (s.input.remark) notes.push({ code: 'note-remark', params: { text: s.input.remark } });
  return notes;
}

/** Issues at a cell on a subject's row name the subject too (评分表 and 加减分 rows). */
function withSubjects(issues: readonly Issue[], sheets: readonly (SheetData | undefined)[]): Issue[] {
  const nameOfRow = new Map<string, (row: number) => string>();
  for (const sheet of sheets) {
    if (!sheet) continue;
    const header = findHeaderRow(sheet.rows, sheet.merges);
    const col = header < 0 ? -1 : nameColumnOf(sheet.rows[header] ?? []);
    if (col < 0) continue;
    nameOfRow.set(sheet.name, (r) => (r > header ? textAt(sheet.rows, r, col) : ''));
  }
  return issues.map((i) => {
    const at = i.cell ? parseAddress(i.cell) : null;
    const name = at ? (nameOfRow.get(i.sheet)?.(at[0]) ?? '') : '';
    return name === '' || isStatisticsLabel(name) ? i : { ...i, subject: name };
  });
}

/**
 * The subjects with their 评议 and 测评 indicators' scores filled in from 评议表 and 测评票 (exact,
 * in `exactScores`; `scores` has them as doubles, for display), and how each was made.
 */
function withDerivedScores(
  subjects: readonly SubjectInput[],
  scheme: Scheme,
  sheets: { readonly ratings?: SheetData; readonly ballots?: SheetData },
  log: IssueLog,
  derivedOf: Map<string, Derived>,
): SubjectInput[] {
  const need = (source: 'rated' | 'ballot', sheet: SheetData | undefined, name: string) => {
    const inds = scheme.indicators.filter((i) => i.source === source).map((i) => i.name);
    if (inds.length > 0 && !sheet)
      log.error('derived-sheet-missing', name, '', null, { sheet: name, indicators: inds, source: source === 'rated' ? '评议' : '测评' });
    return inds.length > 0 && sheet !== undefined;
  };
  const notes = new Map<string, Note[]>();
  const rated = need('rated', sheets.ratings, RATINGS_SHEET)
    ? rateSubjects(sheets.ratings!, scheme, subjects, log, (name, params) => pushTo(notes, name, { code: 'note-untrimmed', params }))
    : null;
  const balloted = need('ballot', sheets.ballots, BALLOTS_SHEET) ? ballotSubjects(sheets.ballots!, scheme, subjects, log) : null;
  if (!rated && !balloted) return [...subjects];
  return subjects.map((s) => {
    const ratings = rated?.get(s.name) ?? [];
    const ballots = balloted?.get(s.name) ?? [];
    derivedOf.set(s.name, { ratings, ballots, head: null, notes: notes.get(s.name) ?? [] });
    const exactScores = new Map<number, Exact>([...ratings, ...ballots].map((d) => [d.indicator, d.score]));
    return { ...s, scores: s.scores.map((v, i) => (exactScores.has(i) ? X.toNumber(exactScores.get(i)!) : v)), exactScores };
  });
}

/** 负责人计分 over a single period's totals (heads.ts); a head without 部门 is an error at the cell. */
function headTotalsOf(scored: ScoredSubject[], scheme: Scheme, log: IssueLog, sheet: string, layout: ScoresLayout | null): void {
  if (!scored.some((s) => s.input.head)) return;
  const share = scheme.settings.headOwnShare;
  if (share === null) {
    log.warn('head-without-setting', sheet, layout ? address(layout.headerRow, layout.headCol) : '', null, {});
    return;
  }
  for (const s of scored)
    if (s.input.head && !s.input.department)
      log.error(
        'head-without-department',
        sheet,
        layout ? address(s.input.row - 1, layout.departmentCol >= 0 ? layout.departmentCol : layout.headCol) : '',
        null,
        {
          name: s.name,
        },
      );
  const members = scored.map((s) => ({ name: s.name, department: s.input.department ?? '', head: s.input.head === true, total: s.score.total }));
  const heads = headTotals(members, share, scheme.settings.decimals);
  members.forEach((m, k) => {
    const found = heads.get(m);
    if (!found) return;
    const s = scored[k];
    scored[k] = {
      ...s,
      score: { ...s.score, total: found.total },
      totalUnits: found.total.units,
      derived: { ...s.derived, head: found.head, notes: [...s.derived.notes, headNote(found.head, scheme.settings.decimals)] },
    };
  });
}

export function assess(input: AssessInput): Assessment {
  // a merged cell's value belongs to every cell of the merge, as Excel shows it
  const sheets = input.sheets.map(fillMerges);
  const run = assessSheets({ ...input, sheets });
  const byName = new Map(sheets.map((s) => [s.name, s]));
  const periodNames = run.scheme ? run.scheme.periods.map((p) => resolveSheetName(p.sheet, input.sheetNames)) : [];
  return {
    ...run,
    issues: withSubjects(
      run.issues,
      [run.sheets.scores, run.sheets.adjustments, ...periodNames].map((n) => (n ? byName.get(n) : undefined)),
    ),
  };
}

/**
 * The input sheets' values by role; a missing 考核方案, or 评分表 when 考核方案 lists no periods, is
 * an error naming the sheets the workbook has.
 */
export function inputSheetsOf(input: Pick<AssessInput, 'sheetNames' | 'sheets'>, log: IssueLog): Partial<Record<InputRole, SheetData>> {
  const names = findInputSheets(input.sheetNames);
  const byName = new Map(input.sheets.map((s) => [s.name, s]));
  const of = (role: InputRole) => (names[role] ? byName.get(names[role]) : undefined);
  const found = { scheme: of('scheme'), scores: of('scores'), adjustments: of('adjustments'), ratings: of('ratings'), ballots: of('ballots') };
  if (!found.scheme) log.error('missing-sheet', SCHEME_SHEET, '', null, { sheet: SCHEME_SHEET, found: input.sheetNames });
  // with 【期间】 the scores are on the period sheets
  if (!found.scores && !(found.scheme && listsPeriods(found.scheme)))
    log.error('missing-sheet', SCORES_SHEET, '', null, { sheet: SCORES_SHEET, found: input.sheetNames });
  return found;
}

function assessSheets(input: AssessInput): Assessment {
  const log = new IssueLog();
  const sheets = findInputSheets(input.sheetNames);
  const { scheme: schemeSheet, scores: scoresSheet, adjustments: adjSheet, ratings: ratingsSheet, ballots: ballotsSheet } = inputSheetsOf(input, log);
  if (!schemeSheet) return failed(log.issues, null, sheets, null);

  reportUncalculated(schemeSheet, log);
  const scheme = parseScheme(schemeSheet, input.fileTitle, log);
  if (log.hasErrors) return failed(log.issues, scheme, sheets, null);
  if (adjSheet) reportUncalculated(adjSheet, log);
  const periodic = scheme.periods.length > 0;
  if (periodic && scoresSheet && !scheme.periods.some((p) => resolveSheetName(p.sheet, input.sheetNames) === scoresSheet.name))
    log.warn('scores-sheet-unused', scoresSheet.name, '', null, {});
  const roster = periodic ? readPeriods(scheme, periodSheets(scheme, input, schemeSheet.name, log), log) : null;
  if (!roster && !scoresSheet) return failed(log.issues, scheme, sheets, null);
  const read = roster ? { layout: null, subjects: roster.subjects } : parseScores(scoresSheet!, scheme, log);
  const { layout } = read;
  const derivedOf = new Map<string, Derived>();
  const inputs = roster ? read.subjects : withDerivedScores(read.subjects, scheme, { ratings: ratingsSheet, ballots: ballotsSheet }, log, derivedOf);
  const names = new Set(inputs.map((s) => s.name));
  const events = parseAdjustments(adjSheet, scheme, names, log, roster?.members);

  const hasGroups = inputs.some((s) => s.group !== null);
  const groups = [...new Set(inputs.flatMap((s) => (s.group === null ? [] : [s.group])))];
  const scopeSizes = new Map<string, number>();
  if (scheme.settings.gradeScope === 'group') for (const s of inputs) scopeSizes.set(s.group ?? '', (scopeSizes.get(s.group ?? '') ?? 0) + 1);
  else scopeSizes.set(ALL_SCOPE, inputs.length);
  checkGradeRules(scheme, scopeSizes, log, schemeSheet.name);

  // scores and constraints
  const plan = planScoring(scheme);
  const eventsOf = new Map<string, AdjustmentEvent[]>();
  for (const e of events) pushTo(eventsOf, e.subject, e);
  const periodScores = roster ? scorePeriods(roster, eventsOf, scheme, log) : null;
  const dims = dimensionNames(scheme);
  type Keyed = Pick<ScoredSubject, 'score' | 'input' | 'periods'>;
  const tieKeyOf = scheme.settings.tieBreakers.map((key): ((s: Keyed) => number) => {
    const d = dims.indexOf(key);
    if (d >= 0) return (s) => s.score.dimensionScores[d].units;
    // a period's published total; a period not assessed comes last
    const p = scheme.periods.findIndex((x) => x.name === key);
    if (p >= 0) return (s) => s.periods?.results[p]?.score.total.units ?? -Infinity;
    // the indicator's published value, rounded like every published number
    const i = scheme.indicators.findIndex((ind) => ind.name === key);
    return (s) => X.publish(s.input.exactScores?.get(i) ?? X.exactFromNumber(s.input.scores[i]), scheme.settings.decimals).units;
  });
  const adjName = sheets.adjustments ?? ADJUSTMENTS_SHEET;
  const scored: ScoredSubject[] = inputs.map((subjectInput, index) => {
    const periodic = periodScores?.[index];
    const own = periodic ? periodic.events : (eventsOf.get(subjectInput.name) ?? []);
    const score = periodic ? periodic.score : scoreSubject(subjectInput, own, scheme, plan);
    const keyed: Keyed = { score, input: periodic?.input ?? subjectInput, periods: periodic?.periods ?? null };
    return {
      ...keyed,
      index,
      name: subjectInput.name,
      group: subjectInput.group,
      events: own,
      totalUnits: score.total.units,
      tieKeys: tieKeyOf.map((k) => k(keyed)),
      constraints: constraintsOf(own, scheme, log, adjName, score.vetoLineSum !== null),
      periodNotes: periodic?.notes ?? [],
      derived: derivedOf.get(subjectInput.name) ?? NOT_DERIVED,
    };
  });
  if (!roster) headTotalsOf(scored, scheme, log, scoresSheet!.name, layout);
  if (log.hasErrors) return failed(log.issues, scheme, sheets, layout);

  // ranks
  const ranked = sortForRanking(scored);
  const rankOf = new Map(assignRanks(ranked, scheme.settings.ranking).map((r, i) => [ranked[i], r]));
  const byGroup = new Map<string, ScoredSubject[]>(groups.map((g) => [g, []]));
  for (const s of ranked) if (s.group !== null) byGroup.get(s.group)!.push(s);
  const groupRankOf = new Map<ScoredSubject, number>();
  for (const members of byGroup.values()) assignRanks(members, scheme.settings.ranking).forEach((r, i) => groupRankOf.set(members[i], r));

  // grades
  const outcomes = new Map<ScoredSubject, GradeOutcome>();
  const scopes: ScopeResult[] = [];
  if (scheme.settings.gradeScope === 'group') {
    for (const [g, members] of byGroup) scopes.push(gradeScope(g, members, scheme, outcomes, log, schemeSheet.name));
  } else {
    scopes.push(gradeScope(ALL_SCOPE, ranked, scheme, outcomes, log, schemeSheet.name));
  }
  const subjects = ranked.map((s, i): SubjectResult => {
    const outcome = outcomes.get(s)!;
    const notes = notesOf({ ...s, outcome }, scheme, scheme.settings.tieBreakers);
    // 同分依据 that separated equal totals is worth a note
    if (outcome.boundaryKey < 0 && s.tieKeys.length > 0) {
      const before = i > 0 ? decidingKey(ranked[i - 1], s) : -1;
      const key = before >= 0 ? before : i + 1 < ranked.length ? decidingKey(ranked[i + 1], s) : -1;
      if (key >= 0) notes.push({ code: 'note-tie-broken', params: { key: scheme.settings.tieBreakers[key] } });
    }
    return {
      ...s,
      rank: rankOf.get(s)!,
      groupRank: groupRankOf.get(s) ?? null,
      outcome,
      grade: outcome.grade === PENDING ? PENDING_GRADE : scheme.grades[outcome.grade].name,
      notes,
    };
  });
  return { ok: true, issues: log.issues, scheme, sheets, layout, subjects, scopes, hasGroups, dimensions: dims, groups };
}
