// 测评票: votes of 民主测评 and satisfaction surveys, one row per subject (名称 | a column per option
// of 【测评折算】 | 应到人数, and 指标 when several indicators are balloted). The indicator's score is
// Σ votes × value ÷ Σ votes on the scale of the best value, scaled to its 分值; 满意率 is the share
// of the satisfied options' votes (the first two unless 满意率选项 names them).
import { address, IssueLog } from './cells';
import * as X from './exact';
import type { Exact } from './exact';
import { findHeaderRow } from './scores';
import { cellAt, mapColumns, readNumber, reportUncalculated, requireColumns, textAt, type ColumnDecl } from './table';
import { matchKey, splitHeader } from './text';
import type { Scheme, SheetData, SubjectInput } from './types';

export const BALLOTS_SHEET = '测评票';

const COLUMNS = [
  { field: 'name', names: ['名称', '被测评单位', '被测评人', '姓名', '单位', '考核对象', 'Name'], required: true },
  { field: 'expected', names: ['应到人数', '应参评人数', 'Expected'] },
  { field: 'indicator', names: ['指标', '测评项目', 'Indicator'] },
] as const satisfies readonly ColumnDecl<string>[];

/** A balloted indicator's score for one subject and how it was made. */
export interface BallotScore {
  readonly indicator: number;
  /** votes per option of 【测评折算】, in its order */
  readonly votes: readonly number[];
  /** Σ votes × value ÷ Σ votes, on the options' scale (优秀 100: 89.5) */
  readonly average: Exact;
  /** the best option's value: the scale of `average` */
  readonly scale: number;
  readonly score: Exact;
  /** the satisfied options' share of the votes */
  readonly satisfaction: Exact;
  readonly satisfiedOptions: readonly string[];
}

/** Each subject's ballot scores by name, checked: votes whole and ≥ 0, within 应到人数, one row each. */
export function ballotSubjects(sheet: SheetData, scheme: Scheme, subjects: readonly SubjectInput[], log: IssueLog): Map<string, BallotScore[]> {
  const balloted = scheme.indicators.flatMap((ind, i) => (ind.source === 'ballot' ? [i] : []));
  const options = scheme.ballotOptions;
  const out = new Map<string, BallotScore[]>();
  const headerRow = findHeaderRow(sheet.rows, sheet.merges);
  const header = sheet.rows[headerRow] ?? [];
  const cols = mapColumns(header, COLUMNS);
  if (headerRow < 0 || !requireColumns(cols, COLUMNS, log, sheet.name, Math.max(headerRow, 0), { sheet: sheet.name })) return out;
  const optionCol = options.map((o) => header.findIndex((v) => typeof v === 'string' && splitHeader(v).key === matchKey(o.name)));
  options.forEach((o, k) => {
    if (optionCol[k] < 0) log.error('missing-column', sheet.name, address(headerRow, 0), null, { column: o.name, block: '', sheet: sheet.name });
  });
  const which = balloted.length > 1 && cols.indicator < 0;
  if (which) log.error('ballot-which-indicator', sheet.name, address(headerRow, 0), null, { indicators: balloted.map((i) => scheme.indicators[i].name) });
  if (which || optionCol.some((c) => c < 0)) return out;
  reportUncalculated(
    sheet,
    log,
    [cols.name, cols.expected, cols.indicator, ...optionCol].filter((c) => c >= 0),
    headerRow + 1,
  );
  const satisfied =
    scheme.settings.satisfiedOptions.length > 0 ? scheme.settings.satisfiedOptions.map(matchKey) : options.slice(0, 2).map((o) => matchKey(o.name));
  const satisfiedOptions = options.filter((o) => satisfied.includes(matchKey(o.name))).map((o) => o.name);
  const scale = Math.max(...options.map((o) => o.value));
  const known = new Set(subjects.map((s) => s.name));
  const found = new Map<string, { row: number; score: BallotScore }>();
  /** the subject and indicator of each row read (a second row is an error) */
  const rowOf = new Set<string>();
  for (let r = headerRow + 1; r < sheet.rows.length; r++) {
    const name = textAt(sheet.rows, r, cols.name);
    if (name === '' && optionCol.every((c) => textAt(sheet.rows, r, c) === '')) continue;
    if (!known.has(name)) {
      log.error('rater-unknown-subject', sheet.name, address(r, cols.name), name, { name });
      continue;
    }
    let indicator = balloted[0];
    if (cols.indicator >= 0 && balloted.length > 1) {
      const text = textAt(sheet.rows, r, cols.indicator);
      const i = balloted.find((b) => matchKey(scheme.indicators[b].name) === matchKey(text));
      if (i === undefined) {
        log.error('ballot-unknown-indicator', sheet.name, address(r, cols.indicator), text, { indicators: balloted.map((b) => scheme.indicators[b].name) });
        continue;
      }
      indicator = i;
    }
    const votes = options.map((o, k) => {
      const v = cellAt(sheet.rows, r, optionCol[k]);
      const read = readNumber(v);
      if (!read.ok || (read.value !== null && (read.value < 0 || !Number.isInteger(read.value)))) {
        log.error('ballot-bad-votes', sheet.name, address(r, optionCol[k]), v, { option: o.name });
        return 0;
      }
      return read.value ?? 0;
    });
    const cast = votes.reduce((a, b) => a + b, 0);
    const expectedCell = cellAt(sheet.rows, r, cols.expected);
    const expected = cols.expected >= 0 ? readNumber(expectedCell) : null;
    if (expected && (!expected.ok || (expected.value !== null && (expected.value < 0 || !Number.isInteger(expected.value)))))
      log.error('bad-number', sheet.name, address(r, cols.expected), expectedCell, { column: '应到人数', rule: '≥ 0 的整数' });
    else if (expected?.ok && expected.value !== null && cast > expected.value)
      log.error('ballot-over-expected', sheet.name, address(r, cols.name), name, { name, votes: cast, expected: expected.value });
    const key = `${name}\u0000${indicator}`;
    if (rowOf.has(key)) {
      log.error('ballot-duplicate', sheet.name, address(r, cols.name), name, { name, indicator: scheme.indicators[indicator].name });
      continue;
    }
    rowOf.add(key);
    if (cast === 0) {
      log.error('ballot-no-votes', sheet.name, address(r, cols.name), name, { name });
      continue;
    }
    const total = X.exactInt(cast);
    const average = X.div(
      options.reduce((acc, o, k) => X.add(acc, X.mul(X.exactInt(votes[k]), X.exactFromNumber(o.value))), X.ZERO),
      total,
    );
    const score = X.div(X.mul(average, X.exactFromNumber(scheme.indicators[indicator].points)), X.exactFromNumber(scale));
    const satisfaction = X.div(X.exactInt(options.reduce((acc, o, k) => acc + (satisfiedOptions.includes(o.name) ? votes[k] : 0), 0)), total);
    found.set(key, { row: r, score: { indicator, votes, average, scale, score, satisfaction, satisfiedOptions } });
  }
  for (const s of subjects) {
    const scores = balloted.flatMap((i) => {
      const key = `${s.name}\u0000${i}`;
      const f = found.get(key);
      // a row with no votes was reported there
      if (!f && !rowOf.has(key))
        log.error('ballot-missing', sheet.name, address(headerRow, cols.name), null, { name: s.name, indicator: scheme.indicators[i].name, sheet: sheet.name });
      return f ? [f.score] : [];
    });
    out.set(s.name, scores);
  }
  return out;
}
