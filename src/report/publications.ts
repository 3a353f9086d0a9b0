// The optional result sheets (contract section 6, 输出): 结果公示, 指标分析, 成绩单.
import { analyse } from '../engine/analysis';
import { PENDING_GRADE, type ScoredAssessment, type SubjectResult } from '../engine/assess';
import { eventType, vetoes } from '../engine/event-types';
import * as X from '../engine/exact';
import { RANKING_METHODS } from '../engine/policies';
import { message, REASON_MESSAGES } from '../i18n/messages';
import { PENDING, type GradeMiss } from '../engine/grade';
import type { SideTotal } from '../engine/score';
import { BAR_COLOR, FOOTER, SheetBuilder, profileHeight, type Column, type ColumnKind, type PageProfile } from './layout';
import {
  baseLabel,
  chineseDate,
  gradeCutoffs,
  head,
  inInputOrder,
  MISSING_PERIOD_RULE,
  rollupHow,
  scopeOf,
  signature,
  tierOf,
  type ReportContext,
} from './common';
import { indicatorsScored, periodicWeight } from '../engine/scheme';
import type { SheetSpec } from './spec';
import { headWords, indicatorWords } from './derived';

export function noticeSheet(a: ScoredAssessment, ctx: ReportContext): SheetSpec {
  const { scheme } = a;
  const { noticeShowsTotal, noticeText } = scheme.settings;
  const columns: Column[] = [
    { header: '排名', kind: 'int' },
    { header: '名称', kind: 'text' },
    ...(a.hasGroups ? [{ header: '分组', kind: 'center' } as const] : []),
    ...(noticeShowsTotal ? [{ header: '总分', kind: 'score' } as const] : []),
    { header: '等次', kind: 'center' },
  ];
  const { title, issuer, noticePeriod, noticePhone } = scheme.settings;
  // a notice to post as it is: its heading, an opening sentence, the table, 公示期 and 监督电话,
  // and the issuing body and the date as its signature
  const notice = { ...head('notice', scheme, ctx), title: `${title}结果公示`, subtitle: `现将${title}结果予以公示（按总排名排列）：` };
  const b = new SheetBuilder(notice, columns).header();
  for (const s of a.subjects) b.row([s.rank, s.name, ...(a.hasGroups ? [s.group ?? ''] : []), ...(noticeShowsTotal ? [s.score.total.value] : []), s.grade]);
  b.blank();
  if (noticeText) b.line(noticeText);
  b.line(`公示期：${noticePeriod || '　　　　年　　月　　日至　　　　年　　月　　日'}。公示期间如有异议，请向${issuer || '考核办公室'}反映。`);
  b.line(`监督电话：${noticePhone || '　　　　　　　　'}`);
  b.blank();
  if (issuer) b.line(issuer, 'right');
  b.line(chineseDate(ctx.date), 'right');
  return b.build();
}

export function analysisSheet(a: ScoredAssessment, ctx: ReportContext): SheetSpec {
  const { scheme } = a;
  const stats = analyse(a);
  const columns: Column[] = [
    { header: '指标', kind: 'text' },
    { header: '牵头部门', kind: 'text' },
    { header: '分值', kind: 'raw' },
    { header: '平均分', kind: 'score' },
    { header: '最高分', kind: 'raw' },
    { header: '最低分', kind: 'raw' },
    { header: '得分率', kind: 'rate' },
    { header: '满分个数', kind: 'int' },
    { header: '失分合计', kind: 'score' },
  ];
  const b = new SheetBuilder(head('analysis', scheme, ctx), columns).header();
  const first = b.rowCount;
  for (const i of stats.indicators) b.row([i.name, i.lead, i.points, i.average.value, i.highest, i.lowest, i.rate.value, i.fullMarks, i.pointsLost.value]);
  b.dataBar(first, b.rowCount - 1, 6, BAR_COLOR);
  b.blank().blockHeader(['牵头部门', '指标数', '失分合计', '占全部失分']);
  const leadKinds: ColumnKind[] = ['text', 'int', 'score', 'percent'];
  for (const l of stats.leads) b.row([l.lead, l.indicators, l.pointsLost.value, l.share.value], leadKinds);
  b.row(['合计', scheme.indicators.length, stats.totalLost.value, 1], leadKinds);
  b.blank().line(`共 ${a.subjects.length} 个考核对象。按得分率由低到高排列；得分率 = 平均分 ÷ 分值，失分 = 分值 − 得分。`);
  signature(b, scheme);
  return b.build();
}

