// Ready-to-fill workbooks: 考核方案 filled in, 评分表 with headers (and example names), 加减分 headers.
import { ADJUSTMENTS_SHEET } from '../engine/adjustments';
import { CYCLES } from '../engine/policies';
import { DEFAULT_SIGNATURE, namesTheYear, SCHEME_SHEET } from '../engine/scheme';
import { SCORES_SHEET } from '../engine/scores';
import { RATINGS_SHEET } from '../engine/ratings';
import { BALLOTS_SHEET } from '../engine/ballots';
import { FOOTER, textWidth } from './layout';
import type { Cycle } from '../engine/types';
import type { CellStyle, SheetSpec, SpecValue, StyledArea } from './spec';

/** What 考核方案 says, block by block. */
export interface SchemeDraft {
  readonly settings: readonly (readonly [string, SpecValue])[];
  /** 维度, 权重, and optionally 周期 */
  readonly dimensions: readonly (readonly [string, number, string?])[];
  /** 编号, 维度, 指标, 分值, 牵头部门, 评分标准, and optionally 周期 */
  readonly indicators: readonly (readonly [string, string, string, number, string, string, string?])[];
  /** 等次, 比例上限, 比例下限, 名额, 最低分, 说明 */
  readonly grades: readonly (readonly [string, number | null, number | null, number | null, number | null, string])[];
  /** 类别, 类型, 单项上限, 累计上限, 计入否决 */
  readonly categories: readonly (readonly [string, string, number | null, number | null, string])[];
  /** 【期间】: 期间, 工作表, 权重 (the period named 年度 holds the 年度 indicators) */
  readonly periods?: readonly (readonly [string, string, number | null])[];
  /** 来源 of the indicators not typed in 评分表, by indicator name: 评议 or 测评 */
  readonly sources?: Readonly<Record<string, '评议' | '测评'>>;
  /** 【评议】: 类别, 权重, 去掉最高最低, 最少人数, and how many raters of it the template lists per subject */
  readonly raters?: readonly (readonly [string, number, '是' | '否', number, number])[];
  /** 【测评折算】: 选项, 分值 */
  readonly ballot?: readonly (readonly [string, number])[];
}

export interface Preset extends SchemeDraft {
  readonly id: string;
  readonly name: string;
  readonly aliases: readonly string[];
  readonly description: { readonly zh: string; readonly en: string };
  /** example subjects: name and group ('' for none); with 负责人计分 the group is the 部门 and the first of each is its head */
  readonly subjects: readonly (readonly [string, string])[];
  /** which of its numbers come from a real scheme and which are examples (written under 考核方案's title) */
  readonly basis: string;
}

