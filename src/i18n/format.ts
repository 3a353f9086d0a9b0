// Issues and notes in the user's language.
import type { Note } from '../engine/assess';
import type { Issue } from '../engine/types';
import { ISSUE_MESSAGES, message, NOTE_MESSAGES, type Lang } from './messages';

/** An issue's words; one on a subject's row names the subject first (unless the words already do). */
export function issueMessage(issue: Issue, lang: Lang): string {
  const text = message(ISSUE_MESSAGES, issue.code, lang, { value: issue.value, ...issue.params });
  if (!issue.subject || text.includes(issue.subject)) return text;
  return lang === 'zh' ? `【${issue.subject}】${text}` : `[${issue.subject}] ${text}`;
}

export function noteText(note: Note, lang: Lang): string {
  return message(NOTE_MESSAGES, note.code, lang, note.params);
}

export const SEVERITY_WORD: Record<Lang, Record<Issue['severity'], string>> = {
  zh: { error: '错误', warning: '警告' },
  en: { error: 'error', warning: 'warning' },
};

/** `评分表!C3` or just the sheet when the issue has no cell. */
export function issuePlace(issue: Issue): string {
  return issue.cell ? `${issue.sheet}!${issue.cell}` : issue.sheet;
}
