// 考核方案: the rules, in blocks (contract section 2).
import { address, cellText, isBlank, IssueLog } from './cells';
import type { IssueCode } from '../i18n/messages';
import * as X from './exact';
import { cleanNumber } from './exact';
import {
  CAP_SCOPES,
  choicesOf,
  CYCLES,
  MISSING_PERIODS,
  QUOTA_ROUNDINGS,
  RANKING_METHODS,
  ROLLUPS,
  SOURCES,
  TIE_POLICIES,
  type IndicatorSource,
} from './policies';
import { cellAt, looksLikeFraction, mapColumns, readNumber, requireColumns, splitList, textAt, type ColumnDecl } from './table';
import { aliasTable, foldWidth, matchKey, trimName } from './text';
import type {
  AdjustmentKind,
  BallotOption,
  Category,
  CellValue,
  Cycle,
  Dimension,
  GradeRule,
  Indicator,
  OptionalSheet,
  Period,
  RaterCategory,
  Scheme,
  Tier,
  Settings,
  SheetData,
} from './types';

export const SCHEME_SHEET = '考核方案';
export const DEFAULT_SIGNATURE = '制表人：　　　　　审核人：　　　　　日期：';
export const ALL_OPTIONAL_SHEETS: readonly OptionalSheet[] = ['notice', 'analysis', 'reports'];

type BlockName = 'settings' | 'dimensions' | 'indicators' | 'grades' | 'categories' | 'periods' | 'raters' | 'ballot' | 'tiers';

const blockTitle = aliasTable<BlockName>([
  ['settings', ['设置', 'Settings']],
  ['dimensions', ['维度', 'Dimensions']],
  ['indicators', ['指标', 'Indicators']],
  ['grades', ['等次', 'Grades']],
  ['categories', ['加减分类别', 'Adjustment categories', 'Categories']],
  ['periods', ['期间', 'Periods']],
  ['raters', ['评议', '评议权重', 'Raters', 'Rater categories']],
  ['ballot', ['测评折算', '测评', 'Ballot values', 'Ballot']],
  ['tiers', ['梯队', 'Tiers', 'Rank bands']],
]);

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

type SettingParser = (value: CellValue, s: Settings, fail: (code: IssueCode, params?: Record<string, string | number>) => void) => void;

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
const YES_NO = [
  [true, ['是', 'yes', 'true', 'Y']],
  [false, ['否', 'no', 'false', 'N']],
] as const;
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
  [['公示总分', 'Notice shows total'], choice(YES_NO, (s, v) => (s.noticeShowsTotal = v))],
  [['公示说明', 'Notice text'], text((s, v) => (s.noticeText = v))],
  [['公示期', 'Notice period'], text((s, v) => (s.noticePeriod = v))],
  [['名次差距', 'Gaps', '差距列'], choice(YES_NO, (s, v) => (s.showGaps = v))],
  [['监督电话', 'Notice phone'], text((s, v) => (s.noticePhone = v))],
  [['期间汇总', 'Period roll-up'], choice(choicesOf(ROLLUPS), (s, v) => (s.rollup = v))],
  [['缺期处理', 'Missing periods'], choice(choicesOf(MISSING_PERIODS), (s, v) => (s.missingPeriod = v))],
  [['否决延续', 'Period vetoes carry'], choice(YES_NO, (s, v) => (s.vetoCarries = v))],
  [['加减分上限范围', 'Cap scope'], choice(choicesOf(CAP_SCOPES), (s, v) => (s.capScope = v))],
  [['负责人计分', 'Head scoring'], headRule],
  [['满意率选项', 'Satisfied options'], (value, s) => (s.satisfiedOptions = splitList(cellText(value)))],
];

/**
 * 负责人计分 = 本人50%+部门平均50%: the head's own share and the department's, adding up to 100
 * (否 or 无: heads score as everyone).
 */
