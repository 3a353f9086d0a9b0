// The pane: start → 校验 → 计算 → 输出, over the engine and whichever host the session has.
import {
  Badge,
  Body1,
  Button,
  Caption1,
  Divider,
  Link,
  makeStyles,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  Spinner,
  Subtitle2,
  Switch,
  Tab,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  TabList,
  tokens,
} from '@fluentui/react-components';
import { useCallback, useRef, useState, type ChangeEvent, type ReactNode } from 'react';
import type { CheckView, SubjectView } from '../app/check-view';
import type { Issue } from '../engine/types';
import { errorsFirst } from '../engine/cells';
import { issueMessage, issuePlace, noteText } from '../i18n/format';
import type { Lang } from '../i18n/messages';
import { UI_TEXT } from '../i18n/ui';
import { SCHEME_SHEET } from '../engine/scheme';
import { describeError } from './errors';
import { Setup } from './Setup';
import { Cancelled, type PaneSession } from './session';

type Step = 'check' | 'compute' | 'output';

/** Notes worth explaining in plain words on the 计算 step. */
const EXPLAINED = new Set([
  'note-veto',
  'note-veto-line',
  'note-veto-overrides',
  'note-set',
  'note-affirm',
  'note-cap',
  'note-demoted',
  'note-tie-admitted',
  'note-tie-demoted',
  'note-tie-pending',
  'note-tie-broken',
]);
/** Rows shown in the pane's result grid; the result sheets have them all. */
const GRID_ROWS = 300;

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: '12px', padding: '12px', minWidth: '280px', maxWidth: '520px', boxSizing: 'border-box' },
  header: { display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: '8px' },
  row: { display: 'flex', gap: '8px', flexWrap: 'wrap', alignItems: 'center' },
  list: { display: 'flex', flexDirection: 'column', gap: '6px' },
  issue: {
    display: 'flex',
    flexDirection: 'column',
    gap: '2px',
    padding: '6px 8px',
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
    border: 'none',
    textAlign: 'left',
    color: 'inherit',
    font: 'inherit',
  },
  clickable: { cursor: 'pointer', ':hover': { backgroundColor: tokens.colorNeutralBackground2Hover } },
  place: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground3 },
  num: { textAlign: 'right', fontVariantNumeric: 'tabular-nums' },
  muted: { color: tokens.colorNeutralForeground3 },
  hidden: { display: 'none' },
  /** long addresses break anywhere rather than widen a 350 px pane */
  wrapAnywhere: { overflowWrap: 'anywhere', wordBreak: 'break-word' },
});

export interface AppProps {
  readonly lang: Lang;
  /** set inside Excel; in the browser the user opens a file */
  readonly initialSession: PaneSession | null;
  /** standalone only: opens a file or the bundled example */
  readonly openFile?: (bytes: Uint8Array, name: string) => Promise<PaneSession>;
  readonly exampleUrl?: string;
  /** inside Office but unable to work: office.js did not load, or the Excel is too old */
  readonly hostProblem?: { readonly kind: 'office-unavailable' | 'excel-too-old'; readonly officeJs: string; readonly browserPage: string };
}

