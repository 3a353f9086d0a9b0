// Standalone mode: an .xlsx file opened in the browser; the result workbook is downloaded. All
// the work runs in a Web Worker (file-worker.ts): the page only shows progress and results, and
// its 取消 stops the worker at once.
import { WorkbookOpenError, type OpenFailure } from '../hosts/xlsx/open-error';
import type { WorkbookSnapshot } from '../hosts/port';
import { combinedFileName, nextPeriodFileName, resultFileName, today } from '../app/score-workbook';
import { PeriodFileUnreadable } from '../hosts/xlsx/open-error';
import { wholeSheet } from '../report/spec';
import { Cancelled, type CombinePeriods, type OnProgress, type PaneSession } from './session';
import type { WorkerAnswer, WorkerMessage, WorkerRequest } from './worker-protocol';

type AnswerOf<Op extends WorkerAnswer['op']> = Extract<WorkerAnswer, { op: Op }>;

/** Set by the build; in kaoping.html the worker's code is inside the page (file:// loads no worker file). */
declare const SINGLE_FILE: boolean;
export const WORKER_SCRIPT_ID = 'kaoping-worker';

function inlineWorker(): Worker {
  const code = document.getElementById(WORKER_SCRIPT_ID)?.textContent ?? '';
  const url = URL.createObjectURL(new Blob([code], { type: 'text/javascript' }));
  return new Worker(url, { name: 'kaoping' });
}

/** The step the worker is on: whom to tell of its progress and its end. */
interface Pending {
  readonly resolve: (answer: WorkerAnswer) => void;
  readonly reject: (e: unknown) => void;
  readonly onProgress?: OnProgress;
}

/**
 * One worker holding the opened workbook, one step at a time (a step waits for the one before);
 * after a cancel, a new worker opened from the same bytes. Without a workbook, a worker for one
 * job (合并各期).
 */
class WorkerLink {
  private worker!: Worker;
  private pending: Pending | null = null;
  /** settles when the steps asked so far are done */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly opening: { readonly bytes: Uint8Array; readonly title: string } | null) {}

  /** Opens the workbook in a fresh worker; its sheet names. */
  start(): Promise<readonly string[]> {
    this.spawn();
    const { bytes, title } = this.opening!;
    // the worker gets its own copy: after a cancel the page still has the file to start again
    return this.ask({ op: 'open', bytes: bytes.slice(), title }).then((a) => a.sheetNames);
  }

  spawn(): void {
    this.worker = SINGLE_FILE ? inlineWorker() : new Worker(new URL('./file-worker.ts', import.meta.url), { name: 'kaoping' });
    this.worker.onmessage = (e: MessageEvent<WorkerMessage>) => {
      const m = e.data;
      const pending = this.pending;
      if (!pending) return;
      if (m.kind === 'progress') return pending.onProgress?.(m.done);
      this.pending = null;
      if (m.kind === 'answer') pending.resolve(m.answer);
      else pending.reject(m.openFailure ? openError(m.openFailure, m.message) : new Error(m.message));
    };
    this.worker.onerror = (e) => {
      const pending = this.pending;
      this.pending = null;
      pending?.reject(new Error(e.message));
    };
    this.queue = Promise.resolve();
  }

  ask<Op extends WorkerRequest['op']>(request: Extract<WorkerRequest, { op: Op }>, onProgress?: OnProgress): Promise<AnswerOf<Op>> {
    const worker = this.worker;
    const step = this.queue
      .catch(() => undefined)
      .then(
        () =>
          new Promise<AnswerOf<Op>>((resolve, reject) => {
            if (worker !== this.worker) return reject(new Cancelled()); // asked of a worker since stopped
            this.pending = { resolve: (a) => resolve(a as AnswerOf<Op>), reject, onProgress };
            worker.postMessage(request);
          }),
      );
    this.queue = step;
    return step;
  }

  /** Stops the worker at once (the step under way fails with Cancelled). */
  stop(): void {
    this.worker.terminate();
    const pending = this.pending;
    this.pending = null;
    pending?.reject(new Cancelled());
  }

  /** Stops the worker and opens the file again. */
  cancel(): void {
    this.stop();
    void this.start().catch(() => undefined); // the file opened before: a failure here shows at the next step
  }
}