function fmt(x: number, decimals: number): string {
  return x.toFixed(decimals);
}

/** Why a subject has its grade, in words a unit reads when it considers an appeal. */
export function gradeReason(s: SubjectResult, a: ScoredAssessment): string {
  const { scheme } = a;
  const name = (g: number) => (g === PENDING ? PENDING_GRADE : scheme.grades[g].name);
  const o = s.outcome;
  const scope = scheme.settings.gradeScope === 'group' ? `${s.group}内` : '全体';
  const parts: string[] = [];
  const forced = s.constraints.forced;
  // what an event did, in the words of its type's entry; without a 事由, the sheet to look at
  const eventReason = (type: string, params: Record<string, string | number>, reason: string) =>
    message(REASON_MESSAGES, eventType(type).reason!, 'zh', { ...params, reason: reason || message(REASON_MESSAGES, 'reason-see-sheet', 'zh', {}) });
  if (o.why.kind === 'forced' && forced) {
    // a veto that 否决扣分线 also reached is explained by the line
    if (vetoes(forced.by) && s.score.vetoLineSum !== null) {
      parts.push(message(REASON_MESSAGES, 'reason-veto-line', 'zh', { sum: s.score.vetoLineSum, line: scheme.settings.vetoLine! }));
    } else parts.push(eventReason(forced.by, { grade: name(forced.grade) }, forced.event?.reason ?? ''));
  } else if (o.why.kind === 'quota') parts.push(`${scope}按名次评定，第 ${o.why.place} 个获评${name(o.grade)}（名额 ${o.why.quota} 个）`);
  else if (o.why.kind === 'tie-admitted') parts.push(`与名额边界同分，按“同分同等次”计入${name(o.grade)}（名额 ${o.why.quota} 个）`);
  else if (o.why.kind === 'pending') parts.push('与名额边界同分，按“待定”处理，待研究确定');
  else if (o.why.kind === 'open') {
    const min = scheme.grades[o.grade].minScore;
    parts.push(min !== null ? `总分不低于${name(o.grade)}最低分 ${min}` : `${name(o.grade)}不限名额`);
  }
  const missed = (m: GradeMiss) => {
    const g = scheme.grades[m.grade];
    if (m.why === 'quota-full') return `${g.name}名额已满`;
    if (m.why === 'below-min') return `总分低于${g.name}最低分 ${g.minScore}`;
    if (m.why === 'capped') return eventReason(s.constraints.capEvent!.type, { grade: g.name }, s.constraints.capEvent!.reason);
    return `与名额边界同分，按“同分均降”未评为${g.name}`;
  };
  if (o.misses.length > 0) parts.push(`未评为更高等次：${o.misses.map(missed).join('；')}`);
  if (o.why.kind === 'rest' && o.misses.length === 0) parts.push(`${name(o.grade)}`);
  if (o.demotedFrom !== null) {
    const events = s.constraints.demoteEvents;
    const reasons = events
      .map((e) => e.reason)
      .filter(Boolean)
      .join('；');
    parts.push(eventReason(events[0].type, { from: name(o.demotedFrom), to: name(o.grade) }, reasons));
  }
  if (o.boundaryKey >= 0) parts.push(`名额边界总分相同，按同分依据“${scheme.settings.tieBreakers[o.boundaryKey]}”区分`);
  return parts.join('；');
}

/** 成绩单 with 【期间】: each period's total and how it was made, then the periods rolled up. */
function periodRows(b: SheetBuilder, s: SubjectResult, a: ScoredAssessment): void {
  const { settings } = a.scheme;
  const { decimals } = settings;
  const rule = MISSING_PERIOD_RULE[settings.missingPeriod];
  const missingWords = rule ? `未参加考核，${rule}` : '未参加考核';
  const periods = s.periods!;
  periods.results.forEach((r, i) => {
    const period = a.scheme.periods[i];
    const weight = settings.rollup === 'weighted' && !period.annual ? `（权重 ${period.weight}%）` : '';
    if (!r) {
      b.row([`　${period.name}${weight}`, null, null, null, null, missingWords], COMPUTED);
      return;
    }
    const { base, bonus, deduction, total } = r.score;
    const adjusted = bonus.published.units !== 0 || deduction.published.units !== 0;
    // the 年度 sheet's base is its dimensions' (or indicators') scores: name them
    const parts = period.annual ? yearParts(a, r) : '';
    const baseWords = `基础分 ${fmt(base.value, decimals)}${parts ? `（${parts}）` : ''}`;
    const how = adjusted ? `${baseWords} + 加分 ${fmt(bonus.published.value, decimals)} − 扣分 ${fmt(deduction.published.value, decimals)}` : baseWords;
    b.row([`　${period.name}${weight}`, null, total.value, null, null, `${how}（${period.sheet}）`], COMPUTED);
  });
  b.row([baseLabel(a.scheme), null, periods.rolledUp.value, null, null, rollupHow(a.scheme)], COMPUTED);
}