export const PRESETS: readonly Preset[] = [
  {
    id: 'departments',
    name: '市直单位',
    aliases: ['departments', '市直单位考核'],
    description: {
      zh: '市直单位年度/季度考核：百分制指标，一等/二等/三等按比例',
      en: 'City departments: 100 points of indicators, grades 一等/二等/三等 by share',
    },
    settings: [
      ['考核名称', '2026年度市直单位绩效考核'],
      ['考核期间', '2026年度'],
      ['制表单位', '市绩效考评办公室'],
      ['公示期', '2026年12月1日至12月7日（5个工作日，请按实际修改）'],
      ['监督电话', '（请填写监督电话）'],
      ['小数位数', 2],
      ['排名方式', '竞争排名'],
      ['同分处理', '同分同等次'],
      ['缺项处理', '报错'],
    ],
    dimensions: [],
    indicators: [
      ['Z01', '', '目标任务', 40, '市政府办公室', '按年度目标完成情况计分'],
      ['Z02', '', '重点工作', 25, '市委办公室', '按重点工作推进情况计分'],
      ['Z03', '', '依法行政', 10, '市司法局', ''],
      ['Z04', '', '党风廉政', 10, '市纪委监委机关', ''],
      ['Z05', '', '群众评议', 15, '市统计局', '群众满意度测评，按票折算'],
    ],
    sources: { 群众评议: '测评' },
    ballot: [
      ['满意', 100],
      ['比较满意', 80],
      ['一般', 60],
      ['不满意', 0],
    ],
    grades: [
      ['一等', null, null, 18, null, '99个单位中18个'],
      ['二等', null, null, 75, null, '99个单位中75个'],
      ['三等', null, null, null, null, '其余单位（99个单位中6个）；一票否决的单位'],
    ],
    categories: [
      ['表彰奖励', '加分', 2, 3, '否'],
      ['通报批评', '扣分', null, null, '否'],
    ],
    subjects: [
      ['市发展和改革委员会', '经济组'],
      ['市财政局', '经济组'],
      ['市统计局', '经济组'],
      ['市教育局', '社会组'],
      ['市民政局', '社会组'],
      ['市卫生健康委员会', '社会组'],
      ['市委办公室', '综合组'],
      ['市政府办公室', '综合组'],
    ],
    basis:
      '依据：99个市直单位评定一等18个、二等75个、三等6个（名额按此设置，单位数不同时请改名额）；指标、分值、加减分类别和测评选项为示例，请按本地方案修改。',
  },
  {
    id: 'cadres',
    name: '市直干部',
    aliases: ['cadres', '干部', '干部考核'],
    description: {
      zh: '干部年度考核：工作实绩 60 + 民主测评 40（按票折算），优秀/称职/基本称职/不称职按名额（835人：163/658/11/3）',
      en: 'Cadres, yearly: work results 60 + ballot 40 (votes valued); 优秀/称职/基本称职/不称职 by quota (835 people: 163/658/11/3)',
    },
    settings: [
      ['考核名称', '2026年度市直机关干部考核'],
      ['考核期间', '2026年度'],
      ['制表单位', '市委组织部'],
      ['公示期', '2026年12月1日至12月7日（5个工作日，请按实际修改）'],
      ['监督电话', '（请填写监督电话）'],
      ['小数位数', 2],
      ['排名方式', '竞争排名'],
    ],
    dimensions: [],
    indicators: [
      ['Z01', '', '工作实绩', 60, '所在单位', '年度工作目标完成情况'],
      ['Z02', '', '民主测评', 40, '考核组', '本单位干部职工无记名投票'],
    ],
    sources: { 民主测评: '测评' },
    ballot: [
      ['优秀', 100],
      ['称职', 80],
      ['基本称职', 60],
      ['不称职', 0],
    ],
    grades: [
      ['优秀', null, null, 163, null, '835人中163人'],
      ['称职', null, null, 658, null, '835人中658人'],
      ['基本称职', null, null, 11, null, '835人中11人'],
      ['不称职', null, null, null, null, '其余（835人中3人）'],
    ],
    categories: [],
    subjects: [
      ['张伟', '市委办公室'],
      ['王芳', '市委办公室'],
      ['李强', '市财政局'],
      ['刘敏', '市财政局'],
      ['陈磊', '市教育局'],
      ['杨静', '市教育局'],
    ],
    basis: '依据：835名干部评定优秀163人、称职658人、基本称职11人、不称职3人（名额按此设置，人数不同时请改名额）；指标分值和测评折算分值为示例。',
  },
  {
    id: 'bsc',
    name: '平衡计分卡',
    aliases: ['bsc', 'balanced-scorecard', '平衡计分卡考核'],
    description: {
      zh: '干部职工平衡计分卡：关键绩效指标 30、日常工作 50 每季度考核，环境评价 10、学习与成长 10 年度考核一次；年度 = 四季平均 × 80% + 年度维度；其他工作任务最多加 5 分，优秀 ≤15% 且 ≥90 分',
      en: 'Staff balanced scorecard: key results 30 and daily work 50 every quarter, environment 10 and learning 10 once a year; year = mean of quarters × 80% + yearly dimensions; other tasks add at most 5, 优秀 ≤15% and ≥90',
    },
    settings: [
      ['考核名称', '2026年度干部绩效考核'],
      ['考核期间', '2026年度'],
      ['制表单位', '局考核办公室'],
      ['公示期', '2026年12月1日至12月7日（5个工作日，请按实际修改）'],
      ['监督电话', '（请填写监督电话）'],
      ['满分', 100],
      ['小数位数', 2],
      ['排名方式', '竞争排名'],
      ['同分依据', '关键绩效指标'],
      ['负责人计分', '本人50%+部门平均50%'],
    ],
    dimensions: [
      ['关键绩效指标', 30, '季度'],
      ['日常工作', 50, '季度'],
      ['环境评价', 10, '年度'],
      ['学习与成长', 10, '年度'],
    ],
    indicators: [
      ['Z01', '关键绩效指标', '业务指标完成率', 100, '', '按指标完成率计分'],
      ['Z02', '日常工作', '工作数量', 40, '', ''],
      ['Z03', '日常工作', '工作时限', 30, '', ''],
      ['Z04', '日常工作', '工作质量', 30, '', ''],
      ['Z05', '环境评价', '环境评价得分', 100, '', '满意度测评'],
      ['Z06', '学习与成长', '学习培训', 100, '', ''],
    ],
    grades: [
      ['优秀', 15, null, null, 90, '不超过15%，且不低于90分'],
      ['称职', null, null, null, 60, ''],
      ['基本称职', null, null, null, 50, ''],
      ['不称职', null, null, null, null, ''],
    ],
    categories: [['其他工作任务', '加分', null, 5, '否']],
    periods: [
      ['第一季度', '一季度', null],
      ['第二季度', '二季度', null],
      ['第三季度', '三季度', null],
      ['第四季度', '四季度', null],
      ['年度', '年度评价', null],
    ],
    subjects: [
      ['张明', '一科'],
      ['李华', '一科'],
      ['王芳', '一科'],
      ['赵磊', '二科'],
      ['陈静', '二科'],
      ['刘洋', '二科'],
    ],
    basis:
      '依据：某市税务局平衡计分卡，关键业绩指标30、日常工作50、环境评价10、学习与成长10（满分100，两位小数），其他工作任务最多加5分，部门负责人季度得分为本人50%+部门其他人员平均50%；指标细项、等次分数线和优秀比例为示例。',
  },
  {
    id: 'groups1000',
    name: '分组千分制',
    aliases: ['groups1000', 'grouped-1000', '千分制'],
    description: {
      zh: '局属单位分组千分制：公共目标、业务目标每半年各 150 分、两期相加，执行力建设 400 分全年逐项记分、年终汇总；分组评等，≥800 合格，否决类扣分达 30 分一票否决',
      en: 'Grouped units on 1000 points: public and business targets 150 each per half-year, summed; execution 400, recorded through the year and totalled at year end; grades per group, 合格 ≥ 800, veto when veto deductions reach 30',
    },
    settings: [
      ['考核名称', '2026年度局属单位考核'],
      ['考核期间', '2026年度'],
      ['制表单位', '局考核办公室'],
      ['公示期', '2026年12月1日至12月7日（5个工作日，请按实际修改）'],
      ['监督电话', '（请填写监督电话）'],
      ['小数位数', 1],
      ['等次范围', '分组'],
      ['否决扣分线', 30],
      ['期间汇总', '求和'],
    ],
    dimensions: [],
    indicators: [
      ['Z01', '', '公共目标', 150, '办公室', '每半年考核一次，两期相加', '半年'],
      ['Z02', '', '业务目标', 150, '业务科', '每半年考核一次，两期相加', '半年'],
      ['Z03', '', '执行力建设', 400, '督查室', '全年逐项记分，年终汇总填入年度表', '年度'],
    ],
    grades: [
      ['一等奖', null, null, 1, 800, '组内合格单位中第1名'],
      ['二等奖', null, null, 1, 800, '组内合格单位中第2名'],
      ['三等奖', null, null, 1, 800, '组内合格单位中第3名'],
      ['合格', null, null, null, 800, '800分及以上'],
      ['不合格', null, null, null, null, '800分以下，或一票否决'],
    ],
    categories: [
      ['安全生产', '扣分', null, null, '是'],
      ['计划生育', '扣分', null, null, '是'],
      ['纪检监察', '扣分', null, null, '是'],
      ['检察', '扣分', null, null, '是'],
      ['急难险重', '加分', 10, 20, '否'],
      ['回头看/视察/迎检', '加分', 5, 10, '否'],
      ['信息宣传', '加分', 2, 10, '否'],
    ],
    periods: [
      ['上半年', '上半年', null],
      ['下半年', '下半年', null],
      ['年度', '年度执行力', null],
    ],
    subjects: [
      ['市园林绿化中心', '第一组'],
      ['市环境卫生管理处', '第一组'],
      ['市不动产登记中心', '第一组'],
      ['市公交集团', '第二组'],
      ['市燃气公司', '第二组'],
      ['市热力公司', '第二组'],
      ['市人才发展中心', '第三组'],
      ['市就业服务中心', '第三组'],
    ],
    basis:
      '依据：某局千分制，公共目标300、业务目标300、执行力建设400，800分合格；安全生产、计划生育、纪检监察、检察扣分达30分一票否决；分三组，组内合格单位按名次评一、二、三等奖；加分类别急难险重、回头看/视察/迎检、信息宣传。各奖项名额和加分上限为示例。',
  },
  {
    id: 'teachers',
    name: '教师',
    aliases: ['teachers', '教师考核'],
    description: {
      zh: '学校教师考核：优秀 10%～15%，合格/基本合格/不合格按分数线；师德师风由自评（仅参考）、同事、领导评议；师德失范限等基本合格',
      en: 'School teachers: 优秀 10–15%, 合格/基本合格/不合格 by score; 师德师风 rated by self (reference only), peers and leaders; ethics breaches cap the grade at 基本合格',
    },
    settings: [
      ['考核名称', '2026学年教师考核'],
      ['考核期间', '2026学年'],
      ['制表单位', '校考核领导小组'],
      ['公示期', '2026年12月1日至12月7日（5个工作日，请按实际修改）'],
      ['监督电话', '（请填写监督电话）'],
      ['小数位数', 1],
      ['名额取整', '向下取整'],
    ],
    dimensions: [],
    indicators: [
      ['Z01', '', '师德师风', 20, '党支部', '自评、同事互评、领导评价'],
      ['Z02', '', '教育教学', 40, '教务处', ''],
      ['Z03', '', '教研科研', 15, '教科室', ''],
      ['Z04', '', '班级管理与育人', 15, '德育处', ''],
      ['Z05', '', '出勤', 10, '办公室', ''],
    ],
    sources: { 师德师风: '评议' },
    raters: [
      ['自评', 0, '否', 1, 1],
      ['同事', 50, '是', 3, 3],
      ['领导', 50, '否', 1, 1],
    ],
    grades: [
      ['优秀', 15, 10, null, 85, '不少于10%、不超过15%'],
      ['合格', null, null, null, 70, '师德失范的，在加减分登记“限等”、等次“基本合格”'],
      ['基本合格', null, null, null, 60, ''],
      ['不合格', null, null, null, null, ''],
    ],
    categories: [],
    subjects: [
      ['王老师', '语文组'],
      ['李老师', '语文组'],
      ['张老师', '数学组'],
      ['刘老师', '数学组'],
      ['陈老师', '英语组'],
      ['杨老师', '英语组'],
    ],
    basis:
      '依据：教师考核优秀比例不低于10%、不超过15%，综合教师自评、互评和领导评价，师德失范者不得评为合格及以上（限等基本合格，非一票否决）；各项分值、分数线和评议权重为示例。',
  },
];

