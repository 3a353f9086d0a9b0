// 考核方案: the rules, in blocks (contract section 2).
import { address, cellText, isBlank, IssueLog } from './cells';
import { cleanNumber } from './exact';
import { choicesOf, QUOTA_ROUNDINGS, RANKING_METHODS, TIE_POLICIES } from './policies';
import { cellAt, looksLikeFraction, mapColumns, readNumber, requireColumns, splitList, textAt, type ColumnDecl } from './table';
import { aliasTable, foldWidth, matchKey, trimName } from './text';
import type { Category, CellValue, Dimension, GradeRule, Indicator, OptionalSheet, Scheme, Settings, SheetData } from './types';

export const SCHEME_SHEET = '考核方案';
export const DEFAULT_SIGNATURE = '制表人：　　　　　审核人：　　　　　日期：';
export const ALL_OPTIONAL_SHEETS: readonly OptionalSheet[] = ['notice', 'analysis', 'reports'];

type BlockName = 'settings' | 'dimensions' | 'indicators' | 'grades' | 'categories';

const blockTitle = aliasTable<BlockName>([
  ['settings', ['设置', 'Settings']],
  ['dimensions', ['维度', 'Dimensions']],
  ['indicators', ['指标', 'Indicators']],
  ['grades', ['等次', 'Grades']],
  ['categories', ['加减分类别', 'Adjustment categories', 'Categories']],
]);

const BLOCK_LABEL: Record<BlockName, string> = {
  settings: '【设置】',
  dimensions: '【维度】',
  indicators: '【指标】',
  grades: '【等次】',
  categories: '【加减分类别】',
};

interface Block {
  readonly name: BlockName;
  /** 0-based row of the title */
  readonly titleRow: number;
  /** 0-based row of the header, -1 when the block has none */
  readonly headerRow: number;
  /** 0-based rows of data, blank rows left out */
  readonly dataRows: number[];
}

/** `【指标】`, `[Indicators]`, `［指标］` → the text inside, else null. */
function titleText(v: CellValue): string | null {
  if (typeof v !== 'string') return null;
  const m = /^[【[]\s*(.+?)\s*[】\]]$/.exec(trimName(foldWidth(v)));
  return m ? m[1] : null;
}

function rowIsBlank(row: readonly CellValue[] | undefined): boolean {
  return !row || row.every((v) => isBlank(v));
}

function findBlocks(sheet: SheetData, log: IssueLog): Map<BlockName, Block> {
  const blocks = new Map<BlockName, Block>();
  const rows = sheet.rows;
  let current: { name: BlockName | null; titleRow: number; headerRow: number; dataRows: number[] } | null = null;
  const close = () => {
    if (current?.name) blocks.set(current.name, { name: current.name, titleRow: current.titleRow, headerRow: current.headerRow, dataRows: current.dataRows });
  };
  for (let r = 0; r < rows.length; r++) {
    const title = titleText(cellAt(rows, r, 0));
    if (title !== null) {
      close();
      const name = blockTitle(title) ?? null;
      if (!name) log.warn('unknown-block', sheet.name, address(r, 0), cellAt(rows, r, 0));
      else if (blocks.has(name)) log.error('duplicate-block', sheet.name, address(r, 0), cellAt(rows, r, 0));
      current = { name: name && !blocks.has(name) ? name : null, titleRow: r, headerRow: -1, dataRows: [] };
      continue;
    }
    if (!current || rowIsBlank(rows[r])) continue;
    if (current.headerRow < 0) current.headerRow = r;
    else current.dataRows.push(r);
  }
  close();
  return blocks;
}

// ---- 【设置】 -------------------------------------------------------------------------------

type SettingParser = (value: CellValue, s: Settings, fail: (code: string, params?: Record<string, string | number>) => void) => void;

function choice<T>(table: ReadonlyArray<readonly [T, readonly string[]]>, assign: (s: Settings, v: T) => void): SettingParser {
  const lookup = aliasTable(table);
  const allowed = table.map(([, names]) => names[0]).join(' / ');
  return (value, s, fail) => {
    const v = lookup(cellText(value));
    if (v === undefined) fail('bad-setting', { allowed });
    else assign(s, v);
  };
}

