// 校验: every issue, errors first, each a button that selects its cell where the host can.
import { Badge, Body1, Button, Caption1, Switch } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { errorsFirst } from '../../engine/cells';
import type { Issue } from '../../engine/types';
import { issueMessage, issuePlace } from '../../i18n/format';
import type { Lang } from '../../i18n/messages';
import { UI_TEXT } from '../../i18n/ui';
import { GRID_ROWS, usePaneStyles } from '../styles';

export interface CheckStepProps {
  readonly lang: Lang;
  readonly issues: readonly Issue[];
  readonly busy: boolean;
  readonly onRecheck: () => void;
  readonly onSelect?: (sheet: string, cell: string) => Promise<void>;
  /** Excel only: mark the problem cells in the workbook */
  readonly marking?: { readonly on: boolean; readonly onChange: (on: boolean) => void };
}

export function CheckStep({ lang, issues, busy, onRecheck, onSelect, marking }: CheckStepProps) {
  const t = UI_TEXT[lang];
  const styles = usePaneStyles();
  const sorted = errorsFirst(issues);
  const errors = issues.filter((i) => i.severity === 'error').length;
  return (
    <div className={styles.list}>
      {marking && <Switch checked={marking.on} onChange={(_, d) => marking.onChange(d.checked)} label={t.markCells} />}
      <div className={styles.row}>
        <Body1>{issues.length === 0 ? t.noIssues : t.counts(errors, issues.length - errors)}</Body1>
        <Button size="small" onClick={onRecheck} disabled={busy}>
          {t.recheck}
        </Button>
      </div>
      {errors > 0 && <Caption1>{t.fixFirst}</Caption1>}
      {sorted.slice(0, GRID_ROWS).map((issue, i) => {
        const body: ReactNode = (
          <>
            <span className={styles.row}>
              <Badge size="small" appearance="filled" color={issue.severity === 'error' ? 'danger' : 'warning'}>
                {t.severity[issue.severity]}
              </Badge>
              <span className={styles.place}>{issuePlace(issue)}</span>
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
    </div>
  );
}