export function findPreset(name: string): Preset | undefined {
  const key = name.trim().toLowerCase();
  return PRESETS.find((p) => p.id === key || p.name === name.trim() || p.aliases.some((a) => a.toLowerCase() === key));
}

const TITLE: CellStyle = { bold: true, size: 14 };
const BLOCK: CellStyle = { bold: true, color: '1F4E79' };
const HEAD: CellStyle = { bold: true, fill: 'DDE4EE', border: true, align: 'center' };
const BODY: CellStyle = { border: true };

interface Draft {
  cells: SpecValue[][];
  styles: StyledArea[];
}

function block(d: Draft, title: string, header: readonly string[], rows: readonly (readonly SpecValue[])[]): void {
  if (d.cells.length > 0) d.cells.push([]);
  const r = d.cells.length;
  d.cells.push([title], [...header], ...rows.map((row) => [...row]));
  d.styles.push({ r0: r, c0: 0, r1: r, c1: 0, style: BLOCK });
  d.styles.push({ r0: r + 1, c0: 0, r1: r + 1, c1: header.length - 1, style: HEAD });
  if (rows.length > 0) d.styles.push({ r0: r + 2, c0: 0, r1: r + 1 + rows.length, c1: header.length - 1, style: BODY });
}

function widths(cells: readonly (readonly SpecValue[])[], min: number, max: number, skipRows = 0): number[] {
  const out: number[] = [];
  cells.slice(skipRows).forEach((row) => row.forEach((v, c) => (out[c] = Math.max(out[c] ?? min, Math.min(max, textWidth(v === null ? '' : String(v)) + 2)))));
  return out;
}