function headRule(value: CellValue, s: Settings, fail: (code: IssueCode, params?: Record<string, string | number>) => void): void {
  const text = foldWidth(cellText(value)).replace(/\s/g, '');
  if (NONE.has(matchKey(text)) || matchKey(text) === '否') {
    s.headOwnShare = null;
    return;
  }
  const own = /本人(?:总分|得分)?(\d+(?:\.\d+)?)%/.exec(text);
  const rest = /平均(?:分)?(\d+(?:\.\d+)?)%/.exec(text);
  if (!own || !rest || Number(own[1]) + Number(rest[1]) !== 100 || Number(own[1]) <= 0) fail('bad-setting', { allowed: '本人50%+部门平均50%' });
  else s.headOwnShare = Number(own[1]);
}

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
    noticePeriod: '',
    showGaps: false,
    noticePhone: '',
    rollup: 'mean',
    missingPeriod: 'average',
    vetoCarries: true,
    capScope: 'period',
    headOwnShare: null,
    satisfiedOptions: [],
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
  if (!requireColumns(cols, SETTINGS_COLUMNS, log, sheet.name, block.headerRow, { block: 'settings' })) return s;
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

/** A column of a block: its header names (the first names it in messages) and how a cell is read. */
interface BlockField<V> {
  readonly names: readonly string[];
  /** the header must have it */
  readonly required?: boolean;
  /** the cell's value; undefined after an error at the cell (`name`: the row's) */
  readonly read: (rd: RowReader, r: number, c: number, column: string, name: string) => V;
}

type Values<F> = { [K in keyof F]: F[K] extends BlockField<infer V> ? V : never };

interface BlockAt<F> {
  readonly rd: RowReader;
  readonly cols: Record<keyof F, number>;
  readonly titleCell: string;
}

/**
 * A block of 考核方案 as one declaration: its columns and how each cell is read, then the item a
 * row makes. The reader does what every block shares: the header, blank and repeated names, the
 * cells in column order.
 */
interface BlockDecl<F extends { name: BlockField<string> }, T> {
  readonly block: BlockName;
  /** a missing block is an error (else the block is optional) */
  readonly required: boolean;
  /** a repeated name skips its row too (else it is only reported) */
  readonly skipRepeated?: boolean;
  readonly fields: F;
  /** the item from the row's values, with checks across columns; undefined leaves the row out */
  readonly item: (v: Values<F>, r: number, at: BlockAt<F>) => T | undefined;
  /** checks over the whole block */
  readonly after?: (items: readonly T[], at: BlockAt<F>) => void;
}

function readBlock<F extends { name: BlockField<string> }, T>(
  sheet: SheetData,
  blocks: ReadonlyMap<BlockName, Block>,
  decl: BlockDecl<F, T>,
  log: IssueLog,
): T[] {
  const block = blocks.get(decl.block);
  if (!block) {
    if (decl.required) log.error('missing-block', sheet.name, '', null, { block: decl.block });
    return [];
  }
  const fields = Object.entries(decl.fields) as [keyof F & string, BlockField<unknown>][];
  const columns = fields.map(([field, f]) => ({ field, names: f.names, required: f.required }));
  const cols = mapColumns(sheet.rows[block.headerRow] ?? [], columns) as Record<keyof F, number>;
  const ok = block.headerRow >= 0 && requireColumns(cols, columns, log, sheet.name, block.headerRow, { block: block.name });
  if (!ok) return [];
  const at: BlockAt<F> = { rd: { sheet: sheet.name, rows: sheet.rows, log }, cols, titleCell: address(block.titleRow, 0) };
  const what = decl.block;
  const seen = new Set<string>();
  const out: T[] = [];
  for (const r of block.dataRows) {
    const name = textAt(sheet.rows, r, cols.name);
    if (name === '') {
      log.error('blank-name', sheet.name, address(r, cols.name), null, { what });
      continue;
    }
    if (seen.has(matchKey(name))) {
      log.error('duplicate-name', sheet.name, address(r, cols.name), name, { what });
      if (decl.skipRepeated) continue;
    }
    seen.add(matchKey(name));
    const values: Record<string, unknown> = { name };
    for (const [field, f] of fields) if (field !== 'name') values[field] = f.read(at.rd, r, cols[field], f.names[0], name);
    const item = decl.item(values as Values<F>, r, at);
    if (item !== undefined) out.push(item);
  }
  decl.after?.(out, at);
  return out;
}

const textCell: BlockField<string>['read'] = (rd, r, c) => textAt(rd.rows, r, c);

/**
 * A number: undefined after an error when the cell is not a valid number (or is blank and
 * `required`). A `percent` column takes percent points: 20% (or 20) is 20; a plain 0.2 is read
 * as 0.2 with a warning.
 */
