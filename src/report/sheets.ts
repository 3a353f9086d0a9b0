// The result sheets of contract section 6, as specs.
import { PENDING_GRADE, type Assessment, type ScoredAssessment, type SubjectResult } from '../engine/assess';
import { errorsFirst } from '../engine/cells';
import * as X from '../engine/exact';
import type { Issue } from '../engine/types';
import { issueMessage, noteText, SEVERITY_WORD } from '../i18n/format';
import {
  baseLabel,
  dimensionsScored,
  gradeCutoffs,
  head,
  inInputOrder,
  MISSING_PERIOD_RULE,
  notesText,
  rescaledNote,
  rollupHow,
  signature,
  tierOf,
  type ReportContext,
} from './common';
import { SheetBuilder, type Column } from './layout';
import { analysisSheet, noticeSheet, reportsSheet } from './publications';
import { hasDerived, ratingsSheet } from './derived';
import { cellTarget, type SheetLink, type SheetSpec, type SpecValue } from './spec';

/** Widest 结果汇总 may get (character widths) with one column per indicator: A4 landscape, scaled a little. */
const INDICATORS_FIT_WIDTH = 170;

/**
 * 基础分 | 加分 | 扣分 | 总分: the published numbers of every ranked table. With 【期间】 the base
 * is the periods rolled up (期间平均, 期间合计 or 加权汇总) and 加分 / 扣分 the year's own.
 */
function scoreColumns(a: ScoredAssessment): Column[] {
  return [
    { header: baseLabel(a.scheme), kind: 'score' },
    { header: '加分', kind: 'score' },
    { header: '扣分', kind: 'score' },
    { header: '总分', kind: 'score' },
  ];
}

/** Each period's published total, blank where the subject was not assessed. */
function periodTotals(s: SubjectResult): (number | null)[] {
  return s.periods?.results.map((r) => r?.score.total.value ?? null) ?? [];
}

function scoreCells(s: SubjectResult): number[] {
  return [s.score.base.value, s.score.bonus.published.value, s.score.deduction.published.value, s.score.total.value];
}

type ScoreColumns = { headers: string[]; values: (s: SubjectResult) => SpecValue[]; kind: 'score' };

/**
 * 结果汇总 shows each period's total with 【期间】, else dimension scores, else indicator scores
 * while the table still fits the page.
 */
export function summarySheet(a: ScoredAssessment, ctx: ReportContext): SheetSpec {
  if (a.scheme.periods.length > 0) return summaryWith(a, ctx, { headers: a.scheme.periods.map((p) => p.name), values: periodTotals, kind: 'score' });
  if (a.dimensions.length > 0) {
    const shown = dimensionsScored(a);
    return summaryWith(a, ctx, {
      headers: shown.map((d) => a.dimensions[d]),
      values: (s) => shown.map((d) => s.score.dimensionScores[d].value),
      kind: 'score',
    });
  }
  // indicator scores with the configured decimals (36.50 beside 37.00); a rated one as published
  const { decimals } = a.scheme.settings;
  const indicatorValues = (s: SubjectResult) =>
    s.input.scores.map((v, i) => (s.input.exactScores?.has(i) ? X.publish(s.input.exactScores.get(i)!, decimals).value : v));
  const withIndicators = summaryWith(a, ctx, { headers: a.scheme.indicators.map((i) => i.name), values: indicatorValues, kind: 'score' });
  const width = withIndicators.columnWidths.reduce((x, y) => x + y, 0);
  return width <= INDICATORS_FIT_WIDTH ? withIndicators : summaryWith(a, ctx, { headers: [], values: () => [], kind: 'score' });
}