export function App({ lang, initialSession, openFile, exampleUrl, hostProblem }: AppProps) {
  const t = UI_TEXT[lang];
  const styles = useStyles();
  const [session, setSession] = useState<PaneSession | null>(initialSession);
  const [checked, setChecked] = useState<CheckView | null>(null);
  const [step, setStep] = useState<Step>('check');
  const [busy, setBusy] = useState<string | null>(null);
  /** share of a long write done (0…1), while writing */
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [delivered, setDelivered] = useState<string | null>(null);
  const [marking, setMarking] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  /** Runs a step with a spinner; lets the spinner paint before the synchronous engine runs. */
  const work = useCallback(
    async (label: string, job: () => Promise<void>) => {
      setBusy(label);
      setError(null);
      await new Promise((r) => setTimeout(r, 0));
      try {
        await job();
      } catch (e) {
        if (e instanceof Cancelled) setChecked(null); // the work starts again from a fresh check
        setError(describeError(e, lang));
      } finally {
        setBusy(null);
      }
    },
    [lang],
  );

  /** Problem cells, for the marks in Excel. */
  const problemCells = (issues: readonly Issue[]) => issues.filter((i) => i.cell).map((i) => ({ sheet: i.sheet, cell: i.cell }));

  const check = useCallback(
    (s: PaneSession, mark = marking) =>
      work(t.checking, async () => {
        setProgress(0);
        const result = await s.check(setProgress).finally(() => setProgress(null));
        setChecked(result);
        // marks of the previous check are removed in any case when marking is on
        if (mark && s.markCells) await s.markCells(problemCells(result.issues));
      }),
    [work, t, marking],
  );

  const onMarking = (on: boolean) => {
    setMarking(on);
    if (!session?.markCells || !checked) return;
    const mark = session.markCells;
    void work(t.checking, () => mark(on ? problemCells(checked.issues) : []));
  };

  const open = (load: () => Promise<{ bytes: Uint8Array; name: string }>) =>
    work(t.loading, async () => {
      if (!openFile) return;
      const { bytes, name } = await load();
      const s = await openFile(bytes, name);
      setSession(s);
      setChecked(null);
      setDelivered(null);
      await check(s);
      setStep('check');
    });

  const onFile = (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (file) void open(async () => ({ bytes: new Uint8Array(await file.arrayBuffer()), name: file.name }));
  };

  const onExample = () =>
    void open(async () => {
      const res = await fetch(exampleUrl!);
      if (!res.ok) throw new Error(`${res.status} ${exampleUrl}`);
      return { bytes: new Uint8Array(await res.arrayBuffer()), name: exampleUrl!.split('/').pop()! };
    });

  const onWrite = () =>
    work(t.writing, async () => {
      if (!session || !checked) return;
      setProgress(0);
      const result = await session.publish(setProgress).finally(() => setProgress(null));
      if (!result.written) {
        setError(t.notWritable);
        return;
      }
      const where = result.where;
      setNotice(result.written.degraded.includes('print-setup') ? t.noPrintSetup : null);
      const sheets = result.written.written.join('、');
      setDelivered(result.ok ? (session.mode === 'excel' ? t.writtenExcel(sheets) : t.writtenFile(sheets, where)) : t.onlyReport);
      // a second write must start from a fresh read: the workbook changed
      setChecked(null);
      await check(session);
    });

  const errors = checked?.issues.filter((i) => i.severity === 'error').length ?? 0;
  const noScheme = checked?.issues.some((i) => i.code === 'missing-sheet' && i.sheet === SCHEME_SHEET) ?? false;
  const warnings = (checked?.issues.length ?? 0) - errors;

  if (hostProblem) {
    return (
      <div className={styles.root}>
        <div className={styles.header}>
          <Subtitle2>{t.app}</Subtitle2>
        </div>
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody className={styles.wrapAnywhere}>
            {hostProblem.kind === 'office-unavailable' ? t.officeUnavailable(hostProblem.officeJs) : t.excelTooOld}
          </MessageBarBody>
        </MessageBar>
        <Body1 className={styles.wrapAnywhere}>
          {t.useBrowserPage}{' '}
          <Link href={hostProblem.browserPage} target="_blank">
            {hostProblem.browserPage}
          </Link>
        </Body1>
      </div>
    );
  }

  return (
    <div className={styles.root}>
      <div className={styles.header}>
        <Subtitle2>{t.app}</Subtitle2>
        <Badge appearance="tint" color={session?.mode === 'excel' ? 'brand' : 'informative'}>
          {session?.mode === 'excel' || !openFile ? t.modeExcel : t.modeFile}
        </Badge>
      </div>

      {openFile && (
        <div className={styles.list}>
          {!session && <Body1>{t.intro}</Body1>}
          {session && <Caption1 className={styles.muted}>{t.opened(session.title)}</Caption1>}
          <div className={styles.row}>
            <Button appearance={session ? 'secondary' : 'primary'} onClick={() => fileInput.current?.click()} disabled={busy !== null}>
              {session ? t.another : t.open}
            </Button>
            {exampleUrl && (
              <Button onClick={onExample} disabled={busy !== null}>
                {t.example}
              </Button>
            )}
          </div>
          <input ref={fileInput} className={styles.hidden} type="file" accept=".xlsx,.xlsm" onChange={onFile} data-testid="file-input" />
        </div>
      )}

      {session && !checked && !busy && (
        <div className={styles.list}>
          {session.mode === 'excel' && <Body1>{t.excelIntro}</Body1>}
          <div className={styles.row}>
            <Button appearance="primary" onClick={() => void check(session)} disabled={busy !== null}>
              {t.startCheck}
            </Button>
          </div>
        </div>
      )}

      {error && (
        <MessageBar intent="error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      {busy && <Spinner size="small" label={progress !== null && progress > 0 ? `${busy} ${Math.round(progress * 100)}%` : busy} />}
      {busy && progress !== null && <ProgressBar value={progress} thickness="large" aria-label={busy} />}
      {busy && session?.cancel && (
        <div className={styles.row}>
          <Button size="small" onClick={session.cancel}>
            {t.cancel}
          </Button>
        </div>
      )}
      {delivered && (
        <MessageBar intent="success">
          <MessageBarBody>{delivered}</MessageBarBody>
        </MessageBar>
      )}
      {notice && (
        <MessageBar intent="warning">
          <MessageBarBody>{notice}</MessageBarBody>
        </MessageBar>
      )}

      {session && checked && noScheme && (
        <Setup lang={lang} session={session} sheetNames={checked.sheetNames} work={work} recheck={() => check(session)} say={setDelivered} />
      )}

      {session && checked && !noScheme && (
        <>
          <TabList selectedValue={step} onTabSelect={(_, d) => setStep(d.value as Step)} size="small">
            <Tab value="check">{t.steps.check}</Tab>
            <Tab value="compute" disabled={!checked.ok}>
              {t.steps.compute}
            </Tab>
            <Tab value="output">{t.steps.output}</Tab>
          </TabList>
          <Divider />
          {step === 'check' && (
            <>
              {session.markCells && <Switch checked={marking} onChange={(_, d) => onMarking(d.checked)} label={t.markCells} />}
              <CheckStep
                lang={lang}
                issues={checked.issues}
                errors={errors}
                warnings={warnings}
                onRecheck={() => void check(session)}
                busy={busy !== null}
                onSelect={session.selectCell}
              />
            </>
          )}
          {step === 'compute' && checked.ok && <ComputeStep lang={lang} checked={checked} />}
          {step === 'output' && (
            <div className={styles.list}>
              {!checked.ok && (
                <MessageBar intent="warning">
                  <MessageBarBody>{t.onlyReport}</MessageBarBody>
                </MessageBar>
              )}
              <Body1>{checked.sheetsToWrite.join('、')}</Body1>
              <div className={styles.row}>
                <Button appearance="primary" onClick={() => void onWrite()} disabled={busy !== null || !checked.writable}>
                  {session.mode === 'excel' ? t.writeExcel : t.download}
                </Button>
              </div>
              {!checked.writable && (
                <MessageBar intent="error">
                  <MessageBarBody>{t.notWritable}</MessageBarBody>
                </MessageBar>
              )}
            </div>
          )}
        </>
      )}
    </div>
  );
}

function CheckStep(props: {
  lang: Lang;
  issues: readonly Issue[];
  errors: number;
  warnings: number;
  busy: boolean;
  onRecheck: () => void;
  onSelect?: (sheet: string, cell: string) => Promise<void>;
}) {
  const t = UI_TEXT[props.lang];
  const styles = useStyles();
  const sorted = errorsFirst(props.issues);
  return (
    <div className={styles.list}>
      <div className={styles.row}>
        <Body1>{props.issues.length === 0 ? t.noIssues : t.counts(props.errors, props.warnings)}</Body1>
        <Button size="small" onClick={props.onRecheck} disabled={props.busy}>
          {t.recheck}
        </Button>
      </div>
      {props.errors > 0 && <Caption1>{t.fixFirst}</Caption1>}
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
              {issueMessage(issue, props.lang)}
              {issue.value ? (props.lang === 'zh' ? `（${issue.value}）` : ` (${issue.value})`) : ''}
            </Caption1>
          </>
        );
        const select = props.onSelect;
        return select && issue.cell ? (
          <button key={i} type="button" className={`${styles.issue} ${styles.clickable}`} onClick={() => void select(issue.sheet, issue.cell)}>
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

function ComputeStep({ lang, checked }: { lang: Lang; checked: CheckView }) {
  const t = UI_TEXT[lang];
  const styles = useStyles();
  const a = checked;
  const decimals = a.decimals;
  const explained = a.subjects.filter((s) => s.notes.some((n) => EXPLAINED.has(n.code)));
  const explain = (s: SubjectView) =>
    s.notes
      .filter((n) => EXPLAINED.has(n.code))
      .map((n) => noteText(n, lang))
      .join('；');
  return (
    <div className={styles.list}>
      <Body1>{t.subjects(a.subjects.length)}</Body1>
      <Table size="extra-small" aria-label={t.steps.compute}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell style={{ width: '40px' }}>{t.rank}</TableHeaderCell>
            <TableHeaderCell>{t.name}</TableHeaderCell>
            <TableHeaderCell style={{ width: '60px' }}>{t.total}</TableHeaderCell>
            <TableHeaderCell style={{ width: '48px' }}>{t.grade}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {a.subjects.slice(0, GRID_ROWS).map((s) => (
            <TableRow key={s.index}>
              <TableCell className={styles.num}>{s.rank}</TableCell>
              <TableCell>{s.name}</TableCell>
              <TableCell className={styles.num}>{s.total.toFixed(decimals)}</TableCell>
              <TableCell>{s.grade}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {a.subjects.length > GRID_ROWS && <Caption1 className={styles.muted}>… {a.subjects.length - GRID_ROWS}</Caption1>}

      <Subtitle2>{t.gradesTitle}</Subtitle2>
      {a.scopes.map((scope) => (
        <div key={scope.scope} className={styles.list}>
          <Caption1 className={styles.muted}>
            {scope.scope}（{scope.size}）
          </Caption1>
          <div className={styles.row}>
            {scope.grades.map((g) => (
              <Badge key={g.name} appearance="outline" color={g.quota !== null && g.count > g.quota ? 'warning' : 'informative'}>
                {g.name} {t.quotaLine(g.count, g.quota === null ? t.quotaNone : String(g.quota))}
              </Badge>
            ))}
            {scope.pending > 0 && (
              <Badge appearance="outline" color="danger">
                待定 {scope.pending}
              </Badge>
            )}
          </div>
        </div>
      ))}

      <Subtitle2>{t.explanations}</Subtitle2>
      {explained.length === 0 && <Caption1 className={styles.muted}>{t.noExplanations}</Caption1>}
      {explained.slice(0, GRID_ROWS).map((s) => (
        <Caption1 key={s.index}>
          <b>{s.name}</b>（{s.grade}）：{explain(s)}
        </Caption1>
      ))}
      {explained.length > GRID_ROWS && <Caption1 className={styles.muted}>… {explained.length - GRID_ROWS}</Caption1>}
    </div>
  );
}