function numberCell(
  check: (v: number) => boolean,
  rule: string,
  options: { percent?: boolean; required?: boolean } = {},
): BlockField<number | null | undefined>['read'] {
  return (rd, r, c, column) => {
    const v = cellAt(rd.rows, r, c);
    const read = readNumber(v, options.percent);
    if (!read.ok || (read.value !== null && !check(read.value))) {
      rd.log.error('bad-number', rd.sheet, address(r, c), v, { column, rule });
      return undefined;
    }
    if (options.percent && looksLikeFraction(v, read.value))
      rd.log.warn('percent-as-fraction', rd.sheet, address(r, c), v, { column, value: read.value!, percent: cleanNumber(read.value! * 100) });
    if (read.value === null && options.required) {
      rd.log.error('bad-number', rd.sheet, address(r, c), null, { column, rule });
      return undefined;
    }
    return read.value;
  };
}

/** A choice from an alias table; blank is `blank`; anything else unknown is an error. */
function choiceCell<V>(
  table: ReadonlyArray<readonly [V, readonly string[]]>,
  blank: V | undefined,
  fail: (rd: RowReader, r: number, c: number, text: string, column: string, name: string) => void,
): BlockField<V | undefined>['read'] {
  const lookup = aliasTable(table);
  return (rd, r, c, column, name) => {
    const text = textAt(rd.rows, r, c);
    const v = text === '' && blank !== undefined ? blank : lookup(text);
    if (v === undefined) fail(rd, r, c, text, column, name);
    return v;
  };
}

/** 周期: blank is every period; an unknown word is an error at its cell. */
const CYCLE_FIELD: BlockField<Cycle | undefined> = {
  names: ['周期', 'Cycle', '考核周期'],
  read: choiceCell(choicesOf(CYCLES), 'period', (rd, r, c, text, _, name) => rd.log.error('bad-cycle', rd.sheet, address(r, c), text, { name })),
};

/** 来源: blank is typed in 评分表; an unknown word is an error at its cell. */
const SOURCE_FIELD: BlockField<IndicatorSource | undefined> = {
  names: ['来源', 'Source', '计分方式', '得分来源'],
  read: choiceCell(choicesOf(SOURCES), 'typed', (rd, r, c, text, _, name) => rd.log.error('bad-source', rd.sheet, address(r, c), text, { indicator: name })),
};

const DIMENSIONS = {
  block: 'dimensions',
  required: false,
  fields: {
    name: { names: ['维度', 'Dimension', '一级指标'], required: true, read: textCell },
    weight: {
      names: ['权重', 'Weight', '权重(%)'],
      required: true,
      read: numberCell((v) => v > 0 && v <= 100, '0 < 权重 ≤ 100', { percent: true, required: true }),
    },
    cycle: CYCLE_FIELD,
  },
  // a 周期 in error is reported; the dimension stays, so its indicators are not errors as well
  item: ({ name, weight, cycle }) => (weight == null ? undefined : { name, weight, cycle: cycle ?? 'period' }),
  after: (dims, { rd, titleCell }) => {
    let sum = 0;
    for (const d of dims) sum += d.weight;
    if (dims.length === 0) rd.log.error('empty-block', rd.sheet, titleCell, null, { block: 'dimensions' });
    else if (Math.abs(sum - 100) > 0.01 + 1e-9) rd.log.error('weights-sum', rd.sheet, titleCell, null, { sum: Number(sum.toFixed(6)) });
  },
} as const satisfies BlockDecl<{ name: BlockField<string>; weight: BlockField<number | null | undefined>; cycle: BlockField<Cycle | undefined> }, Dimension>;

