// 输出: the sheets that will be written, and the button that writes them (or downloads the file).
import { Body1, Button, MessageBar, MessageBarBody } from '@fluentui/react-components';
import type { CheckView } from '../../app/check-view';
import type { Lang } from '../../i18n/messages';
import { UI_TEXT } from '../../i18n/ui';
import type { PaneSession } from '../session';
import { usePaneStyles } from '../styles';

export interface OutputStepProps {
  readonly lang: Lang;
  readonly checked: CheckView;
  readonly mode: PaneSession['mode'];
  readonly busy: boolean;
  readonly onWrite: () => void;
}

export function OutputStep({ lang, checked, mode, busy, onWrite }: OutputStepProps) {
  const t = UI_TEXT[lang];
  const styles = usePaneStyles();
  return (
    <div className={styles.list}>
      {!checked.ok && (
        <MessageBar intent="warning">
          <MessageBarBody>{t.onlyReport}</MessageBarBody>
        </MessageBar>
      )}
      <Body1>{checked.sheetsToWrite.join(t.listSeparator)}</Body1>
      <div className={styles.row}>
        <Button appearance="primary" onClick={onWrite} disabled={busy || !checked.writable}>
          {mode === 'excel' ? t.writeExcel : t.download}
        </Button>
      </div>
      {!checked.writable && (
        <MessageBar intent="error">
          <MessageBarBody>{t.notWritable}</MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}
