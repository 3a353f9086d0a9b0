// The event types of 加减分, each one declared entry: how its row is read and checked, what it does
// to the score or the grade, its precedence, its 备注 note and its words on the 成绩单. The engine
// and the reports ask the entry; adding a type is adding an entry (and its words in i18n).
import type { NoteCode, ReasonCode } from '../i18n/messages';
import { isBlank, type IssueLog } from './cells';
import { cellAt, readNumber, textAt } from './table';
import { aliasTable, matchKey } from './text';
import type { AdjustmentKind, CellValue, Scheme } from './types';

/** One 加减分 row as an entry reads it. */
export interface EventRow {
  readonly sheet: string;
  /** 0-based row */
  readonly r: number;
  /** the columns of 分值 and 等次 (-1: absent), and the cell an error about them points at */
  readonly amountCol: number;
  readonly gradeCol: number;
  cellOf(field: 'amount' | 'grade'): string;
  readonly rows: readonly (readonly CellValue[])[];
  readonly scheme: Scheme;
  readonly log: IssueLog;
}

/** What a row says: points or levels, and a grade index for types that name one. */
export interface EventReading {
  readonly amount: number;
  readonly grade: number | null;
}

/** What an event does. */
export type EventEffect =
  /** points on one side of the score, under the categories' and the subject's caps */
  | { readonly kind: 'points'; readonly side: AdjustmentKind }
  /**
   * fixes the grade outside the quotas; of several, the lowest precedence wins. `grade`: the last
   * grade, the event's own, or the best one 限等 allows. `vetoes`: the subject is 一票否决.
   * `demotable`: 降等 still applies to the fixed grade.
   */
  | {
      readonly kind: 'force';
      readonly precedence: number;
      readonly grade: 'last' | 'event' | 'best-allowed';
      readonly vetoes: boolean;
      readonly demotable: boolean;
    }
  /** the best grade allowed is the event's grade (the strictest of several counts) */
  | { readonly kind: 'cap' }
  /** lowered by the event's amount of levels after the quotas (levels add up) */
  | { readonly kind: 'demote' };

export interface EventTypeEntry {
  /** the code, used in results and for the words in i18n */
  readonly type: string;
  /** what 类型 may say (matched forgivingly); the first is the one shown to users */
  readonly names: readonly string[];
  /** reads and checks 分值 / 等次; undefined after logging an error at the cell */
  readonly read: (row: EventRow) => EventReading | undefined;
  readonly effect: EventEffect;
  /** the 备注 note when the event counts (NOTE_MESSAGES) */
  readonly note: NoteCode;
  /** the 成绩单's words for what it did to the grade (REASON_MESSAGES); points have none */
  readonly reason?: ReasonCode;
}

function positiveAmount(row: EventRow): number | undefined {
  const v = cellAt(row.rows, row.r, row.amountCol);
  const read = readNumber(v);
  if (!read.ok || read.value === null || read.value <= 0) {
    row.log.error('bad-amount', row.sheet, row.cellOf('amount'), v, {});
    return undefined;
  }
  return read.value;
}

function gradeIndex(row: EventRow): number | undefined {
  const text = textAt(row.rows, row.r, row.gradeCol);
  const i = row.scheme.grades.findIndex((g) => matchKey(g.name) === matchKey(text));
  if (i < 0) {
    row.log.error('unknown-grade', row.sheet, row.cellOf('grade'), text, { grades: row.scheme.grades.map((g) => g.name) });
    return undefined;
  }
  return i;
}

/** Readers the entries share. */
export const readers = {
  /** a positive 分值 */
  points: (row: EventRow): EventReading | undefined => {
    const amount = positiveAmount(row);
    return amount === undefined ? undefined : { amount, grade: null };
  },
  /** nothing to read */
  plain: (): EventReading => ({ amount: 0, grade: null }),
  /** the grade in 等次 */
  grade: (row: EventRow): EventReading | undefined => {
    const grade = gradeIndex(row);
    return grade === undefined ? undefined : { amount: 0, grade };
  },
  /** whole levels in 分值, 1 when blank */
  levels: (row: EventRow): EventReading | undefined => {
    const v = cellAt(row.rows, row.r, row.amountCol);
    if (isBlank(v)) return { amount: 1, grade: null };
    const read = readNumber(v);
    if (!read.ok || read.value === null || !Number.isInteger(read.value) || read.value < 1) {
      row.log.error('bad-levels', row.sheet, row.cellOf('amount'), v, {});
      return undefined;
    }
    return { amount: read.value, grade: null };
  },
};