function number(assign: (s: Settings, v: number) => void, check: (v: number) => boolean, rule: string): SettingParser {
  return (value, s, fail) => {
    const read = readNumber(value);
    if (!read.ok || read.value === null || !check(read.value)) fail('bad-setting', { allowed: rule });
    else assign(s, read.value);
  };
}

function text(assign: (s: Settings, v: string) => void): SettingParser {
  return (value, s) => assign(s, trimName(cellText(value)));
}

const optionalSheet = aliasTable<OptionalSheet>([
  ['notice', ['结果公示', 'Public Notice', 'notice']],
  ['analysis', ['指标分析', 'Indicator Analysis', 'analysis']],
  ['reports', ['成绩单', 'Score Reports', 'reports']],
]);
const NONE = new Set(['无', 'none', '不输出', '-']);

/** Every setting key of 【设置】: one declared entry each. */
const SETTINGS: ReadonlyArray<readonly [readonly string[], SettingParser]> = [
  [['考核名称', 'Title', 'Name'], text((s, v) => (s.title = v))],
  [['考核期间', 'Period'], text((s, v) => (s.period = v))],
  [['制表单位', 'Issued by', 'Issuer'], text((s, v) => (s.issuer = v))],
  [
    ['满分', 'Full score'],
    number(
      (s, v) => (s.fullScore = v),
      (v) => v > 0,
      '> 0',
    ),
  ],
  [
    ['小数位数', 'Decimals'],
    number(
      (s, v) => (s.decimals = v),
      (v) => Number.isInteger(v) && v >= 0 && v <= 6,
      '0–6',
    ),
  ],
  [['排名方式', 'Ranking'], choice(choicesOf(RANKING_METHODS), (s, v) => (s.ranking = v))],
  [
    ['等次范围', 'Grade scope'],
    choice(
      [
        ['all', ['全体', 'all']],
        ['group', ['分组', 'group', 'groups']],
      ] as const,
      (s, v) => (s.gradeScope = v),
    ),
  ],
  [['名额取整', 'Quota rounding'], choice(choicesOf(QUOTA_ROUNDINGS), (s, v) => (s.quotaRounding = v))],
  [['同分处理', 'Ties at quota'], choice(choicesOf(TIE_POLICIES), (s, v) => (s.tiePolicy = v))],
  [['同分依据', 'Tie-breakers'], (value, s) => (s.tieBreakers = splitList(cellText(value)))],
  [
    ['加分上限', 'Bonus cap'],
    number(
      (s, v) => (s.bonusCap = v),
      (v) => v >= 0,
      '≥ 0',
    ),
  ],
  [
    ['扣分上限', 'Deduction cap'],
    number(
      (s, v) => (s.deductionCap = v),
      (v) => v >= 0,
      '≥ 0',
    ),
  ],
  [
    ['否决扣分线', 'Veto line'],
    number(
      (s, v) => (s.vetoLine = v),
      (v) => v > 0,
      '> 0',
    ),
  ],
  [
    ['缺项处理', 'Blank scores'],
    choice(
      [
        ['error', ['报错', 'error']],
        ['zero', ['按0分', 'zero', '0']],
      ] as const,
      (s, v) => (s.missing = v),
    ),
  ],
  [['签字栏', 'Signature line'], text((s, v) => (s.signature = NONE.has(matchKey(v)) ? '' : v))],
  [
    ['输出', 'Output'],
    (value, s, fail) => {
      const names = splitList(cellText(value));
      if (names.length === 1 && NONE.has(matchKey(names[0]))) {
        s.outputs = [];
        return;
      }
      const out: OptionalSheet[] = [];
      for (const n of names) {
        const sheet = optionalSheet(n);
        if (!sheet) fail('bad-setting', { allowed: '结果公示、指标分析、成绩单' });
        else if (!out.includes(sheet)) out.push(sheet);
      }
      s.outputs = ALL_OPTIONAL_SHEETS.filter((x) => out.includes(x));
    },
  ],
  [
    ['公示总分', 'Notice shows total'],
    choice(
      [
        [true, ['是', 'yes', 'true']],
        [false, ['否', 'no', 'false']],
      ] as const,
      (s, v) => (s.noticeShowsTotal = v),
    ),
  ],
  [['公示说明', 'Notice text'], text((s, v) => (s.noticeText = v))],
];

const settingKey = aliasTable(SETTINGS.map(([names, parser]) => [parser, names] as const));
const settingName = new Map(SETTINGS.map(([names, parser]) => [parser, names[0]]));