/** The 年度 sheet's parts in words: 环境评价 8.00 + 学习与成长 9.00 (the points model: its indicators). */
function yearParts(a: ScoredAssessment, r: NonNullable<NonNullable<SubjectResult['periods']>['results'][number]>): string {
  const { scheme } = a;
  const { decimals } = scheme.settings;
  if (scheme.dimensions.length > 0)
    return scheme.dimensions.flatMap((d, k) => (d.cycle === 'year' ? [`${d.name} ${fmt(r.score.dimensionScores[k].value, decimals)}`] : [])).join(' + ');
  return scheme.indicators.flatMap((ind, i) => (ind.cycle === 'year' ? [`${ind.name} ${fmt(r.input.scores[i], decimals)}`] : [])).join(' + ');
}

/** 成绩单's columns: scores shown with the configured decimals, like 结果汇总. */
const COMPUTED: ColumnKind[] = ['text', 'raw', 'score', 'rate', 'int', 'note'];
/** The 排名 row: a whole number where the scores are. */
const RANK_ROW: ColumnKind[] = ['text', 'raw', 'int', 'rate', 'int', 'note'];

function adjustmentRows(b: SheetBuilder, label: '加分' | '扣分', side: SideTotal, cap: number | null, decimals: number): void {
  for (const cat of side.categories) {
    for (const e of cat.events) {
      const notes = [
        e.event.reason,
        e.event.basis ? `依据：${e.event.basis}` : '',
        e.event.date ? `日期：${chineseDate(e.event.date)}` : '',
        e.event.period ? `期间：${e.event.period}` : '',
        e.cappedByEvent ? `原 ${e.event.amount} 分，超过单项上限 ${cat.category!.eventCap}，按 ${e.counted} 分计` : '',
      ];
      b.row([`${label}${cat.name ? `（${cat.name}）` : ''}`, null, e.counted, null, null, notes.filter(Boolean).join('；')], COMPUTED);
    }
    if (cat.cappedByTotal)
      b.row(
        [`${label}（${cat.name}）累计`, null, cat.counted, null, null, `合计 ${cat.sum} 分，超过累计上限 ${cat.category!.totalCap}，按 ${cat.counted} 分计`],
        COMPUTED,
      );
  }
  if (side.column !== 0) b.row([`${label}（评分表）`, null, side.column, null, null, '评分表中填写的加分/扣分，不设类别上限'], COMPUTED);
  if (side.categories.length > 0 || side.column !== 0) {
    b.row(
      [
        `${label}合计`,
        null,
        side.published.value,
        null,
        null,
        side.cappedBySubject ? `合计 ${side.sum} 分，超过${label}上限 ${cap}，按 ${fmt(side.published.value, decimals)} 分计` : '',
      ],
      COMPUTED,
    );
  }
}

