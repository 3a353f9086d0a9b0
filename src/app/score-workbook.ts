// One run over any host: read the input sheets, assess, write the result sheets.
import { assess, findInputSheets, type Assessment } from '../engine/assess';
import type { Issue } from '../engine/types';
import { buildResultSheets } from '../report/sheets';
import type { SheetSpec } from '../report/spec';
import type { WorkbookPort, WriteOutcome } from '../hosts/port';

export interface RunOptions {
  /** 考核名称 when the scheme has none: the file name without extension */
  readonly fileTitle: string;
  /** the date printed on the result sheets */
  readonly date: string;
  /** issues the host found before the run (parts a file format cannot carry over) */
  readonly hostIssues?: readonly Issue[];
  /** called as each stage starts */
  readonly onStage?: (stage: 'assess' | 'sheets' | 'write') => void;
}

export interface RunResult {
  readonly assessment: Assessment;
  /** engine issues plus the host's and the run's own */
  readonly issues: readonly Issue[];
  /** true when results were computed and written */
  readonly ok: boolean;
  readonly written: WriteOutcome | null;
}

/** Today as yyyy-mm-dd in local time. */
export function today(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export async function scoreWorkbook(port: WorkbookPort, options: RunOptions): Promise<RunResult> {
  const snapshot = await port.read((names) => Object.values(findInputSheets(names)));
  options.onStage?.('assess');
  const assessment = assess({ fileTitle: options.fileTitle, sheetNames: snapshot.sheetNames, sheets: snapshot.sheets });
  const ctx = { date: options.date };
  const hostIssues = options.hostIssues ?? [];
  options.onStage?.('sheets');
  let specs: SheetSpec[] = buildResultSheets(assessment, ctx, hostIssues, options.fileTitle);

  // never overwrite a sheet of a result's name that the tool did not write
  const owned = new Set(snapshot.ownedSheets);
  const present = new Set(snapshot.sheetNames);
  const taken: Issue[] = specs
    .filter((s) => present.has(s.name) && !owned.has(s.name))
    .map((s) => ({ severity: 'error', code: 'sheet-name-taken', sheet: s.name, cell: '', value: '', params: { sheet: s.name } }));
  const issues = [...assessment.issues, ...hostIssues, ...taken];
  if (taken.length > 0) {
    specs = buildResultSheets(assessment, ctx, [...hostIssues, ...taken], options.fileTitle).filter((s) => s.role === 'validation');
    if (specs.some((s) => present.has(s.name) && !owned.has(s.name))) return { assessment, issues, ok: false, written: null };
  }
  options.onStage?.('write');
  const written = await port.writeResults(specs);
  const ok = assessment.ok && taken.length === 0 && !hostIssues.some((i) => i.severity === 'error');
  return { assessment, issues, ok, written };
}
