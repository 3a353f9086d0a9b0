// The kaoping command: score, validate, template, demo (contract section 7).
import { Command, CommanderError, Help } from 'commander';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, realpathSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { assess, findInputSheets } from '../engine/assess';
import { errorsFirst } from '../engine/cells';
import type { Issue } from '../engine/types';
import { resultJson } from '../app/result-json';
import { combineWorkbooks, type PeriodFile } from '../app/combine';
import { COMBINE_LIMIT } from '../engine/period-order';
import { nextPeriodFileName, resultFileName, readInputs, scoreWorkbook, today, type RunResult } from '../app/score-workbook';
import { makeNextPeriod } from '../app/next-period';
import { SharedFormulaCell } from '../hosts/xlsx/clear-cells';
import { nativeEntry } from '../hosts/xlsx/native-deflate';
import { WorkbookOpenError, XlsxWorkbook } from '../hosts/xlsx/xlsx-workbook';
import { PeriodFileUnreadable } from '../hosts/xlsx/open-error';
import { CLI_TEXT, type CliText } from '../i18n/cli';
import { issueMessage, issuePlace, SEVERITY_WORD } from '../i18n/format';
import { langOf, type Lang } from '../i18n/messages';
import { textWidth } from '../report/layout';
import { findPreset, PRESETS } from '../report/templates';
import { templateBook } from '../app/template-book';
import { Progress } from './progress';

export interface Io {
  readonly stdout: { write(s: string): unknown; isTTY?: boolean };
  readonly stderr: { write(s: string): unknown; isTTY?: boolean };
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
}

/** A failure of the command itself (exit code 2), with a message for the user. */
class CommandFailure extends Error {}

/** Shows a progress bar when the score sheet's XML is this large (about 1,000 subjects × 40 scores). */
const PROGRESS_FROM_BYTES = 256 * 1024;
/** Issues printed to the terminal before "… N more". */
const PRINTED_ISSUES = 30;

const EXAMPLE_WORKBOOK = join(__dirname, '..', '..', '..', 'examples', 'ex1-departments-30.xlsx');

/** --lang, else the environment's locale (LC_ALL, LC_MESSAGES, LANG), else the system's (Windows sets none of those). */
function langFrom(argv: readonly string[], env: Io['env']): Lang {
  const i = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  if (i >= 0) return langOf(argv[i].includes('=') ? argv[i].split('=')[1] : argv[i + 1]);
  const fromEnv = env.LC_ALL || env.LC_MESSAGES || env.LANG || env.LANGUAGE;
  if (fromEnv && fromEnv !== 'C' && fromEnv !== 'POSIX') return langOf(fromEnv);
  return langOf(Intl.DateTimeFormat().resolvedOptions().locale);
}