function plainSheet(name: string, d: Draft, columnWidths: number[], freezeRows: number, validations: SheetSpec['validations'] = []): SheetSpec {
  return {
    role: null,
    name,
    cells: d.cells,
    styles: d.styles,
    merges: [],
    columnWidths,
    rowHeights: {},
    freezeRows,
    print: { orientation: 'portrait', titleRows: freezeRows > 0 ? [freezeRows - 1, freezeRows - 1] : null, footer: FOOTER, breaksBefore: [] },
    dataBars: [],
    validations,
    chart: null,
  };
}

/** A sheet of plain values with a bordered header row (a combined workbook's period sheets, its 加减分). */
export function valuesSheet(name: string, cells: readonly (readonly SpecValue[])[], headerRow: number, merges: SheetSpec['merges'] = []): SheetSpec {
  const width = cells.reduce((w, row) => Math.max(w, row.length), 1);
  const styles: StyledArea[] = headerRow >= 0 ? [{ r0: headerRow, c0: 0, r1: headerRow, c1: width - 1, style: { ...HEAD, wrap: true } }] : [];
  return { ...plainSheet(name, { cells: cells.map((r) => [...r]), styles }, widths(cells, 6, 30, headerRow + 1), headerRow + 1), merges };
}

/** Blank rows offered for scores beyond the example names. */
const SPARE_ROWS = 30;