/** A workbook that could not be opened, as the worker said, again as an error of its kind. */
function openError(failure: { readonly reason: string; readonly fileName?: string }, message: string): WorkbookOpenError {
  const cause = new WorkbookOpenError(failure.reason as OpenFailure, message);
  return failure.fileName === undefined ? cause : new PeriodFileUnreadable(failure.fileName, cause);
}

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Opens bytes as a workbook in a worker. */
export async function openFileSession(bytes: Uint8Array, fileName: string, download: (blob: Blob, name: string) => void): Promise<PaneSession> {
  const title = fileName.replace(/\.xls[xm]$/i, '');
  const ext = /\.xlsm$/i.test(fileName) ? '.xlsm' : '.xlsx';
  const link = new WorkerLink({ bytes, title });
  const save = (out: Uint8Array, name: string) => download(new Blob([out as BlobPart], { type: XLSX_TYPE }), name);
  let sheetNames = await link.start();
  const port: PaneSession['port'] = {
    async read(pick): Promise<WorkbookSnapshot> {
      return (await link.ask({ op: 'read', sheets: pick(sheetNames) })).snapshot;
    },
    async addSheets(specs) {
      // sections are functions, which cannot cross to the worker
      sheetNames = (await link.ask({ op: 'addSheets', specs: specs.map((s) => wholeSheet(s)) })).sheetNames;
    },
  };
  return {
    mode: 'file',
    title,
    port,
    async check(onProgress) {
      const { view } = await link.ask({ op: 'check', date: today() }, onProgress);
      sheetNames = view.sheetNames;
      return view;
    },
    async publish(onProgress, sheets) {
      const { view, bytes: out } = await link.ask({ op: 'publish', sheets }, onProgress);
      if (!out) return view;
      const name = resultFileName(title, ext);
      save(out, name);
      return { ...view, where: name };
    },
    async nextPeriod() {
      const { next, bytes: out } = await link.ask({ op: 'next' });
      if (!out) return next;
      const name = nextPeriodFileName(title, ext);
      save(out, name);
      return { ...next, written: name };
    },
    preview: async (sheet, rows) => (await link.ask({ op: 'preview', sheet, rows })).preview,
    resultTable: async (query) => (await link.ask({ op: 'table', query })).page,
    inputPreview: async (sheet, cell) => (await link.ask({ op: 'inputPreview', sheet, cell })).preview,
    cancel: () => link.cancel(),
  };
}

/** Asks a worker of its own, which stops once it has answered (work that needs no workbook open). */
async function askOnce<Op extends WorkerRequest['op']>(request: Extract<WorkerRequest, { op: Op }>): Promise<AnswerOf<Op>> {
  const link = new WorkerLink(null);
  link.spawn();
  return link.ask(request).finally(() => link.stop());
}

/** A workbook made in the page: downloaded, then opened as the page's workbook. */
function downloadAndOpen(bytes: Uint8Array, name: string, download: (blob: Blob, name: string) => void): Promise<PaneSession> {
  download(new Blob([bytes as BlobPart], { type: XLSX_TYPE }), name);
  return openFileSession(bytes, name, download);
}

/** A blank workbook from a preset, made in a worker of its own, downloaded, then opened. */
export async function blankInBrowser(preset: string, download: (blob: Blob, name: string) => void): Promise<PaneSession> {
  const { bytes, name } = await askOnce({ op: 'blank', preset });
  return downloadAndOpen(bytes, name, download);
}

/**
 * 合并各期 in the browser page: combined in a worker of its own, downloaded, then opened as the
 * page's workbook, ready to check.
 */
export function combineInBrowser(download: (blob: Blob, name: string) => void): CombinePeriods {
  return async (files) => {
    const { combined } = await askOnce({ op: 'combine', files });
    if (!combined.ok) return { issues: combined.issues, written: null };
    const name = combinedFileName(files.map((f) => f.name.replace(/\.xls[xm]$/i, '')));
    return { issues: combined.issues, written: name, session: await downloadAndOpen(combined.bytes, name, download) };
  };
}

/** Saves a blob through a temporary link (works in every browser the pane supports). */
export function downloadBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60000);
}
