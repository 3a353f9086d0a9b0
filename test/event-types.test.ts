// Adding an event type is one entry: registered here, it is read, counted, noted and explained
// without any other change; removed again, the same sheet is an error at the cell.
import { assess } from '../src/engine/assess';
import { eventTypes, readers, registerEventType, type EventTypeEntry } from '../src/engine/event-types';
import { noteText } from '../src/i18n/format';
import { gradeReason } from '../src/report/publications';
import { makeBook, scored, type BookSpec } from './helpers';

const spec = (type: string): BookSpec => ({
  indicators: [['工作', 100]],
  grades: [['优秀', 50], ['良好', 50], ['合格'], ['基本合格'], ['不合格']],
  subjects: [
    ['甲', null, 95],
    ['乙', null, 90],
    ['丙', null, 85],
    ['丁', null, 80],
  ],
  events: [['甲', type, '', null, '', '年度考核中有通报']],
});

/** 通报降等: two levels down, as some schemes treat a circulated criticism. */
const TWO_DOWN: EventTypeEntry = {
  type: 'criticised',
  names: ['通报降等', 'Circulated'],
  read: () => ({ amount: 2, grade: null }),
  effect: { kind: 'demote' },
  note: 'note-demoted',
  reason: 'reason-demoted',
};

/** 免于评等: a grade fixed below the veto and above 定等 (the last grade, 降等 not applying). */
const EXEMPT: EventTypeEntry = {
  type: 'exempt',
  names: ['直接定等为不合格'],
  read: readers.plain,
  effect: { kind: 'force', precedence: 0.5, grade: 'last', vetoes: false, demotable: false },
  note: 'note-set',
  reason: 'reason-set',
};

describe('event types as declared entries', () => {
  it('a registered type is read, applied, noted and explained; unregistered, it is an error at its cell', () => {
    const before = assess(makeBook(spec('通报降等')));
    expect(before.ok).toBe(false);
    expect(before.issues.map((i) => `${i.sheet}!${i.cell} ${i.code}`)).toEqual(['加减分!B2 unknown-event-type']);

    const remove = registerEventType(TWO_DOWN);
    try {
      const a = scored(assess(makeBook(spec('通报降等'))));
      const first = a.subjects.find((s) => s.name === '甲')!;
      // first in its quota of 2 (优秀), two levels down to 合格; nobody moves up to fill the place
      expect(first.grade).toBe('合格');
      expect(first.notes.map((n) => noteText(n, 'zh'))).toEqual(['降等：由优秀降为合格（年度考核中有通报）']);
      expect(gradeReason(first, a)).toContain('因降等（年度考核中有通报）由优秀降为合格');
      expect(a.subjects.find((s) => s.name === '乙')!.grade).toBe('优秀');
      // the list of types in the error names it too
      expect(eventTypes().map((t) => t.names[0])).toContain('通报降等');
    } finally {
      remove();
    }
    expect(assess(makeBook(spec('通报降等'))).ok).toBe(false);
  });

  it('a forcing type takes its place in the precedence: below the veto, above 定等', () => {
    const remove = registerEventType(EXEMPT);
    try {
      const withSet: BookSpec = { ...spec('直接定等为不合格'), events: [...spec('直接定等为不合格').events!, ['甲', '定等', '', null, '优秀', '表彰']] };
      const a = assess(makeBook(withSet));
      expect(a.ok).toBe(true);
      const first = a.subjects.find((s) => s.name === '甲')!;
      expect(first.grade).toBe('不合格');
      expect(first.constraints.forced?.by).toBe('exempt');
      const vetoed = assess(makeBook({ ...withSet, events: [...withSet.events!, ['甲', '一票否决', '', null, '', '事故']] }));
      expect(vetoed.subjects.find((s) => s.name === '甲')!.constraints.forced?.by).toBe('veto');
    } finally {
      remove();
    }
  });

  it('refuses a type whose code or name is taken', () => {
    expect(() => registerEventType({ ...TWO_DOWN, type: 'demote' })).toThrow();
    expect(() => registerEventType({ ...TWO_DOWN, names: ['降等'] })).toThrow();
  });
});