function summaryWith(a: ScoredAssessment, ctx: ReportContext, scores: ScoreColumns): SheetSpec {
  const { scheme } = a;
  const gaps = scheme.settings.showGaps;
  const tiers = scheme.tiers.length > 0;
  const columns: Column[] = [
    { header: '排名', kind: 'int' },
    { header: '名称', kind: 'text' },
    ...(a.hasGroups ? [{ header: '分组', kind: 'center' } as const] : []),
    ...scores.headers.map((h) => ({ header: h, kind: scores.kind })),
    ...scoreColumns(a),
    ...(gaps ? [{ header: '与上一名差', kind: 'score' } as const, { header: '与平均分差', kind: 'score' } as const] : []),
    { header: '等次', kind: 'center' },
    ...(tiers ? [{ header: '梯队', kind: 'center' } as const] : []),
    { header: '备注', kind: 'note' },
  ];
  const b = new SheetBuilder(head('summary', scheme, ctx), columns).header();
  // differences of published totals, worked in units of the last decimal: exact
  const { decimals } = scheme.settings;
  const unit = 10 ** decimals;
  const mean = X.div(X.exactSum(a.subjects.map((s) => s.score.total.value)), X.exactInt(Math.max(1, a.subjects.length)));
  a.subjects.forEach((s, k) => {
    const gapCells = gaps
      ? [k === 0 ? null : (a.subjects[k - 1].totalUnits - s.totalUnits) / unit, X.publish(X.sub(X.exactFromNumber(s.score.total.value), mean), decimals).value]
      : [];
    b.row([
      s.rank,
      s.name,
      ...(a.hasGroups ? [s.group ?? ''] : []),
      ...scores.values(s),
      ...scoreCells(s),
      ...gapCells,
      s.grade,
      ...(tiers ? [tierOf(scheme, s.rank)] : []),
      notesText(s),
    ]);
  });
  const rescaled = rescaledNote(scheme);
  if (rescaled) b.blank().line(rescaled);
  signature(b, scheme);
  return b.build();
}

export function groupSheet(a: ScoredAssessment, ctx: ReportContext): SheetSpec {
  const { scheme } = a;
  const columns: Column[] = [
    { header: '组内排名', kind: 'int' },
    { header: '名称', kind: 'text' },
    ...scoreColumns(a),
    { header: '总排名', kind: 'int' },
    { header: '等次', kind: 'center' },
    { header: '备注', kind: 'note' },
  ];
  const b = new SheetBuilder(head('groups', scheme, ctx), columns).header();
  a.groups.forEach((g, i) => {
    const members = a.subjects.filter((s) => s.group === g);
    if (i > 0) b.breakBefore();
    b.caption(`${g}（${members.length}个）`);
    for (const s of members) {
      b.row([s.groupRank, s.name, ...scoreCells(s), s.rank, s.grade, notesText(s)]);
    }
  });
  signature(b, scheme);
  return b.build();
}

/**
 * 期间汇总 (with 【期间】): every subject in the order of the period sheets, each period's total,
 * the year's total, rank and grade; 备注 says which periods were assessed and how the missing
 * ones counted.
 */
export function periodSheet(a: ScoredAssessment, ctx: ReportContext): SheetSpec {
  const { scheme } = a;
  const periods = scheme.periods;
  const columns: Column[] = [
    { header: '名称', kind: 'text' },
    ...(a.hasGroups ? [{ header: '分组', kind: 'center' } as const] : []),
    ...periods.map((p) => ({ header: p.name, kind: 'score' }) as const),
    { header: '汇总分', kind: 'score' },
    { header: '排名', kind: 'int' },
    { header: '等次', kind: 'center' },
    { header: '备注', kind: 'note' },
  ];
  const b = new SheetBuilder(head('periods', scheme, ctx), columns).header();
  for (const s of inInputOrder(a.subjects)) {
    const missing = s.periods?.missing ?? [];
    const assessed = periods.filter((p) => !missing.includes(p.name)).map((p) => p.name);
    const notes = s.periodNotes.map((n) => noteText(n, 'zh'));
    const remark = (missing.length > 0 ? [`已考核：${assessed.join('、')}`, ...notes] : notes).join('；');
    b.row([s.name, ...(a.hasGroups ? [s.group ?? ''] : []), ...periodTotals(s), s.score.total.value, s.rank, s.grade, remark]);
  }
  b.blank().line(rollupLine(a));
  signature(b, scheme);
  return b.build();
}

/** How the year's total was made, in words under 期间汇总. */
function rollupLine(a: ScoredAssessment): string {
  const { settings } = a.scheme;
  const rule = MISSING_PERIOD_RULE[settings.missingPeriod];
  const missing = rule ? `缺期${rule}` : '不允许缺期';
  const caps = settings.capScope === 'year' ? '加减分全年合并计算上限，计入汇总分' : '各期加减分计入当期，未填期间的加减分计入汇总分';
  return `汇总分 = ${rollupHow(a.scheme)}，四舍五入保留 ${settings.decimals} 位小数；${missing}；${caps}；${settings.vetoCarries ? '任一期一票否决即全年否决' : '一票否决不跨期延续'}。`;
}

