// 输出: the sheets that will be written, and the button that writes them (or downloads the file).
import { Button, Caption1, Checkbox, MessageBar, MessageBarBody } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import type { CheckView } from '../../app/check-view';
import type { Lang } from '../../i18n/messages';
import { UI_TEXT } from '../../i18n/ui';
import { resultSheetName } from '../../report/spec';
import type { PaneSession } from '../session';
import { usePaneStyles } from '../styles';

export interface OutputStepProps {
  readonly lang: Lang;
  readonly checked: CheckView;
  readonly mode: PaneSession['mode'];
  readonly busy: boolean;
  /** result sheets the user left out of the write */
  readonly leftOut: ReadonlySet<string>;
  readonly onLeaveOut: (sheet: string, out: boolean) => void;
  readonly onWrite: () => void;
  /** makes the next period's workbook, where the host can */
  readonly onNext?: () => void;
  /** more period tools (合并各期 in Excel) */
  readonly children?: ReactNode;
}

export function OutputStep({ lang, checked, mode, busy, leftOut, onLeaveOut, onWrite, onNext, children }: OutputStepProps) {
  const t = UI_TEXT[lang];
  const styles = usePaneStyles();
  const report = resultSheetName('validation');
  return (
    <div className={styles.list}>
      {!checked.ok && (
        <MessageBar intent="warning">
          <MessageBarBody>{t.onlyReport}</MessageBarBody>
        </MessageBar>
      )}
      <fieldset className={styles.choices}>
        <legend>
          {t.workspace.chooseSheets} <span className={styles.muted}>{t.workspace.alwaysReport}</span>
        </legend>
        {checked.sheetsToWrite.map((name) => (
          <Checkbox
            key={name}
            label={name}
            checked={name === report || !leftOut.has(name)}
            disabled={name === report || busy}
            onChange={(_, d) => onLeaveOut(name, !d.checked)}
          />
        ))}
      </fieldset>
      <div className={styles.row}>
        <Button appearance="primary" onClick={onWrite} disabled={busy || !checked.writable}>
          {mode === 'excel' ? t.writeExcel : t.download}
        </Button>
        {onNext && (
          <Button onClick={onNext} disabled={busy}>
            {t.nextPeriod}
          </Button>
        )}
      </div>
      {onNext && <Caption1 className={styles.muted}>{mode === 'excel' ? t.nextPeriodHintExcel : t.nextPeriodHint}</Caption1>}
      {!checked.writable && (
        <MessageBar intent="error">
          <MessageBarBody>{t.notWritable}</MessageBarBody>
        </MessageBar>
      )}
      {children}
    </div>
  );
}
