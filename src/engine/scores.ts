// 评分表: one row per subject, one column per indicator (contract section 3).
import { address, cellText, isBlank, IssueLog, pushTo } from './cells';
import { cleanNumber } from './exact';
import { cellAt, mapColumns, mergeAt, readNumber, reportUncalculated, textAt, type ColumnDecl } from './table';
import { aliasTable, matchKey, numericText, splitHeader, trimName } from './text';
import { CYCLES, LAYERS, SOURCES } from './policies';
import { indicatorsOn } from './scheme';
import type { CellArea, CellValue, Cycle, LayerValue, Scheme, SheetData, SubjectInput } from './types';

export const SCORES_SHEET = '评分表';
export const NAME_HEADERS = ['名称', '单位', '单位名称', '姓名', '被考核单位', '被考核人', '考核对象', 'Name'];

/** The group column's headers (the pane's set-up checks a recognised group column against them). */
export const GROUP_HEADERS = ['分组', '组别', 'Group'];

const COLUMNS = [
  { field: 'name', names: NAME_HEADERS, required: true },
  { field: 'group', names: GROUP_HEADERS },
  { field: 'bonus', names: ['加分', 'Bonus'] },
  { field: 'deduction', names: ['扣分', '减分', 'Deduction'] },
  { field: 'remark', names: ['备注', 'Remark', 'Notes'] },
  { field: 'serial', names: ['序号', 'No.', 'No', '#'] },
  { field: 'department', names: ['部门', '所在部门', '科室', 'Department'] },
  { field: 'head', names: ['负责人', '部门负责人', 'Head'] },
] as const satisfies readonly ColumnDecl<string>[];

/** A header's layer (工作质量（复评）: 复评), undefined when its bracket names none. */
const layerOf = aliasTable(LAYERS.map((l) => [l.name, l.names] as const));

/** Columns people keep beside the scores that the tool computes itself: left out with a word. */
const COMPUTED_HEADER = aliasTable([
  [true, ['总分', '合计', '总得分', '得分', '基础分', '排名', '名次', '等次', '等级', '考核等次', 'Total', 'Rank', 'Grade', 'Score']],
] as const);

/**
 * Rows of statistics under the subjects (平均分, 合计, …): never a subject. A label may be
 * qualified (全市平均分, 经济组小计).
 */
export function isStatisticsLabel(text: string): boolean {
  const k = matchKey(text);
  return /^(.{0,12}(平均分?|平均值|均值|合计|总计|小计|汇总)|最高分?|最低分?|average|avg|mean|total|subtotal|sum|max|min|maximum|minimum)$/.test(k);
}

/** Where each part of 评分表 is. */
export interface ScoresLayout {
  readonly headerRow: number;
  readonly nameCol: number;
  readonly groupCol: number;
  readonly bonusCol: number;
  readonly deductionCol: number;
  readonly remarkCol: number;
  readonly departmentCol: number;
  readonly headCol: number;
  /** per scheme indicator, its column (-1 when missing); its last layer's when layered */
  readonly indicatorCols: readonly number[];
  /** per scheme indicator, its layers' columns in layer order; null when it has one plain column */
  readonly layerCols: readonly (readonly { readonly layer: string; readonly col: number }[] | null)[];
}

/** Every column a subject's scores are typed in: each indicator's (all its layers), 加分, 扣分. */
export function scoreColumns(layout: ScoresLayout): number[] {
  const cols = layout.indicatorCols.flatMap((c, i) => layout.layerCols[i]?.map((l) => l.col) ?? [c]);
  return [...cols, layout.bonusCol, layout.deductionCol].filter((c) => c >= 0);
}

/** The column of the name header in a header row (-1 when none). */
export function nameColumnOf(header: readonly CellValue[]): number {
  const names = new Set(NAME_HEADERS.map((n) => splitHeader(n).key));
  return header.findIndex((v) => typeof v === 'string' && names.has(splitHeader(v).key));
}

/**
 * The header row: the first row within the first 10 that has a name column. When that header
 * cell is merged down over more rows (a two-row header: dimensions above, indicators below),
 * the header is the last of those rows.
 */
export function findHeaderRow(rows: readonly (readonly CellValue[])[], merges: readonly CellArea[] = []): number {
  for (let r = 0; r < Math.min(10, rows.length); r++) {
    const c = nameColumnOf(rows[r] ?? []);
    if (c < 0) continue;
    const merged = merges.find((m) => m.r0 === r && m.c0 <= c && c <= m.c1);
    return merged ? merged.r1 : r;
  }
  return -1;
}