export function distributionSheet(a: ScoredAssessment, ctx: ReportContext): SheetSpec {
  const { scheme } = a;
  const columns: Column[] = [
    { header: '范围', kind: 'center' },
    { header: '等次', kind: 'center' },
    { header: '比例', kind: 'text' },
    { header: '名额', kind: 'int' },
    { header: '实有', kind: 'int' },
    { header: '占比', kind: 'percent' },
    { header: '线内最低分', kind: 'score' },
    { header: '线外最高分', kind: 'score' },
    { header: '说明', kind: 'note' },
  ];
  const b = new SheetBuilder(head('distribution', scheme, ctx), columns).header();
  const cutoffs = gradeCutoffs(a);
  const first = b.rowCount;
  for (const scope of a.scopes) {
    for (const g of scope.grades) {
      const rule = scheme.grades[g.grade];
      const limits = [rule.maxPct !== null ? `≤${rule.maxPct}%` : '', rule.minPct !== null ? `≥${rule.minPct}%` : ''].filter(Boolean).join('，');
      const words = g.warnings.map((w) => issueMessage({ severity: 'warning', code: w.code, sheet: '', cell: '', value: '', params: w.params }, 'zh'));
      if (rule.minScore !== null) words.unshift(`最低分 ${rule.minScore}`);
      const cut = cutoffs.get(scope.scope)?.[g.grade];
      b.row([
        scope.scope,
        rule.name,
        limits,
        g.quota,
        g.count,
        scope.size ? g.count / scope.size : 0,
        cut?.inside ?? null,
        cut?.outside ?? null,
        words.join('；'),
      ]);
    }
    if (scope.pending > 0) b.row([scope.scope, PENDING_GRADE, '', null, scope.pending, scope.pending / scope.size, null, null, '名额边界同分，待研究确定']);
  }
  const last = b.rowCount - 1;
  b.blank().line(
    a.scopes.map((s) => `${s.scope}共 ${s.size} 个`).join('，') +
      '。占比 = 实有 ÷ 该范围人数。线内最低分：获评该等次的最低总分；线外最高分：未获评该等次及以上者的最高总分。',
  );
  // a chart of counts per grade (scope and grade as labels when grades are per group)
  b.chart('各等次人数', first, last, a.scopes.length > 1 ? [0, 1] : [1, 1], 4);
  signature(b, scheme);
  return b.build();
}

export function validationSheet(a: Assessment, ctx: ReportContext, extra: readonly Issue[] = [], fileTitle = ''): SheetSpec {
  const columns: Column[] = [
    { header: '级别', kind: 'center' },
    { header: '工作表', kind: 'center' },
    { header: '单元格', kind: 'center' },
    { header: '说明', kind: 'note' },
    { header: '原值', kind: 'text' },
  ];
  const issues = errorsFirst([...a.issues, ...extra]);
  const b = new SheetBuilder(head('validation', a.scheme, ctx, fileTitle), columns).header();
  const errors = issues.filter((i) => i.severity === 'error').length;
  // each 单元格 links to its cell (a sheet the workbook has; not the result sheets' own names)
  const links: SheetLink[] = [];
  for (const i of issues) {
    if (i.cell && i.sheet) links.push({ r: b.rowCount, c: 2, target: cellTarget(i.sheet, i.cell) });
    b.row([SEVERITY_WORD.zh[i.severity], i.sheet, i.cell, issueMessage(i, 'zh'), i.value]);
  }
  b.blank();
  if (issues.length === 0) b.line('未发现问题。');
  else b.line(`共 ${errors} 个错误、${issues.length - errors} 个警告。${errors > 0 ? '有错误时不计算结果：请改正后重新运行。' : ''}`);
  if (a.scheme) signature(b, a.scheme);
  return { ...b.build(), links };
}

/**
 * Every result sheet for an assessment, in writing order. With errors, only 校验报告.
 * `extra` are issues found outside the engine (by the host), reported in 校验报告 too.
 */
export function buildResultSheets(a: Assessment, ctx: ReportContext, extra: readonly Issue[] = [], fileTitle = ''): SheetSpec[] {
  const sheets: SheetSpec[] = [];
  const issues = [...extra];
  if (a.ok && !extra.some((i) => i.severity === 'error')) {
    const outputs = a.scheme.settings.outputs;
    sheets.push(summarySheet(a, ctx));
    if (a.scheme.periods.length > 0) sheets.push(periodSheet(a, ctx));
    if (a.hasGroups) sheets.push(groupSheet(a, ctx));
    sheets.push(distributionSheet(a, ctx));
    if (outputs.includes('notice')) sheets.push(noticeSheet(a, ctx));
    if (outputs.includes('analysis')) sheets.push(analysisSheet(a, ctx));
    if (hasDerived(a.scheme)) sheets.push(ratingsSheet(a, ctx));
    if (outputs.includes('reports')) sheets.push(reportsSheet(a, ctx));
  }
  sheets.push(validationSheet(a, ctx, issues, fileTitle));
  return sheets;
}
