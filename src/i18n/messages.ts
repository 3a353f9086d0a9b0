// Words for issue and note codes, in Simplified Chinese and English. Parameters are {name}.
import type { Params, ParamValue } from '../engine/types';

export type Lang = 'zh' | 'en';

type Table = Record<string, { readonly zh: string; readonly en: string }>;

/** Issues found in the workbook (codes from the engine and the hosts). */
export const ISSUE_MESSAGES = {
  'missing-sheet': { zh: '缺少工作表“{sheet}”。工作簿中的工作表：{found}。', en: 'The sheet "{sheet}" is missing. The workbook has: {found}.' },
  'missing-block': {
    zh: '缺少{block}块：在 A 列写上标题 {block}，下一行写表头。',
    en: 'The block {block} is missing: put the title {block} in column A and its header row below it.',
  },
  'duplicate-block': { zh: '该块标题重复出现，只能有一个。', en: 'This block title appears twice; there can be only one.' },
  'unknown-block': { zh: '不认识的块标题，已忽略。', en: 'Unknown block title; ignored.' },
  'empty-block': { zh: '{block}块没有数据行。', en: 'The block {block} has no data rows.' },
  'missing-column': { zh: '{block}{sheet}缺少“{column}”列。', en: '{block}{sheet} has no "{column}" column.' },
  'unknown-setting': { zh: '不认识的设置项，已忽略。', en: 'Unknown setting; ignored.' },
  'duplicate-setting': { zh: '设置项重复，以最后一个为准。', en: 'This setting is given twice; the last one counts.' },
  'bad-setting': { zh: '“{key}”的值无效，可填：{allowed}。', en: 'Invalid value for "{key}"; allowed: {allowed}.' },
  'bad-number': { zh: '“{column}”须为数字（{rule}）。', en: '"{column}" must be a number ({rule}).' },
  'bad-yes-no': { zh: '“{column}”须填“是”或“否”。', en: '"{column}" must be 是 (yes) or 否 (no).' },
  'blank-name': { zh: '{what}名称为空。', en: 'The {what} name is blank.' },
  'duplicate-name': { zh: '{what}“{value}”重复。', en: 'The {what} "{value}" appears twice.' },
  'weights-sum': { zh: '维度权重合计为 {sum}，应为 100。', en: 'Dimension weights add up to {sum}; they must add up to 100.' },
  'indicator-without-dimension': {
    zh: '有【维度】块时，指标“{indicator}”须填维度。',
    en: 'With a 【维度】 block, the indicator "{indicator}" needs a dimension.',
  },
  'unknown-dimension': {
    zh: '指标“{indicator}”的维度“{value}”不在【维度】块中。',
    en: 'The dimension "{value}" of indicator "{indicator}" is not listed in 【维度】.',
  },
  'dimension-without-indicators': { zh: '维度“{dimension}”没有任何指标。', en: 'The dimension "{dimension}" has no indicators.' },
  'last-grade-rule': {
    zh: '最后一个等次“{grade}”兜底，不能设名额、比例上限或最低分。',
    en: 'The last grade "{grade}" takes everyone left; it cannot have a quota, share or minimum score.',
  },
  'grade-impossible': { zh: '等次“{grade}”的规则无法满足（{reason}）。', en: 'The rule of grade "{grade}" cannot be met ({reason}).' },
  'quota-both': { zh: '等次“{grade}”同时设了名额和比例上限，以名额为准。', en: 'Grade "{grade}" has both a quota and a share; the quota counts.' },
  'bad-category-type': { zh: '类别“{category}”的类型须为“加分”或“扣分”。', en: 'The type of category "{category}" must be 加分 (bonus) or 扣分 (deduction).' },
  'veto-on-bonus': { zh: '加分类别“{category}”不计入否决，已忽略“计入否决”。', en: 'Bonus category "{category}" cannot count toward a veto; ignored.' },
  'unknown-tie-breaker': { zh: '同分依据“{name}”不是维度或指标名称。', en: 'The tie-breaker "{name}" is not a dimension or indicator.' },
  'no-name-column': { zh: '前 10 行中找不到名称列（{names}等）。', en: 'No name column ({names}, …) in the first 10 rows.' },
  'indicator-without-column': { zh: '指标“{indicator}”在评分表中没有对应的列。', en: 'The indicator "{indicator}" has no column in the scores sheet.' },
  'duplicate-column': { zh: '指标“{indicator}”有两列。', en: 'The indicator "{indicator}" has two columns.' },
  'header-points': {
    zh: '表头写“{header}分”，但方案中“{indicator}”的分值为 {points}。',
    en: 'The header says {header} points, but the scheme gives "{indicator}" {points}.',
  },
  'blank-score': { zh: '“{indicator}”得分为空（缺项处理：报错）。', en: 'The score for "{indicator}" is blank (blank scores: error).' },
  'blank-as-zero': { zh: '“{indicator}”得分为空，按 0 分计。', en: 'The score for "{indicator}" is blank; counted as 0.' },
  'not-a-number': { zh: '“{indicator}”得分不是数字。', en: 'The score for "{indicator}" is not a number.' },
  'numeric-text': { zh: '“{indicator}”得分是文本，已按数字 {number} 计算。', en: 'The score for "{indicator}" is text; used as the number {number}.' },
  'error-value': { zh: '“{indicator}”得分是错误值。', en: 'The score for "{indicator}" is an error value.' },
  'uncalculated-formula': {
    zh: '这个公式在文件中没有计算结果（文件可能由其他程序生成）：请在 Excel 或 WPS 中打开并保存一次，再运行。',
    en: 'This formula has no calculated value in the file (it was probably written by another program): open and save the file in Excel or WPS once, then run again.',
  },
  'percent-score': {
    zh: '“{indicator}”得分设成了百分比格式（显示为 {value}）：请填写分数，并把单元格格式改为“常规”或“数值”。',
    en: 'The score for "{indicator}" is formatted as a percent (shown as {value}): type the score as a number and format the cell as General or Number.',
  },
  'percent-as-fraction': {
    zh: '“{column}”填的是 {value}，按 {value}% 计算；如要 {percent}%，请填 {percent} 或 {percent}%。',
    en: '"{column}" holds {value}, read as {value}%; for {percent}%, type {percent} or {percent}%.',
  },
  'share-order': {
    zh: '等次“{grade}”的比例下限 {min}% 大于比例上限 {max}%；按本次人数仍可满足，请核对。',
    en: 'Grade "{grade}": its minimum share {min}% is above its maximum share {max}%; the counts for this run still fit, but check the rule.',
  },
  'share-sum': {
    zh: '各等次比例下限合计 {sum}%，超过 100%；按本次人数仍可满足，请核对。',
    en: 'The minimum shares add up to {sum}%, more than 100%; the counts for this run still fit, but check the rules.',
  },
  'computed-column': {
    zh: '“{header}”列已忽略：总分、排名和等次由本工具计算。',
    en: 'The column "{header}" is ignored: totals, ranks and grades are computed by this tool.',
  },
  'unknown-column': {
    zh: '“{header}”列不是方案中的指标，也不是可识别的列（名称、分组、加分、扣分、备注、序号），已忽略。',
    en: 'The column "{header}" is not an indicator of the scheme nor a known column (name, group, bonus, deduction, remark, No.); ignored.',
  },
  'text-row': { zh: '该行是跨列合并的文字，不作为考核对象。', en: 'This row is text merged across the score columns; not a subject.' },
  'merged-name-row': {
    zh: '名称“{name}”合并了第 {from}–{to} 行，本行的这个值无法归属：请把得分填在第 {from} 行，或取消合并。',
    en: 'The name "{name}" is merged over rows {from}–{to}; this value cannot be assigned: put the scores in row {from}, or unmerge.',
  },
  'statistics-row': { zh: '“{label}”是统计行，不参加排名和评等，已跳过。', en: '"{label}" is a statistics row; it takes no rank or grade and is skipped.' },
  'scores-without-name': {
    zh: '第 {row} 行有得分但没有名称：请填写名称，或删除该行。',
    en: 'Row {row} has scores but no name: fill in the name, or delete the row.',
  },
  'group-maybe-merged': {
    zh: '“{name}”没有分组：分组列可能是合并单元格，而此版本 Excel 无法读取合并区域（需要 ExcelApi 1.13）；请取消合并并在每行填写分组（上一组为“{group}”）。',
    en: '"{name}" has no group: the group column is probably merged, and this version of Excel cannot read merged areas (ExcelApi 1.13 needed); unmerge and fill in each row\'s group (the group above is "{group}").',
  },
  'out-of-range': { zh: '“{indicator}”得分须在 0 到 {max} 之间。', en: 'The score for "{indicator}" must be between 0 and {max}.' },
  'duplicate-subject': { zh: '名称“{name}”重复（第 {first} 行已有）。', en: 'The name "{name}" appears twice (already in row {first}).' },
  'no-subjects': { zh: '评分表没有任何考核对象。', en: 'The scores sheet has no subjects.' },
  'missing-group': { zh: '等次范围为“分组”，但“{name}”没有分组。', en: 'Grades are per group, but "{name}" has no group.' },
  'some-without-group': { zh: '有 {count} 个考核对象没有分组，不参加分组排名。', en: '{count} subjects have no group and get no group rank.' },
  'event-without-name': { zh: '该行没有名称，已跳过。', en: 'This row has no name; skipped.' },
  'unknown-subject': { zh: '“{name}”不在评分表中。', en: '"{name}" is not in the scores sheet.' },
  'unknown-subject-like': { zh: '“{name}”不在评分表中。是否为“{like}”？', en: '"{name}" is not in the scores sheet. Did you mean "{like}"?' },
  'unknown-event-type': { zh: '类型无效，可填：{types}。', en: 'Invalid type; allowed: {types}.' },
  'bad-amount': { zh: '加分、扣分的分值须为大于 0 的数字。', en: 'A bonus or deduction needs points greater than 0.' },
  'bad-levels': { zh: '降等的分值须为正整数（降几等），空白为 1。', en: 'A demotion needs a whole number of levels (blank = 1).' },
  'unknown-grade': { zh: '等次不在【等次】块中（{grades}）。', en: 'The grade is not listed in 【等次】 ({grades}).' },
  'category-kind': { zh: '类别“{category}”是{kind}类别，与本行类型不符。', en: 'The category "{category}" is a {kind} category, unlike this row\'s type.' },
  'conflicting-set': { zh: '“{name}”有两个不同的定等（另见第 {first} 行）。', en: '"{name}" has two different set grades (see also row {first}).' },
  'tie-admitted': {
    zh: '{scope}“{grade}”名额 {quota}，边界同分 {tied} 个全部计入，实有 {count} 个。',
    en: '{scope} "{grade}": quota {quota}; {tied} tied at the boundary are all admitted, {count} in all.',
  },
  'tie-demoted': {
    zh: '{scope}“{grade}”名额 {quota}，边界同分 {tied} 个均降等，实有 {count} 个。',
    en: '{scope} "{grade}": quota {quota}; {tied} tied at the boundary all go lower, {count} in all.',
  },
  'tie-pending': {
    zh: '{scope}“{grade}”名额 {quota}，边界同分 {tied} 个列为待定，请研究确定。',
    en: '{scope} "{grade}": quota {quota}; {tied} tied at the boundary are pending a decision.',
  },
  'below-min-share': {
    zh: '{scope}“{grade}”只有 {count} 个，少于比例下限要求的 {need} 个。',
    en: '{scope} "{grade}" has {count}, fewer than the {need} its minimum share asks for.',
  },
  'period-without-sheet': { zh: '期间“{period}”没有填工作表。', en: 'The period "{period}" names no sheet.' },
  'period-without-weight': {
    zh: '期间汇总为“加权”，期间“{period}”须填权重。',
    en: 'The roll-up is weighted: the period "{period}" needs a weight.',
  },
  'period-sheet-twice': {
    zh: '工作表“{sheet}”已是期间“{first}”的成绩表，不能再作为“{period}”。',
    en: 'The sheet "{sheet}" already holds the period "{first}"; it cannot hold "{period}" too.',
  },
  'period-weights-sum': { zh: '期间权重合计为 {sum}，应为 100。', en: 'Period weights add up to {sum}; they must add up to 100.' },
  'period-sheet-missing': {
    zh: '期间“{period}”的工作表“{sheet}”不存在。工作簿中的工作表：{found}。',
    en: 'The sheet "{sheet}" of the period "{period}" is missing. The workbook has: {found}.',
  },
  'period-absent': {
    zh: '“{name}”没有{periods}的成绩（缺期处理为“报错”）。',
    en: '"{name}" has no scores for {periods} (missing periods are errors).',
  },
  'period-group-changed': {
    zh: '“{name}”在{period}的分组为“{group}”，与{first}的“{firstGroup}”不同；按最后一期的分组排名。',
    en: '"{name}" is in the group "{group}" in {period} but "{firstGroup}" in {first}; ranked in the last period\'s group.',
  },
  'scores-sheet-unused': {
    zh: '考核方案有【期间】块，成绩从各期工作表读取，评分表未使用。',
    en: 'The scheme lists periods: scores are read from the period sheets, and the scores sheet is not used.',
  },
  'bad-cycle': {
    zh: '“{name}”的周期须填“季度”“半年”“月度”或“每期”（每期考核），或“年度”（每年考核一次）；留空为每期。',
    en: 'The cycle of "{name}" must be 季度, 半年, 月度 or 每期 (every period) or 年度 (once a year); blank is every period.',
  },
  'cycle-differs': {
    zh: '指标“{indicator}”的周期与所属维度“{dimension}”不同：加权维度按全部指标计得分率，各指标须同一周期。',
    en: 'The indicator "{indicator}" has another cycle than its dimension "{dimension}": a weighted dimension\'s indicators share its cycle.',
  },
  'annual-period': {
    zh: '有周期为“年度”的指标：【期间】中须有且只有一个名为“年度”（或“全年”）的期间，其工作表登记年度指标的成绩（现有：{found}）。',
    en: 'Some indicators are yearly: [Periods] needs exactly one period named 年度 (or 全年) whose sheet holds their scores (found: {found}).',
  },
  'no-periodic-period': {
    zh: '【期间】只有年度期间：每期考核的指标没有工作表登记成绩。',
    en: '[Periods] lists only the yearly period: the indicators scored every period have no sheet.',
  },
  'bad-source': {
    zh: '指标“{indicator}”的来源“{value}”无效，可填：评分表（留空）、评议、测评。',
    en: 'Invalid 来源 (source) "{value}" for indicator "{indicator}"; allowed: 评分表 (blank), 评议 (raters), 测评 (ballots).',
  },
  'rater-weights-sum': { zh: '【评议】各类别权重合计为 {sum}，应为 100。', en: '【评议】 category weights add up to {sum}; they must add up to 100.' },
  'ballot-all-zero': { zh: '【测评折算】各选项分值都为 0。', en: 'Every option in 【测评折算】 is worth 0.' },
  'rated-without-raters': {
    zh: '指标“{indicator}”来源为评议，但考核方案没有【评议】块（类别 | 权重(%) | 去掉最高最低 | 最少人数）。',
    en: 'The indicator "{indicator}" is rated, but 考核方案 has no 【评议】 block (类别 | 权重(%) | 去掉最高最低 | 最少人数).',
  },
  'ballot-without-values': {
    zh: '指标“{indicator}”来源为测评，但考核方案没有【测评折算】块（选项 | 分值）。',
    en: 'The indicator "{indicator}" comes from ballots, but 考核方案 has no 【测评折算】 block (选项 | 分值).',
  },
  'derived-with-periods': {
    zh: '指标“{indicator}”来源为评议或测评：有【期间】的工作簿暂不支持，请在各期工作簿中计算后再合并。',
    en: 'The indicator "{indicator}" is rated or balloted: not supported with 【期间】 yet; compute it in each period\'s workbook, then combine.',
  },
  'tiers-overlap': { zh: '梯队“{first}”与“{second}”的名次范围重叠。', en: 'The rank bands "{first}" and "{second}" overlap.' },
  'unknown-satisfied-option': {
    zh: '满意率选项 {options} 不在【测评折算】中。',
    en: 'The satisfied options {options} are not in 【测评折算】.',
  },
  'indicator-derived-column': {
    zh: '指标“{indicator}”由{source}计分，本列已忽略。',
    en: 'The indicator "{indicator}" is computed from {source}; this column is ignored.',
  },
  'layer-and-plain': {
    zh: '指标“{indicator}”既有不带层级的列，又有带层级（自评、初评、复评、复核）的列：只能用一种。',
    en: 'The indicator "{indicator}" has a plain column and layered ones (自评, 初评, 复评, 复核): use one kind only.',
  },
  'head-without-department': {
    zh: '“{name}”是负责人，但“部门”为空。',
    en: '"{name}" is a head but has no 部门 (department).',
  },
  'head-without-setting': {
    zh: '评分表有“负责人”列，但考核方案未设置“负责人计分”（如 本人50%+部门平均50%），负责人按本人总分计。',
    en: '评分表 has a 负责人 column but 考核方案 sets no 负责人计分 (e.g. 本人50%+部门平均50%); heads count their own totals.',
  },
  'rater-self': {
    zh: '评议人“{name}”给自己评分，但评议类别是“{category}”：本人评分只能记在自评类别。',
    en: 'The rater "{name}" rates themselves in the category "{category}": one\'s own score belongs under 自评 only.',
  },
  'rater-unknown-category': {
    zh: '评议类别“{value}”不在【评议】中（{categories}）。',
    en: 'The rater category "{value}" is not in 【评议】 ({categories}).',
  },
  'rater-unknown-subject': {
    zh: '“{name}”不在评分表中，其评议不计。',
    en: '"{name}" is not in 评分表; these ratings cannot count.',
  },
  'rater-too-few': {
    zh: '“{name}”的“{indicator}”在“{category}”类别只有 {count} 人评议，少于最少人数 {min}。',
    en: '"{name}" has {count} raters in "{category}" for "{indicator}", fewer than the minimum {min}.',
  },
  'rater-missing-category': {
    zh: '“{name}”的“{indicator}”没有“{category}”类别的评议（该类别权重 {weight}%）。',
    en: '"{name}" has no rating in the category "{category}" for "{indicator}" (weight {weight}%).',
  },
  'rater-blank': { zh: '评议人为空。', en: 'The rater is blank.' },
  'ballot-bad-votes': {
    zh: '“{option}”的票数须为不小于 0 的整数。',
    en: 'Votes for "{option}" must be a whole number ≥ 0.',
  },
  'ballot-over-expected': {
    zh: '“{name}”的票数合计 {votes} 超过应到人数 {expected}。',
    en: 'The votes for "{name}" add up to {votes}, more than the {expected} expected.',
  },
  'ballot-no-votes': { zh: '“{name}”没有任何票。', en: '"{name}" has no votes.' },
  'ballot-missing': {
    zh: '“{name}”在{sheet}中没有“{indicator}”的测评票。',
    en: '"{name}" has no ballots for "{indicator}" in {sheet}.',
  },
  'ballot-which-indicator': {
    zh: '有多个测评指标（{indicators}）：测评票须有“指标”列，写明每行是哪个指标的票。',
    en: "There are several balloted indicators ({indicators}): 测评票 needs an 指标 column naming each row's indicator.",
  },
  'ballot-unknown-indicator': {
    zh: '“{value}”不是来源为测评的指标（{indicators}）。',
    en: '"{value}" is not a balloted indicator ({indicators}).',
  },
  'ballot-duplicate': {
    zh: '“{name}”的“{indicator}”测评票出现两次，只能一行。',
    en: 'The ballots of "{name}" for "{indicator}" appear twice; one row only.',
  },
  'derived-sheet-missing': {
    zh: '有来源为{source}的指标（{indicators}），但缺少工作表“{sheet}”。',
    en: 'Some indicators ({indicators}) are computed from {source}, but the sheet "{sheet}" is missing.',
  },
  'indicator-other-cycle': {
    zh: '指标“{indicator}”的周期为“{cycle}”，不在本表计分，此列已忽略。',
    en: 'The indicator "{indicator}" is scored {cycle}, not on this sheet; the column is ignored.',
  },
  'annual-absent': {
    zh: '“{name}”不在年度工作表“{sheet}”中，年度指标没有成绩（缺期处理为“报错”或“按已考核期平均”时不能补）。',
    en: '"{name}" is not on the yearly sheet "{sheet}": its yearly indicators have no scores (only 缺期处理 = 按0分 fills them).',
  },
  'unknown-period': { zh: '期间“{value}”不在【期间】块中（{periods}）。', en: 'The period "{value}" is not listed in [Periods] ({periods}).' },
  'period-without-periods': {
    zh: '考核方案没有【期间】块，期间应留空。',
    en: 'The scheme lists no periods: leave the period blank.',
  },
  'event-period-absent': {
    zh: '“{name}”没有参加{period}的考核，该期的加减分无从计入。',
    en: '"{name}" was not assessed in {period}: this event has no score to count in.',
  },
  'combine-periodic': {
    zh: '该工作簿的考核方案已有【期间】块，是汇总过的工作簿；请合并各期的原始工作簿。',
    en: "This workbook already lists periods (it is a combined workbook); combine the periods' own workbooks.",
  },
  'combine-scheme-differs': {
    zh: '{file} 的维度、指标或等次与 {other} 不同，不能合并：请先统一各期的考核方案。',
    en: "The dimensions, indicators or grades of {file} differ from {other}: make the periods' schemes the same first.",
  },
  'combine-unit-partial': {
    zh: '“{name}”只出现在{periods}。',
    en: '"{name}" appears only in {periods}.',
  },
  'combine-unit-renamed': {
    zh: '“{name}”从{period}起出现，而“{like}”不再出现：是否改名？若是，请在各期中统一名称。',
    en: '"{name}" appears from {period} on while "{like}" no longer does: renamed? If so, use one name in every period.',
  },
  'sheet-name-taken': {
    zh: '工作簿中已有名为“{sheet}”的工作表且不是本工具生成的：请改名或删除后再运行。',
    en: 'The workbook already has a sheet "{sheet}" that this tool did not write: rename or delete it, then run again.',
  },
} satisfies Table;
/** A code with words in both languages: a code without them does not compile. */
export type IssueCode = keyof typeof ISSUE_MESSAGES;