/** 考核方案 as a sheet. */
export function schemeSheet(d: SchemeDraft): SheetSpec {
  const title = d.settings.find(([k]) => k === '考核名称')?.[1] ?? '';
  const scheme: Draft = { cells: [[`${title} 考核方案`.trim()]], styles: [{ r0: 0, c0: 0, r1: 0, c1: 0, style: TITLE }] };
  if ('basis' in d && typeof d.basis === 'string') scheme.cells.push([d.basis]);
  block(scheme, '【设置】', ['项目', '内容'], [...d.settings, ['签字栏', DEFAULT_SIGNATURE], ['输出', '结果公示、指标分析、成绩单']]);
  const dimCycles = d.dimensions.some((x) => x[2] !== undefined);
  if (d.dimensions.length > 0)
    block(
      scheme,
      '【维度】',
      ['维度', '权重(%)', ...(dimCycles ? ['周期'] : [])],
      d.dimensions.map(([name, weight, cycle]) => [name, weight, ...(dimCycles ? [cycle ?? ''] : [])]),
    );
  // a 周期 of its own only where the dimension does not give one (the points model)
  const indCycles = d.dimensions.length === 0 && d.indicators.some((x) => x[6] !== undefined);
  const sources = d.sources && Object.keys(d.sources).length > 0 ? d.sources : null;
  block(
    scheme,
    '【指标】',
    ['编号', '维度', '指标', '分值', '牵头部门', '评分标准', ...(indCycles ? ['周期'] : []), ...(sources ? ['来源'] : [])],
    d.indicators.map((x) => [...x.slice(0, 6), ...(indCycles ? [x[6] ?? ''] : []), ...(sources ? [sources[x[2]] ?? ''] : [])] as SpecValue[]),
  );
  block(scheme, '【等次】', ['等次', '比例上限(%)', '比例下限(%)', '名额', '最低分', '说明'], d.grades);
  if (d.categories.length > 0) block(scheme, '【加减分类别】', ['类别', '类型', '单项上限', '累计上限', '计入否决'], d.categories);
  if (d.periods?.length) block(scheme, '【期间】', ['期间', '工作表', '权重(%)'], d.periods);
  if (d.raters?.length)
    block(
      scheme,
      '【评议】',
      ['类别', '权重(%)', '去掉最高最低', '最少人数'],
      d.raters.map(([name, weight, trim, min]) => [name, weight, trim, min]),
    );
  if (d.ballot?.length) block(scheme, '【测评折算】', ['选项', '分值'], d.ballot);
  // the title and the basis line run over the columns: they do not widen column A
  return plainSheet(SCHEME_SHEET, scheme, widths(scheme.cells, 8, 44, scheme.cells[1]?.length ? 2 : 1), 0);
}