function locate(sheet: SheetData, scheme: Scheme, carried: ReadonlySet<number>, log: IssueLog): ScoresLayout | null {
  const headerRow = findHeaderRow(sheet.rows, sheet.merges);
  if (headerRow < 0) {
    log.error('no-name-column', sheet.name, 'A1', null, { names: NAME_HEADERS.slice(0, 4) });
    return null;
  }
  const header = sheet.rows[headerRow];
  const cols = mapColumns(header, COLUMNS);
  const byKey = new Map<string, number[]>();
  header.forEach((v, c) => {
    if (typeof v !== 'string') return;
    const k = splitHeader(v).key;
    pushTo(byKey, k, c);
  });
  const otherCycle: number[] = [];
  const layerCols: ({ layer: string; col: number }[] | null)[] = [];
  const indicatorCols = scheme.indicators.map((ind, i) => {
    const found = byKey.get(matchKey(ind.name)) ?? [];
    layerCols[i] = null;
    if (!carried.has(i) || ind.source !== 'typed') {
      // an indicator of the other 周期 is scored on another sheet; a rated one comes from its sheet
      if (found.length > 0) {
        otherCycle.push(...found);
        if (ind.source !== 'typed')
          log.warn('indicator-derived-column', sheet.name, address(headerRow, found[0]), header[found[0]], {
            indicator: ind.name,
            source: SOURCES[ind.source].names[0],
          });
        else
          log.warn('indicator-other-cycle', sheet.name, address(headerRow, found[0]), header[found[0]], {
            indicator: ind.name,
            cycle: CYCLES[ind.cycle].names[0],
          });
      }
      return -1;
    }
    if (found.length === 0) {
      log.error('indicator-without-column', sheet.name, address(headerRow, 0), null, { indicator: ind.name });
      return -1;
    }
    const bracketOf = (c: number) => splitHeader(String(header[c])).bracket;
    const layered = found.flatMap((c) => {
      const b = bracketOf(c);
      const layer = b === null ? undefined : layerOf(b);
      return layer ? [{ layer, col: c }] : [];
    });
    if (layered.length > 0) {
      const plain = found.find((c) => !layered.some((l) => l.col === c));
      if (plain !== undefined) log.error('layer-and-plain', sheet.name, address(headerRow, plain), header[plain], { indicator: ind.name });
      const ordered = LAYERS.flatMap((l) => {
        const cols = layered.filter((x) => x.layer === l.name);
        if (cols.length > 1)
          log.error('duplicate-column', sheet.name, address(headerRow, cols[1].col), cellAt(sheet.rows, headerRow, cols[1].col), { indicator: ind.name });
        return cols.slice(0, 1);
      });
      layerCols[i] = ordered;
      return ordered[ordered.length - 1].col;
    }
    if (found.length > 1)
      log.error('duplicate-column', sheet.name, address(headerRow, found[1]), cellAt(sheet.rows, headerRow, found[1]), { indicator: ind.name });
    const c = found[0];
    const bracket = bracketOf(c);
    const headerPoints = bracket === null ? null : numericText(bracket);
    if (headerPoints !== null && Number(headerPoints) !== ind.points) {
      log.warn('header-points', sheet.name, address(headerRow, c), header[c], { indicator: ind.name, points: ind.points, header: Number(headerPoints) });
    }
    return c;
  });
  // a header that is neither a known column nor an indicator: say so, naming the cell
  const known = new Set([...Object.values<number>(cols), ...indicatorCols, ...layerCols.flatMap((l) => l?.map((x) => x.col) ?? []), ...otherCycle]);
  header.forEach((v, c) => {
    if (known.has(c) || typeof v !== 'string' || v.trim() === '') return;
    // a header merged across columns is one header: its copies in the other columns are not columns
    const m = mergeAt(sheet, headerRow, c);
    if (m && c > m.c0) return;
    log.warn(COMPUTED_HEADER(splitHeader(v).key) ? 'computed-column' : 'unknown-column', sheet.name, address(headerRow, c), v, { header: trimName(v) });
  });
  return {
    headerRow,
    nameCol: cols.name,
    groupCol: cols.group,
    bonusCol: cols.bonus,
    deductionCol: cols.deduction,
    remarkCol: cols.remark,
    departmentCol: cols.department,
    headCol: cols.head,
    indicatorCols,
    layerCols,
  };
}

/**
 * A score cell per the contract: numbers as is; numeric text with a warning; other text,
 * errors, negatives and scores above 分值 are errors; blanks follow 缺项处理.
 */