/** 备注 notes on a subject. */
export const NOTE_MESSAGES = {
  'note-veto': { zh: '一票否决：{reason}', en: 'Veto: {reason}' },
  'note-veto-line': { zh: '否决类扣分 {sum} 分，达到否决扣分线 {line} 分，一票否决', en: 'Veto deductions {sum} reach the veto line {line}: vetoed' },
  'note-veto-overrides': { zh: '一票否决优先于定等、一票肯定', en: 'The veto overrides set grades and affirmations' },
  'note-set': { zh: '定等为{grade}：{reason}', en: 'Grade set to {grade}: {reason}' },
  'note-affirm': { zh: '一票肯定，定为{grade}：{reason}', en: 'Affirmed, graded {grade}: {reason}' },
  'note-cap': { zh: '限等，不高于{grade}：{reason}', en: 'Capped at {grade}: {reason}' },
  'note-bonus': { zh: '加{amount}分：{reason}', en: '+{amount}: {reason}' },
  'note-deduction': { zh: '扣{amount}分：{reason}', en: '−{amount}: {reason}' },
  'note-bonus-capped': { zh: '加分合计 {sum} 分，超过加分上限，按 {cap} 分计', en: 'Bonuses add up to {sum}, over the bonus cap: {cap} counts' },
  'note-deduction-capped': { zh: '扣分合计 {sum} 分，超过扣分上限，按 {cap} 分计', en: 'Deductions add up to {sum}, over the deduction cap: {cap} counts' },
  'note-event-capped': {
    zh: '（{category}单项原 {amount} 分，超过单项上限，按 {counted} 分计）',
    en: '({category}: {amount} is over the per-event cap; {counted} counts)',
  },
  'note-category-capped': {
    zh: '{category}累计 {sum} 分，超过累计上限，按 {counted} 分计',
    en: '{category} adds up to {sum}, over its cap: {counted} counts',
  },
  'note-demoted': { zh: '降等：由{from}降为{to}（{reason}）', en: 'Demoted from {from} to {to} ({reason})' },
  'note-tie-admitted': { zh: '名额边界同分，同分同等次计入{grade}（名额 {quota}）', en: 'Tied at the quota boundary; admitted to {grade} (quota {quota})' },
  'note-tie-demoted': { zh: '名额边界同分，同分均降，未评为{grade}', en: 'Tied at the quota boundary; all tied go below {grade}' },
  'note-tie-pending': { zh: '名额边界同分，等次待定', en: 'Tied at the quota boundary; grade pending' },
  'note-tie-broken': { zh: '同分，按同分依据“{key}”排序', en: 'Equal total; ordered by the tie-breaker "{key}"' },
  'note-untrimmed': {
    zh: '“{indicator}”的“{category}”只有 {count} 人评议，未去掉最高最低分',
    en: 'Only {count} raters in "{category}" for "{indicator}": no highest and lowest dropped',
  },
  'note-head-period': {
    zh: '{period}负责人计分：本人 {own} × {ownShare}% + 部门其他 {count} 人平均 {mean} × {restShare}%',
    en: '{period}, head: own {own} × {ownShare}% + the mean {mean} of {count} others in the department × {restShare}%',
  },
  'note-head-alone': {
    zh: '负责人，部门“{department}”无其他人员，按本人总分计',
    en: 'Head with no other staff in "{department}": their own total counts',
  },
  'note-head': {
    zh: '负责人计分：本人 {own} × {ownShare}% + 部门其他 {count} 人平均 {mean} × {restShare}%',
    en: 'Head: own {own} × {ownShare}% + the mean {mean} of {count} others in the department × {restShare}%',
  },
  'note-remark': { zh: '{text}', en: '{text}' },
  'note-annual-zero': {
    zh: '未参加年度指标考核，按0分计',
    en: 'Not scored on the yearly indicators; they count as 0',
  },
  'note-periods-average': {
    zh: '未参加{periods}考核，缺期按已考核期平均计',
    en: 'Not assessed in {periods}; missing periods count as the mean of those assessed',
  },
  'note-periods-zero': { zh: '未参加{periods}考核，缺期按0分计', en: 'Not assessed in {periods}; missing periods count as 0' },
  'note-period-veto-kept': {
    zh: '{period}一票否决（{reason}），不延续到全年',
    en: 'Vetoed in {period} ({reason}); the veto does not carry to the year',
  },
  'note-period-veto-line-kept': {
    zh: '{period}否决类扣分 {sum} 分达到否决扣分线，不延续到全年',
    en: 'Veto deductions of {sum} in {period} reach the veto line; the veto does not carry to the year',
  },
} satisfies Table;
/** A code with words in both languages: a code without them does not compile. */
export type NoteCode = keyof typeof NOTE_MESSAGES;

