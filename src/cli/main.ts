// The kaoping command: score, validate, template, demo (contract section 7).
import { Command, CommanderError, Help } from 'commander';
import { existsSync, mkdirSync, readFileSync, realpathSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { assess, findInputSheets } from '../engine/assess';
import type { Issue } from '../engine/types';
import { resultJson } from '../app/result-json';
import { scoreWorkbook, today, type RunResult } from '../app/score-workbook';
import { WorkbookOpenError, XlsxWorkbook } from '../hosts/xlsx/xlsx-workbook';
import { CLI_TEXT, type CliText } from '../i18n/cli';
import { issueMessage, issuePlace, SEVERITY_WORD } from '../i18n/format';
import { langOf, type Lang } from '../i18n/messages';
import { textWidth } from '../report/layout';
import { findPreset, PRESETS, templateSheets } from '../report/templates';
import { Progress } from './progress';

export interface Io {
  readonly stdout: { write(s: string): unknown; isTTY?: boolean };
  readonly stderr: { write(s: string): unknown; isTTY?: boolean };
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
}

/** A failure of the command itself (exit code 2), with a message for the user. */
class CommandFailure extends Error {}

/** Shows a progress bar from this many subjects up. */
const PROGRESS_FROM = 1000;
/** Issues printed to the terminal before "… N more". */
const PRINTED_ISSUES = 30;

const EXAMPLE_WORKBOOK = join(__dirname, '..', '..', '..', 'examples', 'ex1-departments-30.xlsx');

function langFrom(argv: readonly string[], env: Io['env']): Lang {
  const i = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  if (i >= 0) return langOf(argv[i].includes('=') ? argv[i].split('=')[1] : argv[i + 1]);
  return langOf(env.LC_ALL || env.LC_MESSAGES || env.LANG || env.LANGUAGE);
}

function fileTitleOf(path: string): string {
  return basename(path, extname(path));
}

async function openWorkbook(path: string, t: CliText): Promise<XlsxWorkbook> {
  if (!existsSync(path) || !statSync(path).isFile()) throw new CommandFailure(t.noFile(path));
  if (!/\.xls[xm]$/i.test(path)) {
    if (/\.xls$/i.test(path)) throw new CommandFailure(t.encrypted(path));
    throw new CommandFailure(t.notXlsx(path));
  }
  try {
    return await XlsxWorkbook.load(readFileSync(path));
  } catch (e) {
    if (!(e instanceof WorkbookOpenError)) throw e;
    throw new CommandFailure(e.reason === 'encrypted-or-xls' ? t.encrypted(path) : e.reason === 'not-xlsx' ? t.notXlsx(path) : t.corrupt(path));
  }
}

/** Writes through a temporary file, so a failure never leaves half a file behind. */
function writeFileSafely(path: string, data: Uint8Array | string, t: CliText): void {
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(tmp, data);
    renameSync(tmp, path);
  } catch (e) {
    throw new CommandFailure(t.cannotWrite(path, (e as Error).message));
  }
}

function samePath(a: string, b: string): boolean {
  const real = (p: string) => (existsSync(p) ? realpathSync(p) : resolve(p));
  return real(a) === real(b);
}

