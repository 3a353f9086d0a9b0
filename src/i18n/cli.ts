// Words of the kaoping command, in Simplified Chinese and English.
import type { LimitKind } from '../hosts/xlsx/open-error';
import { plural, type Lang } from './messages';

const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;

const zh = {
  program: '考评 kaoping：绩效考核工作簿的校验、计分、排名、评等与结果表',
  score: '校验并计算，写出带结果表的新工作簿（不改动原文件）',
  validate: '只校验，列出问题（不写文件）',
  template: '按预设方案新建一个待填写的考核工作簿',
  next: '生成下一期的工作簿：同样的考核方案、单位、分组和评分表格式，分数和加减分清空',
  optNextOut: '输出文件（默认：原文件名-下一期.xlsx，与原文件同目录）',
  nextWritten: (p: string, scores: number, events: number) => `下一期工作簿已写入：${p}（清空了 ${scores} 个分数、${events} 个加减分单元格；原文件未改动）`,
  sharedFormula: (cell: string) => `${cell} 中的公式被其他单元格共用，清空它会破坏这些公式；请先把该列的公式改为数值或逐格公式。`,
  combine: '把各期（季度、半年）的工作簿合并为一个年度工作簿：各期评分表成为期间工作表，加减分注明期间',
  argPeriodWorkbooks: '各期的考核工作簿（.xlsx），按期间先后排列',
  optCombineOut: '合并后的年度工作簿文件',
  combineCount: (max: number) => `请给出 2 到 ${max} 个各期的工作簿，按期间先后排列。`,
  combined: (p: string, n: number) =>
    `年度工作簿已写入：${p}（合并了 ${n} 期；各期原文件未改动）。请检查考核方案中的【期间】和期间汇总方式，然后运行 kaoping score。`,
  demo: '用自带的示例工作簿演示一次计分',
  argWorkbook: '考核工作簿（.xlsx）',
  argPreset: '预设方案：',
  optOut: '输出文件（默认：原文件名-结果.xlsx，与原文件同目录）',
  optTemplateOut: '新建的工作簿文件',
  optJson: '另把结果写成 JSON 文件',
  optLang: '提示语言：zh 或 en（默认取自系统环境）',
  optForce: '覆盖已存在的输出文件',
  help: '显示帮助',
  version: '显示版本',
  titles: { 'Usage:': '用法：', 'Options:': '选项：', 'Commands:': '命令：', 'Arguments:': '参数：' } as Record<string, string>,
  noFile: (p: string) => `找不到文件：${p}`,
  notXlsx: (p: string) => `不是 .xlsx 工作簿：${p}（请在 Excel 中“另存为” .xlsx）`,
  encrypted: (p: string) => `无法打开：${p} 是加密的工作簿或旧版 .xls 文件。请在 Excel 中取消密码，或另存为 .xlsx 后再试。`,
  corrupt: (p: string, why: string) => `工作簿已损坏，无法读取：${p}（${why}）。请在 Excel 或 WPS 中打开，确认内容无误后另存为 .xlsx 再试。`,
  tooLarge: (p: string, kind: LimitKind, where: string, max: number) =>
    `工作簿超出本工具的处理上限，未读取：${p}——${where}${{ 'part-size': ` 解压后超过 ${mb(max)}`, 'total-size': ` 等部件解压后合计超过 ${mb(max)}`, rows: ` 的数据超过 ${max.toLocaleString('en-US')} 行（请删除表格下方多余的内容）`, cells: ` 等工作表共有超过 ${max.toLocaleString('en-US')} 个非空单元格` }[kind]}。`,
  jsonIsOutput: '--json 与 -o 不能是同一个文件。',
  sameFile: '输出文件不能与输入文件相同（本工具从不改动原文件）。',
  sameKind: (ext: string) => `输出文件须与输入文件同为 ${ext} 格式。`,
  outputExists: (p: string) => `文件已存在，且不是本工具写出的：${p}（如需覆盖，加 --force）`,
  unknownPreset: (name: string, list: string) => `没有名为“${name}”的预设方案。可用：${list}`,
  cannotWrite: (p: string, why: string) => `无法写入 ${p}：${why}`,
  written: (p: string) => `结果已写入：${p}`,
  errorsWritten: (p: string) => `工作簿有错误，未计算结果；校验报告已写入：${p}`,
  notWritten: '未写出任何文件。',
  jsonWritten: (p: string) => `JSON 已写入：${p}`,
  templateWritten: (p: string, preset: string, sheets: string) => `已新建“${preset}”考核工作簿：${p}。填好${sheets}后运行 kaoping score。`,
  counts: (subjects: number, errors: number, warnings: number) => `${subjects} 个考核对象，${errors} 个错误，${warnings} 个警告`,
  issueCounts: (errors: number, warnings: number) => `${errors} 个错误，${warnings} 个警告`,
  noIssues: '未发现问题。',
  more: (n: number) => `……另有 ${n} 条，见校验报告`,
  stages: { read: '读取工作簿', assess: '校验与计算', sheets: '生成结果表', write: '写入结果表', save: '保存文件' },
  table: { rank: '排名', name: '名称', group: '分组', total: '总分', grade: '等次', notes: '备注', vetoed: '一票否决' },
  demoTitle: (file: string) => `示例：${file}`,
  failed: (why: string) => `出错了：${why}`,
};