function indicatorsBlock(dims: readonly Dimension[], hasDimensionBlock: boolean) {
  const dimByKey = new Map(dims.map((d) => [matchKey(d.name), d]));
  return {
    block: 'indicators',
    required: true,
    skipRepeated: true,
    fields: {
      code: { names: ['编号', 'Code', 'No.', 'ID', '序号'], read: textCell },
      dimension: { names: ['维度', 'Dimension', '一级指标'], read: textCell },
      name: { names: ['指标', 'Indicator', '指标名称', '二级指标'], required: true, read: textCell },
      points: { names: ['分值', 'Points', '满分', 'Max'], required: true, read: numberCell((v) => v > 0, '> 0', { required: true }) },
      lead: { names: ['牵头部门', 'Lead department', '责任单位', '考核部门'], read: textCell },
      criteria: { names: ['评分标准', 'Criteria', '考核内容'], read: textCell },
      // blank: its dimension's 周期
      cycle: { ...CYCLE_FIELD, read: (rd, r, c, column, name) => (textAt(rd.rows, r, c) === '' ? null : CYCLE_FIELD.read(rd, r, c, column, name)) },
      source: SOURCE_FIELD,
    },
    item: ({ code, dimension, name, points, lead, criteria, cycle, source }, r, { rd, cols }) => {
      let dim = dimension;
      let dimCycle: Cycle = 'period';
      if (hasDimensionBlock) {
        const known = dimByKey.get(matchKey(dimension));
        if (dimension === '')
          rd.log.error('indicator-without-dimension', rd.sheet, address(r, cols.dimension < 0 ? cols.name : cols.dimension), null, { indicator: name });
        else if (!known) rd.log.error('unknown-dimension', rd.sheet, address(r, cols.dimension), dimension, { indicator: name });
        else {
          dim = known.name;
          dimCycle = known.cycle;
        }
      }
      // a weighted dimension's score is a rate over all its indicators: they share its 周期
      if (hasDimensionBlock && cycle && cycle !== dimCycle)
        rd.log.error('cycle-differs', rd.sheet, address(r, cols.cycle), textAt(rd.rows, r, cols.cycle), { indicator: name, dimension: dim });
      if (points == null || cycle === undefined || source === undefined) return undefined;
      return { code, name, dimension: dim, points, lead, criteria, cycle: cycle ?? dimCycle, source };
    },
    after: (out, { rd, titleCell }) => {
      if (out.length === 0 && !rd.log.hasErrors) rd.log.error('empty-block', rd.sheet, titleCell, null, { block: 'indicators' });
      for (const d of dims) {
        if (hasDimensionBlock && !out.some((i) => i.dimension === d.name))
          rd.log.error('dimension-without-indicators', rd.sheet, titleCell, null, { dimension: d.name });
      }
    },
  } as const satisfies BlockDecl<
    {
      code: BlockField<string>;
      dimension: BlockField<string>;
      name: BlockField<string>;
      points: BlockField<number | null | undefined>;
      lead: BlockField<string>;
      criteria: BlockField<string>;
      cycle: BlockField<Cycle | null | undefined>;
      source: BlockField<IndicatorSource | undefined>;
    },
    Indicator
  >;
}

const percentPoints = (v: number) => v >= 0 && v <= 100;

const GRADES = {
  block: 'grades',
  required: true,
  fields: {
    name: { names: ['等次', 'Grade', '等级'], required: true, read: textCell },
    maxPct: { names: ['比例上限', 'Max %', 'Max share', '比例'], read: numberCell(percentPoints, '0–100', { percent: true }) },
    minPct: { names: ['比例下限', 'Min %', 'Min share'], read: numberCell(percentPoints, '0–100', { percent: true }) },
    count: { names: ['名额', 'Quota', 'Count', '人数'], read: numberCell((v) => Number.isInteger(v) && v >= 0, '≥ 0, whole') },
    minScore: { names: ['最低分', 'Min score', '分数线'], read: numberCell(() => true, '') },
    note: { names: ['说明', 'Note', '备注'], read: textCell },
  },
  item: ({ name, maxPct, minPct, count, minScore, note }, r, { rd, cols }) => {
    if (maxPct === undefined || minPct === undefined || count === undefined || minScore === undefined) return undefined;
    // whether the shares can be met is judged on the counts for the actual N (checkGradeRules)
    if (maxPct !== null && minPct !== null && minPct > maxPct)
      rd.log.warn('share-order', rd.sheet, address(r, cols.minPct), cellAt(rd.rows, r, cols.minPct), { grade: name, min: minPct, max: maxPct });
    if (count !== null && maxPct !== null) rd.log.warn('quota-both', rd.sheet, address(r, cols.maxPct), maxPct, { grade: name });
    return { name, row: r, maxPct, minPct, count, minScore, note };
  },
  after: (out, { rd, cols, titleCell }) => {
    if (out.length === 0) {
      if (!rd.log.hasErrors) rd.log.error('empty-block', rd.sheet, titleCell, null, { block: 'grades' });
      return;
    }
    const last = out[out.length - 1];
    if (last.maxPct !== null || last.count !== null || last.minScore !== null) {
      const c = last.count !== null ? cols.count : last.maxPct !== null ? cols.maxPct : cols.minScore;
      rd.log.error('last-grade-rule', rd.sheet, address(last.row, c), cellAt(rd.rows, last.row, c), { grade: last.name });
    }
    const minSum = out.reduce((a, g) => a + (g.minPct ?? 0), 0);
    if (minSum > 100 + 1e-9) rd.log.warn('share-sum', rd.sheet, titleCell, null, { sum: Number(minSum.toFixed(6)) });
  },
} as const satisfies BlockDecl<
  {
    name: BlockField<string>;
    maxPct: BlockField<number | null | undefined>;
    minPct: BlockField<number | null | undefined>;
    count: BlockField<number | null | undefined>;
    minScore: BlockField<number | null | undefined>;
    note: BlockField<string>;
  },
  GradeRule