export function defaultSettings(fileTitle: string): Settings {
  return {
    title: fileTitle,
    period: '',
    issuer: '',
    fullScore: 100,
    decimals: 2,
    ranking: 'competition',
    gradeScope: 'all',
    quotaRounding: 'round',
    tiePolicy: 'admit',
    tieBreakers: [],
    bonusCap: null,
    deductionCap: null,
    vetoLine: null,
    missing: 'error',
    signature: DEFAULT_SIGNATURE,
    outputs: [...ALL_OPTIONAL_SHEETS],
    noticeShowsTotal: false,
    noticeText: '',
  };
}

const SETTINGS_COLUMNS: readonly ColumnDecl<'key' | 'value'>[] = [
  { field: 'key', names: ['项目', 'Item', 'Key', '设置项'], required: true },
  { field: 'value', names: ['内容', 'Value', '值', '设置'], required: true },
];

function parseSettings(sheet: SheetData, block: Block | undefined, fileTitle: string, log: IssueLog): Settings {
  const s = defaultSettings(fileTitle);
  if (!block || block.headerRow < 0) return s;
  const rows = sheet.rows;
  const cols = mapColumns(rows[block.headerRow], SETTINGS_COLUMNS);
  if (!requireColumns(cols, SETTINGS_COLUMNS, log, sheet.name, block.headerRow, BLOCK_LABEL.settings)) return s;
  const seen = new Set<SettingParser>();
  for (const r of block.dataRows) {
    const keyText = textAt(rows, r, cols.key);
    if (keyText === '') continue;
    const parser = settingKey(keyText);
    const valueCell = cellAt(rows, r, cols.value);
    const where = address(r, cols.value);
    if (!parser) {
      log.warn('unknown-setting', sheet.name, address(r, cols.key), keyText);
      continue;
    }
    if (seen.has(parser)) log.warn('duplicate-setting', sheet.name, address(r, cols.key), keyText);
    seen.add(parser);
    if (isBlank(valueCell)) continue; // blank: the default
    parser(valueCell, s, (code, params = {}) => log.error(code, sheet.name, where, valueCell, { key: settingName.get(parser)!, ...params }));
  }
  return s;
}

// ---- 【维度】 【指标】 【等次】 【加减分类别】 --------------------------------------------------

interface RowReader {
  readonly sheet: string;
  readonly rows: readonly (readonly CellValue[])[];
  readonly log: IssueLog;
}

/**
 * A number in a block cell; logs and returns undefined when the cell is not a valid number.
 * A `percent` column takes percent points: 20% (or 20) is 20; a plain 0.2 is read as 0.2 with a warning.
 */
function blockNumber(
  rd: RowReader,
  r: number,
  c: number,
  column: string,
  check: (v: number) => boolean,
  rule: string,
  percent = false,
): number | null | undefined {
  const v = cellAt(rd.rows, r, c);
  const read = readNumber(v, percent);
  if (!read.ok || (read.value !== null && !check(read.value))) {
    rd.log.error('bad-number', rd.sheet, address(r, c), v, { column, rule });
    return undefined;
  }
  if (percent && looksLikeFraction(v, read.value))
    rd.log.warn('percent-as-fraction', rd.sheet, address(r, c), v, { column, value: read.value!, percent: cleanNumber(read.value! * 100) });
  return read.value;
}

function blockRows<F extends string>(sheet: SheetData, block: Block, decls: readonly ColumnDecl<F>[], log: IssueLog) {
  const cols = mapColumns(sheet.rows[block.headerRow] ?? [], decls);
  const ok =
    block.headerRow >= 0 && requireColumns(cols, decls, log, sheet.name, block.headerRow >= 0 ? block.headerRow : block.titleRow, BLOCK_LABEL[block.name]);
  return { cols, ok };
}

