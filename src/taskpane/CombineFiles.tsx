// 合并各期: choose the periods' workbooks, see them in period order (as their names tell it),
// change the order, and combine them into the annual workbook.
import { Body1, Button, Caption1 } from '@fluentui/react-components';
import { useRef, useState, type ChangeEvent } from 'react';
import { COMBINE_LIMIT, inPeriodOrder } from '../engine/period-order';
import type { Issue } from '../engine/types';
import type { Lang } from '../i18n/messages';
import { UI_TEXT } from '../i18n/ui';
import { IssueList } from './IssueList';
import { usePaneStyles } from './styles';

export interface CombineFilesProps {
  readonly lang: Lang;
  readonly busy: boolean;
  /** combines the files, in the order shown; true when the workbook was made */
  readonly onCombine: (files: readonly File[]) => Promise<boolean>;
  /** what the last combining found (warnings, or the errors that stopped it) */
  readonly issues: readonly Issue[] | null;
}

export function CombineFiles({ lang, busy, onCombine, issues }: CombineFilesProps) {
  const t = UI_TEXT[lang];
  const styles = usePaneStyles();
  const input = useRef<HTMLInputElement>(null);
  const [files, setFiles] = useState<readonly File[] | null>(null);
  const chosen = (e: ChangeEvent<HTMLInputElement>) => {
    const added = [...(e.target.files ?? [])];
    e.target.value = ''; // the same files can be chosen again
    if (added.length === 0) return;
    // files added later keep the user's order; a first choice is put in period order
    setFiles((now) => (now ? [...now, ...added.filter((f) => !now.some((n) => n.name === f.name))] : inPeriodOrder(added, (f) => f.name)));
  };
  const move = (from: number, to: number) =>
    setFiles((now) => {
      if (!now || to < 0 || to >= now.length) return now;
      const next = [...now];
      [next[from], next[to]] = [next[to], next[from]];
      return next;
    });
  const countOk = files !== null && files.length >= 2 && files.length <= COMBINE_LIMIT;
  return (
    <div className={styles.list}>
      {files === null ? (
        <>
          <div className={styles.row}>
            <Button onClick={() => input.current?.click()} disabled={busy}>
              {t.combine}
            </Button>
          </div>
          <Caption1 className={styles.muted}>{t.combineHint}</Caption1>
        </>
      ) : (
        <>
          <Body1>{t.combineOrder}</Body1>
          <ol className={styles.fileList} aria-label={t.combineOrder}>
            {files.map((f, i) => (
              <li key={f.name} className={styles.fileRow}>
                <span className={styles.wrapAnywhere}>{`${i + 1}. ${f.name}`}</span>
                <span className={styles.tight}>
                  <Button
                    size="small"
                    appearance="subtle"
                    className={styles.compact}
                    aria-label={`${t.moveUp} ${f.name}`}
                    disabled={busy || i === 0}
                    onClick={() => move(i, i - 1)}
                  >
                    ↑
                  </Button>
                  <Button
                    size="small"
                    appearance="subtle"
                    className={styles.compact}
                    aria-label={`${t.moveDown} ${f.name}`}
                    disabled={busy || i === files.length - 1}
                    onClick={() => move(i, i + 1)}
                  >
                    ↓
                  </Button>
                  <Button size="small" appearance="subtle" className={styles.compact} disabled={busy} onClick={() => setFiles(files.filter((x) => x !== f))}>
                    {t.remove}
                  </Button>
                </span>
              </li>
            ))}
          </ol>
          {!countOk && <Caption1>{t.combineCount(COMBINE_LIMIT)}</Caption1>}
          <div className={styles.row}>
            <Button appearance="primary" disabled={busy || !countOk} onClick={() => void onCombine(files).then((made) => made && setFiles(null))}>
              {t.combineRun(files.length)}
            </Button>
            <Button disabled={busy} onClick={() => input.current?.click()}>
              {t.addFiles}
            </Button>
            <Button disabled={busy} onClick={() => setFiles(null)}>
              {t.cancel}
            </Button>
          </div>
        </>
      )}
      {issues && issues.length > 0 && (
        <>
          <Caption1>{t.combineIssues}</Caption1>
          <IssueList lang={lang} issues={issues} />
        </>
      )}
      <input ref={input} className={styles.hidden} type="file" multiple accept=".xlsx,.xlsm" onChange={chosen} data-testid="combine-input" />
    </div>
  );
}