>;

const CATEGORIES = {
  block: 'categories',
  required: false,
  fields: {
    name: { names: ['类别', 'Category'], required: true, read: textCell },
    kind: {
      names: ['类型', 'Type'],
      required: true,
      read: choiceCell<AdjustmentKind>(
        [
          ['bonus', ['加分', 'bonus']],
          ['deduction', ['扣分', '减分', 'deduction']],
        ],
        undefined,
        (rd, r, c, text, _, name) => rd.log.error('bad-category-type', rd.sheet, address(r, c), text, { category: name }),
      ),
    },
    eventCap: { names: ['单项上限', 'Per-event cap', 'Event cap'], read: numberCell((v) => v >= 0, '≥ 0') },
    totalCap: { names: ['累计上限', 'Total cap', 'Category cap'], read: numberCell((v) => v >= 0, '≥ 0') },
    veto: {
      names: ['计入否决', 'Counts toward veto', 'Veto'],
      read: choiceCell<boolean>(YES_NO, false, (rd, r, c, text, column) => rd.log.error('bad-yes-no', rd.sheet, address(r, c), text, { column })),
    },
  },
  item: ({ name, kind, eventCap, totalCap, veto }, r, { rd, cols }) => {
    if (veto && kind === 'bonus') rd.log.warn('veto-on-bonus', rd.sheet, address(r, cols.veto), textAt(rd.rows, r, cols.veto), { category: name });
    if (!kind || eventCap === undefined || totalCap === undefined) return undefined;
    return { name, kind, eventCap, totalCap, countsTowardVeto: veto === true && kind === 'deduction' };
  },
} as const satisfies BlockDecl<
  {
    name: BlockField<string>;
    kind: BlockField<AdjustmentKind | undefined>;
    eventCap: BlockField<number | null | undefined>;
    totalCap: BlockField<number | null | undefined>;
    veto: BlockField<boolean | undefined>;
  },
  Category
>;

/** 【评议】: 类别 | 权重(%) | 去掉最高最低 | 最少人数. Weights add up to 100; 0 is for reference only. */
const RATERS = {
  block: 'raters',
  required: false,
  skipRepeated: true,
  fields: {
    name: { names: ['类别', '评议类别', 'Category'], required: true, read: textCell },
    weight: { names: ['权重', 'Weight', '权重(%)'], required: true, read: numberCell(percentPoints, '0–100', { percent: true, required: true }) },
    trim: {
      names: ['去掉最高最低', '去掉最高分和最低分', 'Trim'],
      read: choiceCell<boolean>(YES_NO, false, (rd, r, c, text, column) => rd.log.error('bad-yes-no', rd.sheet, address(r, c), text, { column })),
    },
    minRaters: { names: ['最少人数', 'Minimum raters'], read: numberCell((v) => Number.isInteger(v) && v >= 1, '≥ 1 的整数') },
  },
  item: ({ name, weight, trim, minRaters }) =>
    weight == null || trim === undefined || minRaters === undefined ? undefined : { name, weight, trim, minRaters: minRaters ?? 1 },
  after: (cats, { rd, titleCell }) => {
    const sum = X.toNumber(X.exactSum(cats.map((c) => c.weight)));
    if (cats.length > 0 && Math.abs(sum - 100) > 1e-9) rd.log.error('rater-weights-sum', rd.sheet, titleCell, null, { sum });
  },
} as const satisfies BlockDecl<
  {
    name: BlockField<string>;
    weight: BlockField<number | null | undefined>;
    trim: BlockField<boolean | undefined>;
    minRaters: BlockField<number | null | undefined>;
  },
  RaterCategory