function parseDimensions(sheet: SheetData, block: Block | undefined, log: IssueLog): Dimension[] {
  if (!block) return [];
  const decls = [
    { field: 'name', names: ['维度', 'Dimension', '一级指标'], required: true },
    { field: 'weight', names: ['权重', 'Weight', '权重(%)'], required: true },
  ] as const satisfies readonly ColumnDecl<string>[];
  const { cols, ok } = blockRows(sheet, block, decls, log);
  if (!ok) return [];
  const rd: RowReader = { sheet: sheet.name, rows: sheet.rows, log };
  const dims: Dimension[] = [];
  const names = new Set<string>();
  let sum = 0;
  for (const r of block.dataRows) {
    const name = textAt(sheet.rows, r, cols.name);
    if (name === '') {
      log.error('blank-name', sheet.name, address(r, cols.name), null, { what: '维度' });
      continue;
    }
    if (names.has(matchKey(name))) log.error('duplicate-name', sheet.name, address(r, cols.name), name, { what: '维度' });
    names.add(matchKey(name));
    const weight = blockNumber(rd, r, cols.weight, '权重', (v) => v > 0 && v <= 100, '0 < 权重 ≤ 100', true);
    if (weight === null) log.error('bad-number', sheet.name, address(r, cols.weight), null, { column: '权重', rule: '0 < 权重 ≤ 100' });
    if (weight == null) continue;
    sum += weight;
    dims.push({ name, weight });
  }
  if (dims.length === 0) log.error('empty-block', sheet.name, address(block.titleRow, 0), null, { block: BLOCK_LABEL.dimensions });
  else if (Math.abs(sum - 100) > 0.01 + 1e-9) log.error('weights-sum', sheet.name, address(block.titleRow, 0), null, { sum: Number(sum.toFixed(6)) });
  return dims;
}

function parseIndicators(sheet: SheetData, block: Block | undefined, dims: readonly Dimension[], hasDimensionBlock: boolean, log: IssueLog): Indicator[] {
  if (!block) {
    log.error('missing-block', sheet.name, '', null, { block: BLOCK_LABEL.indicators });
    return [];
  }
  const decls = [
    { field: 'code', names: ['编号', 'Code', 'No.', 'ID', '序号'] },
    { field: 'dimension', names: ['维度', 'Dimension', '一级指标'] },
    { field: 'name', names: ['指标', 'Indicator', '指标名称', '二级指标'], required: true },
    { field: 'points', names: ['分值', 'Points', '满分', 'Max'], required: true },
    { field: 'lead', names: ['牵头部门', 'Lead department', '责任单位', '考核部门'] },
    { field: 'criteria', names: ['评分标准', 'Criteria', '考核内容'] },
  ] as const satisfies readonly ColumnDecl<string>[];
  const { cols, ok } = blockRows(sheet, block, decls, log);
  if (!ok) return [];
  const rd: RowReader = { sheet: sheet.name, rows: sheet.rows, log };
  const dimByKey = new Map(dims.map((d) => [matchKey(d.name), d.name]));
  const out: Indicator[] = [];
  const names = new Set<string>();
  for (const r of block.dataRows) {
    const name = textAt(sheet.rows, r, cols.name);
    if (name === '') {
      log.error('blank-name', sheet.name, address(r, cols.name), null, { what: '指标' });
      continue;
    }
    if (names.has(matchKey(name))) {
      log.error('duplicate-name', sheet.name, address(r, cols.name), name, { what: '指标' });
      continue;
    }
    names.add(matchKey(name));
    const points = blockNumber(rd, r, cols.points, '分值', (v) => v > 0, '> 0');
    if (points === null) log.error('bad-number', sheet.name, address(r, cols.points), null, { column: '分值', rule: '> 0' });
    let dimension = textAt(sheet.rows, r, cols.dimension);
    if (hasDimensionBlock) {
      const known = dimByKey.get(matchKey(dimension));
      if (dimension === '')
        log.error('indicator-without-dimension', sheet.name, address(r, cols.dimension < 0 ? cols.name : cols.dimension), null, { indicator: name });
      else if (!known) log.error('unknown-dimension', sheet.name, address(r, cols.dimension), dimension, { indicator: name });
      else dimension = known;
    }
    if (points == null) continue;
    out.push({
      code: textAt(sheet.rows, r, cols.code),
      name,
      dimension,
      points,
      lead: textAt(sheet.rows, r, cols.lead),
      criteria: textAt(sheet.rows, r, cols.criteria),
    });
  }
  if (out.length === 0 && !log.hasErrors) log.error('empty-block', sheet.name, address(block.titleRow, 0), null, { block: BLOCK_LABEL.indicators });
  for (const d of dims) {
    if (hasDimensionBlock && !out.some((i) => i.dimension === d.name))
      log.error('dimension-without-indicators', sheet.name, address(block.titleRow, 0), null, { dimension: d.name });
  }
  return out;
}

