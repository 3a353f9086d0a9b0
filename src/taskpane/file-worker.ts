// The browser page's worker: holds the opened .xlsx and does every heavy step off the page's
// thread (reading, checking, computing, building and writing the result sheets), telling the
// page how far it has come. The page stays responsive and can stop it at any time.
import { checkView, publishView } from '../app/check-view';
import { checkWorkbook, publishResults, type Checked } from '../app/score-workbook';
import { combineFiles } from '../app/combine';
import { previewInput, previewSheet, queryTable, resultTable, type ResultTableView } from '../app/sheet-preview';
import { templateBook, templateFileName } from '../app/template-book';
import { parseAddress } from '../engine/cells';
import { findPreset } from '../report/templates';
import { nextPeriodFile } from '../app/next-period';
import { PeriodFileUnreadable, WorkbookOpenError } from '../hosts/xlsx/open-error';
import { XlsxWorkbook } from '../hosts/xlsx/xlsx-workbook';
import type { WorkerAnswer, WorkerMessage, WorkerRequest } from './worker-protocol';

const scope = self as unknown as {
  postMessage(message: WorkerMessage, transfer?: Transferable[]): void;
  onmessage: ((e: MessageEvent<WorkerRequest>) => void) | null;
};

let book: XlsxWorkbook | null = null;
/** the file as it was opened: the next period is made from it, not from a workbook with results */
let original: Uint8Array | null = null;
let title = '';
let checked: Checked | null = null;
/** 结果汇总's table, made once per check for the page's sorting and filtering */
let table: { readonly of: Checked; readonly table: ResultTableView } | null = null;

const progress = (done: number) => scope.postMessage({ kind: 'progress', done });

/** The check's stages and the share of the work each one starts at. */
const CHECK_STAGES = { assess: 0.5, sheets: 0.6 } as const;

async function handle(request: WorkerRequest): Promise<{ answer: WorkerAnswer; transfer?: Transferable[] }> {
  if (request.op === 'open') {
    book = await XlsxWorkbook.load(request.bytes);
    original = request.bytes;
    title = request.title;
    checked = null;
    return { answer: { op: 'open', sheetNames: book.sheetNames() } };
  }
  if (request.op === 'combine') {
    const combined = await combineFiles(request.files);
    return { answer: { op: 'combine', combined }, transfer: combined.ok ? [combined.bytes.buffer as ArrayBuffer] : [] };
  }
  if (request.op === 'blank') {
    const preset = findPreset(request.preset);
    if (!preset) throw new Error(`no preset ${request.preset}`);
    const bytes = await (await templateBook(preset)).book.toBytes();
    return { answer: { op: 'blank', bytes, name: templateFileName(preset) }, transfer: [bytes.buffer as ArrayBuffer] };
  }
  if (!book) throw new Error('no workbook open');
  const open = book;
  switch (request.op) {
    case 'check': {
      progress(0);
      checked = await checkWorkbook(open, { fileTitle: title, date: request.date, onStage: (stage) => stage !== 'write' && progress(CHECK_STAGES[stage]) });
      progress(1);
      return { answer: { op: 'check', view: checkView(checked) } };
    }
    case 'publish': {
      if (!checked) throw new Error('publish before check');
      progress(0);
      const result = await publishResults(open, checked, { sheets: request.sheets });
      checked = null; // the workbook changed: a second write starts from a fresh check
      const bytes = result.written ? await open.toBytes((done) => progress(done)) : null;
      return { answer: { op: 'publish', view: publishView(result, ''), bytes }, transfer: bytes ? [bytes.buffer as ArrayBuffer] : [] };
    }
    case 'preview': {
      const spec = checked?.specs.find((s) => s.name === request.sheet);
      return { answer: { op: 'preview', preview: spec ? previewSheet(spec, request.rows) : null } };
    }
    case 'table': {
      const summary = checked?.specs.find((s) => s.role === 'summary');
      if (summary && table?.of !== checked) table = { of: checked!, table: resultTable(summary) };
      return { answer: { op: 'table', page: summary ? queryTable(table!.table, request.query) : null } };
    }
    case 'inputPreview': {
      const at = parseAddress(request.cell);
      const sheet = at ? (await open.read(() => [request.sheet])).sheets[0] : undefined;
      return { answer: { op: 'inputPreview', preview: sheet && at ? previewInput(sheet, at[0], at[1]) : null } };
    }
    case 'read':
      return { answer: { op: 'read', snapshot: await open.read(() => request.sheets) } };
    case 'addSheets':
      await open.addSheets(request.specs);
      return { answer: { op: 'addSheets', sheetNames: open.sheetNames() } };
    case 'next': {
      const { next, bytes } = await nextPeriodFile(original!, title);
      return { answer: { op: 'next', next, bytes }, transfer: bytes ? [bytes.buffer as ArrayBuffer] : [] };
    }
  }
}

scope.onmessage = (e) => {
  handle(e.data).then(
    ({ answer, transfer }) => scope.postMessage({ kind: 'answer', answer }, transfer),
    (error: unknown) =>
      scope.postMessage({
        kind: 'failed',
        message: error instanceof Error ? error.message : String(error),
        ...(error instanceof WorkbookOpenError
          ? { openFailure: { reason: error.reason, limit: error.limit, ...(error instanceof PeriodFileUnreadable ? { fileName: error.fileName } : {}) } }
          : {}),
      }),
  );
};
