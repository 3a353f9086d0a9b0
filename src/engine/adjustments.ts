// 加减分: one row per bonus, deduction, veto or grade event (contract section 4).
import { address, cellText, isBlank, IssueLog } from './cells';
import { eventTypeNamed, eventTypes, type EventRow } from './event-types';
import { decimalText } from './exact';
import { findHeaderRow } from './scores';
import { cellAt, mapColumns, requireColumns, textAt, type ColumnDecl } from './table';
import { closestName, matchKey } from './text';
import type { AdjustmentEvent, CellValue, Scheme, SheetData } from './types';

export const ADJUSTMENTS_SHEET = '加减分';

/** 加减分's columns (the first name of each is the one written). */
export const ADJUSTMENT_COLUMNS = [
  { field: 'name', names: ['名称', '单位', '单位名称', '姓名', '被考核单位', '被考核人', '考核对象', 'Name'], required: true },
  { field: 'type', names: ['类型', 'Type'], required: true },
  { field: 'category', names: ['类别', 'Category'] },
  { field: 'amount', names: ['分值', 'Points', '分数'] },
  { field: 'grade', names: ['等次', 'Grade'] },
  { field: 'reason', names: ['事由', 'Reason'] },
  { field: 'basis', names: ['依据', 'Basis', '文件依据'] },
  { field: 'date', names: ['日期', 'Date'] },
  { field: 'period', names: ['期间', 'Period', '考核期间'] },
] as const satisfies readonly ColumnDecl<string>[];

/** A 日期 cell as text: a date as the host read it (yyyy-mm-dd), anything else as shown. */
function dateText(v: CellValue): string {
  return typeof v === 'number' ? decimalText(v) : cellText(v).trim();
}

/**
 * `subjectNames`: everyone assessed; `periodMembers`: who was assessed in each 【期间】 period (an
 * event of a period counts in that period's score, so its subject must be there).
 */
export function parseAdjustments(
  sheet: SheetData | undefined,
  scheme: Scheme,
  subjectNames: ReadonlySet<string>,
  log: IssueLog,
  periodMembers: ReadonlyMap<string, ReadonlySet<string>> = new Map(),
): AdjustmentEvent[] {
  if (!sheet) return [];
  const headerRow = findHeaderRow(sheet.rows, sheet.merges);
  if (headerRow < 0) {
    if (sheet.rows.some((row) => row.some((v) => !isBlank(v)))) log.error('no-name-column', sheet.name, 'A1', null, { names: '名称' });
    return [];
  }
  const cols = mapColumns(sheet.rows[headerRow], ADJUSTMENT_COLUMNS);
  if (!requireColumns(cols, ADJUSTMENT_COLUMNS, log, sheet.name, headerRow, { sheet: sheet.name })) return [];
  const events: AdjustmentEvent[] = [];
  const categories = new Map(scheme.categories.map((c) => [matchKey(c.name), c]));
  for (let r = headerRow + 1; r < sheet.rows.length; r++) {
    const name = textAt(sheet.rows, r, cols.name);
    if (name === '') {
      if (sheet.rows[r]?.some((v) => !isBlank(v))) log.warn('event-without-name', sheet.name, address(r, cols.name), null, {});
      continue;
    }
    // an error about a column the sheet lacks points at the 类型 cell
    const cellOf = (f: 'amount' | 'grade' | 'category') => address(r, cols[f] >= 0 ? cols[f] : cols.type);
    const row: EventRow = { sheet: sheet.name, r, amountCol: cols.amount, gradeCol: cols.grade, cellOf, rows: sheet.rows, scheme, log };
    let ok = true;
    if (!subjectNames.has(name)) {
      const like = closestName(name, subjectNames);
      if (like) log.error('unknown-subject-like', sheet.name, address(r, cols.name), name, { name, like });
      else log.error('unknown-subject', sheet.name, address(r, cols.name), name, { name });
      ok = false;
    }
    const typeText = textAt(sheet.rows, r, cols.type);
    const rule = eventTypeNamed(typeText);
    if (!rule) {
      log.error('unknown-event-type', sheet.name, address(r, cols.type), typeText, {
        types: eventTypes().map((t) => t.names[0]),
      });
      continue;
    }
    const period = periodOf(sheet, r, cols.period, name, ok, scheme, periodMembers, log);
    const read = rule.read(row);
    if (!read || !ok || period === undefined) continue;
    let category = textAt(sheet.rows, r, cols.category);
    const known = categories.get(matchKey(category));
    if (known) {
      category = known.name;
      if (rule.effect.kind === 'points' && known.kind !== rule.effect.side) {
        log.error('category-kind', sheet.name, cellOf('category'), category, { category, kind: known.kind });
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
      period,
    });
  }
  return events;
}

/** The event's 期间 as its canonical name ('' = the year); undefined after an error at the cell. */
function periodOf(
  sheet: SheetData,
  r: number,
  c: number,
  name: string,
  known: boolean,
  scheme: Scheme,
  periodMembers: ReadonlyMap<string, ReadonlySet<string>>,
  log: IssueLog,
): string | undefined {
  const text = textAt(sheet.rows, r, c);
  if (text === '') return '';
  const at = address(r, c);
  if (scheme.periods.length === 0) {
    log.error('period-without-periods', sheet.name, at, text, {});
    return undefined;
  }
  const period = scheme.periods.find((p) => matchKey(p.name) === matchKey(text));
  if (!period) {
    log.error('unknown-period', sheet.name, at, text, { value: text, periods: scheme.periods.map((p) => p.name) });
    return undefined;
  }
  // a period whose sheet could not be read is reported there, not at every event of it
  const members = periodMembers.get(period.name);
  if (known && members && !members.has(name)) {
    log.error('event-period-absent', sheet.name, at, text, { name, period: period.name });
    return undefined;
  }
  return period.name;
}
