// Scores that were not typed in, in words and as a sheet: 评议 indicators down to each rater's
// score, 测评 indicators down to the votes, layered scores (who changed what) and a head's total.
// 成绩单 and 评议明细 both say them from here.
import type { HeadScore, ScoredAssessment, SubjectResult } from '../engine/assess';
import type { BallotScore } from '../engine/ballots';
import * as X from '../engine/exact';
import type { RatedScore } from '../engine/ratings';
import type { BallotOption, LayerValue, Scheme } from '../engine/types';
import { head, inInputOrder, signature, type ReportContext } from './common';
import { SheetBuilder, type Column } from './layout';
import type { SheetSpec } from './spec';

const fixed = (x: X.Exact, decimals: number) => {
  const units = X.roundHalfUpUnits(x, decimals);
  return (Number(units) / 10 ** decimals).toFixed(decimals);
};
const list = (values: readonly number[]) => values.map(String).join('、');

/** 同事 3 人（90、88、80）平均 86.00 × 50% + 领导 …；自评 100（仅供参考） */
export function ratingWords(r: RatedScore, decimals: number): string {
  const counted: string[] = [];
  const reference: string[] = [];
  for (const c of r.categories) {
    if (c.scores.length === 0 || !c.mean) continue;
    const dropped = c.dropped.length > 0 ? `，去掉 ${list(c.dropped)}` : '';
    const part = `${c.category} ${c.scores.length} 人（${list(c.scores.map((x) => x.value))}${dropped}）平均 ${fixed(c.mean, decimals)}`;
    if (c.weight > 0) counted.push(`${part} × ${c.weight}%`);
    else reference.push(`${part}，仅供参考`);
  }
  return [counted.join(' + '), ...reference].filter(Boolean).join('；');
}

/** 40 票：优秀 25、称职 12、基本称职 2、不称职 1，平均 89.50（满分 100）；满意率 92.5% */
export function ballotWords(b: BallotScore, options: readonly BallotOption[], points: number, decimals: number): string {
  const cast = b.votes.reduce((x, y) => x + y, 0);
  const votes = options.map((o, k) => `${o.name} ${b.votes[k]}`).join('、');
  const scaled = b.scale !== points ? `，折合 ${fixed(b.score, decimals)} = 平均 × 分值 ${points} ÷ ${b.scale}` : '';
  return `${cast} 票：${votes}，平均 ${fixed(b.average, decimals)}（满分 ${b.scale}）${scaled}；满意率（${b.satisfiedOptions.join('、')}）${fixed(X.mul(b.satisfaction, X.exactInt(100)), 1)}%`;
}

/** 自评 9 → 初评 8 → 复评 8.5（以复评为准） */
export function layerWords(layers: readonly LayerValue[]): string {
  const filled = layers.filter((l) => l.value !== null);
  if (filled.length <= 1) return filled.length === 1 ? `${filled[0].layer} ${filled[0].value}` : '';
  return `${filled.map((l) => `${l.layer} ${l.value}`).join(' → ')}（以${filled[filled.length - 1].layer}为准）`;
}

/** 本人总分 91.35 × 50% + 部门其他 3 人（甲 88.40、乙 90.15、丙 86.76）平均 88.44 × 50% */
export function headWords(h: HeadScore, decimals: number): string {
  if (!h.staffMean) return `部门“${h.department}”无其他人员，按本人总分计`;
  const staff = h.staff.map((s) => `${s.name} ${s.total.toFixed(decimals)}`).join('、');
  return `本人总分 ${h.own.toFixed(decimals)} × ${h.ownShare}% + 部门“${h.department}”其他 ${h.staff.length} 人（${staff}）平均 ${fixed(h.staffMean, decimals)} × ${100 - h.ownShare}%`;
}

/** The words for an indicator's score of a subject when it was not simply typed in; '' when it was. */
export function indicatorWords(s: SubjectResult, i: number, scheme: Scheme): string {
  const { decimals } = scheme.settings;
  const rated = s.derived.ratings.find((r) => r.indicator === i);
  if (rated) return `评议：${ratingWords(rated, decimals)}`;
  const ballot = s.derived.ballots.find((b) => b.indicator === i);
  if (ballot) return `测评：${ballotWords(ballot, scheme.ballotOptions, scheme.indicators[i].points, decimals)}`;
  const layers = s.input.layers?.[i];
  return layers ? layerWords(layers) : '';
}

/** Whether the scheme has indicators from raters or ballots (then 评议明细 is written). */
export function hasDerived(scheme: Scheme): boolean {
  return scheme.indicators.some((i) => i.source !== 'typed');
}

/** 评议明细: per subject and indicator, each category's raters, mean, weight and share; each ballot's votes. */
export function ratingsSheet(a: ScoredAssessment, ctx: ReportContext): SheetSpec {
  const { scheme } = a;
  const { decimals } = scheme.settings;
  const columns: Column[] = [
    { header: '名称', kind: 'text' },
    { header: '指标', kind: 'text' },
    { header: '评议类别', kind: 'center' },
    { header: '人数', kind: 'int' },
    { header: '评分', kind: 'note' },
    { header: '去掉', kind: 'text' },
    { header: '平均', kind: 'score' },
    { header: '权重', kind: 'text' },
    { header: '折算', kind: 'score' },
    { header: '说明', kind: 'note' },
  ];
  const b = new SheetBuilder(head('ratings', scheme, ctx), columns).header();
  const num = (x: X.Exact | null) => (x ? X.publish(x, decimals).value : null);
  for (const s of inInputOrder(a.subjects)) {
    for (const r of s.derived.ratings) {
      const indicator = scheme.indicators[r.indicator].name;
      for (const c of r.categories) {
        const share = c.mean && c.weight > 0 ? X.div(X.mul(c.mean, X.exactFromNumber(c.weight)), X.exactInt(100)) : null;
        b.row([
          s.name,
          indicator,
          c.category,
          c.scores.length,
          c.scores.map((x) => `${x.rater} ${x.value}`).join('、'),
          list(c.dropped),
          num(c.mean),
          `${c.weight}%`,
          num(share),
          c.weight === 0 ? '仅供参考，不计入得分' : '',
        ]);
      }
      b.row([s.name, indicator, '合计', null, null, null, null, null, num(r.score), `${indicator}得分`]);
    }
    for (const ballot of s.derived.ballots) {
      const ind = scheme.indicators[ballot.indicator];
      b.row([
        s.name,
        ind.name,
        '测评票',
        ballot.votes.reduce((x, y) => x + y, 0),
        scheme.ballotOptions.map((o, k) => `${o.name} ${ballot.votes[k]}`).join('、'),
        '',
        num(ballot.average),
        `满分 ${ballot.scale}`,
        num(ballot.score),
        `满意率 ${fixed(X.mul(ballot.satisfaction, X.exactInt(100)), 1)}%（${ballot.satisfiedOptions.join('、')}）`,
      ]);
    }
  }
  b.blank().line(
    '平均：各类别评分的平均（该类别 3 人及以上且设“去掉最高最低”时，去掉一个最高分和一个最低分）；折算 = 平均 × 权重。测评：平均 = Σ 票数 × 分值 ÷ 总票数，折算到指标分值。',
  );
  signature(b, scheme);
  return b.build();
}
