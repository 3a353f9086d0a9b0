// The command line's JSON (contract section 7).
import { PENDING_GRADE } from '../engine/assess';
import type { Issue } from '../engine/types';
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