/** The built-in types; notes are written by effect (fixed grades, caps, points, 降等), in this order within each. */
const BUILT_IN: readonly EventTypeEntry[] = [
  { type: 'bonus', names: ['加分', 'Bonus'], read: readers.points, effect: { kind: 'points', side: 'bonus' }, note: 'note-bonus' },
  { type: 'deduction', names: ['扣分', '减分', 'Deduction'], read: readers.points, effect: { kind: 'points', side: 'deduction' }, note: 'note-deduction' },
  {
    type: 'veto',
    names: ['一票否决', 'Veto'],
    read: readers.plain,
    effect: { kind: 'force', precedence: 0, grade: 'last', vetoes: true, demotable: false },
    note: 'note-veto',
    reason: 'reason-veto',
  },
  {
    type: 'affirm',
    names: ['一票肯定', 'Affirm', 'Affirmation'],
    read: readers.plain,
    effect: { kind: 'force', precedence: 2, grade: 'best-allowed', vetoes: false, demotable: true },
    note: 'note-affirm',
    reason: 'reason-affirm',
  },
  { type: 'cap', names: ['限等', 'Cap', 'Grade cap'], read: readers.grade, effect: { kind: 'cap' }, note: 'note-cap', reason: 'reason-cap' },
  {
    // 一票否优: cannot get the first grade, i.e. 限等 to the second grade
    type: 'no-top',
    names: ['一票否优', 'No top grade'],
    read: (row) => ({ amount: 0, grade: Math.min(1, row.scheme.grades.length - 1) }),
    effect: { kind: 'cap' },
    note: 'note-cap',
    reason: 'reason-cap',
  },
  {
    type: 'set',
    names: ['定等', 'Set grade'],
    read: readers.grade,
    effect: { kind: 'force', precedence: 1, grade: 'event', vetoes: false, demotable: false },
    note: 'note-set',
    reason: 'reason-set',
  },
  { type: 'demote', names: ['降等', 'Demote'], read: readers.levels, effect: { kind: 'demote' }, note: 'note-demoted', reason: 'reason-demoted' },
];

const registry = new Map<string, EventTypeEntry>();
let all: readonly EventTypeEntry[] = [];
let byName: (text: string) => EventTypeEntry | undefined = () => undefined;

/** The list and the name lookup, made again when the types change (never per event). */
function setTypes(entries: readonly EventTypeEntry[]): void {
  registry.clear();
  for (const e of entries) registry.set(e.type, e);
  all = entries;
  byName = aliasTable(entries.map((e) => [e, e.names] as const));
}
setTypes(BUILT_IN);

/**
 * Adds an event type (as HyperFormula registers a function); returns what removes it again. A
 * type's code and names must be new.
 */
export function registerEventType(entry: EventTypeEntry): () => void {
  if (registry.has(entry.type)) throw new Error(`event type ${entry.type} exists`);
  if (entry.names.some((n) => eventTypeNamed(n))) throw new Error(`an event type is already called ${entry.names.join('/')}`);
  setTypes([...all, entry]);
  return () => setTypes(all.filter((e) => e !== entry));
}

/** Every event type, built-in ones first. */
export function eventTypes(): readonly EventTypeEntry[] {
  return all;
}

/** The type a 类型 cell names, if any. */
export function eventTypeNamed(text: string): EventTypeEntry | undefined {
  return byName(text);
}

/** The entry of a type code (of an event already read). */
export function eventType(type: string): EventTypeEntry {
  const entry = registry.get(type);
  if (!entry) throw new Error(`unknown event type ${type}`);
  return entry;
}

/** Whether events of a type make the subject 一票否决. */
export function vetoes(type: string): boolean {
  const effect = eventType(type).effect;
  return effect.kind === 'force' && effect.vetoes;
}