function parseGrades(sheet: SheetData, block: Block | undefined, log: IssueLog): GradeRule[] {
  if (!block) {
    log.error('missing-block', sheet.name, '', null, { block: BLOCK_LABEL.grades });
    return [];
  }
  const decls = [
    { field: 'name', names: ['等次', 'Grade', '等级'], required: true },
    { field: 'maxPct', names: ['比例上限', 'Max %', 'Max share', '比例'] },
    { field: 'minPct', names: ['比例下限', 'Min %', 'Min share'] },
    { field: 'count', names: ['名额', 'Quota', 'Count', '人数'] },
    { field: 'minScore', names: ['最低分', 'Min score', '分数线'] },
    { field: 'note', names: ['说明', 'Note', '备注'] },
  ] as const satisfies readonly ColumnDecl<string>[];
  const { cols, ok } = blockRows(sheet, block, decls, log);
  if (!ok) return [];
  const rd: RowReader = { sheet: sheet.name, rows: sheet.rows, log };
  const out: GradeRule[] = [];
  const names = new Set<string>();
  const pct = (v: number) => v >= 0 && v <= 100;
  for (const r of block.dataRows) {
    const name = textAt(sheet.rows, r, cols.name);
    if (name === '') {
      log.error('blank-name', sheet.name, address(r, cols.name), null, { what: '等次' });
      continue;
    }
    if (names.has(matchKey(name))) log.error('duplicate-name', sheet.name, address(r, cols.name), name, { what: '等次' });
    names.add(matchKey(name));
    const maxPct = blockNumber(rd, r, cols.maxPct, '比例上限', pct, '0–100', true);
    const minPct = blockNumber(rd, r, cols.minPct, '比例下限', pct, '0–100', true);
    const count = blockNumber(rd, r, cols.count, '名额', (v) => Number.isInteger(v) && v >= 0, '≥ 0, whole');
    const minScore = blockNumber(rd, r, cols.minScore, '最低分', () => true, '');
    if (maxPct === undefined || minPct === undefined || count === undefined || minScore === undefined) continue;
    // whether the shares can be met is judged on the counts for the actual N (checkGradeRules)
    if (maxPct !== null && minPct !== null && minPct > maxPct)
      log.warn('share-order', sheet.name, address(r, cols.minPct), cellAt(sheet.rows, r, cols.minPct), { grade: name, min: minPct, max: maxPct });
    if (count !== null && maxPct !== null) log.warn('quota-both', sheet.name, address(r, cols.maxPct), maxPct, { grade: name });
    out.push({ name, row: r, maxPct, minPct, count, minScore, note: textAt(sheet.rows, r, cols.note) });
  }
  if (out.length === 0) {
    if (!log.hasErrors) log.error('empty-block', sheet.name, address(block.titleRow, 0), null, { block: BLOCK_LABEL.grades });
    return out;
  }
  const last = out[out.length - 1];
  const lastRow = last.row;
  if (last.maxPct !== null || last.count !== null || last.minScore !== null) {
    const c = last.count !== null ? cols.count : last.maxPct !== null ? cols.maxPct : cols.minScore;
    log.error('last-grade-rule', sheet.name, address(lastRow, c), cellAt(sheet.rows, lastRow, c), { grade: last.name });
  }
  const minSum = out.reduce((a, g) => a + (g.minPct ?? 0), 0);
  if (minSum > 100 + 1e-9) log.warn('share-sum', sheet.name, address(block.titleRow, 0), null, { sum: Number(minSum.toFixed(6)) });
  return out;
}