>;

/** 【测评折算】: 选项 | 分值, best first (优秀 100, 称职 80, 基本称职 60, 不称职 0). */
const BALLOT = {
  block: 'ballot',
  required: false,
  skipRepeated: true,
  fields: {
    name: { names: ['选项', '测评等次', 'Option'], required: true, read: textCell },
    value: { names: ['分值', '折算分', 'Value', 'Points'], required: true, read: numberCell((v) => v >= 0, '≥ 0', { required: true }) },
  },
  item: ({ name, value }) => (value == null ? undefined : { name, value }),
  after: (options, { rd, titleCell }) => {
    if (options.length > 0 && options.every((o) => o.value === 0)) rd.log.error('ballot-all-zero', rd.sheet, titleCell, null, {});
  },
} as const satisfies BlockDecl<{ name: BlockField<string>; value: BlockField<number | null | undefined> }, BallotOption>;

/** 【梯队】: 名次起 | 名次止 | 梯队; bands may leave ranks out but may not overlap. */
const TIERS = {
  block: 'tiers',
  required: false,
  skipRepeated: true,
  fields: {
    name: { names: ['梯队', 'Tier', '名称'], required: true, read: textCell },
    from: { names: ['名次起', '起', 'From'], required: true, read: numberCell((v) => Number.isInteger(v) && v >= 1, '≥ 1 的整数', { required: true }) },
    to: { names: ['名次止', '止', 'To'], read: numberCell((v) => Number.isInteger(v) && v >= 1, '≥ 1 的整数') },
  },
  item: ({ name, from, to }, r, { rd, cols }) => {
    if (from == null || to === undefined) return undefined;
    const last = to ?? Number.MAX_SAFE_INTEGER;
    if (last < from) {
      rd.log.error('bad-number', rd.sheet, address(r, cols.to), to, { column: '名次止', rule: '≥ 名次起' });
      return undefined;
    }
    return { name, from, to: last };
  },
  after: (tiers, { rd, titleCell }) => {
    const sorted = [...tiers].sort((x, y) => x.from - y.from);
    for (let k = 1; k < sorted.length; k++)
      if (sorted[k].from <= sorted[k - 1].to) rd.log.error('tiers-overlap', rd.sheet, titleCell, null, { first: sorted[k - 1].name, second: sorted[k].name });
  },
} as const satisfies BlockDecl<{ name: BlockField<string>; from: BlockField<number | null | undefined>; to: BlockField<number | null | undefined> }, Tier>;

/** 【期间】: 期间 | 工作表 | 权重(%). 权重 is needed, adding up to 100, when 期间汇总 is 加权. */
/** The 【期间】 whose sheet holds the 年度 dimensions: named 年度 (or 2026年度, 全年). */
export function namesTheYear(period: string): boolean {
  const key = matchKey(period);
  return key.endsWith('年度') || CYCLES.year.names.some((n) => matchKey(n) === key);
}

