// The browser page's work area beside the steps (below them on a narrow screen): the whole result
// table, each result sheet as it will print (and printing it), and the input sheet at an issue.
import { Body1, Button, Caption1, MessageBar, MessageBarBody, Select, Tab, TabList } from '@fluentui/react-components';
import { memo, startTransition, useEffect, useState } from 'react';
import { createPortal } from 'react-dom';
import type { CheckView } from '../app/check-view';
import { PREVIEW_ROWS, PRINT_ROWS, type SheetPreview } from '../app/sheet-preview';
import type { Lang } from '../i18n/messages';
import { UI_TEXT } from '../i18n/ui';
import { resultSheetName } from '../report/spec';
import { ResultTable } from './ResultTable';
import type { PaneSession } from './session';
import { SheetView } from './SheetView';
import { usePaneStyles } from './styles';

export type WorkspaceTab = 'table' | 'preview' | 'input';

/** A preview as read from the worker, and what for. */
interface Read {
  readonly checked: CheckView;
  readonly sheet: string;
  readonly preview: SheetPreview | null;
}

/** The input sheet at an issue's cell, or why it cannot be shown. */
export interface InputShown {
  readonly sheet: string;
  readonly cell: string;
  readonly preview: SheetPreview | null;
}

export interface WorkspaceProps {
  readonly lang: Lang;
  readonly session: PaneSession;
  /** the last check; null before one */
  readonly checked: CheckView | null;
  readonly tab: WorkspaceTab;
  readonly onTab: (tab: WorkspaceTab) => void;
  readonly input: InputShown | null;
  /** runs a step with the pane's spinner and error handling */
  readonly work: (label: string, job: () => Promise<void>) => Promise<void>;
}

/** An Excel footer ('第 &P 页 共 9 页') as the content of a printed page's margin box. */
export function footerContent(footer: string): string {
  const parts = footer.split(/(&P|&N)/).filter(Boolean);
  return parts.map((p) => (p === '&P' ? 'counter(page)' : p === '&N' ? 'counter(pages)' : JSON.stringify(p))).join(' ') || '""';
}

/** The sheet being printed: A4 in its orientation, its footer on every page, only it on paper. */
function PrintSheet({ preview }: { preview: SheetPreview }) {
  const page = `@page { size: A4 ${preview.print.orientation}; margin: 15mm 13mm 18mm; @bottom-center { content: ${footerContent(preview.print.footer)}; font-size: 9pt; } }`;
  return createPortal(
    <div className="kp-print">
      <style>{page}</style>
      <SheetView preview={preview} fitWidth />
    </div>,
    document.body,
  );
}

/** Drawn again only when what it shows changes (not on every progress step of a write). */
export const Workspace = memo(function Workspace({ lang, session, checked, tab, onTab, input, work }: WorkspaceProps) {
  const t = UI_TEXT[lang].workspace;
  const styles = usePaneStyles();
  const sheets = checked?.sheetsToWrite ?? [];
  const summaryName = resultSheetName('summary');
  const [sheet, setSheet] = useState(summaryName);
  const shownSheet = sheets.includes(sheet) ? sheet : (sheets[0] ?? '');
  /** previews, each with the check and sheet it was made for: a new check shows none until read again */
  const [previewRead, setPreviewRead] = useState<Read | null>(null);
  const preview = previewRead?.checked === checked && previewRead.sheet === shownSheet ? previewRead.preview : null;
  const [printing, setPrinting] = useState<SheetPreview | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    // read only once the preview is looked at
    if (tab === 'preview' && checked && shownSheet && session.preview)
      void session.preview(shownSheet, PREVIEW_ROWS).then((p) => live && startTransition(() => setPreviewRead({ checked, sheet: shownSheet, preview: p })));
    return () => void (live = false);
  }, [checked, session, shownSheet, tab]);

  // print once the sheet is on the page; the dialog blocks until the user is done
  useEffect(() => {
    if (!printing) return;
    const done = () => setPrinting(null);
    window.addEventListener('afterprint', done, { once: true });
    const timer = setTimeout(() => window.print(), 50);
    return () => {
      clearTimeout(timer);
      window.removeEventListener('afterprint', done);
    };
  }, [printing]);

  const print = () =>
    void work(t.print, async () => {
      setProblem(null);
      const whole = await session.preview!(shownSheet, PRINT_ROWS + 1);
      if (!whole) return;
      if (whole.totalRows > PRINT_ROWS) return setProblem(t.tooLargeToPrint(whole.totalRows, PRINT_ROWS));
      setPrinting(whole);
    });

  return (
    <section className={styles.workspace} aria-label={t.tabs.preview}>
      <TabList selectedValue={tab} onTabSelect={(_, d) => onTab(d.value as WorkspaceTab)} size="small">
        <Tab value="table" disabled={!checked?.ok}>
          {t.tabs.table}
        </Tab>
        <Tab value="preview" disabled={!checked}>
          {t.tabs.preview}
        </Tab>
        <Tab value="input">{t.tabs.input}</Tab>
      </TabList>

      {tab === 'table' &&
        (checked?.ok ? <ResultTable lang={lang} session={session} checked={checked} /> : <Caption1 className={styles.muted}>{t.noPreview}</Caption1>)}

      {tab === 'preview' && checked && (
        <div className={styles.list}>
          <div className={styles.row}>
            <Select aria-label={t.sheet} value={shownSheet} onChange={(_, d) => setSheet(d.value)} size="small">
              {sheets.map((name) => (
                <option key={name} value={name}>
                  {name}
                </option>
              ))}
            </Select>
            <Button appearance="primary" size="small" onClick={print} disabled={!preview}>
              {t.print}
            </Button>
          </div>
          <Caption1 className={styles.muted}>{t.printHint}</Caption1>
          {problem && (
            <MessageBar intent="warning">
              <MessageBarBody>{problem}</MessageBarBody>
            </MessageBar>
          )}
          {preview && preview.totalRows > preview.rows.length && <Caption1>{t.previewCut(preview.rows.length, preview.totalRows)}</Caption1>}
          {preview && (
            <div className={styles.paper}>
              <SheetView preview={preview} />
            </div>
          )}
        </div>
      )}

      {tab === 'input' &&
        (input ? (
          <div className={styles.list}>
            <Body1>{input.preview ? t.inputFor(input.sheet, input.cell) : t.inputMissing(input.sheet)}</Body1>
            {input.preview && <SheetView preview={input.preview} />}
          </div>
        ) : (
          <Caption1 className={styles.muted}>{t.noInput}</Caption1>
        ))}
      {printing && <PrintSheet preview={printing} />}
    </section>
  );
});