function parseCategories(sheet: SheetData, block: Block | undefined, log: IssueLog): Category[] {
  if (!block) return [];
  const decls = [
    { field: 'name', names: ['类别', 'Category'], required: true },
    { field: 'kind', names: ['类型', 'Type'], required: true },
    { field: 'eventCap', names: ['单项上限', 'Per-event cap', 'Event cap'] },
    { field: 'totalCap', names: ['累计上限', 'Total cap', 'Category cap'] },
    { field: 'veto', names: ['计入否决', 'Counts toward veto', 'Veto'] },
  ] as const satisfies readonly ColumnDecl<string>[];
  const { cols, ok } = blockRows(sheet, block, decls, log);
  if (!ok) return [];
  const rd: RowReader = { sheet: sheet.name, rows: sheet.rows, log };
  const kindOf = aliasTable([
    ['bonus', ['加分', 'bonus']],
    ['deduction', ['扣分', '减分', 'deduction']],
  ] as const);
  const yesNo = aliasTable([
    [true, ['是', 'yes', 'true', 'Y']],
    [false, ['否', 'no', 'false', 'N']],
  ] as const);
  const out: Category[] = [];
  const names = new Set<string>();
  for (const r of block.dataRows) {
    const name = textAt(sheet.rows, r, cols.name);
    if (name === '') {
      log.error('blank-name', sheet.name, address(r, cols.name), null, { what: '类别' });
      continue;
    }
    if (names.has(matchKey(name))) log.error('duplicate-name', sheet.name, address(r, cols.name), name, { what: '类别' });
    names.add(matchKey(name));
    const kindText = textAt(sheet.rows, r, cols.kind);
    const kind = kindOf(kindText);
    if (!kind) log.error('bad-category-type', sheet.name, address(r, cols.kind), kindText, { category: name });
    const eventCap = blockNumber(rd, r, cols.eventCap, '单项上限', (v) => v >= 0, '≥ 0');
    const totalCap = blockNumber(rd, r, cols.totalCap, '累计上限', (v) => v >= 0, '≥ 0');
    const vetoText = textAt(sheet.rows, r, cols.veto);
    const veto = vetoText === '' ? false : yesNo(vetoText);
    if (veto === undefined) log.error('bad-yes-no', sheet.name, address(r, cols.veto), vetoText, { column: '计入否决' });
    if (veto && kind === 'bonus') log.warn('veto-on-bonus', sheet.name, address(r, cols.veto), vetoText, { category: name });
    if (!kind || eventCap === undefined || totalCap === undefined) continue;
    out.push({ name, kind, eventCap, totalCap, countsTowardVeto: veto === true && kind === 'deduction' });
  }
  return out;
}

/** Parses 考核方案. Returns the scheme; problems go to `log`. */
export function parseScheme(sheet: SheetData, fileTitle: string, log: IssueLog): Scheme {
  const blocks = findBlocks(sheet, log);
  const settings = parseSettings(sheet, blocks.get('settings'), fileTitle, log);
  const dimensions = parseDimensions(sheet, blocks.get('dimensions'), log);
  const indicators = parseIndicators(sheet, blocks.get('indicators'), dimensions, blocks.has('dimensions'), log);
  const grades = parseGrades(sheet, blocks.get('grades'), log);
  const categories = parseCategories(sheet, blocks.get('categories'), log);
  checkTieBreakers(sheet, blocks.get('settings'), settings, dimensions, indicators, log);
  return { settings, dimensions, indicators, grades, categories };
}

/** 同分依据 must name dimensions or indicators; names are normalised to their canonical spelling. */
function checkTieBreakers(
  sheet: SheetData,
  block: Block | undefined,
  settings: Settings,
  dims: readonly Dimension[],
  inds: readonly Indicator[],
  log: IssueLog,
): void {
  if (settings.tieBreakers.length === 0) return;
  const known = new Map<string, string>();
  for (const i of inds) known.set(matchKey(i.name), i.name);
  for (const d of dims) known.set(matchKey(d.name), d.name);
  // display-only dimension labels of the points model can be tie-breakers too
  for (const i of inds) if (i.dimension && !known.has(matchKey(i.dimension))) known.set(matchKey(i.dimension), i.dimension);
  const cell = block ? findSettingCell(sheet, block, '同分依据') : '';
  settings.tieBreakers = settings.tieBreakers.flatMap((name) => {
    const canonical = known.get(matchKey(name));
    if (!canonical) {
      log.error('unknown-tie-breaker', sheet.name, cell, name, { name });
      return [];
    }
    return [canonical];
  });
}

function findSettingCell(sheet: SheetData, block: Block, key: string): string {
  const cols = mapColumns(sheet.rows[block.headerRow] ?? [], SETTINGS_COLUMNS);
  for (const r of block.dataRows) {
    if (settingKey(textAt(sheet.rows, r, cols.key)) === settingKey(key)) return address(r, cols.value);
  }
  return '';
}
