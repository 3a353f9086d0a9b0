// The pane's states: each action leads from one explicit phase to the next.
import type { CheckView } from '../src/app/check-view';
import { initialPane, isBusy, paneReducer, type PaneAction, type PaneState } from '../src/taskpane/pane-state';
import type { PaneSession } from '../src/taskpane/session';

const session = { mode: 'file', title: 'a.xlsx' } as unknown as PaneSession;
const other = { mode: 'file', title: 'b.xlsx' } as unknown as PaneSession;
const view = { ok: true, issues: [] } as unknown as CheckView;
const run = (state: PaneState, ...actions: PaneAction[]) => actions.reduce(paneReducer, state);

describe('pane states', () => {
  test('idle → checking (with progress) → checked', () => {
    const idle = initialPane(session);
    expect(idle.phase).toEqual({ kind: 'idle' });
    const checking = run(idle, { type: 'started', work: 'checking', label: '校验' }, { type: 'progress', share: 0.5 });
    expect(checking.phase).toEqual({ kind: 'checking', label: '校验', progress: 0.5 });
    expect(isBusy(checking.phase)).toBe(true);
    const checked = run(checking, { type: 'checked', checked: view }, { type: 'finished' });
    expect(checked.phase).toEqual({ kind: 'checked' });
    expect(checked.checked).toBe(view);
    expect(isBusy(checked.phase)).toBe(false);
  });

  test('checked → writing → done: the old check is dropped, a fresh one is shown under what was written', () => {
    const checked = run(initialPane(session), { type: 'checked', checked: view }, { type: 'finished' });
    const writing = run(checked, { type: 'started', work: 'writing', label: '写入' });
    expect(writing.phase.kind).toBe('writing');
    const written = run(writing, { type: 'written', message: '已写入', notice: null });
    expect(written.checked).toBeNull();
    const fresh = { ...view } as CheckView;
    const done = run(written, { type: 'started', work: 'checking', label: '校验' }, { type: 'checked', checked: fresh }, { type: 'finished' });
    expect(done.phase).toEqual({ kind: 'done', message: '已写入', notice: null });
    expect(done.checked).toBe(fresh);
  });

  test('failed keeps the last check unless the work was cancelled; the next start clears the error', () => {
    const checked = run(initialPane(session), { type: 'checked', checked: view }, { type: 'finished' });
    const failed = run(checked, { type: 'started', work: 'checking', label: '校验' }, { type: 'failed', error: 'x', stale: false }, { type: 'finished' });
    expect(failed.phase).toEqual({ kind: 'failed', error: 'x' });
    expect(failed.checked).toBe(view);
    expect(run(checked, { type: 'failed', error: '已取消', stale: true }).checked).toBeNull();
    expect(run(failed, { type: 'started', work: 'checking', label: '校验' }).phase.kind).toBe('checking');
  });

  test('progress outside work changes nothing', () => {
    const idle = initialPane(session);
    expect(paneReducer(idle, { type: 'progress', share: 0.3 })).toBe(idle);
  });

  test('opening another file starts over but keeps marking', () => {
    const before = run(
      initialPane(session),
      { type: 'marking', on: true },
      { type: 'checked', checked: view },
      { type: 'step', step: 'output' },
      { type: 'said', message: '已添加' },
    );
    const opened = paneReducer(before, { type: 'opened', session: other });
    expect(opened).toMatchObject({ session: other, checked: null, delivered: null, step: 'check', marking: true });
  });
});
