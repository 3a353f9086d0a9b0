// Issues as the pane lists them, errors first, each a button that selects its cell where the host can.
import { Badge, Caption1 } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { errorsFirst } from '../engine/cells';
import type { Issue } from '../engine/types';
import { issueMessage, issuePlace } from '../i18n/format';
import type { Lang } from '../i18n/messages';
import { UI_TEXT } from '../i18n/ui';
import { GRID_ROWS, usePaneStyles } from './styles';

export interface IssueListProps {
  readonly lang: Lang;
  readonly issues: readonly Issue[];
  readonly onSelect?: (sheet: string, cell: string) => Promise<void>;
}

export function IssueList({ lang, issues, onSelect }: IssueListProps) {
  const t = UI_TEXT[lang];
  const styles = usePaneStyles();
  const sorted = errorsFirst(issues);
  return (
    <>
      {sorted.slice(0, GRID_ROWS).map((issue, i) => {
        const body: ReactNode = (
          <>
            <span className={styles.row}>
              <Badge size="small" appearance="filled" color={issue.severity === 'error' ? 'danger' : 'warning'}>
                {t.severity[issue.severity]}
              </Badge>
              <span className={`${styles.place} ${styles.wrapAnywhere}`}>{issuePlace(issue)}</span>
            </span>
            <Caption1>
              {issueMessage(issue, lang)}
              {issue.value ? t.originalValue(issue.value) : ''}
            </Caption1>
          </>
        );
        return onSelect && issue.cell ? (
          <button key={i} type="button" className={`${styles.issue} ${styles.clickable}`} onClick={() => void onSelect(issue.sheet, issue.cell)}>
            {body}
          </button>
        ) : (
          <div key={i} className={styles.issue}>
            {body}
          </div>
        );
      })}
      {sorted.length > GRID_ROWS && <Caption1 className={styles.muted}>{t.moreIssues(sorted.length - GRID_ROWS)}</Caption1>}
    </>
  );
}