function printIssues(issues: readonly Issue[], lang: Lang, io: Io, t: CliText): void {
  const sorted = [...issues].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
  for (const i of sorted.slice(0, PRINTED_ISSUES)) {
    const place = issuePlace(i);
    io.stderr.write(`${SEVERITY_WORD[lang][i.severity]}${place ? ` ${place}` : ''}: ${issueMessage(i, lang)}${i.value ? ` [${i.value}]` : ''}\n`);
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
  const rows = a.subjects.map((s) => [String(s.rank), s.name, s.group ?? '', s.score.total.value.toFixed(d), s.grade, s.score.vetoed ? '一票否决' : '']);
  const head = [t.table.rank, t.table.name, t.table.group, t.table.total, t.table.grade, t.table.notes];
  const cols = a.hasGroups ? [0, 1, 2, 3, 4, 5] : [0, 1, 3, 4, 5];
  const widths = cols.map((c) => Math.max(textWidth(head[c]), ...rows.map((r) => textWidth(r[c]))));
  const line = (r: string[]) => cols.map((c, i) => pad(r[c], widths[i], c === 0 || c === 3)).join('  ').trimEnd();
  return [line(head), cols.map((_, i) => '─'.repeat(widths[i])).join('  '), ...rows.map(line)].join('\n') + '\n';
}

async function score(input: string, opts: { output?: string; json?: string; force?: boolean }, lang: Lang, io: Io, table: boolean): Promise<number> {
  const t = CLI_TEXT[lang];
  const inPath = resolve(io.cwd, input);
  const book = await openWorkbook(inPath, t);
  const ext = extname(inPath).toLowerCase();
  const outPath = resolve(io.cwd, opts.output ?? join(dirname(inPath), `${fileTitleOf(inPath)}-结果${ext}`));
  if (samePath(inPath, outPath)) throw new CommandFailure(t.sameFile);
  // a workbook with macros must stay .xlsm, or Excel refuses to open it
  if (extname(outPath).toLowerCase() !== ext) throw new CommandFailure(t.sameKind(ext));
  if (opts.json && samePath(inPath, resolve(io.cwd, opts.json))) throw new CommandFailure(t.sameFile);

  const scoresSheet = findInputSheets(book.sheetNames()).scores;
  const rowCount = scoresSheet ? await book.rowCount(scoresSheet) : 0;
  const progress = rowCount > PROGRESS_FROM ? new Progress(io.stderr, 5) : null; // read, assess, sheets, write, save
  progress?.step(t.stages.read);
  const run = await scoreWorkbook(book, {
    fileTitle: fileTitleOf(inPath),
    date: today(),
    onStage: (stage) => progress?.step(t.stages[stage]),
  });
  if (run.written) {
    const bytes = await book.toBytes();
    progress?.step(t.stages.save);
    writeFileSafely(outPath, bytes, t);
  }
  if (opts.json) writeFileSafely(resolve(io.cwd, opts.json), JSON.stringify(resultJson(run, lang), null, 1) + '\n', t);

  const errors = run.issues.filter((i) => i.severity === 'error').length;
  printIssues(run.issues, lang, io, t);
  if (table && run.ok) io.stdout.write(resultTable(run, t));
  io.stdout.write(`${t.counts(run.assessment.subjects.length, errors, run.issues.length - errors)}\n`);
  if (!run.written) io.stdout.write(`${t.notWritten}\n`);
  else io.stdout.write(`${run.ok ? t.written(outPath) : t.errorsWritten(outPath)}\n`);
  if (opts.json) io.stdout.write(`${t.jsonWritten(resolve(io.cwd, opts.json))}\n`);
  return run.ok ? 0 : 1;
}

async function validate(input: string, opts: { json?: string }, lang: Lang, io: Io): Promise<number> {
  const t = CLI_TEXT[lang];
  const inPath = resolve(io.cwd, input);
  const book = await openWorkbook(inPath, t);
  const snap = await book.read((names) => Object.values(findInputSheets(names)));
  const assessment = assess({ fileTitle: fileTitleOf(inPath), sheetNames: snap.sheetNames, sheets: snap.sheets });
  const issues = assessment.issues;
  const run: RunResult = { assessment, issues, ok: assessment.ok, written: null };
  if (opts.json) {
    if (samePath(inPath, resolve(io.cwd, opts.json))) throw new CommandFailure(t.sameFile);
    writeFileSafely(resolve(io.cwd, opts.json), JSON.stringify(resultJson(run, lang), null, 1) + '\n', t);
  }
  printIssues(issues, lang, io, t);
  const errors = issues.filter((i) => i.severity === 'error').length;
  if (issues.length === 0) io.stdout.write(`${t.noIssues}\n`);
  io.stdout.write(`${t.counts(assessment.subjects.length || 0, errors, issues.length - errors)}\n`);
  return assessment.ok ? 0 : 1;
}

async function template(presetName: string, opts: { output: string; force?: boolean }, lang: Lang, io: Io): Promise<number> {
  const t = CLI_TEXT[lang];
  const preset = findPreset(presetName);
  if (!preset) throw new CommandFailure(t.unknownPreset(presetName, PRESETS.map((p) => `${p.name} (${p.id})`).join('、')));
  const outPath = resolve(io.cwd, opts.output);
  if (!/\.xlsx$/i.test(outPath)) throw new CommandFailure(t.notXlsx(outPath));
  if (existsSync(outPath) && !opts.force) throw new CommandFailure(t.outputExists(outPath));
  const book = XlsxWorkbook.create();
  await book.addSheets(templateSheets(preset));
  writeFileSafely(outPath, await book.toBytes(), t);
  io.stdout.write(`${t.templateWritten(outPath, preset.name)}\n`);
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
    .action((input: string, opts) => run(score(input, opts, lang, io, false)));
  sub('validate', t.validate)
    .argument('<workbook>', t.argWorkbook)
    .option('--json <file>', t.optJson)
    .action((input: string, opts) => run(validate(input, opts, lang, io)));
  sub('template', t.template)
    .argument('<preset>', t.argPreset + PRESETS.map((p) => `${p.name} (${p.id})`).join(', '))
    .requiredOption('-o, --output <file>', t.optTemplateOut)
    .option('--force', t.optForce)
    .action((preset: string, opts) => run(template(preset, opts, lang, io)));
  sub('demo', t.demo).action(() => {
    io.stdout.write(`${t.demoTitle(EXAMPLE_WORKBOOK)}\n`);
    run(score(EXAMPLE_WORKBOOK, { output: join(io.cwd, 'out', 'demo-结果.xlsx'), json: join(io.cwd, 'out', 'demo-结果.json') }, lang, io, true));
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
