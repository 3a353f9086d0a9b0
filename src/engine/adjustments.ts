// 加减分: one row per bonus, deduction, veto or grade event (contract section 4).
import { address, cellText, isBlank, IssueLog } from './cells';
import { decimalText } from './exact';
import { findHeaderRow } from './scores';
import { cellAt, mapColumns, readNumber, requireColumns, textAt, type ColumnDecl } from './table';
import { aliasTable, closestName, matchKey } from './text';
import type { AdjustmentEvent, CellValue, EventType, Scheme, SheetData } from './types';

export const ADJUSTMENTS_SHEET = '加减分';

const COLUMNS = [
  { field: 'name', names: ['名称', '单位', '单位名称', '姓名', '被考核单位', '被考核人', '考核对象', 'Name'], required: true },
  { field: 'type', names: ['类型', 'Type'], required: true },
  { field: 'category', names: ['类别', 'Category'] },
  { field: 'amount', names: ['分值', 'Points', '分数'] },
  { field: 'grade', names: ['等次', 'Grade'] },
  { field: 'reason', names: ['事由', 'Reason'] },
  { field: 'basis', names: ['依据', 'Basis', '文件依据'] },
  { field: 'date', names: ['日期', 'Date'] },
] as const satisfies readonly ColumnDecl<string>[];
type Field = (typeof COLUMNS)[number]['field'];

interface Row {
  readonly sheet: string;
  readonly r: number;
  readonly cols: Record<Field, number>;
  readonly rows: readonly (readonly CellValue[])[];
  readonly scheme: Scheme;
  readonly log: IssueLog;
}

/** What one 类型 needs from its row: amount and grade, or undefined after logging an error. */
interface EventRule {
  readonly type: EventType;
  readonly names: readonly string[];
  read(row: Row): { amount: number; grade: number | null } | undefined;
}

function cellOf(row: Row, f: Field): string {
  return address(row.r, row.cols[f] >= 0 ? row.cols[f] : row.cols.type);
}

function positiveAmount(row: Row): number | undefined {
  const v = cellAt(row.rows, row.r, row.cols.amount);
  const read = readNumber(v);
  if (!read.ok || read.value === null || read.value <= 0) {
    row.log.error('bad-amount', row.sheet, cellOf(row, 'amount'), v, {});
    return undefined;
  }
  return read.value;
}

function gradeIndex(row: Row): number | undefined {
  const text = textAt(row.rows, row.r, row.cols.grade);
  const i = row.scheme.grades.findIndex((g) => matchKey(g.name) === matchKey(text));
  if (i < 0) {
    row.log.error('unknown-grade', row.sheet, cellOf(row, 'grade'), text, { grades: row.scheme.grades.map((g) => g.name).join('、') });
    return undefined;
  }
  return i;
}

const withAmount = (row: Row) => {
  const amount = positiveAmount(row);
  return amount === undefined ? undefined : { amount, grade: null };
};
const plain = () => ({ amount: 0, grade: null });

/** Every event type of 加减分, each one declared entry. */
export const EVENT_RULES: readonly EventRule[] = [
  { type: 'bonus', names: ['加分', 'Bonus'], read: withAmount },
  { type: 'deduction', names: ['扣分', '减分', 'Deduction'], read: withAmount },
  { type: 'veto', names: ['一票否决', 'Veto'], read: plain },
  { type: 'affirm', names: ['一票肯定', 'Affirm', 'Affirmation'], read: plain },
  {
    type: 'cap',
    names: ['限等', 'Cap', 'Grade cap'],
    read: (row) => {
      const grade = gradeIndex(row);
      return grade === undefined ? undefined : { amount: 0, grade };
    },
  },
  {
    // 一票否优: cannot get the first grade, i.e. 限等 to the second grade
    type: 'cap',
    names: ['一票否优', 'No top grade'],
    read: (row) => ({ amount: 0, grade: Math.min(1, row.scheme.grades.length - 1) }),
  },
  {
    type: 'set',
    names: ['定等', 'Set grade'],
    read: (row) => {
      const grade = gradeIndex(row);
      return grade === undefined ? undefined : { amount: 0, grade };
    },
  },
  {
    type: 'demote',
    names: ['降等', 'Demote'],
    read: (row) => {
      const v = cellAt(row.rows, row.r, row.cols.amount);
      if (isBlank(v)) return { amount: 1, grade: null };
      const read = readNumber(v);
      if (!read.ok || read.value === null || !Number.isInteger(read.value) || read.value < 1) {
        row.log.error('bad-levels', row.sheet, cellOf(row, 'amount'), v, {});
        return undefined;
      }
      return { amount: read.value, grade: null };
    },
  },
];