/** `splitCycles`: some indicators are 年度 and others every period; one period then holds the 年度 ones. */
function periodsBlock(settings: Settings, splitCycles: boolean) {
  const weighted = ROLLUPS[settings.rollup].weighted;
  return {
    block: 'periods',
    required: false,
    skipRepeated: true,
    fields: {
      name: { names: ['期间', 'Period', '考核期间'], required: true, read: textCell },
      sheet: { names: ['工作表', 'Sheet', '评分表'], required: true, read: textCell },
      weight: { names: ['权重', 'Weight', '权重(%)'], read: numberCell((v) => v > 0 && v <= 100, '0 < 权重 ≤ 100', { percent: true }) },
    },
    item: ({ name, sheet, weight }, r, { rd, cols }) => {
      const annual = splitCycles && namesTheYear(name);
      if (sheet === '') rd.log.error('period-without-sheet', rd.sheet, address(r, cols.sheet), null, { period: name });
      if (weighted && weight === null && !annual)
        rd.log.error('period-without-weight', rd.sheet, address(r, cols.weight < 0 ? cols.name : cols.weight), null, { period: name });
      if (sheet === '' || weight === undefined) return undefined;
      return { name, sheet, weight: annual ? null : weight, sheetCell: address(r, cols.sheet), annual };
    },
    after: (periods, { rd, titleCell }) => {
      const seen = new Map<string, string>();
      for (const p of periods) {
        const first = seen.get(matchKey(p.sheet));
        if (first !== undefined) rd.log.error('period-sheet-twice', rd.sheet, p.sheetCell, p.sheet, { sheet: p.sheet, period: p.name, first });
        else seen.set(matchKey(p.sheet), p.name);
      }
      if (periods.length === 0 && !rd.log.hasErrors) rd.log.error('empty-block', rd.sheet, titleCell, null, { block: 'periods' });
      const annual = periods.filter((p) => p.annual);
      if (splitCycles && periods.length > 0 && annual.length !== 1)
        rd.log.error('annual-period', rd.sheet, annual[1]?.sheetCell ?? titleCell, null, { found: annual.map((p) => p.name) });
      if (splitCycles && periods.length > 0 && annual.length === periods.length) rd.log.error('no-periodic-period', rd.sheet, titleCell, null, {});
      const rolled = periods.filter((p) => !p.annual);
      const sum = rolled.reduce((a, p) => a + (p.weight ?? 0), 0);
      if (weighted && rolled.every((p) => p.weight !== null) && rolled.length > 0 && Math.abs(sum - 100) > 0.01 + 1e-9)
        rd.log.error('period-weights-sum', rd.sheet, titleCell, null, { sum: Number(sum.toFixed(6)) });
    },
  } as const satisfies BlockDecl<{ name: BlockField<string>; sheet: BlockField<string>; weight: BlockField<number | null | undefined> }, Period>;
}

/**
 * What the periodic dimensions weigh in the year, in percent: their combined 权重 when others are
 * 年度; 100 otherwise, and in the points model (its points add up as they are).
 */
export function periodicWeight(scheme: Pick<Scheme, 'indicators' | 'dimensions'>): number {
  if (scheme.dimensions.length === 0 || !splitsCycles(scheme)) return 100;
  return X.toNumber(X.exactSum(scheme.dimensions.filter((d) => d.cycle === 'period').map((d) => d.weight)));
}

/**
 * The indicators a workbook's results are made of: every one with 【期间】 (the 年度 ones from the
 * 年度 sheet), else those 评分表 carries (a single period of a scheme with 年度 dimensions lacks them).
 */
export function indicatorsScored(scheme: Pick<Scheme, 'indicators' | 'periods'>): number[] {
  return scheme.periods.length > 0 ? scheme.indicators.map((_, i) => i) : indicatorsOn(scheme, 'period');
}

/** Whether some indicators are scored once a year (周期 = 年度) and others every period. */
export function splitsCycles(scheme: Pick<Scheme, 'indicators'>): boolean {
  return scheme.indicators.some((i) => i.cycle === 'year') && scheme.indicators.some((i) => i.cycle === 'period');
}

/**
 * The indicators a sheet carries: a period's sheet (or 评分表) the periodic ones, the 年度
 * period's sheet the 年度 ones; every indicator when the scheme does not split its cycles.
 */
export function indicatorsOn(scheme: Pick<Scheme, 'indicators'>, cycle: Cycle): number[] {
  const split = splitsCycles(scheme);
  return scheme.indicators.flatMap((ind, i) => (!split || ind.cycle === cycle ? [i] : []));
}

/** Whether 考核方案 has a 【期间】 block (its blocks found, nothing read). */
export function listsPeriods(sheet: SheetData): boolean {
  return findBlocks(sheet, new IssueLog()).has('periods');
}

/** The sheets 【期间】 lists, read quickly before the whole assessment (hosts read them next). */
export function periodSheetNames(sheet: SheetData): string[] {
  return parseScheme(sheet, '', new IssueLog()).periods.map((p) => p.sheet);
}