/** The 成绩单's 等次说明: what an event did to the grade (codes from the event types' entries). */
export const REASON_MESSAGES = {
  'reason-veto': { zh: '一票否决（{reason}），定为{grade}', en: 'Vetoed ({reason}): {grade}' },
  'reason-veto-line': { zh: '否决类扣分 {sum} 分，达到否决扣分线 {line} 分，一票否决', en: 'Veto deductions {sum} reach the veto line {line}: vetoed' },
  'reason-set': { zh: '定等为{grade}（{reason}）', en: 'Grade set to {grade} ({reason})' },
  'reason-affirm': { zh: '一票肯定（{reason}），定为{grade}，不占名额', en: 'Affirmed ({reason}): {grade}, outside the quota' },
  'reason-cap': { zh: '限等（{reason}），不能评为{grade}', en: 'Capped ({reason}): cannot be {grade}' },
  'reason-demoted': { zh: '因降等（{reason}）由{from}降为{to}', en: 'Demoted ({reason}) from {from} to {to}' },
  'reason-see-sheet': { zh: '见加减分表', en: 'see the adjustments sheet' },
} satisfies Table;
/** A code with words in both languages: a code without them does not compile. */
export type ReasonCode = keyof typeof REASON_MESSAGES;

/** Words for coded parameters (the `reason` of grade-impossible). */
const REASONS: Table = {
  'min-count-sum': {
    zh: '{scope}按比例下限共需 {need} 个，但只有 {n} 个考核对象',
    en: '{scope}: the minimum shares need {need} in all, but there are only {n} subjects',
  },
  'quota<min': { zh: '{scope}共 {need} 个才够比例下限，名额却只有 {quota} 个', en: '{scope}: its minimum share needs {need}, its quota allows {quota}' },
};

