// npm run bench: the engine alone, the whole command, peak memory, and the same job done as a
// formula workbook recalculated by LibreOffice (the way users do it today). Median of N runs.
import ExcelJS from 'exceljs';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assess } from '../src/engine/assess';
import { columnLetters } from '../src/engine/cells';
import { XlsxWorkbook } from '../src/hosts/xlsx/xlsx-workbook';
import type { Browser } from 'playwright-core';
import { CHROMIUM, launchChromium, serve } from '../test/e2e/serve';
import { generate, toXlsx, type Generated } from './generate';

const ROOT = join(__dirname, '..', '..');
const args = process.argv.slice(2);
const RUNS = args.includes('--quick') ? 3 : 5;
const SIZES = args.includes('--quick') ? [1000, 5000] : [1000, 5000, 10000, 50000];
/** From this size on, fewer runs: LibreOffice's RANK.EQ and COUNTIFS take minutes at 50,000 (they grow as n²). */
const LARGE = 20000;
const INDICATORS = 40;
const work = mkdtempSync(join(tmpdir(), 'kaoping-bench-'));

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function time(fn: () => void): number {
  const t = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - t) / 1e6;
}

function engineMs(g: Generated): number {
  const input = { fileTitle: 'bench', sheetNames: g.sheetNames, sheets: g.sheets };
  assess(input); // warm-up
  return median(
    Array.from({ length: RUNS }, () =>
      time(() => {
        if (!assess(input).ok) throw new Error('generated workbook has errors');
      }),
    ),
  );
}

/** The whole command in a fresh process; peak memory from the process itself (maxRSS). */
function commandRun(file: string): { ms: number; peakMb: number } {
  const hook = join(__dirname, 'peak-hook.js');
  let peakKb = 0;
  const ms = time(() => {
    const r = spawnSync(process.execPath, ['-r', hook, join(ROOT, 'bin', 'kaoping.js'), 'score', file, '-o', join(work, 'out.xlsx')], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`kaoping failed: ${r.stderr}`);
    peakKb = Number(/KAOPING_PEAK_KB=(\d+)/.exec(r.stderr)?.[1] ?? 0);
  });
  return { ms, peakMb: peakKb / 1024 };
}

/**
 * The same job as users build it by hand: SUM per dimension, the weighted base, RANK.EQ,
 * COUNTIFS for the rank within the group, COUNTIF for group sizes and quota cut-offs.
 */
async function formulaWorkbook(g: Generated, n: number): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('评分表');
  const scores = g.sheets[1].rows;
  const first = 4; // column D holds the first indicator
  const dims = g.weights.length;
  const col = (i: number) => columnLetters(first - 1 + i);
  const dimCol = (d: number) => columnLetters(first - 1 + INDICATORS + d);
  const baseCol = columnLetters(first - 1 + INDICATORS + dims);
  const groupRankCol = columnLetters(first + INDICATORS + dims + 1);
  const sizeCol = columnLetters(first + INDICATORS + dims + 2);
  ws.addRow([...scores[0], ...g.weights.map((_, d) => `维度${d + 1}`), '基础分', '排名', '组内排名', '组人数', '等次']);
  const last = n + 1;
  const points = (d: number) => g.indicatorPoints.reduce((a, p, i) => a + (g.dimensionOf[i] === d ? p : 0), 0);
  for (let r = 2; r <= last; r++) {
    const row = [...scores[r - 1]] as (ExcelJS.CellValue | null)[];
    g.weights.forEach((_, d) => {
      const cells = g.dimensionOf.flatMap((dd, i) => (dd === d ? [`${col(i)}${r}`] : []));
      row.push({ formula: `SUM(${cells.join(',')})` } as ExcelJS.CellFormulaValue);
    });
    row.push({ formula: g.weights.map((w, d) => `${dimCol(d)}${r}/${points(d)}*${w}`).join('+') } as ExcelJS.CellFormulaValue);
    row.push({ formula: `_xlfn.RANK.EQ(${baseCol}${r},$${baseCol}$2:$${baseCol}$${last})` } as ExcelJS.CellFormulaValue);
    row.push({ formula: `COUNTIFS($C$2:$C$${last},C${r},$${baseCol}$2:$${baseCol}$${last},">"&${baseCol}${r})+1` } as ExcelJS.CellFormulaValue);
    row.push({ formula: `COUNTIF($C$2:$C$${last},C${r})` } as ExcelJS.CellFormulaValue);
    row.push({
      formula: `IF(AND(${groupRankCol}${r}<=ROUND(${sizeCol}${r}*15%,0),${baseCol}${r}>=60),"优秀",IF(${groupRankCol}${r}<=ROUND(${sizeCol}${r}*15%,0)+ROUND(${sizeCol}${r}*35%,0),"良好","合格"))`,
    } as ExcelJS.CellFormulaValue);
    ws.addRow(row);
  }
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

