// What the pane is doing or has just done: the spinner with progress and cancel, the error of a
// failed step, and what the last step delivered.
import { Button, MessageBar, MessageBarBody, ProgressBar, Spinner } from '@fluentui/react-components';
import type { Lang } from '../i18n/messages';
import { UI_TEXT } from '../i18n/ui';
import { isBusy, type PaneState } from './pane-state';
import { usePaneStyles } from './styles';

export interface WorkStatusProps {
  readonly lang: Lang;
  readonly phase: PaneState['phase'];
  readonly delivered: PaneState['delivered'];
  readonly cancel?: () => void;
}

export function WorkStatus({ lang, phase, delivered, cancel }: WorkStatusProps) {
  const t = UI_TEXT[lang];
  const styles = usePaneStyles();
  return (
    <>
      {phase.kind === 'failed' && (
        <MessageBar intent="error">
          <MessageBarBody>{phase.error}</MessageBarBody>
        </MessageBar>
      )}
      {isBusy(phase) && (
        <>
          <Spinner size="small" label={phase.progress !== null && phase.progress > 0 ? `${phase.label} ${Math.round(phase.progress * 100)}%` : phase.label} />
          {phase.progress !== null && <ProgressBar value={phase.progress} thickness="large" aria-label={phase.label} />}
          {cancel && (
            <div className={styles.row}>
              <Button size="small" onClick={cancel}>
                {t.cancel}
              </Button>
            </div>
          )}
        </>
      )}
      {delivered && (
        <MessageBar intent="success">
          <MessageBarBody>{delivered.message}</MessageBarBody>
        </MessageBar>
      )}
      {delivered?.notice && (
        <MessageBar intent="warning">
          <MessageBarBody>{delivered.notice}</MessageBarBody>
        </MessageBar>
      )}
    </>
  );
}
