// What the pane shows of a check and a write: small plain data, the same whether the work ran on
// the page (Excel) or in a Web Worker (the browser page), where only this crosses to the page.
import type { Checked, RunResult } from './score-workbook';
import type { Note } from '../engine/assess';
import { PENDING } from '../engine/grade';
import type { Issue } from '../engine/types';
import type { WriteOutcome } from '../hosts/port';

export interface SubjectView {
  readonly index: number;
  readonly rank: number;
  readonly name: string;
  readonly total: number;
  /** the grade's name; null while it is pending (待定) */
  readonly grade: string | null;
  readonly notes: readonly Note[];
}

export interface ScopeView {
  /** the group; null when grades are given over the whole list */
  readonly scope: string | null;
  readonly size: number;
  readonly grades: readonly { readonly name: string; readonly count: number; readonly quota: number | null }[];
  readonly pending: number;
}

export interface CheckView {
  readonly sheetNames: readonly string[];
  readonly issues: readonly Issue[];
  /** results were computed and can be published */
  readonly ok: boolean;
  /** false when not even 校验报告 can be written */
  readonly writable: boolean;
  /** the sheets a write would produce */
  readonly sheetsToWrite: readonly string[];
  readonly decimals: number;
  /** in rank order; empty when there are errors */
  readonly subjects: readonly SubjectView[];
  readonly scopes: readonly ScopeView[];
}

export interface PublishView {
  readonly ok: boolean;
  /** null when nothing could be written */
  readonly written: WriteOutcome | null;
  /** where the result went (the downloaded file's name; '' in Excel) */
  readonly where: string;
}

export function checkView(checked: Checked): CheckView {
  const a = checked.assessment;
  return {
    sheetNames: checked.snapshot.sheetNames,
    issues: checked.issues,
    ok: checked.ok,
    writable: checked.writable,
    sheetsToWrite: checked.specs.map((s) => s.name),
    decimals: a.scheme?.settings.decimals ?? 2,
    subjects: a.subjects.map((s) => ({
      index: s.index,
      rank: s.rank,
      name: s.name,
      total: s.score.total.value,
      grade: s.outcome.grade === PENDING ? null : s.grade,
      notes: s.notes,
    })),
    scopes: a.ok
      ? a.scopes.map((scope) => ({
          scope: a.scheme.settings.gradeScope === 'group' ? scope.scope : null,
          size: scope.size,
          grades: scope.grades.map((g) => ({ name: a.scheme.grades[g.grade].name, count: g.count, quota: g.quota })),
          pending: scope.pending,
        }))
      : [],
  };
}

export function publishView(result: RunResult, where: string): PublishView {
  return { ok: result.ok, written: result.written, where };
}

/** What the pane shows of a next period's workbook. */
export interface NextPeriodView {
  /** the file's name once delivered; null when it was not made */
  readonly written: string | null;
  /** errors in 考核方案 that stopped it */
  readonly issues: readonly Issue[];
  /** a score cell (Sheet!A1) anchoring a formula other cells share, which stopped it */
  readonly sharedFormula: string | null;
}