/** Parses 考核方案. Returns the scheme; problems go to `log`. */
export function parseScheme(sheet: SheetData, fileTitle: string, log: IssueLog): Scheme {
  const blocks = findBlocks(sheet, log);
  const settings = parseSettings(sheet, blocks.get('settings'), fileTitle, log);
  const dimensions = readBlock(sheet, blocks, DIMENSIONS, log);
  const indicators = readBlock(sheet, blocks, indicatorsBlock(dimensions, blocks.has('dimensions')), log);
  const grades = readBlock(sheet, blocks, GRADES, log);
  const categories = readBlock(sheet, blocks, CATEGORIES, log);
  const periods = readBlock(sheet, blocks, periodsBlock(settings, splitsCycles({ indicators })), log);
  const raters = readBlock(sheet, blocks, RATERS, log);
  const ballotOptions = readBlock(sheet, blocks, BALLOT, log);
  const tiers = readBlock(sheet, blocks, TIERS, log);
  checkTieBreakers(sheet, blocks.get('settings'), settings, dimensions, indicators, periods, log);
  checkSources(sheet.name, indicators, { raters, ballotOptions, periods }, settings, log);
  return { settings, dimensions, indicators, grades, categories, periods, raters, ballotOptions, tiers };
}

/** An indicator 评议 needs 【评议】, one 测评 needs 【测评折算】; neither is read period by period yet. */
function checkSources(
  sheet: string,
  indicators: readonly Indicator[],
  blocks: Pick<Scheme, 'raters' | 'ballotOptions' | 'periods'>,
  settings: Settings,
  log: IssueLog,
): void {
  for (const ind of indicators) {
    if (ind.source === 'rated' && blocks.raters.length === 0) log.error('rated-without-raters', sheet, '', null, { indicator: ind.name });
    if (ind.source === 'ballot' && blocks.ballotOptions.length === 0) log.error('ballot-without-values', sheet, '', null, { indicator: ind.name });
    if (ind.source !== 'typed' && blocks.periods.length > 0) log.error('derived-with-periods', sheet, '', null, { indicator: ind.name });
  }
  const known = new Set(blocks.ballotOptions.map((o) => matchKey(o.name)));
  const unknown = settings.satisfiedOptions.filter((o) => !known.has(matchKey(o)));
  if (unknown.length > 0) log.error('unknown-satisfied-option', sheet, '', null, { options: unknown });
}

/** 同分依据 must name dimensions, indicators or periods; names are normalised to their canonical spelling. */
function checkTieBreakers(
  sheet: SheetData,
  block: Block | undefined,
  settings: Settings,
  dims: readonly Dimension[],
  inds: readonly Indicator[],
  periods: readonly Period[],
  log: IssueLog,
): void {
  if (settings.tieBreakers.length === 0) return;
  const known = new Map<string, string>();
  for (const p of periods) known.set(matchKey(p.name), p.name);
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

/**
 * 考核方案's rows with settings given values (keys by their names, e.g. 考核期间): set where
 * 【设置】 has the key, else added at the end of 【设置】 (a new 【设置】 on top when it has none).
 */
export function withSettings(sheet: SheetData, values: readonly (readonly [string, CellValue])[]): CellValue[][] {
  const rows = sheet.rows.map((row) => [...row]);
  const block = findBlocks(sheet, new IssueLog()).get('settings');
  if (!block || block.headerRow < 0) return [['【设置】'], ['项目', '内容'], ...values.map(([k, v]) => [k, v]), [], ...rows];
  const cols = mapColumns(rows[block.headerRow], SETTINGS_COLUMNS);
  const width = Math.max(cols.key, cols.value) + 1;
  const added: CellValue[][] = [];
  for (const [key, value] of values) {
    const r = block.dataRows.find((row) => settingKey(textAt(rows, row, cols.key)) === settingKey(key));
    if (r !== undefined) rows[r][cols.value] = value;
    else {
      const row: CellValue[] = Array.from({ length: width }, () => null);
      row[cols.key] = key;
      row[cols.value] = value;
      added.push(row);
    }
  }
  const after = (block.dataRows.length > 0 ? block.dataRows[block.dataRows.length - 1] : block.headerRow) + 1;
  rows.splice(after, 0, ...added);
  return rows;
}