/**
 * Parameters that carry codes, and each code's words. Every other parameter is the workbook's own
 * text (a name, a value, a sheet name, a block title or a column header as it must be typed) or a
 * number, shown as it is.
 */
const CODED_PARAMS: Readonly<Record<string, Table>> = {
  reason: REASONS,
  /** what a block's rows are (blank-name, duplicate-name) */
  what: {
    dimensions: { zh: '维度', en: 'dimension' },
    indicators: { zh: '指标', en: 'indicator' },
    grades: { zh: '等次', en: 'grade' },
    categories: { zh: '类别', en: 'category' },
    periods: { zh: '期间', en: 'period' },
  },
  /** a block of 考核方案, by its title (either is accepted in the workbook) */
  block: {
    settings: { zh: '【设置】', en: '[Settings]' },
    dimensions: { zh: '【维度】', en: '[Dimensions]' },
    indicators: { zh: '【指标】', en: '[Indicators]' },
    grades: { zh: '【等次】', en: '[Grades]' },
    categories: { zh: '【加减分类别】', en: '[Adjustment categories]' },
    periods: { zh: '【期间】', en: '[Periods]' },
  },
  /** a category's side (category-kind) */
  kind: { bonus: { zh: '加分', en: 'bonus' }, deduction: { zh: '扣分', en: 'deduction' } },
};

