// The pane's state as one value changed only by actions: what it is doing (idle, checking,
// checked, writing, done, failed) is a phase, never a mix of flags that can disagree.
import type { CheckView } from '../app/check-view';
import type { PaneSession } from './session';

export type Step = 'check' | 'compute' | 'output';

export type Phase =
  /** nothing checked yet: no file opened, or Excel before 开始检查 */
  | { readonly kind: 'idle' }
  /** reading and checking (also opening a file and the new-assessment steps); share done 0…1 */
  | { readonly kind: 'checking'; readonly label: string; readonly progress: number | null }
  /** a check's result is shown */
  | { readonly kind: 'checked' }
  /** result sheets being written; share done 0…1 */
  | { readonly kind: 'writing'; readonly label: string; readonly progress: number | null }
  /** a check's result is shown under what the last step delivered */
  | { readonly kind: 'done'; readonly message: string; readonly notice: string | null }
  /** the last step failed; the result of the last check, if any, is still shown */
  | { readonly kind: 'failed'; readonly error: string };

export interface PaneState {
  readonly session: PaneSession | null;
  readonly checked: CheckView | null;
  readonly phase: Phase;
  /** what the last step delivered (results written, sheets added), shown until another file is opened */
  readonly delivered: { readonly message: string; readonly notice: string | null } | null;
  readonly step: Step;
  /** whether problem cells are marked in Excel */
  readonly marking: boolean;
}

export type PaneAction =
  | { readonly type: 'opened'; readonly session: PaneSession }
  | { readonly type: 'started'; readonly work: 'checking' | 'writing'; readonly label: string }
  | { readonly type: 'progress'; readonly share: number | null }
  | { readonly type: 'checked'; readonly checked: CheckView }
  /** results were written: the workbook changed, so the shown check is out of date */
  | { readonly type: 'written'; readonly message: string; readonly notice: string | null }
  | { readonly type: 'said'; readonly message: string }
  | { readonly type: 'finished' }
  /** `stale`: the work was cancelled half-way, what was checked cannot be trusted */
  | { readonly type: 'failed'; readonly error: string; readonly stale: boolean }
  | { readonly type: 'step'; readonly step: Step }
  | { readonly type: 'marking'; readonly on: boolean };

export function initialPane(session: PaneSession | null): PaneState {
  return { session, checked: null, phase: { kind: 'idle' }, delivered: null, step: 'check', marking: false };
}

/** The phase a finished piece of work leaves. */
function settled(state: PaneState): Phase {
  if (state.delivered) return { kind: 'done', ...state.delivered };
  return state.checked ? { kind: 'checked' } : { kind: 'idle' };
}

export function paneReducer(state: PaneState, action: PaneAction): PaneState {
  switch (action.type) {
    case 'opened':
      return { ...initialPane(action.session), marking: state.marking, phase: state.phase };
    case 'started':
      return { ...state, phase: { kind: action.work, label: action.label, progress: null } };
    case 'progress':
      return state.phase.kind === 'checking' || state.phase.kind === 'writing' ? { ...state, phase: { ...state.phase, progress: action.share } } : state;
    case 'checked':
      return { ...state, checked: action.checked };
    case 'written':
      return { ...state, checked: null, delivered: { message: action.message, notice: action.notice } };
    case 'said':
      return { ...state, delivered: { message: action.message, notice: null } };
    case 'finished':
      return state.phase.kind === 'failed' ? state : { ...state, phase: settled(state) };
    case 'failed':
      return { ...state, checked: action.stale ? null : state.checked, phase: { kind: 'failed', error: action.error } };
    case 'step':
      return { ...state, step: action.step };
    case 'marking':
      return { ...state, marking: action.on };
  }
}

/** Whether work is under way (buttons that start work are disabled). */
export function isBusy(phase: Phase): phase is Extract<Phase, { kind: 'checking' | 'writing' }> {
  return phase.kind === 'checking' || phase.kind === 'writing';
}