export function reportsSheet(a: ScoredAssessment, ctx: ReportContext): SheetSpec {
  const { scheme } = a;
  const { decimals, fullScore } = scheme.settings;
  // every score on the form shows the configured decimals (36.50 beside 37.00, not 36.5 beside 37)
  // 名次: the indicator's rank among all subjects
  const columns: Column[] = COMPUTED.map((kind, c) => ({ header: ['项目', '分值', '得分', '得分率', '名次', '说明'][c], kind }));
  const weighted = scheme.dimensions.length > 0;
  const groupSize = new Map<string, number>();
  for (const s of a.subjects) if (s.group !== null) groupSize.set(s.group, (groupSize.get(s.group) ?? 0) + 1);
  const sheetHead = head('reports', scheme, ctx);
  const rate = (score: number, max: number) => (max > 0 ? X.publishRatio(score, max, 4).value : null);
  const labels = scheme.indicators.map((ind) => `　${ind.name}`);
  const shownScore = (s: SubjectResult, i: number) => {
    // a score from raters or ballots is shown rounded like every published number
    const exact = s.input.exactScores?.get(i);
    return exact ? X.publish(exact, decimals).value : s.input.scores[i];
  };
  // each indicator's rank among all subjects (1 + how many scored more), from the sorted scores
  const sortedScores = scheme.indicators.map((_, i) => a.subjects.map((s) => shownScore(s, i)).sort((x, y) => y - x));
  const indicatorRank = (i: number, score: number) => {
    const sorted = sortedScores[i];
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid] > score) lo = mid + 1;
      else hi = mid;
    }
    return lo + 1;
  };
  // an indicator's scores mostly take few distinct values: each one's 得分率 and 名次 are worked
  // out once (up to a bound, as rater means may all differ)
  const rateAndRank = scheme.indicators.map(() => new Map<number, readonly [number | null, number]>());
  const rateAndRankOf = (i: number, score: number) => {
    const known = rateAndRank[i];
    let found = known.get(score);
    if (!found) {
      found = [rate(score, scheme.indicators[i].points), indicatorRank(i, score)];
      if (known.size < REMEMBERED_SCORES) known.set(score, found);
    }
    return found;
  };
  const cutoffs = gradeCutoffs(a);
  const scored = indicatorsScored(scheme);
  const members = a.dimensions.map((dim) => scored.filter((i) => scheme.indicators[i].dimension === dim));
  const unshown = scored.filter((i) => !members.some((m) => m.includes(i)));
  // a single period of a scheme with 年度 dimensions: its dimensions rescaled to 100
  const share = periodicWeight(scheme);
  /** The indicators by dimension, then 基础分. */
  const indicatorRows = (b: SheetBuilder, s: SubjectResult) => {
    const indicatorRow = (i: number) => {
      const ind = scheme.indicators[i];
      const score = shownScore(s, i);
      const words = indicatorWords(s, i, scheme);
      const [scoreRate, rank] = rateAndRankOf(i, score);
      b.row([labels[i], ind.points, score, scoreRate, rank, words || null]);
    };
    let contributionsSum = X.ZERO;
    a.dimensions.forEach((dim, d) => {
      if (members[d].length === 0) return;
      const max = members[d].reduce((acc, i) => acc + scheme.indicators[i].points, 0);
      const got = X.toNumber(X.exactSum(members[d].map((i) => s.input.scores[i])));
      const contribution = s.score.dimensionScores[d];
      contributionsSum = X.add(contributionsSum, X.exactFromNumber(contribution.value));
      const weight = scheme.dimensions.find((x) => x.name === dim)?.weight;
      const rescaled = share !== 100 ? ` ÷ ${share}%` : '';
      const note = weighted ? `折算得分 ${fmt(contribution.value, decimals)} = 得分率 × 权重 ${weight}%${rescaled} × 满分 ${fullScore}` : '小计';
      b.row([`【${dim}】`, max, got, rate(got, max), null, note]);
      members[d].forEach(indicatorRow);
    });
    unshown.forEach(indicatorRow);
    const maxBase = weighted ? fullScore : scored.reduce((acc, i) => acc + scheme.indicators[i].points, 0);
    const baseNote = weighted ? '各维度折算得分之和' : '各指标得分之和';
    const roundingNote =
      weighted && X.cmp(contributionsSum, X.exactFromNumber(s.score.base.value)) !== 0
        ? `；各维度折算得分分别四舍五入，与按精确值计算的基础分相差 ${fmt(Math.abs(X.toNumber(X.sub(contributionsSum, X.exactFromNumber(s.score.base.value)))), decimals)}`
        : '';
    b.row(['基础分', maxBase, s.score.base.value, rate(s.score.base.value, maxBase), null, baseNote + roundingNote], COMPUTED);
  };
  /** One subject's page. */
  const report = (s: SubjectResult): SheetBuilder => {
    const b = new SheetBuilder(sheetHead, columns, { section: true });
    b.caption(`${s.name}　考核成绩单`);
    const tier = tierOf(scheme, s.rank);
    b.line(
      [s.group ? `分组：${s.group}` : '', `总分：${fmt(s.score.total.value, decimals)}`, `等次：${s.grade}`, tier ? `梯队：${tier}` : '']
        .filter(Boolean)
        .join('　　'),
    );
    b.blockHeader(columns.map((c) => c.header));
    if (s.periods) periodRows(b, s, a);
    else indicatorRows(b, s);
    adjustmentRows(b, '加分', s.score.bonus, scheme.settings.bonusCap, decimals);
    adjustmentRows(b, '扣分', s.score.deduction, scheme.settings.deductionCap, decimals);
    const made = `${baseLabel(scheme)} ${fmt(s.score.base.value, decimals)} + 加分 ${fmt(s.score.bonus.published.value, decimals)} − 扣分 ${fmt(s.score.deduction.published.value, decimals)}`;
    const headScore = s.derived.head;
    if (headScore?.staffMean) {
      b.row(['本人总分', null, headScore.own, null, null, `= ${made}`], COMPUTED);
      b.row(['总分', null, s.score.total.value, null, null, `负责人计分 = ${headWords(headScore, decimals)}，四舍五入保留 ${decimals} 位小数`], COMPUTED);
    } else b.row(['总分', null, s.score.total.value, null, null, `= ${made}，四舍五入保留 ${decimals} 位小数`], COMPUTED);
    const groupRank = s.group !== null ? `；${s.group}第 ${s.groupRank} 名（共 ${groupSize.get(s.group)} 个）` : '';
    b.row(
      [
        '排名',
        null,
        s.rank,
        null,
        null,
        `总排名第 ${s.rank} 名（共 ${a.subjects.length} 个，${RANKING_METHODS[scheme.settings.ranking].names[0]}）${groupRank}`,
      ],
      RANK_ROW,
    );
    b.row(['等次', null, s.grade, null, null, gradeReason(s, a)]);
    // how far the next grade up is: its lowest total inside, when this total is below it
    const g = s.outcome.grade;
    const better = g !== PENDING && g > 0 ? cutoffs.get(scopeOf(a, s))?.[g - 1].inside : null;
    if (better != null && better > s.score.total.value) {
      const gap = (Math.round(better * 10 ** decimals) - s.totalUnits) / 10 ** decimals;
      b.row(
        ['距上一等次', null, gap, null, null, `“${scheme.grades[g - 1].name}”线内最低分 ${fmt(better, decimals)}，还差 ${fmt(gap, decimals)} 分`],
        COMPUTED,
      );
    }
    // a form handed to the unit: the assessing body's seal and the date at the bottom
    // room for the seal above the date
    b.blank().line(`考核单位（盖章）：${scheme.settings.issuer}`, 'right').blank().blank().line(chineseDate(ctx.date), 'right');
    return b;
  };
  // subjects in 评分表 order: a unit finds itself where it entered its scores
  const subjects = inInputOrder(a.subjects);
  // the widths and the print scale need every page: each is made, measured and let go; the
  // pages are made again one at a time as the sheet is written
  const widths = columns.map(() => 0);
  const pages: PageProfile[] = [];
  let rows = 0;
  for (const s of subjects) {
    const b = report(s);
    b.columnWidths().forEach((w, c) => (widths[c] = Math.max(widths[c], w)));
    pages.push(b.pageProfile());
    rows += b.rowCount;
  }
  const top = new SheetBuilder(sheetHead, columns);
  const spec = top.build(widths);
  const final = spec.columnWidths;
  const titleRows = top.pageProfile();
  // the title rows print at the top of every page: each subject's page is theirs plus its own
  const tallest = pages.reduce((h, p) => Math.max(h, profileHeight(p, final)), 0) + profileHeight(titleRows, final);
  return {
    ...spec,
    freezeRows: 0,
    print: {
      ...spec.print,
      orientation: 'portrait',
      titleRows: [0, 1],
      scale: pageScale(final, tallest),
      // a page per subject: the sheet's own page count is known
      footer: `${FOOTER} 共 ${subjects.length} 页`,
    },
    sections: { count: subjects.length, rows, section: (k) => report(subjects[k]).buildSection(final) },
  };
}

/** Distinct scores of one indicator whose 得分率 and 名次 are remembered. */
const REMEMBERED_SCORES = 2048;

/** A4 portrait, inside the margins: width in character widths, height in points. */
// conservative: a CJK default font makes the character unit up to a third wider than Calibri's
const PAGE_WIDTH_CHARS = 70;
const PAGE_HEIGHT_POINTS = 730;

/** The print scale at which the widest row fits across and the tallest page fits on one page. */
function pageScale(widths: readonly number[], tallest: number): number {
  const width = widths.reduce((a, w) => a + w, 0);
  return Math.max(10, Math.min(100, Math.floor((100 * PAGE_WIDTH_CHARS) / width), Math.floor((100 * PAGE_HEIGHT_POINTS) / tallest)));
}