/** The baseline only counts if LibreOffice really recalculated: its base scores must match ours. */
async function checkLibreOfficeComputed(file: string, g: Generated): Promise<void> {
  const book = await XlsxWorkbook.load(readFileSync(file));
  const rows = (await book.read(() => ['评分表'])).sheets[0].rows;
  const ours = assess({ fileTitle: 'bench', sheetNames: g.sheetNames, sheets: g.sheets });
  const baseCol = 3 + INDICATORS + g.weights.length;
  for (const r of [1, Math.floor(rows.length / 2), rows.length - 1]) {
    const mine = ours.subjects.find((s) => s.name === rows[r][1])!;
    const theirs = rows[r][baseCol];
    if (typeof theirs !== 'number' || Math.abs(theirs - mine.score.base.value) > 0.006) {
      throw new Error(`LibreOffice did not recalculate row ${r + 1}: ${String(theirs)} vs ${mine.score.base.value}`);
    }
  }
}

/** A LibreOffice profile that recalculates every formula on load (else it keeps cached results). */
function recalcProfile(): string {
  const dir = join(work, 'lo-profile');
  mkdirSync(join(dir, 'user'), { recursive: true });
  writeFileSync(
    join(dir, 'user', 'registrymodifications.xcu'),
    `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`,
  );
  return dir;
}

function libreOfficeMs(file: string, profile: string): number {
  const out = join(work, 'lo-out');
  return time(() => {
    const r = spawnSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'xlsx', '--outdir', out, file], {
      encoding: 'utf8',
      timeout: 20 * 60 * 1000,
    });
    if (r.status !== 0) throw new Error(`soffice failed: ${r.stderr}`);
  });
}

/** Records every task longer than 50 ms on the page's main thread (the Long Tasks API). */
const LONG_TASKS = `window.__longTasks = [];
new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__longTasks.push(e.duration); }).observe({ type: 'longtask', buffered: true });`;

/**
 * The browser page on a desktop-sized window: from choosing the file to the download of the
 * result workbook (check, then write), and the longest task the page's main thread ran meanwhile.
 */
async function browserRun(browser: Browser, url: string, file: string): Promise<{ ms: number; longestTask: number }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, acceptDownloads: true, locale: 'zh-CN' });
  await page.addInitScript(LONG_TASKS);
  await page.goto(`${url}/taskpane.html?standalone`);
  await page.getByRole('button', { name: '使用示例' }).waitFor({ timeout: 10000 });
  await page.evaluate('window.__longTasks.length = 0');
  const started = process.hrtime.bigint();
  await page.setInputFiles('[data-testid=file-input]', file);
  await page.getByRole('tab', { name: '输出' }).waitFor({ timeout: 30 * 60 * 1000 });
  await page.getByRole('tab', { name: '输出' }).click();
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 30 * 60 * 1000 }), page.getByRole('button', { name: '下载结果' }).click()]);
  await download.path(); // the whole file has arrived
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  const tasks = (await page.evaluate('window.__longTasks')) as number[];
  await page.close();
  return { ms, longestTask: Math.max(0, ...tasks) };
}