const isList = (v: ParamValue): v is readonly string[] => Array.isArray(v);

/** Lists in a parameter (sheet names, grade names, the accepted types) are joined so. */
const LIST_SEPARATOR: Record<Lang, string> = { zh: '、', en: ', ' };

/** Fills a message; a parameter left empty takes its separator or brackets with it. */
export function message(table: Table, code: string, lang: Lang, params: Params): string {
  const entry = table[code];
  if (!entry) return `${code} ${JSON.stringify(params)}`;
  const words: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(params)) words[key] = isList(value) ? value.join(LIST_SEPARATOR[lang]) : value;
  for (const [key, codes] of Object.entries(CODED_PARAMS)) {
    const value = params[key];
    if (typeof value === 'string' && Object.hasOwn(codes, value)) words[key] = fill(codes[value][lang], words);
  }
  const text = fill(entry[lang], words);
  return text.replace(/[：:]\s*$/, '').replace(/（\s*）|\s*\(\s*\)/g, '');
}

export function fill(template: string, params: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));
}

/** English counts: '1 error', '2 errors'. */
export const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/** 'zh' for any Chinese locale (zh-CN, zh_CN.UTF-8, zh-Hans), else 'en'. */
export function langOf(locale: string | undefined | null): Lang {
  return locale && /^zh\b|^zh[-_]/i.test(locale) ? 'zh' : 'en';
}