/** An empty 加减分 with its headers (a 期间 column when the scheme has periods). */
export function adjustmentsSheet(periods = false): SheetSpec {
  const adjHeader = ['名称', '类型', '类别', '分值', '等次', '事由', '依据', '日期', ...(periods ? ['期间'] : [])];
  const adj: Draft = { cells: [adjHeader], styles: [{ r0: 0, c0: 0, r1: 0, c1: adjHeader.length - 1, style: HEAD }] };
  return plainSheet(ADJUSTMENTS_SHEET, adj, [24, 10, 14, 8, 10, 30, 24, 12, 12], 1);
}

/** Grades a recognised sheet starts with; the user edits them in 考核方案. */
export const STARTER_GRADES: SchemeDraft['grades'] = [
  ['优秀', 15, null, null, null, '不超过15%（请按本单位规定修改）'],
  ['合格', null, null, null, null, ''],
];

/** The scheme for an existing score sheet, from the indicators the user confirmed. */
export function recognisedScheme(title: string, indicators: readonly { name: string; points: number }[]): SheetSpec {
  return schemeSheet({
    settings: [
      ['考核名称', title],
      ['小数位数', 2],
    ],
    dimensions: [],
    indicators: indicators.map((ind, i) => [`Z${String(i + 1).padStart(2, '0')}`, '', ind.name, ind.points, '', ''] as const),
    grades: STARTER_GRADES,
    categories: [],
  });
}

/**
 * The input sheets of a new workbook made from a preset: 考核方案, 评分表 (with 【期间】 a sheet per
 * period instead, each with the indicators of its 周期), 加减分.
 */
export function templateSheets(p: Preset): SheetSpec[] {
  const split = p.indicators.some((ind) => cycleOf(p, ind) === 'year') && p.indicators.some((ind) => cycleOf(p, ind) !== 'year');
  // 评议 and 测评 indicators have sheets of their own
  const typed = p.indicators.filter((ind) => !p.sources?.[ind[2]]);
  const scoreSheets = p.periods?.length
    ? p.periods.map(([name, sheet]) => scoreSheet(p, sheet, split ? typed.filter((ind) => (cycleOf(p, ind) === 'year') === namesTheYear(name)) : typed))
    : [scoreSheet(p, SCORES_SHEET, typed)];
  const rated = p.indicators.filter((ind) => p.sources?.[ind[2]] === '评议');
  const balloted = p.indicators.filter((ind) => p.sources?.[ind[2]] === '测评');
  return [
    schemeSheet(p),
    ...scoreSheets,
    ...(rated.length > 0 && p.raters ? [ratingsTemplate(p, rated, p.raters)] : []),
    ...(balloted.length > 0 && p.ballot ? [ballotsTemplate(p, balloted, p.ballot)] : []),
    adjustmentsSheet(Boolean(p.periods?.length)),
  ];
}

/** 评议表 to fill: a row per subject and rater (the self-rating named), scores empty. */
function ratingsTemplate(p: Preset, indicators: Preset['indicators'], raters: NonNullable<Preset['raters']>): SheetSpec {
  const header = ['名称', '评议人', '评议类别', ...indicators.map(([, , name, points]) => `${name}（${points}分）`)];
  const rows = p.subjects.flatMap(([name]) =>
    raters.flatMap(([category, , , , listed]) =>
      Array.from({ length: listed }, () => [name, category === '自评' ? name : null, category, ...indicators.map(() => null)]),
    ),
  );
  return filledTemplate(RATINGS_SHEET, header, rows, 3, indicators);
}