export function readScore(v: CellValue, max: number, sheet: string, r: number, c: number, indicator: string, scheme: Scheme, log: IssueLog): number {
  if (typeof v === 'number' && v >= 0 && v <= max) return cleanNumber(v); // the common case, kept fast
  const cell = address(r, c);
  let x: number;
  if (isBlank(v)) {
    if (scheme.settings.missing === 'zero') {
      log.warn('blank-as-zero', sheet, cell, v, { indicator });
      return 0;
    }
    log.error('blank-score', sheet, cell, v, { indicator });
    return 0;
  }
  if (typeof v === 'number') x = v;
  else if (typeof v === 'string') {
    const t = numericText(v);
    if (t === null) {
      log.error('not-a-number', sheet, cell, v, { indicator });
      return 0;
    }
    x = Number(t);
    log.warn('numeric-text', sheet, cell, v, { indicator, number: x });
  } else if (typeof v === 'object' && v !== null && 'error' in v) {
    log.error('error-value', sheet, cell, v, { indicator });
    return 0;
  } else if (typeof v === 'object' && v !== null && 'formula' in v) {
    return 0; // reported once, for every input cell, by the formula check
  } else if (typeof v === 'object' && v !== null && 'percent' in v) {
    log.error('percent-score', sheet, cell, v, { indicator });
    return 0;
  } else {
    log.error('not-a-number', sheet, cell, v, { indicator });
    return 0;
  }
  x = cleanNumber(x);
  if (x < 0 || x > max) {
    log.error('out-of-range', sheet, cell, v, { indicator, max });
    return 0;
  }
  return x;
}

/** An optional per-subject 加分 / 扣分 cell: blank is 0. */
function readExtra(v: CellValue, sheet: string, cell: string, column: string, log: IssueLog): number {
  if (isBlank(v)) return 0;
  const read = readNumber(v);
  if (!read.ok || read.value === null || read.value < 0) {
    log.error('bad-number', sheet, cell, v, { column, rule: '≥ 0' });
    return 0;
  }
  if (read.fromText) log.warn('numeric-text', sheet, cell, v, { indicator: column, number: read.value });
  return cleanNumber(read.value);
}

const YES_NO = aliasTable([
  [true, ['是', 'yes', 'Y', '√', '负责人']],
  [false, ['否', 'no', 'N']],
] as const);

/** 负责人: 是 marks a head; blank or 否 does not. */
function readHead(v: CellValue, sheet: string, cell: string, log: IssueLog): boolean {
  if (isBlank(v)) return false;
  const yes = YES_NO(cellText(v));
  if (yes === undefined) log.error('bad-yes-no', sheet, cell, v, { column: '负责人' });
  return yes === true;
}

export interface ScoresRead {
  readonly layout: ScoresLayout | null;
  readonly subjects: SubjectInput[];
}

/**
 * Reads a sheet in 评分表's layout. `cycle`: which indicators it carries when the scheme scores
 * some once a year (the others' scores read 0); every period's by default.
 */
