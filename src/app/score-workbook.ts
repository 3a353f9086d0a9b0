// One run over any host: read the input sheets, assess, write the result sheets. The task pane
// uses the two halves separately (check, then publish when the user asks); the command in one go.
import { assess, findInputSheets, sheetsToRead, type Assessment } from '../engine/assess';
import type { Issue } from '../engine/types';
import { buildResultSheets } from '../report/sheets';
import type { SheetSpec } from '../report/spec';
import type { WorkbookPort, WorkbookSnapshot, WriteOutcome } from '../hosts/port';
import { namesInTheWay } from '../hosts/marks';

export interface RunOptions {
  /** 考核名称 when the scheme has none: the file name without extension */
  readonly fileTitle: string;
  /** the date printed on the result sheets */
  readonly date: string;
  /** called as each stage starts */
  readonly onStage?: (stage: 'assess' | 'sheets' | 'write') => void;
}

export interface Checked {
  readonly snapshot: WorkbookSnapshot;
  readonly assessment: Assessment;
  /** engine issues plus the run's own (a result sheet name taken by a user's sheet) */
  readonly issues: readonly Issue[];
  /** the sheets to write; only 校验报告 when there are errors */
  readonly specs: readonly SheetSpec[];
  /** false when not even 校验报告 can be written */
  readonly writable: boolean;
  /** results were computed and can be published */
  readonly ok: boolean;
}

export interface RunResult {
  readonly assessment: Assessment;
  readonly issues: readonly Issue[];
  /** true when results were computed and written */
  readonly ok: boolean;
  readonly written: WriteOutcome | null;
}

/** The result file's name beside the input (the contract's `<name>-结果.xlsx`), in the command and the browser page. */
export function resultFileName(title: string, ext: string): string {
  return `${title}-结果${ext}`;
}

/** The next period's workbook's name beside the input (`<name>-下一期.xlsx`). */
export function nextPeriodFileName(title: string, ext: string): string {
  return `${title}-下一期${ext}`;
}

/** The annual workbook the pane combines from period files: `<first>至<last>-合并.xlsx`. */
export function combinedFileName(titles: readonly string[]): string {
  return `${titles[0]}至${titles[titles.length - 1]}-合并.xlsx`;
}

/** Today as yyyy-mm-dd in local time. */
export function today(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * The input sheets' values: 考核方案, 评分表 and 加减分, then the period sheets 考核方案's 【期间】
 * lists (a second read, only when it lists any).
 */
export async function readInputs(port: Pick<WorkbookPort, 'read'>): Promise<WorkbookSnapshot> {
  const first = await port.read((names) => sheetsToRead(names));
  const schemeName = findInputSheets(first.sheetNames).scheme;
  const scheme = first.sheets.find((s) => s.name === schemeName);
  const more = scheme ? sheetsToRead(first.sheetNames, scheme).filter((n) => !first.sheets.some((s) => s.name === n)) : [];
  if (more.length === 0) return first;
  const second = await port.read(() => more);
  return { ...first, sheets: [...first.sheets, ...second.sheets] };
}

/** Reads and assesses; works out what would be written. Writes nothing. */
export async function checkWorkbook(port: WorkbookPort, options: RunOptions): Promise<Checked> {
  const snapshot = await readInputs(port);
  options.onStage?.('assess');
  const assessment = assess({ fileTitle: options.fileTitle, sheetNames: snapshot.sheetNames, sheets: snapshot.sheets });
  options.onStage?.('sheets');
  const ctx = { date: options.date };
  let specs: SheetSpec[] = buildResultSheets(assessment, ctx, [], options.fileTitle);

  // never overwrite a sheet of a result's name that the tool did not write
  const inTheWay = (names: readonly string[]) => namesInTheWay(names, snapshot.sheetNames, snapshot.ownedSheets);
  const taken: Issue[] = inTheWay(specs.map((s) => s.name)).map((name) => ({
    severity: 'error',
    code: 'sheet-name-taken',
    sheet: name,
    cell: '',
    value: '',
    params: { sheet: name },
  }));
  if (taken.length > 0) specs = buildResultSheets(assessment, ctx, taken, options.fileTitle).filter((s) => s.role === 'validation');
  const writable = inTheWay(specs.map((s) => s.name)).length === 0;
  return { snapshot, assessment, issues: [...assessment.issues, ...taken], specs, writable, ok: assessment.ok && taken.length === 0 };
}

/** The result sheets the user chose to write (all when no choice); 校验报告 always, the record of the check. */
export function chosenSheets(specs: readonly SheetSpec[], chosen: readonly string[] | undefined): readonly SheetSpec[] {
  return chosen ? specs.filter((s) => s.role === 'validation' || chosen.includes(s.name)) : specs;
}

/** Writes what `checkWorkbook` found to write (or the sheets chosen of it). */
export async function publishResults(
  port: WorkbookPort,
  checked: Checked,
  options: Pick<RunOptions, 'onStage'> & { onProgress?: (done: number) => void; sheets?: readonly string[] } = {},
): Promise<RunResult> {
  const { assessment, issues, ok } = checked;
  if (!checked.writable) return { assessment, issues, ok: false, written: null };
  options.onStage?.('write');
  const written = await port.writeResults(chosenSheets(checked.specs, options.sheets), options.onProgress);
  return { assessment, issues, ok, written };
}

export async function scoreWorkbook(port: WorkbookPort, options: RunOptions): Promise<RunResult> {
  return publishResults(port, await checkWorkbook(port, options), options);
}