/** The words of one language: English has every entry Chinese has, of the same kind, and no other. */
export type CliText = typeof zh;

const en: CliText = {
  program: 'kaoping (考评): check, score, rank and grade performance-assessment workbooks and write result tables',
  score: 'check and compute, then write a new workbook with the result sheets (the input is never changed)',
  validate: 'check only and list the problems (writes nothing)',
  template: 'create a ready-to-fill assessment workbook from a preset',
  next: "write the next period's workbook: the same scheme, units, groups and score sheet, scores and adjustments emptied",
  optNextOut: 'output file (default: <name>-下一期.xlsx beside the input)',
  nextWritten: (p: string, scores: number, events: number) =>
    `Next period's workbook written to ${p} (${plural(scores, 'score')} and ${plural(events, 'adjustment cell')} emptied; the input file is unchanged)`,
  sharedFormula: (cell: string) =>
    `The formula in ${cell} is shared by other cells; emptying it would break them. Turn that column's formulas into values or per-cell formulas first.`,
  combine:
    "combine the periods' workbooks (quarters, half-years) into one annual workbook: each one's scores sheet becomes a period sheet, adjustments get their period",
  argPeriodWorkbooks: "the periods' workbooks (.xlsx), in period order",
  optCombineOut: 'the annual workbook to write',
  combineCount: (max: number) => `Give 2 to ${max} period workbooks, in period order.`,
  combined: (p: string, n: number) =>
    `Annual workbook written to ${p} (${plural(n, 'period')} combined; the period files are unchanged). Check [Periods] and the roll-up in the scheme, then run kaoping score.`,
  demo: 'score the bundled example workbook',
  argWorkbook: 'assessment workbook (.xlsx)',
  argPreset: 'preset: ',
  optOut: 'output file (default: <name>-结果.xlsx beside the input)',
  optTemplateOut: 'the new workbook file',
  optJson: 'also write the results as JSON',
  optLang: 'message language: zh or en (default from the environment)',
  optForce: 'overwrite an existing output file',
  help: 'display help',
  version: 'display the version',
  titles: {} as Record<string, string>,
  noFile: (p: string) => `No such file: ${p}`,
  notXlsx: (p: string) => `Not an .xlsx workbook: ${p} (use Save As .xlsx in Excel)`,
  encrypted: (p: string) =>
    `Cannot open ${p}: it is an encrypted workbook or an old .xls file. Remove the password or save it as .xlsx in Excel, then try again.`,
  corrupt: (p: string, why: string) =>
    `The workbook is damaged and cannot be read: ${p} (${why}). Open it in Excel or WPS, check it, save it as .xlsx and try again.`,
  tooLarge: (p: string, kind: LimitKind, where: string, max: number) =>
    `The workbook is beyond this tool's limits and was not read: ${p}: ${where}${{ 'part-size': ` inflates to more than ${mb(max)}`, 'total-size': ` and the other parts inflate to more than ${mb(max)} in all`, rows: ` has data beyond row ${max.toLocaleString('en-US')} (delete what is below the table)`, cells: ` and the other sheets hold more than ${max.toLocaleString('en-US')} non-empty cells` }[kind]}.`,
  jsonIsOutput: '--json and -o cannot name the same file.',
  sameFile: 'The output file cannot be the input file (this tool never changes its input).',
  sameKind: (ext: string) => `The output file must be ${ext}, like the input.`,
  outputExists: (p: string) => `File exists and was not written by kaoping: ${p} (add --force to overwrite)`,
  unknownPreset: (name: string, list: string) => `No preset named "${name}". Available: ${list}`,
  cannotWrite: (p: string, why: string) => `Cannot write ${p}: ${why}`,
  written: (p: string) => `Results written to ${p}`,
  errorsWritten: (p: string) => `The workbook has errors, so no results were computed; the validation report is in ${p}`,
  notWritten: 'No file was written.',
  jsonWritten: (p: string) => `JSON written to ${p}`,
  templateWritten: (p: string, preset: string, sheets: string) => `Created a "${preset}" assessment workbook: ${p}. Fill in ${sheets}, then run kaoping score.`,
  counts: (subjects: number, errors: number, warnings: number) => `${plural(subjects, 'subject')}, ${plural(errors, 'error')}, ${plural(warnings, 'warning')}`,
  issueCounts: (errors: number, warnings: number) => `${plural(errors, 'error')}, ${plural(warnings, 'warning')}`,
  noIssues: 'No problems found.',
  more: (n: number) => `… ${n} more in the validation report`,
  stages: {
    read: 'reading the workbook',
    assess: 'checking and computing',
    sheets: 'building result sheets',
    write: 'writing result sheets',
    save: 'saving',
  },
  table: { rank: 'Rank', name: 'Name', group: 'Group', total: 'Total', grade: 'Grade', notes: 'Notes', vetoed: 'vetoed' },
  demoTitle: (file: string) => `Example: ${file}`,
  failed: (why: string) => `Failed: ${why}`,
};

export const CLI_TEXT: Record<Lang, CliText> = { zh, en };
