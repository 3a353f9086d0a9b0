// The browser page's work area before a workbook is open (desktop widths): the three steps and
// the result sheets, so that a first-time user sees what the page does.
import { Body1, Caption1, Subtitle2 } from '@fluentui/react-components';
import type { Lang } from '../i18n/messages';
import { UI_TEXT } from '../i18n/ui';
import { usePaneStyles } from './styles';

export function StartGuide({ lang }: { lang: Lang }) {
  const t = UI_TEXT[lang].workspace;
  const styles = usePaneStyles();
  return (
    <section className={`${styles.workspace} ${styles.wideOnly}`} aria-label={t.guideTitle}>
      <Subtitle2>{t.guideTitle}</Subtitle2>
      <ol className={styles.steps}>
        {t.guideSteps.map((step) => (
          <li key={step}>
            <Body1>{step}</Body1>
          </li>
        ))}
      </ol>
      <Subtitle2>{t.guideSheets}</Subtitle2>
      <dl className={styles.sheetList}>
        {t.sheetNotes.map(([name, what]) => (
          <div key={name} className={styles.sheetItem}>
            <dt>
              <Body1>
                <b>{name}</b>
              </Body1>
            </dt>
            <dd>
              <Caption1 className={styles.muted}>{what}</Caption1>
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
