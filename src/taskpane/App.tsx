// The pane: start → 校验 → 计算 → 输出, over the engine and whichever host the session has. The
// state is one reducer (pane-state.ts); each step is its own component.
import { Badge, Body1, Button, Divider, Subtitle2, Tab, TabList } from '@fluentui/react-components';
import { useCallback, useReducer, useState } from 'react';
import { SCHEME_SHEET } from '../engine/scheme';
import type { Issue } from '../engine/types';
import type { Lang } from '../i18n/messages';
import { UI_TEXT } from '../i18n/ui';
import { CombineFiles } from './CombineFiles';
import { describeError } from './errors';
import { HostProblem, type HostProblemInfo } from './HostProblem';
import { OpenFile } from './OpenFile';
import { initialPane, isBusy, paneReducer, type Step } from './pane-state';
import { Cancelled, type CombinePeriods, type PaneSession } from './session';
import { Setup } from './Setup';
import { StartGuide } from './StartGuide';
import { CheckStep } from './steps/CheckStep';
import { ComputeStep } from './steps/ComputeStep';
import { OutputStep } from './steps/OutputStep';
import { usePaneStyles } from './styles';
import { WorkStatus } from './WorkStatus';
import { Workspace, type InputShown, type WorkspaceTab } from './Workspace';

const WORKSPACE_ID = 'kp-workspace';

export interface AppProps {
  readonly lang: Lang;
  /** set inside Excel; in the browser the user opens a file */
  readonly initialSession: PaneSession | null;
  /** standalone only: opens a file or the bundled example */
  readonly openFile?: (bytes: Uint8Array, name: string) => Promise<PaneSession>;
  /** standalone only: the bundled example (an address, or the workbook itself in kaoping.html) */
  readonly example?: { readonly url: string; readonly name: string };
  /** 合并各期, where the host can (the browser page; Excel with ExcelApi 1.8) */
  readonly combine?: CombinePeriods;
  /** standalone only: a blank workbook from a preset, downloaded and opened */
  readonly blank?: (preset: string) => Promise<PaneSession>;
  /** inside Office but unable to work: office.js did not load, or the Excel is too old */
  readonly hostProblem?: HostProblemInfo;
}

/** Problem cells, for the marks in Excel. */
const problemCells = (issues: readonly Issue[]) => issues.filter((i) => i.cell).map((i) => ({ sheet: i.sheet, cell: i.cell }));

