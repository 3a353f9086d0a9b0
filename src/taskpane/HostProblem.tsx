// Inside Office but unable to work: says why and points to the browser page.
import { Body1, Link, MessageBar, MessageBarBody, Subtitle2 } from '@fluentui/react-components';
import type { Lang } from '../i18n/messages';
import { UI_TEXT } from '../i18n/ui';
import { usePaneStyles } from './styles';

export interface HostProblemInfo {
  readonly kind: 'office-unavailable' | 'excel-too-old';
  readonly officeJs: string;
  readonly browserPage: string;
}

export function HostProblem({ lang, problem }: { lang: Lang; problem: HostProblemInfo }) {
  const t = UI_TEXT[lang];
  const styles = usePaneStyles();
  return (
    <div className={styles.root}>
      <div className={styles.header}>
        <Subtitle2>{t.app}</Subtitle2>
      </div>
      <MessageBar intent="error" layout="multiline">
        <MessageBarBody className={styles.wrapAnywhere}>
          {problem.kind === 'office-unavailable' ? t.officeUnavailable(problem.officeJs) : t.excelTooOld}
        </MessageBarBody>
      </MessageBar>
      <Body1 className={styles.wrapAnywhere}>
        {t.useBrowserPage}{' '}
        <Link href={problem.browserPage} target="_blank">
          {problem.browserPage}
        </Link>
      </Body1>
    </div>
  );
}
