// The command line's JSON (contract section 7).
import { PENDING_GRADE, type SubjectResult } from '../engine/assess';
import * as X from '../engine/exact';
import type { Issue, Period, Scheme } from '../engine/types';
import { issueMessage, noteText } from '../i18n/format';
import type { Lang } from '../i18n/messages';
import type { RunResult } from './score-workbook';

export interface ResultJson {
  ok: boolean;
  subjects: {
    name: string;
    group: string | null;
    base: number;
    bonus: number;
    deduction: number;
    total: number;
    rank: number;
    groupRank: number | null;
    grade: string;
    vetoed: boolean;
    notes: string[];
    /** with 【期间】 only: each period's published numbers, numbers null where the subject was not assessed */
    periods?: { period: string; base: number | null; bonus: number | null; deduction: number | null; total: number | null }[];
    /** 评议 indicators: each category's raters and mean, the weighted score (published at the scheme's decimals) */
    ratings?: {
      indicator: string;
      score: number;
      categories: { category: string; weight: number; raters: { rater: string; score: number }[]; dropped: number[]; mean: number | null }[];
    }[];
    /** 测评 indicators: the votes per option, their average on the options' scale, the score and 满意率 (0…1) */
    ballots?: { indicator: string; votes: Record<string, number>; average: number; score: number; satisfaction: number }[];
    /** layered indicators: each layer's score (null: blank) */
    layers?: { indicator: string; layers: { layer: string; score: number | null; cell: string }[] }[];
    /** 负责人计分: the head's own total and the department's others */
    head?: { department: string; own: number; ownShare: number; staff: { name: string; total: number }[]; staffMean: number | null };
  }[];
  grades: { scope: string; grade: string; quota: number | null; count: number }[];
  issues: { severity: Issue['severity']; sheet: string; cell: string; code: string; message: string; value: string }[];
}

export function resultJson(run: RunResult, lang: Lang): ResultJson {
  const a = run.assessment;
  const computed = run.ok && a.ok;
  return {
    ok: computed,
    subjects: computed
      ? a.subjects.map((s) => ({
          name: s.name,
          group: s.group,
          base: s.score.base.value,
          bonus: s.score.bonus.published.value,
          deduction: s.score.deduction.published.value,
          total: s.score.total.value,
          rank: s.rank,
          groupRank: s.groupRank,
          grade: s.grade,
          vetoed: s.score.vetoed,
          notes: s.notes.map((n) => noteText(n, lang)),
          ...(s.periods ? { periods: periodsJson(s, a.scheme.periods) } : {}),
          ...derivedJson(s, a.scheme),
        }))
      : [],
    grades: computed
      ? a.scopes.flatMap((scope) => [
          ...scope.grades.map((g) => ({ scope: scope.scope, grade: a.scheme.grades[g.grade].name, quota: g.quota, count: g.count })),
          ...(scope.pending > 0 ? [{ scope: scope.scope, grade: PENDING_GRADE, quota: null, count: scope.pending }] : []),
        ])
      : [],
    issues: run.issues.map((i) => ({ severity: i.severity, sheet: i.sheet, cell: i.cell, code: i.code, message: issueMessage(i, lang), value: i.value })),
  };
}

function periodsJson(s: SubjectResult, periods: readonly Period[]) {
  return s.periods!.results.map((r, i) =>
    r
      ? {
          period: periods[i].name,
          base: r.score.base.value,
          bonus: r.score.bonus.published.value,
          deduction: r.score.deduction.published.value,
          total: r.score.total.value,
        }
      : { period: periods[i].name, base: null, bonus: null, deduction: null, total: null },
  );
}

/** How the scores not typed in were made, numbers published at the scheme's decimals. */
function derivedJson(s: SubjectResult, scheme: Scheme) {
  const { decimals } = scheme.settings;
  const num = (x: X.Exact) => X.publish(x, decimals).value;
  const name = (i: number) => scheme.indicators[i].name;
  const layered = (s.input.layers ?? []).flatMap((layers, i) =>
    layers ? [{ indicator: name(i), layers: layers.map((l) => ({ layer: l.layer, score: l.value, cell: l.cell })) }] : [],
  );
  const h = s.derived.head;
  return {
    ...(s.derived.ratings.length > 0
      ? {
          ratings: s.derived.ratings.map((r) => ({
            indicator: name(r.indicator),
            score: num(r.score),
            categories: r.categories.map((c) => ({
              category: c.category,
              weight: c.weight,
              raters: c.scores.map((x) => ({ rater: x.rater, score: x.value })),
              dropped: [...c.dropped],
              mean: c.mean ? num(c.mean) : null,
            })),
          })),
        }
      : {}),
    ...(s.derived.ballots.length > 0
      ? {
          ballots: s.derived.ballots.map((b) => ({
            indicator: name(b.indicator),
            votes: Object.fromEntries(scheme.ballotOptions.map((o, k) => [o.name, b.votes[k]])),
            average: num(b.average),
            score: num(b.score),
            satisfaction: X.publish(b.satisfaction, 4).value,
          })),
        }
      : {}),
    ...(layered.length > 0 ? { layers: layered } : {}),
    ...(h
      ? { head: { department: h.department, own: h.own, ownShare: h.ownShare, staff: [...h.staff], staffMean: h.staffMean ? num(h.staffMean) : null } }
      : {}),
  };
}
