// The command line's JSON (contract section 7).
import { PENDING_GRADE, type SubjectResult } from '../engine/assess';
import type { Issue, Period } from '../engine/types';
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