/** 测评票 to fill: a row per subject, a column per option of 【测评折算】, and 应到人数. */
function ballotsTemplate(p: Preset, indicators: Preset['indicators'], options: NonNullable<Preset['ballot']>): SheetSpec {
  const several = indicators.length > 1;
  const header = ['名称', ...(several ? ['指标'] : []), ...options.map(([name]) => name), '应到人数'];
  const rows = p.subjects.flatMap(([name]) => indicators.map(([, , ind]) => [name, ...(several ? [ind] : []), ...options.map(() => null), null]));
  const d: Draft = { cells: [header, ...rows], styles: [{ r0: 0, c0: 0, r1: 0, c1: header.length - 1, style: { ...HEAD, wrap: true } }] };
  d.styles.push({ r0: 1, c0: 0, r1: rows.length + SPARE_ROWS, c1: header.length - 1, style: BODY });
  return plainSheet(
    BALLOTS_SHEET,
    d,
    header.map((h, c) => (c === 0 ? 24 : Math.max(8, textWidth(h) + 2))),
    1,
  );
}

/** A sheet of rows to fill in, the score columns from `first` validated against their 分值. */
function filledTemplate(name: string, header: string[], rows: SpecValue[][], first: number, indicators: Preset['indicators']): SheetSpec {
  const d: Draft = { cells: [header, ...rows], styles: [{ r0: 0, c0: 0, r1: 0, c1: header.length - 1, style: { ...HEAD, wrap: true } }] };
  const lastRow = rows.length + SPARE_ROWS;
  d.styles.push({ r0: 1, c0: 0, r1: lastRow, c1: header.length - 1, style: BODY });
  const validations = indicators.map(([, , , points], i) => scoreValidation(first + i, lastRow, points));
  return plainSheet(
    name,
    d,
    header.map((h, c) => (c === 0 ? 24 : Math.max(10, Math.min(16, textWidth(h) + 2)))),
    1,
    validations,
  );
}

/** Data validation of a score column: 0 to its 分值. */
function scoreValidation(col: number, lastRow: number, points: number): SheetSpec['validations'][number] {
  return { r0: 1, c0: col, r1: lastRow, c1: col, min: 0, max: points, title: '分值超出范围', message: `请输入 0 到 ${points} 之间的数字。` };
}

/** An indicator's 周期 as the preset writes it: its own, else its dimension's ('year' for 年度). */
function cycleOf(p: Preset, ind: Preset['indicators'][number]): Cycle {
  const word = ind[6] ?? p.dimensions.find(([name]) => name === ind[1])?.[2] ?? '';
  return (CYCLES.year.names as readonly string[]).includes(word) ? 'year' : 'period';
}

/** A score sheet in 评分表's layout for some of the preset's indicators. */
function scoreSheet(p: Preset, name: string, indicators: Preset['indicators']): SheetSpec {
  // 负责人计分: the group is the department, and its first person its head (an example to edit)
  const heads = p.settings.some(([k]) => k === '负责人计分');
  const hasGroups = p.subjects.some(([, g]) => g !== '');
  const sideHeaders = heads ? ['部门', '负责人'] : hasGroups ? ['分组'] : [];
  const header = ['序号', '名称', ...sideHeaders, ...indicators.map(([, , name, points]) => `${name}（${points}分）`), '备注'];
  const side = (group: string, i: number) => (heads ? [group, p.subjects.findIndex(([, g]) => g === group) === i ? '是' : null] : hasGroups ? [group] : []);
  const rows = p.subjects.map(([name, group], i) => [i + 1, name, ...side(group, i), ...indicators.map(() => null), null]);
  const scores: Draft = { cells: [header, ...rows], styles: [{ r0: 0, c0: 0, r1: 0, c1: header.length - 1, style: { ...HEAD, wrap: true } }] };
  const lastRow = rows.length + SPARE_ROWS;
  scores.styles.push({ r0: 1, c0: 0, r1: lastRow, c1: header.length - 1, style: BODY });
  const first = 2 + sideHeaders.length;
  const validations = indicators.map(([, , , points], i) => scoreValidation(first + i, lastRow, points));
  const scoreWidths = header.map((h, c) => (c === 0 ? 6 : c === 1 ? 24 : Math.max(10, Math.min(16, textWidth(h) + 2))));
  return plainSheet(name, scores, scoreWidths, 1, validations);
}