export function parseScores(sheet: SheetData, scheme: Scheme, log: IssueLog, cycle: Cycle = 'period'): ScoresRead {
  const layout = locate(sheet, scheme, new Set(indicatorsOn(scheme, cycle)), log);
  if (!layout) return { layout, subjects: [] };
  const rows = sheet.rows;
  const subjects: SubjectInput[] = [];
  const seen = new Map<string, number>();
  const inds = scheme.indicators;
  const valueCols = scoreColumns(layout);
  reportUncalculated(
    sheet,
    log,
    [layout.nameCol, layout.groupCol, layout.remarkCol, layout.departmentCol, layout.headCol, ...valueCols].filter((c) => c >= 0),
    layout.headerRow + 1,
  );
  const firstValueCol = Math.min(...valueCols);
  // merged areas over the name column, by row: a name merged down over rows is one subject
  const nameMerges = new Map<number, CellArea>();
  for (const m of sheet.merges ?? []) {
    if (m.c0 <= layout.nameCol && layout.nameCol <= m.c1)
      for (let r = Math.max(m.r0, layout.headerRow + 1); r <= Math.min(m.r1, rows.length - 1); r++) nameMerges.set(r, m);
  }
  for (let r = layout.headerRow + 1; r < rows.length; r++) {
    const nameCell = cellAt(rows, r, layout.nameCol);
    const nameAt = address(r, layout.nameCol);
    const merge = nameMerges.size > 0 ? nameMerges.get(r) : undefined;
    if (merge && merge.c1 > layout.nameCol && valueCols.some((c) => c <= merge.c1 && c >= merge.c0)) {
      // a line of text merged across the score columns (a note, a signature line): not a subject
      if (r === merge.r0) log.warn('text-row', sheet.name, nameAt, nameCell);
      continue;
    }
    if (merge && r > merge.r0) {
      // the lower rows of a merged name: scores there of their own cannot be told apart
      for (const c of valueCols) {
        const own = !isBlank(cellAt(rows, r, c)) && !(sheet.merges ?? []).some((m) => m.c0 <= c && c <= m.c1 && m.r0 <= merge.r0 && m.r1 >= r);
        if (own)
          log.error('merged-name-row', sheet.name, address(r, c), cellAt(rows, r, c), {
            name: trimName(cellText(nameCell)),
            from: merge.r0 + 1,
            to: merge.r1 + 1,
          });
      }
      continue;
    }
    if (isBlank(nameCell)) {
      if (!valueCols.some((c) => !isBlank(cellAt(rows, r, c)))) continue; // a blank row, or a note beside the table
      const label = (rows[r] ?? []).slice(0, firstValueCol).find((v) => typeof v === 'string' && isStatisticsLabel(v));
      if (label !== undefined) log.warn('statistics-row', sheet.name, nameAt, label, { label: trimName(String(label)) });
      else log.error('scores-without-name', sheet.name, nameAt, null, { row: r + 1 });
      continue;
    }
    if (typeof nameCell === 'string' && isStatisticsLabel(nameCell)) {
      log.warn('statistics-row', sheet.name, nameAt, nameCell, { label: trimName(nameCell) });
      continue;
    }
    const name = trimName(cellText(nameCell));
    const first = seen.get(name);
    if (first !== undefined) log.error('duplicate-subject', sheet.name, nameAt, name, { name, first: first + 1 });
    else seen.set(name, r);
    let layers: (LayerValue[] | undefined)[] | undefined;
    const scores = inds.map((ind, i) => {
      const layered = layout.layerCols[i];
      if (layered) {
        // the last layer filled in counts; every filled layer is checked as a score
        const values = layered.map(({ layer, col }) => {
          const v = cellAt(rows, r, col);
          return { layer, cell: address(r, col), col, value: isBlank(v) ? null : readScore(v, ind.points, sheet.name, r, col, ind.name, scheme, log) };
        });
        (layers ??= [])[i] = values.map(({ layer, cell, value }) => ({ layer, cell, value }));
        const last = [...values].reverse().find((v) => v.value !== null);
        if (last) return last.value!;
        const lastCol = layered[layered.length - 1].col;
        return readScore(null, ind.points, sheet.name, r, lastCol, ind.name, scheme, log);
      }
      const c = layout.indicatorCols[i];
      return c < 0 ? 0 : readScore(cellAt(rows, r, c), ind.points, sheet.name, r, c, ind.name, scheme, log);
    });
    const group = layout.groupCol >= 0 ? textAt(rows, r, layout.groupCol) : '';
    const head = layout.headCol >= 0 ? readHead(cellAt(rows, r, layout.headCol), sheet.name, address(r, layout.headCol), log) : false;
    subjects.push({
      name,
      group: group === '' ? null : group,
      row: r + 1,
      scores,
      extraBonus: layout.bonusCol >= 0 ? readExtra(cellAt(rows, r, layout.bonusCol), sheet.name, address(r, layout.bonusCol), '加分', log) : 0,
      extraDeduction: layout.deductionCol >= 0 ? readExtra(cellAt(rows, r, layout.deductionCol), sheet.name, address(r, layout.deductionCol), '扣分', log) : 0,
      remark: layout.remarkCol >= 0 ? textAt(rows, r, layout.remarkCol) : '',
      ...(layout.departmentCol >= 0 ? { department: textAt(rows, r, layout.departmentCol) } : {}),
      ...(head ? { head } : {}),
      ...(layers ? { layers } : {}),
    });
  }
  if (subjects.length === 0) log.error('no-subjects', sheet.name, address(layout.headerRow, layout.nameCol), null);
  const grouped = subjects.filter((s) => s.group !== null).length;
  if (scheme.settings.gradeScope === 'group') {
    for (const s of subjects)
      if (s.group === null) log.error('missing-group', sheet.name, address(s.row - 1, Math.max(layout.groupCol, layout.nameCol)), null, { name: s.name });
  } else if (grouped > 0 && grouped < subjects.length) {
    log.warn('some-without-group', sheet.name, address(layout.headerRow, layout.groupCol), null, { count: subjects.length - grouped });
  }
  if (sheet.merges === undefined && layout.groupCol >= 0) {
    // the host could not read merged areas: a blank group under a filled one is most likely a merge
    let above: string | null = null;
    for (const s of subjects) {
      if (s.group === null && above !== null)
        log.warn('group-maybe-merged', sheet.name, address(s.row - 1, layout.groupCol), null, { name: s.name, group: above });
      above = s.group ?? above;
    }
  }
  return { layout, subjects };
}