/** Workbook text as it may reach a terminal: control characters (escape sequences, bidi overrides) made visible. */
export function terminalSafe(text: string): string {
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function fileTitleOf(path: string): string {
  return basename(path, extname(path));
}

/** Runs a step on the workbook file; a file it cannot read becomes the command's plain message. */
async function withWorkbook<T>(path: string, t: CliText, step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (e) {
    throw e instanceof WorkbookOpenError ? openFailure(path, e, t) : e;
  }
}

/** Why the file at `path` cannot be read, in words. */
function openFailure(path: string, e: WorkbookOpenError, t: CliText): CommandFailure {
  if (e.reason === 'encrypted-or-xls') return new CommandFailure(t.encrypted(path));
  if (e.reason === 'not-xlsx') return new CommandFailure(t.notXlsx(path));
  if (e.reason === 'too-large' && e.limit) return new CommandFailure(t.tooLarge(path, e.limit.kind, terminalSafe(e.limit.where), e.limit.max));
  return new CommandFailure(t.corrupt(path, terminalSafe(e.message)));
}

async function openWorkbook(path: string, t: CliText): Promise<XlsxWorkbook> {
  if (!existsSync(path) || !statSync(path).isFile()) throw new CommandFailure(t.noFile(path));
  if (!/\.xls[xm]$/i.test(path)) {
    if (/\.xls$/i.test(path)) throw new CommandFailure(t.encrypted(path));
    throw new CommandFailure(t.notXlsx(path));
  }
  return withWorkbook(path, t, () => XlsxWorkbook.load(readFileSync(path), nativeEntry));
}

/**
 * Writes through a temporary file beside the target, so a failure never leaves half a file
 * behind; the temporary file is removed whatever happens. Its name is short (a long target name
 * plus a suffix could pass the 255-byte limit of file names).
 */
function writeFileSafely(path: string, data: Uint8Array | string, t: CliText): Promise<void> {
  return writeStreamSafely(path, async (write) => write(data), t);
}

/** The same, for content produced a piece at a time (a workbook is never held whole). */
async function writeStreamSafely(path: string, produce: (write: (chunk: Uint8Array | string) => void) => Promise<void>, t: CliText): Promise<void> {
  const tmp = join(dirname(path), `.kaoping-${process.pid}-${Date.now().toString(36)}.tmp`);
  let fd: number | null = null;
  try {
    mkdirSync(dirname(path), { recursive: true });
    fd = openSync(tmp, 'w');
    const file = fd;
    await produce((chunk) => {
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
      for (let at = 0; at < bytes.length;) at += writeSync(file, bytes, at);
    });
    closeSync(fd);
    fd = null;
    renameSync(tmp, path);
  } catch (e) {
    // the file system's refusals (a full disk, no permission) are the user's to fix; others are ours
    if ((e as NodeJS.ErrnoException).code === undefined) throw e;
    throw new CommandFailure(t.cannotWrite(path, (e as Error).message));
  } finally {
    if (fd !== null) closeSync(fd);
    rmSync(tmp, { force: true });
  }
}

/** Whether kaoping wrote this existing file (a workbook with its marks, or its JSON); only such files are replaced without --force. */
async function writtenByKaoping(path: string, kind: 'workbook' | 'json'): Promise<boolean> {
  try {
    if (kind === 'json') {
      const j = JSON.parse(readFileSync(path, 'utf8'));
      return typeof j === 'object' && j !== null && typeof j.ok === 'boolean' && Array.isArray(j.subjects) && Array.isArray(j.issues);
    }
    return (await XlsxWorkbook.load(readFileSync(path))).writtenByKaoping();
  } catch {
    return false;
  }
}

async function checkOutput(path: string, kind: 'workbook' | 'json', force: boolean | undefined, t: CliText): Promise<void> {
  if (existsSync(path) && !force && !(await writtenByKaoping(path, kind))) throw new CommandFailure(t.outputExists(path));
}

function samePath(a: string, b: string): boolean {
  const real = (p: string) => (existsSync(p) ? realpathSync(p) : resolve(p));
  return real(a) === real(b);
}

function printIssues(issues: readonly Issue[], lang: Lang, io: Io, t: CliText): void {
  const sorted = errorsFirst(issues);
  for (const i of sorted.slice(0, PRINTED_ISSUES)) {
    const place = issuePlace(i);
    io.stderr.write(
      terminalSafe(`${SEVERITY_WORD[lang][i.severity]}${place ? ` ${place}` : ''}: ${issueMessage(i, lang)}${i.value ? ` [${i.value}]` : ''}`) + '\n',
    );
  }
  if (sorted.length > PRINTED_ISSUES) io.stderr.write(`${t.more(sorted.length - PRINTED_ISSUES)}\n`);
}

function pad(text: string, width: number, right = false): string {
  const fill = ' '.repeat(Math.max(0, width - textWidth(text)));
  return right ? fill + text : text + fill;
}

/** The ranked result as a terminal table. */
function resultTable(run: RunResult, t: CliText): string {
  const a = run.assessment;
  const d = a.scheme?.settings.decimals ?? 2;
  const rows = a.subjects.map((s) => [String(s.rank), s.name, s.group ?? '', s.score.total.value.toFixed(d), s.grade, s.score.vetoed ? t.table.vetoed : '']);
  const head = [t.table.rank, t.table.name, t.table.group, t.table.total, t.table.grade, t.table.notes];
  const cols = a.hasGroups ? [0, 1, 2, 3, 4, 5] : [0, 1, 3, 4, 5];
  const widths = cols.map((c) => Math.max(textWidth(head[c]), ...rows.map((r) => textWidth(r[c]))));
  const line = (r: string[]) =>
    cols
      .map((c, i) => pad(r[c], widths[i], c === 0 || c === 3))
      .join('  ')
      .trimEnd();
  return terminalSafe([line(head), cols.map((_, i) => '─'.repeat(widths[i])).join('  '), ...rows.map(line)].join('\n')) + '\n';
}

async function score(input: string, opts: { output?: string; json?: string; force?: boolean }, lang: Lang, io: Io, table: boolean): Promise<number> {
  const t = CLI_TEXT[lang];
  const inPath = resolve(io.cwd, input);
  const book = await openWorkbook(inPath, t);
  const ext = extname(inPath).toLowerCase();
  const outPath = resolve(io.cwd, opts.output ?? join(dirname(inPath), resultFileName(fileTitleOf(inPath), ext)));
  const jsonPath = opts.json ? resolve(io.cwd, opts.json) : null;
  if (samePath(inPath, outPath)) throw new CommandFailure(t.sameFile);
  // a workbook with macros must stay .xlsm, or Excel refuses to open it
  if (extname(outPath).toLowerCase() !== ext) throw new CommandFailure(t.sameKind(ext));
  if (jsonPath && samePath(inPath, jsonPath)) throw new CommandFailure(t.sameFile);
  if (jsonPath && samePath(outPath, jsonPath)) throw new CommandFailure(t.jsonIsOutput);
  await checkOutput(outPath, 'workbook', opts.force, t);
  if (jsonPath) await checkOutput(jsonPath, 'json', opts.force, t);

  const scoresSheet = findInputSheets(book.sheetNames()).scores;
  const sheetBytes = scoresSheet ? book.sheetBytes(scoresSheet) : 0;
  const progress = sheetBytes > PROGRESS_FROM_BYTES ? new Progress(io.stderr, 5) : null; // read, assess, sheets, write, save
  progress?.step(t.stages.read);
  const run = await withWorkbook(inPath, t, () =>
    scoreWorkbook(book, {
      fileTitle: fileTitleOf(inPath),
      date: today(),
      onStage: (stage) => progress?.step(t.stages[stage]),
    }),
  );
  if (run.written) {
    await writeStreamSafely(outPath, (write) => book.writeTo(write), t);
    progress?.step(t.stages.save);
  }
  if (jsonPath) await writeFileSafely(jsonPath, JSON.stringify(resultJson(run, lang), null, 1) + '\n', t);

  printIssues(run.issues, lang, io, t);
  if (table && run.ok) io.stdout.write(resultTable(run, t));
  io.stdout.write(`${countsLine(run.ok, run.assessment.subjects.length, run.issues, t)}\n`);
  if (!run.written) io.stdout.write(`${t.notWritten}\n`);
  else io.stdout.write(`${run.ok ? t.written(outPath) : t.errorsWritten(outPath)}\n`);
  if (jsonPath) io.stdout.write(`${t.jsonWritten(jsonPath)}\n`);
  return run.ok ? 0 : 1;
}

/**
 * The next period's workbook: a copy of the input with this period's scores and adjustments
 * emptied and the tool's result sheets removed. Nothing is written when 考核方案 has errors.
 */
async function nextPeriod(input: string, opts: { output?: string; force?: boolean }, lang: Lang, io: Io): Promise<number> {
  const t = CLI_TEXT[lang];
  const inPath = resolve(io.cwd, input);
  const book = await openWorkbook(inPath, t);
  const ext = extname(inPath).toLowerCase();
  const outPath = resolve(io.cwd, opts.output ?? join(dirname(inPath), nextPeriodFileName(fileTitleOf(inPath), ext)));
  if (samePath(inPath, outPath)) throw new CommandFailure(t.sameFile);
  if (extname(outPath).toLowerCase() !== ext) throw new CommandFailure(t.sameKind(ext));
  await checkOutput(outPath, 'workbook', opts.force, t);
  const next = await withWorkbook(inPath, t, async () => {
    try {
      return await makeNextPeriod(book, fileTitleOf(inPath));
    } catch (e) {
      if (e instanceof SharedFormulaCell) throw new CommandFailure(t.sharedFormula(`${e.sheet}!${e.cell}`));
      throw e;
    }
  });
  if (!next.ok) {
    printIssues(next.issues, lang, io, t);
    io.stdout.write(`${countsLine(false, 0, next.issues, t)}\n${t.notWritten}\n`);
    return 1;
  }
  await writeStreamSafely(outPath, (write) => book.writeTo(write), t);
  io.stdout.write(`${t.nextWritten(outPath, next.emptied.scores, next.emptied.events)}\n`);
  return 0;
}

async function combine(inputs: readonly string[], opts: { output: string; force?: boolean }, lang: Lang, io: Io): Promise<number> {
  const t = CLI_TEXT[lang];
  if (inputs.length < 2 || inputs.length > COMBINE_LIMIT) throw new CommandFailure(t.combineCount(COMBINE_LIMIT));
  const paths = inputs.map((i) => resolve(io.cwd, i));
  const outPath = resolve(io.cwd, opts.output);
  if (!/\.xlsx$/i.test(outPath)) throw new CommandFailure(t.notXlsx(outPath));
  if (paths.some((p) => samePath(p, outPath))) throw new CommandFailure(t.sameFile);
  await checkOutput(outPath, 'workbook', opts.force, t);
  const files: PeriodFile[] = [];
  for (const path of paths) files.push({ fileName: basename(path), fileTitle: fileTitleOf(path), book: await openWorkbook(path, t) });
  const combined = await combineWorkbooks(files, nativeEntry).catch((e: unknown) => {
    // a file whose sheets cannot be read is named as the user wrote it
    throw e instanceof PeriodFileUnreadable ? openFailure(paths[files.findIndex((f) => f.fileName === e.fileName)], e, t) : e;
  });
  printIssues(combined.issues, lang, io, t);
  if (!combined.ok) {
    io.stdout.write(`${countsLine(false, 0, combined.issues, t)}\n${t.notWritten}\n`);
    return 1;
  }
  await writeStreamSafely(outPath, (write) => combined.book.writeTo(write), t);
  io.stdout.write(`${t.combined(outPath, files.length)}\n`);
  return 0;
}

/** "30 subjects, 0 errors, 2 warnings"; with errors no subjects were computed, so none are counted. */
function countsLine(ok: boolean, subjects: number, issues: readonly Issue[], t: CliText): string {
  const errors = issues.filter((i) => i.severity === 'error').length;
  return ok ? t.counts(subjects, errors, issues.length - errors) : t.issueCounts(errors, issues.length - errors);
}

async function validate(input: string, opts: { json?: string; force?: boolean }, lang: Lang, io: Io): Promise<number> {
  const t = CLI_TEXT[lang];
  const inPath = resolve(io.cwd, input);
  const book = await openWorkbook(inPath, t);
  const snap = await withWorkbook(inPath, t, () => readInputs(book));
  const assessment = assess({ fileTitle: fileTitleOf(inPath), sheetNames: snap.sheetNames, sheets: snap.sheets });
  const issues = assessment.issues;
  const run: RunResult = { assessment, issues, ok: assessment.ok, written: null };
  if (opts.json) {
    const jsonPath = resolve(io.cwd, opts.json);
    if (samePath(inPath, jsonPath)) throw new CommandFailure(t.sameFile);
    await checkOutput(jsonPath, 'json', opts.force, t);
    await writeFileSafely(jsonPath, JSON.stringify(resultJson(run, lang), null, 1) + '\n', t);
  }
  printIssues(issues, lang, io, t);
  if (issues.length === 0) io.stdout.write(`${t.noIssues}\n`);
  io.stdout.write(`${countsLine(assessment.ok, assessment.subjects.length, issues, t)}\n`);
  return assessment.ok ? 0 : 1;
}

async function template(presetName: string, opts: { output: string; force?: boolean }, lang: Lang, io: Io): Promise<number> {
  const t = CLI_TEXT[lang];
  const preset = findPreset(presetName);
  if (!preset) throw new CommandFailure(t.unknownPreset(presetName, PRESETS.map((p) => `${p.name} (${p.id})`).join('、')));
  const outPath = resolve(io.cwd, opts.output);
  if (!/\.xlsx$/i.test(outPath)) throw new CommandFailure(t.notXlsx(outPath));
  if (existsSync(outPath) && !opts.force) throw new CommandFailure(t.outputExists(outPath));
  const { book, toFill } = await templateBook(preset, nativeEntry);
  await writeStreamSafely(outPath, (write) => book.writeTo(write), t);
  io.stdout.write(`${t.templateWritten(outPath, preset.name, toFill.join(lang === 'zh' ? '、' : ', '))}\n`);
  return 0;
}

function program(lang: Lang, io: Io, run: (job: Promise<number>) => void): Command {
  const t = CLI_TEXT[lang];
  class LocalHelp extends Help {
    override styleTitle(str: string): string {
      return t.titles[str] ?? str;
    }
  }
  const configure = (cmd: Command) => {
    cmd
      .exitOverride()
      .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) })
      .helpOption('-h, --help', t.help);
    cmd.createHelp = () => Object.assign(new LocalHelp(), cmd.configureHelp());
    return cmd;
  };
  const root = new Command('kaoping').description(t.program).version(readVersion(), '-V, --version', t.version);
  configure(root);
  root.helpCommand('help [command]', t.help);
  const langOption = `--lang <lang>`;
  const sub = (name: string, description: string) => {
    const cmd = root.command(name).description(description).option(langOption, t.optLang);
    configure(cmd);
    return cmd;
  };
  sub('score', t.score)
    .argument('<workbook>', t.argWorkbook)
    .option('-o, --output <file>', t.optOut)
    .option('--json <file>', t.optJson)
    .option('--force', t.optForce)
    .action((input: string, opts) => run(score(input, opts, lang, io, false)));
  sub('validate', t.validate)
    .argument('<workbook>', t.argWorkbook)
    .option('--json <file>', t.optJson)
    .option('--force', t.optForce)
    .action((input: string, opts) => run(validate(input, opts, lang, io)));
  sub('template', t.template)
    .argument('<preset>', t.argPreset + PRESETS.map((p) => `${p.name} (${p.id})`).join(', '))
    .requiredOption('-o, --output <file>', t.optTemplateOut)
    .option('--force', t.optForce)
    .action((preset: string, opts) => run(template(preset, opts, lang, io)));
  sub('next', t.next)
    .argument('<workbook>', t.argWorkbook)
    .option('-o, --output <file>', t.optNextOut)
    .option('--force', t.optForce)
    .action((input: string, opts) => run(nextPeriod(input, opts, lang, io)));
  sub('combine', t.combine)
    .argument('<workbooks...>', t.argPeriodWorkbooks)
    .requiredOption('-o, --output <file>', t.optCombineOut)
    .option('--force', t.optForce)
    .action((inputs: string[], opts) => run(combine(inputs, opts, lang, io)));
  sub('demo', t.demo).action(() => {
    io.stdout.write(`${t.demoTitle(EXAMPLE_WORKBOOK)}\n`);
    run(
      score(
        EXAMPLE_WORKBOOK,
        { output: join(io.cwd, 'out', resultFileName('demo', '.xlsx')), json: join(io.cwd, 'out', resultFileName('demo', '.json')) },
        lang,
        io,
        true,
      ),
    );
  });
  return root;
}

function readVersion(): string {
  try {
    return JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'package.json'), 'utf8')).version;
  } catch {
    return '0.0.0';
  }
}

/** Runs the command; resolves to the exit code. Never throws. */
export async function main(argv: readonly string[], io: Io): Promise<number> {
  const lang = langFrom(argv, io.env);
  const t = CLI_TEXT[lang];
  let job: Promise<number> | null = null;
  try {
    program(lang, io, (j) => {
      job = j;
    }).parse([...argv], { from: 'user' });
    if (!job) {
      io.stderr.write(`${t.failed('?')}\n`);
      return 2;
    }
    return await (job as Promise<number>);
  } catch (e) {
    if (e instanceof CommanderError) {
      // help and version exit 0; usage mistakes have been printed by commander already
      return e.exitCode === 0 || e.code === 'commander.helpDisplayed' || e.code === 'commander.version' ? 0 : 2;
    }
    if (e instanceof CommandFailure) {
      io.stderr.write(`${e.message}\n`);
      return 2;
    }
    io.stderr.write(`${t.failed((e as Error)?.message ?? String(e))}\n`);
    return 2;
  }
}