async function main(): Promise<void> {
  const hasLo = spawnSync('sh', ['-c', 'command -v soffice']).status === 0;
  const profile = hasLo ? recalcProfile() : '';
  if (hasLo) libreOfficeMs(join(ROOT, 'examples', 'ex1-departments-30.xlsx'), profile); // first start builds the profile
  const hasChromium = existsSync(CHROMIUM) && existsSync(join(ROOT, 'dist', 'taskpane.html'));
  const server = hasChromium ? await serve(join(ROOT, 'dist')) : null;
  const browser = hasChromium ? await launchChromium() : null;
  const rows: string[] = [];
  for (const n of SIZES) {
    const runs = n >= LARGE ? 3 : RUNS;
    // the job LibreOffice is compared on: the core result sheets (输出 = 无), as the formula workbook has
    const g = generate({ subjects: n, indicators: INDICATORS, dimensions: 4, groups: 10, perGroup: true, seed: 1, variety: true, settings: [['输出', '无']] });
    const engine = engineMs(g);
    const file = join(work, `bench-${n}.xlsx`);
    writeFileSync(file, await toXlsx(g));
    commandRun(file); // warm the disk cache
    const coreRuns = Array.from({ length: runs }, () => commandRun(file));
    const command = median(coreRuns.map((r) => r.ms));
    const peak = Math.max(...coreRuns.map((r) => r.peakMb));
    // the default: all seven sheets, 成绩单 a page per subject
    const full = join(work, `bench-${n}-all.xlsx`);
    writeFileSync(full, await toXlsx(generate({ subjects: n, indicators: INDICATORS, dimensions: 4, groups: 10, perGroup: true, seed: 1, variety: true })));
    const fullRuns = Array.from({ length: runs }, () => commandRun(full));
    const fullMs = median(fullRuns.map((r) => r.ms));
    const fullPeak = Math.max(...fullRuns.map((r) => r.peakMb));
    let lo = NaN;
    if (hasLo) {
      const formulas = join(work, `formulas-${n}.xlsx`);
      writeFileSync(formulas, await formulaWorkbook(g, n));
      lo = median(Array.from({ length: n >= LARGE ? 1 : RUNS }, () => libreOfficeMs(formulas, profile)));
      await checkLibreOfficeComputed(join(work, 'lo-out', `formulas-${n}.xlsx`), g);
    }
    let browserMs = NaN;
    let longest = NaN;
    if (browser && server) {
      const tries: { ms: number; longestTask: number }[] = [];
      for (let k = 0; k < runs; k++) tries.push(await browserRun(browser, server.url, full));
      browserMs = median(tries.map((x) => x.ms));
      longest = Math.max(...tries.map((x) => x.longestTask));
    }
    const seconds = (ms: number) => (Number.isNaN(ms) ? 'n/a' : `${(ms / 1000).toFixed(2)} s`);
    const times = (x: number) => (Number.isNaN(x) ? 'n/a' : `${x.toFixed(1)}×`);
    const line = `| ${n.toLocaleString('en')} × ${INDICATORS} | ${engine.toFixed(1)} ms | ${seconds(command)} | ${peak.toFixed(0)} MB | ${seconds(fullMs)} | ${fullPeak.toFixed(0)} MB | ${seconds(lo)} | ${times(lo / fullMs)} | ${seconds(browserMs)} (${times(browserMs / fullMs)}) | ${Number.isNaN(longest) ? 'n/a' : `${longest.toFixed(0)} ms`} |`;
    rows.push(line);
    process.stderr.write(`${line}\n`);
  }
  await browser?.close();
  await server?.close();
  process.stdout.write(
    [
      `Median of ${RUNS} runs (3 from ${LARGE.toLocaleString('en')} subjects, LibreOffice once there) on ${process.platform} ${process.arch}, node ${process.version}; ${SIZES.join(' / ')} subjects × ${INDICATORS} indicators, 4 dimensions, 10 groups, quotas per group.`,
      '',
      '| workbook | engine alone | command, core sheets (输出 = 无) | peak memory | command, default output (all seven sheets) | peak memory | LibreOffice formula workbook (recalc + save) | LibreOffice ÷ default command | browser page, default output (÷ command) | longest main-thread task in the browser |',
      '|---|---|---|---|---|---|---|---|---|---|',
      ...rows,
      '',
    ].join('\n'),
  );
}

main().catch((e) => {
  process.stderr.write(`bench failed: ${(e as Error).message}\n`);
  process.exit(1);
});
