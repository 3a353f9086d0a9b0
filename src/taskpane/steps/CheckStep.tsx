// 校验: every issue, errors first, each a button that selects its cell where the host can.
import { Body1, Button, Caption1, Switch } from '@fluentui/react-components';
import type { Issue } from '../../engine/types';
import type { Lang } from '../../i18n/messages';
import { UI_TEXT } from '../../i18n/ui';
import { IssueList } from '../IssueList';
import { usePaneStyles } from '../styles';

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
      <IssueList lang={lang} issues={issues} onSelect={onSelect} />
    </div>
  );
}