export function App({ lang, initialSession, openFile, example, combine, blank, hostProblem }: AppProps) {
  const t = UI_TEXT[lang];
  const styles = usePaneStyles();
  const [state, dispatch] = useReducer(paneReducer, initialSession, initialPane);
  const { session, checked, phase, step, marking } = state;
  /** what the last 合并各期 found */
  const [combineIssues, setCombineIssues] = useState<readonly Issue[] | null>(null);
  const busy = isBusy(phase);
  /** result sheets the user chose not to write */
  const [leftOut, setLeftOut] = useState<ReadonlySet<string>>(new Set());
  const [workspaceTab, setWorkspaceTab] = useState<WorkspaceTab>('table');
  const [input, setInput] = useState<InputShown | null>(null);
  const progress = useCallback((share: number) => dispatch({ type: 'progress', share }), []);

  /** Runs a piece of work; lets the spinner paint before the synchronous engine runs. */
  const work = useCallback(
    async (label: string, job: () => Promise<void>, kind: 'checking' | 'writing' = 'checking') => {
      dispatch({ type: 'started', work: kind, label });
      await new Promise((r) => setTimeout(r, 0));
      try {
        await job();
        dispatch({ type: 'finished' });
      } catch (e) {
        // a cancelled run starts again from a fresh check
        dispatch({ type: 'failed', error: describeError(e, lang), stale: e instanceof Cancelled });
      }
    },
    [lang],
  );

  /** Reads and checks, inside a piece of work; marks of the previous check go when marking is on. */
  const runCheck = async (s: PaneSession) => {
    dispatch({ type: 'started', work: 'checking', label: t.checking });
    progress(0);
    const result = await s.check(progress);
    dispatch({ type: 'checked', checked: result });
    if (marking && s.markCells) await s.markCells(problemCells(result.issues));
  };
  const check = (s: PaneSession) => work(t.checking, () => runCheck(s));

  const onMarking = (on: boolean) => {
    dispatch({ type: 'marking', on });
    const mark = session?.markCells;
    if (mark && checked) void work(t.checking, () => mark(on ? problemCells(checked.issues) : []));
  };

  const open = (load: () => Promise<{ bytes: Uint8Array; name: string }>) =>
    void work(t.loading, async () => {
      if (!openFile) return;
      const { bytes, name } = await load();
      const s = await openFile(bytes, name);
      setInput(null);
      dispatch({ type: 'opened', session: s });
      await runCheck(s);
    });

  const onExample = ({ url, name }: NonNullable<AppProps['example']>) =>
    open(async () => {
      const res = await fetch(url);
      if (!res.ok) throw new Error(`${res.status} ${name}`);
      return { bytes: new Uint8Array(await res.arrayBuffer()), name };
    });

  const onWrite = (s: PaneSession) =>
    void work(
      t.writing,
      async () => {
        progress(0);
        const chosen = checked && leftOut.size > 0 ? checked.sheetsToWrite.filter((n) => !leftOut.has(n)) : undefined;
        const result = await s.publish(progress, chosen);
        if (!result.written) {
          dispatch({ type: 'failed', error: t.notWritable, stale: false });
          return;
        }
        const sheets = result.written.written.join(t.listSeparator);
        dispatch({
          type: 'written',
          message: result.ok ? (s.mode === 'excel' ? t.writtenExcel(sheets) : t.writtenFile(sheets, result.where)) : t.onlyReport,
          notice: result.written.degraded.includes('print-setup') ? t.noPrintSetup : null,
        });
        // a second write must start from a fresh read: the workbook changed
        await runCheck(s);
      },
      'writing',
    );

  const onNext = (make: NonNullable<PaneSession['nextPeriod']>) =>
    void work(t.makingNext, async () => {
      const next = await make();
      const errors = next.issues.filter((i) => i.severity === 'error').length;
      if (next.written !== null) dispatch({ type: 'said', message: next.written ? t.nextWritten(next.written) : t.nextOpened });
      else if (next.sharedFormula) dispatch({ type: 'failed', error: t.nextSharedFormula(next.sharedFormula), stale: false });
      else dispatch({ type: 'failed', error: t.nextRefused(errors), stale: false });
    });

  const onBlank = (make: NonNullable<AppProps['blank']>, preset: string) =>
    void work(t.loading, async () => {
      const s = await make(preset);
      dispatch({ type: 'opened', session: s });
      await runCheck(s);
      dispatch({ type: 'said', message: t.workspace.blankMade(s.title) });
    });

  /** The browser page shows an issue's cell in a preview of its input sheet. */
  const showInput = (s: PaneSession) => async (sheet: string, cell: string) => {
    const preview = await s.inputPreview!(sheet, cell);
    setInput({ sheet, cell, preview });
    setWorkspaceTab('input');
    document.getElementById(WORKSPACE_ID)?.scrollIntoView({ block: 'start' });
  };

  /** 合并各期; true when the annual workbook was made */
  const onCombine = async (run: CombinePeriods, files: readonly File[]): Promise<boolean> => {
    let made = false;
    setCombineIssues(null);
    await work(t.combining, async () => {
      const picked = await Promise.all(files.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })));
      const outcome = await run(picked);
      setCombineIssues(outcome.issues);
      if (outcome.written === null) {
        dispatch({ type: 'failed', error: t.combineRefused(outcome.issues.filter((i) => i.severity === 'error').length), stale: false });
        return;
      }
      made = true;
      if (!outcome.session) return dispatch({ type: 'said', message: t.combinedExcel });
      dispatch({ type: 'opened', session: outcome.session });
      dispatch({ type: 'said', message: t.combinedFile(outcome.written) });
      await runCheck(outcome.session);
    });
    return made;
  };
  const combineFiles = combine && <CombineFiles lang={lang} busy={busy} issues={combineIssues} onCombine={(files) => onCombine(combine, files)} />;

  if (hostProblem) return <HostProblem lang={lang} problem={hostProblem} />;

  const makeNext = session?.nextPeriod;
  const noScheme = checked?.issues.some((i) => i.code === 'missing-sheet' && i.sheet === SCHEME_SHEET) ?? false;
  const pane = (
    <div className={styles.root}>
      <div className={styles.header}>
        <Subtitle2>{t.app}</Subtitle2>
        <Badge appearance="tint" color={session?.mode === 'excel' ? 'brand' : 'informative'}>
          {session?.mode === 'excel' || !openFile ? t.modeExcel : t.modeFile}
        </Badge>
      </div>

      {openFile && (
        <OpenFile
          lang={lang}
          opened={session?.title ?? null}
          busy={busy}
          onFile={(file) => open(async () => ({ bytes: new Uint8Array(await file.arrayBuffer()), name: file.name }))}
          onExample={example ? () => onExample(example) : undefined}
          onBlank={blank ? (preset) => onBlank(blank, preset) : undefined}
        />
      )}
      {openFile && combineFiles}

      {session && !checked && !busy && (
        <div className={styles.list}>
          {session.mode === 'excel' && <Body1>{t.excelIntro}</Body1>}
          <div className={styles.row}>
            <Button appearance="primary" onClick={() => void check(session)}>
              {t.startCheck}
            </Button>
          </div>
        </div>
      )}

      <WorkStatus lang={lang} phase={phase} delivered={state.delivered} cancel={session?.cancel} />

      {session && checked && noScheme && (
        <Setup
          lang={lang}
          session={session}
          sheetNames={checked.sheetNames}
          work={work}
          recheck={() => runCheck(session)}
          say={(message) => dispatch({ type: 'said', message })}
        />
      )}

      {session && checked && !noScheme && (
        <>
          <TabList selectedValue={step} onTabSelect={(_, d) => dispatch({ type: 'step', step: d.value as Step })} size="small">
            <Tab value="check">{t.steps.check}</Tab>
            <Tab value="compute" disabled={!checked.ok}>
              {t.steps.compute}
            </Tab>
            <Tab value="output">{t.steps.output}</Tab>
          </TabList>
          <Divider />
          {step === 'check' && (
            <CheckStep
              lang={lang}
              issues={checked.issues}
              busy={busy}
              onRecheck={() => void check(session)}
              onSelect={session.inputPreview ? showInput(session) : session.selectCell}
              marking={session.markCells ? { on: marking, onChange: onMarking } : undefined}
            />
          )}
          {step === 'compute' && checked.ok && <ComputeStep lang={lang} checked={checked} />}
          {step === 'output' && (
            <OutputStep
              lang={lang}
              checked={checked}
              mode={session.mode}
              busy={busy}
              leftOut={leftOut}
              onLeaveOut={(name, out) => setLeftOut((was) => new Set(out ? [...was, name] : [...was].filter((n) => n !== name)))}
              onWrite={() => onWrite(session)}
              onNext={makeNext ? () => onNext(makeNext) : undefined}
            >
              {!openFile && combineFiles}
            </OutputStep>
          )}
        </>
      )}
    </div>
  );
  if (!openFile) return pane;
  return (
    <div className={styles.page}>
      {pane}
      {!session && <StartGuide lang={lang} />}
      {session && (
        <div id={WORKSPACE_ID}>
          <Workspace lang={lang} session={session} checked={checked} tab={workspaceTab} onTab={setWorkspaceTab} input={input} work={work} />
        </div>
      )}
    </div>
  );
}