const ruleByName = aliasTable(EVENT_RULES.map((rule) => [rule, rule.names] as const));

/** A 日期 cell as text: a date as the host read it (yyyy-mm-dd), anything else as shown. */
function dateText(v: CellValue): string {
  return typeof v === 'number' ? decimalText(v) : cellText(v).trim();
}

export function parseAdjustments(sheet: SheetData | undefined, scheme: Scheme, subjectNames: ReadonlySet<string>, log: IssueLog): AdjustmentEvent[] {
  if (!sheet) return [];
  const headerRow = findHeaderRow(sheet.rows, sheet.merges);
  if (headerRow < 0) {
    if (sheet.rows.some((row) => row.some((v) => !isBlank(v)))) log.error('no-name-column', sheet.name, 'A1', null, { names: '名称' });
    return [];
  }
  const cols = mapColumns(sheet.rows[headerRow], COLUMNS);
  if (!requireColumns(cols, COLUMNS, log, sheet.name, headerRow, sheet.name)) return [];
  const events: AdjustmentEvent[] = [];
  const categories = new Map(scheme.categories.map((c) => [matchKey(c.name), c]));
  for (let r = headerRow + 1; r < sheet.rows.length; r++) {
    const name = textAt(sheet.rows, r, cols.name);
    if (name === '') {
      if (sheet.rows[r]?.some((v) => !isBlank(v))) log.warn('event-without-name', sheet.name, address(r, cols.name), null, {});
      continue;
    }
    const row: Row = { sheet: sheet.name, r, cols, rows: sheet.rows, scheme, log };
    let ok = true;
    if (!subjectNames.has(name)) {
      const like = closestName(name, subjectNames);
      if (like) log.error('unknown-subject-like', sheet.name, address(r, cols.name), name, { name, like });
      else log.error('unknown-subject', sheet.name, address(r, cols.name), name, { name });
      ok = false;
    }
    const typeText = textAt(sheet.rows, r, cols.type);
    const rule = ruleByName(typeText);
    if (!rule) {
      log.error('unknown-event-type', sheet.name, address(r, cols.type), typeText, { types: '加分、扣分、一票否决、一票肯定、限等、一票否优、定等、降等' });
      continue;
    }
    const read = rule.read(row);
    if (!read || !ok) continue;
    let category = textAt(sheet.rows, r, cols.category);
    const known = categories.get(matchKey(category));
    if (known) {
      category = known.name;
      if ((rule.type === 'bonus' || rule.type === 'deduction') && known.kind !== rule.type) {
        log.error('category-kind', sheet.name, cellOf(row, 'category'), category, { category, kind: known.kind === 'bonus' ? '加分' : '扣分' });
        continue;
      }
    }
    events.push({
      row: r + 1,
      typeCell: address(r, cols.type),
      subject: name,
      type: rule.type,
      category,
      amount: read.amount,
      grade: read.grade,
      reason: textAt(sheet.rows, r, cols.reason),
      basis: textAt(sheet.rows, r, cols.basis),
      date: cols.date >= 0 ? dateText(cellAt(sheet.rows, r, cols.date)) : '',
    });
  }
  return events;
}
