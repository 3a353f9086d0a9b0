import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { XlsxWorkbook } from '../../src/hosts/xlsx/xlsx-workbook';
import { generate, toXlsx } from '../../bench/generate';
import { expected, ROOT, userSheet } from '../helpers';
import { CHROMIUM, launchChromium, serve } from './serve';

const SHOTS = join(ROOT, 'test-output', 'e2e');
const DIST = join(ROOT, 'dist');

let browser: Browser;
let server: Awaited<ReturnType<typeof serve>>;

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error('the end-to-end test needs Debian chromium at /usr/bin/chromium');
  if (!existsSync(join(DIST, 'taskpane.html'))) throw new Error('run `npm run build` first (npm run test:e2e does)');
  mkdirSync(SHOTS, { recursive: true });
  server = await serve(DIST);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const WORDS = {
  zh: { example: '使用示例', check: '校验', compute: '计算', output: '输出', download: '下载结果', open: '打开工作簿', next: '新建下一期' },
  en: {
    example: 'Use the example',
    check: 'Check',
    compute: 'Compute',
    output: 'Output',
    download: 'Download results',
    open: 'Open workbook',
    next: 'Next period',
  },
};

async function shot(page: Page, name: string): Promise<void> {
  await page.waitForTimeout(200);
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

describe.each(['zh', 'en'] as const)('the standalone pane in %s', (lang) => {
  it('goes through validate → compute → write → download, and the download holds the expected results', async () => {
    const w = WORDS[lang];
    const page = await browser.newPage({ viewport: { width: 350, height: 760 }, acceptDownloads: true, locale: lang === 'zh' ? 'zh-CN' : 'en-US' });
    const started = Date.now();
    // no ?standalone: office.js cannot load here, and the guard must let the page run anyway
    await page.goto(`${server.url}/taskpane.html${lang === 'en' ? '?lang=en' : ''}`);
    await page.getByRole('button', { name: w.example }).waitFor({ timeout: 8000 });
    expect(Date.now() - started).toBeLessThan(6000);
    await shot(page, `${lang}-1-start`);

    await page.getByRole('button', { name: w.example }).click();
    await page.getByRole('tab', { name: w.check, selected: true }).waitFor();
    await shot(page, `${lang}-2-check`);
    await page.getByRole('tab', { name: w.compute }).click();
    await shot(page, `${lang}-3-compute`);
    await page.getByRole('tab', { name: w.output }).click();
    await shot(page, `${lang}-4-output`);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: w.download }).click()]);
    expect(download.suggestedFilename()).toBe('ex1-departments-30-结果.xlsx');
    const path = join(SHOTS, `${lang}-download.xlsx`);
    await download.saveAs(path);
    await page.getByText(lang === 'zh' ? '原文件未改动' : 'original file is unchanged').waitFor();
    await shot(page, `${lang}-5-written`);

    // the downloaded 结果汇总 against the expected results
    const book = await XlsxWorkbook.load(readFileSync(path));
    expect(book.sheetNames()).toEqual(['考核方案', '评分表', '加减分', '结果汇总', '分组排名', '等次分布', '结果公示', '指标分析', '成绩单', '校验报告']);
    const rows = (await book.read(() => ['结果汇总'])).sheets[0].rows;
    const header = rows[2] as string[];
    const col = (name: string) => header.indexOf(name);
    const body = rows.slice(3).filter((r) => typeof r[0] === 'number');
    const want = expected('ex1-departments-30').subjects;
    expect(body.map((r) => [r[col('排名')], r[col('名称')], r[col('总分')], r[col('等次')]])).toEqual(
      want.map((s: { rank: number; name: string; total: number; grade: string }) => [s.rank, s.name, s.total, s.grade]),
    );

    // 新建下一期: from the file as opened, scores and 加减分 emptied, no result sheets
    await page.getByRole('tab', { name: w.output }).click();
    const [nextDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: w.next }).click()]);
    expect(nextDownload.suggestedFilename()).toBe('ex1-departments-30-下一期.xlsx');
    const nextPath = join(SHOTS, `${lang}-next.xlsx`);
    await nextDownload.saveAs(nextPath);
    await page.getByText(lang === 'zh' ? '已生成下一期工作簿' : 'Created ex1-departments-30-下一期.xlsx').waitFor();
    await shot(page, `${lang}-6-next`);
    const next = await XlsxWorkbook.load(readFileSync(nextPath));
    expect(next.sheetNames()).toEqual(['考核方案', '评分表', '加减分']);
    const [scores, events] = (await next.read(() => ['评分表', '加减分'])).sheets;
    const names = scores.rows.slice(1).map((r) => r[1]);
    expect(names).toEqual(expect.arrayContaining(want.map((s: { name: string }) => s.name)));
    expect(scores.rows.slice(1).every((r) => r.slice(3, 8).every((v) => v === null || v === ''))).toBe(true); // 备注 stays
    expect(
      events.rows
        .slice(1)
        .flat()
        .every((v) => v === null || v === ''),
    ).toBe(true);
    await page.close();
  });
});

it('reports a broken workbook in words, with sheet and cell', async () => {
  const page = await browser.newPage({ viewport: { width: 350, height: 900 }, locale: 'zh-CN' });
  await page.goto(`${server.url}/taskpane.html?standalone`);
  await page.getByTestId('file-input').setInputFiles(join(ROOT, 'examples', 'ex4-bad-input.xlsx'));
  await page.getByText('评分表!C3').waitFor();
  expect(await page.getByRole('tab', { name: '计算' }).isDisabled()).toBe(true);
  await shot(page, 'zh-6-errors');
  await page.getByTestId('file-input').setInputFiles({ name: 'notes.xlsx', mimeType: 'text/plain', buffer: Buffer.from('not a workbook') });
  await page.getByText('不是 .xlsx 工作簿').waitFor();
  await page.close();
});

it('offers 新建考核 for a workbook without 考核方案, and the download holds the new sheets', async () => {
  const book = XlsxWorkbook.create();
  await book.addSheets([userSheet('Sheet1', [['随便']])]);
  const page = await browser.newPage({ viewport: { width: 350, height: 700 }, locale: 'zh-CN', acceptDownloads: true });
  await page.goto(`${server.url}/taskpane.html?standalone`);
  await page.getByTestId('file-input').setInputFiles({ name: '空白.xlsx', mimeType: 'application/octet-stream', buffer: Buffer.from(await book.toBytes()) });
  await page.getByText(/本工作簿还没有“考核方案”/).waitFor();
  await page.getByRole('combobox', { name: '预设方案' }).selectOption('groups1000');
  await shot(page, 'zh-7-new-assessment');
  await page.getByRole('button', { name: '新建考核' }).click();
  // 分组千分制 scores by half-year: a sheet per half and one for the 年度 indicator
  await page.getByText(/已新建：考核方案、上半年、下半年、年度执行力、加减分/).waitFor();
  await shot(page, 'zh-8-created');
  await page.getByRole('tab', { name: '输出' }).click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载结果' }).click()]);
  const path = join(SHOTS, 'zh-new-assessment.xlsx');
  await download.saveAs(path);
  const out = await XlsxWorkbook.load(readFileSync(path));
  expect(out.sheetNames()).toEqual(['Sheet1', '考核方案', '上半年', '下半年', '年度执行力', '加减分', '校验报告']);
  await page.close();
});

it('合并各期: four quarter files in any order combine in a worker; the annual workbook downloads and opens, checked', async () => {
  const page = await browser.newPage({ viewport: { width: 350, height: 900 }, locale: 'zh-CN', acceptDownloads: true });
  await page.goto(`${server.url}/taskpane.html?standalone`);
  await page.getByRole('button', { name: '合并各期…' }).waitFor();
  const quarters = [3, 1, 4, 2].map((q) => join(ROOT, 'examples', 'quarters', `2026-Q${q}.xlsx`));
  await page.getByTestId('combine-input').setInputFiles(quarters);
  await page.getByText('1. 2026-Q1.xlsx').waitFor();
  await shot(page, 'zh-12-combine-files');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '合并 4 个工作簿' }).click()]);
  expect(download.suggestedFilename()).toBe('2026-Q1至2026-Q4-合并.xlsx');
  const path = join(SHOTS, 'zh-combined.xlsx');
  await download.saveAs(path);
  await page.getByText(/已合并为 2026-Q1至2026-Q4-合并.xlsx/).waitFor();
  // the combined workbook is the page's now, checked: a unit new in Q3 is a warning at its cell
  await page.getByText('已打开：2026-Q1至2026-Q4-合并').waitFor();
  await page.getByText('[2026-Q3.xlsx]评分表!B10').waitFor();
  await shot(page, 'zh-13-combined');
  const out = await XlsxWorkbook.load(readFileSync(path));
  expect(out.sheetNames()).toEqual(['考核方案', '2026年第一季度', '2026年第二季度', '2026年第三季度', '2026年第四季度', '加减分']);
  // and it scores as the bundled annual example
  await page.getByRole('tab', { name: '计算' }).click();
  const annual = expected('ex5-annual-4-quarters');
  const first = annual.subjects.find((s: { rank: number }) => s.rank === 1)!;
  await page.getByText(first.name).first().waitFor();
  await page.setViewportSize({ width: 1280, height: 800 });
  await shot(page, 'zh-14-combined-desktop');
  await page.close();
});

it('works on a large workbook in a worker: progress, 取消 at once, then a fresh check and a download', async () => {
  const big = await toXlsx(generate({ subjects: 10_000, indicators: 40, dimensions: 4, groups: 10, perGroup: true, seed: 1 }));
  const page = await browser.newPage({ viewport: { width: 350, height: 700 }, locale: 'zh-CN', acceptDownloads: true });
  await page.goto(`${server.url}/taskpane.html?standalone`);
  await page.getByTestId('file-input').setInputFiles({ name: '大表.xlsx', mimeType: 'application/octet-stream', buffer: Buffer.from(big) });
  await page.getByRole('progressbar').waitFor();
  await shot(page, 'zh-10-progress');
  await page.getByRole('button', { name: '取消' }).click();
  await page.getByText('已取消').waitFor({ timeout: 2000 });
  expect(await page.getByRole('progressbar').count()).toBe(0);
  await page.getByRole('button', { name: '开始校验' }).click();
  await page.getByRole('tab', { name: '输出' }).waitFor({ timeout: 120_000 });
  await page.getByRole('tab', { name: '计算' }).click();
  await page
    .getByText(/另有|… \d+/)
    .first()
    .waitFor(); // the pane lists 300 rows; the sheets have them all
  await page.getByRole('tab', { name: '输出' }).click();
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 120_000 }), page.getByRole('button', { name: '下载结果' }).click()]);
  const out = await XlsxWorkbook.load(readFileSync((await download.path())!));
  const summary = (await out.read(() => ['结果汇总'])).sheets[0].rows;
  expect(summary.filter((r) => typeof r[0] === 'number')).toHaveLength(10_000);
  await page.close();
}, 240_000);

it('follows a dark theme', async () => {
  const page = await browser.newPage({ viewport: { width: 350, height: 600 }, locale: 'zh-CN' });
  await page.goto(`${server.url}/taskpane.html?standalone&theme=dark`);
  await page.getByRole('button', { name: '使用示例' }).click();
  await page.getByRole('tab', { name: '计算' }).click();
  await shot(page, 'zh-9-dark');
  const background = await page.evaluate(() => getComputedStyle(document.querySelector('.fui-FluentProvider')!).backgroundColor);
  expect(background).not.toBe('rgb(255, 255, 255)');
  await page.close();
});

it('inside Office without office.js says so in words, never switching to the browser mode', async () => {
  const page = await browser.newPage({ viewport: { width: 350, height: 600 }, locale: 'zh-CN' });
  // Office adds _host_Info to the pane's address; office.js cannot load on this machine
  await page.goto(`${server.url}/taskpane.html?_host_Info=Excel$Win32$16.01$zh-CN$$$$0`);
  await page.getByText(/在 Office 中无法加载 office\.js/).waitFor({ timeout: 25_000 });
  expect(await page.getByRole('button', { name: '使用示例' }).count()).toBe(0);
  await page.getByRole('link', { name: /taskpane\.html\?standalone/ }).waitFor();
  await shot(page, 'zh-10-office-unavailable');
  await page.close();
}, 40_000);

/** A value read again until it is the one wanted or 5 s have passed; the last value read. */
async function eventually<T>(read: () => Promise<T>, wanted: T): Promise<T> {
  let value = await read();
  for (const end = Date.now() + 5000; value !== wanted && Date.now() < end; value = await read()) await new Promise((r) => setTimeout(r, 100));
  return value;
}

/** Text of each page of a PDF (pdftotext, one string per page). */
function pdfPages(path: string): string[] {
  return execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' })
    .split('\f')
    .filter((p) => p.trim() !== '');
}

describe.each([
  { width: 1280, height: 800 },
  { width: 360, height: 760 },
])('the browser page as a workspace at $width px', ({ width, height }) => {
  it('shows the whole result table (sorting, group filter), previews every result sheet and prints one, numbered from page 1', async () => {
    const page = await browser.newPage({ viewport: { width, height }, locale: 'zh-CN', acceptDownloads: true });
    // the print dialog is the browser's: counted here, the printout itself taken as a PDF below
    await page.addInitScript(() => (window.print = () => void ((window as unknown as { printed: number }).printed = 1)));
    await page.goto(`${server.url}/taskpane.html?standalone`);
    await page.getByText('文件只在本机浏览器中处理，不会上传到任何服务器。').waitFor();
    await page.getByRole('button', { name: '使用示例' }).click();
    const table = page.getByRole('table', { name: '结果表' });
    await table.waitFor();
    const want = expected('ex1-departments-30').subjects as { rank: number; name: string; total: number; group: string }[];
    expect(await table.locator('tbody tr').count()).toBe(want.length);
    const headers = await table.locator('thead th').allInnerTexts();
    expect(headers.map((h) => h.trim())).toEqual(expect.arrayContaining(['排名', '名称', '分组', '基础分', '加分', '扣分', '总分', '等次', '备注']));
    await shot(page, `ws-${width}-1-table`);
    // 总分 twice: descending; the first row is the top total
    const totalHeader = table.locator('thead th', { hasText: '总分' });
    await totalHeader.click();
    await totalHeader.click();
    const totalCol = headers.findIndex((h) => h.trim() === '总分');
    const top = Math.max(...want.map((s) => s.total));
    // the worker sorts and filters; the page shows its answer when it comes
    expect(await eventually(async () => Number(await table.locator('tbody tr').first().locator('td').nth(totalCol).innerText()), top)).toBe(top);
    const group = want[0].group;
    await page.getByRole('combobox', { name: '分组' }).selectOption(group);
    const inGroup = want.filter((s) => s.group === group).length;
    expect(await eventually(() => table.locator('tbody tr').count(), inGroup)).toBe(inGroup);

    await page.getByRole('tab', { name: '打印预览' }).click();
    await page.getByRole('combobox', { name: '结果表' }).selectOption('成绩单');
    const preview = page.getByRole('table', { name: '成绩单' });
    await preview.getByText('考核单位（盖章）').first().waitFor();
    await shot(page, `ws-${width}-2-preview`);
    await page.getByRole('button', { name: '打印', exact: true }).click();
    await page.waitForFunction(() => (window as unknown as { printed?: number }).printed === 1);
    const pdf = join(SHOTS, `ws-${width}-成绩单.pdf`);
    await page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true });
    const pages = pdfPages(pdf);
    // a page per unit, each with the assessment's title, numbered from 1 of this sheet's own pages
    expect(pages).toHaveLength(want.length);
    pages.forEach((text, k) => {
      expect(text).toContain('2026年第三季度市直单位绩效考核 成绩单');
      expect(text).toContain(`第 ${k + 1} 页 共 ${want.length} 页`);
    });
    expect(pages[0]).not.toContain('打印预览'); // only the sheet goes on paper
    await page.close();
  });
});

it('shows the cell of an issue in a preview of its input sheet', async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
  await page.goto(`${server.url}/taskpane.html?standalone`);
  await page.getByTestId('file-input').setInputFiles(join(ROOT, 'examples', 'ex4-bad-input.xlsx'));
  await page.getByText('评分表!C3').first().click();
  await page.getByText('评分表!C3（问题所在单元格已标出）').waitFor();
  const focus = page.locator('[data-cell="focus"]');
  await focus.waitFor();
  // the marked cell sits under column C and in row 3
  const row = focus.locator('xpath=..');
  expect((await row.locator('td').first().innerText()).trim()).toBe('3');
  const column = await focus.evaluate((td) => [...td.parentElement!.children].indexOf(td));
  const letters = await page.locator('table[aria-label="评分表"] tbody tr').first().locator('td').allInnerTexts();
  expect(letters[column]).toBe('C');
  await shot(page, 'ws-1280-3-issue');
  await page.close();
});

it('makes a blank workbook from a preset on the start screen, downloads it and opens it', async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN', acceptDownloads: true });
  await page.goto(`${server.url}/taskpane.html?standalone`);
  await page.getByRole('combobox', { name: '预设方案' }).selectOption('teachers');
  await shot(page, 'ws-1280-0-start');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载空白工作簿' }).click()]);
  const book = await XlsxWorkbook.load(readFileSync((await download.path())!));
  expect(book.sheetNames()[0]).toBe('考核方案');
  expect(book.sheetNames()).toContain('加减分');
  await page.getByText(/已下载并打开/).waitFor();
  await page.getByText(`已打开：${download.suggestedFilename().replace(/\.xlsx$/, '')}`).waitFor();
  await page.close();
});

it('writes only the result sheets chosen (校验报告 always)', async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN', acceptDownloads: true });
  await page.goto(`${server.url}/taskpane.html?standalone`);
  await page.getByRole('button', { name: '使用示例' }).click();
  await page.getByRole('tab', { name: '输出' }).click();
  for (const name of ['成绩单', '指标分析']) await page.getByRole('checkbox', { name }).uncheck();
  expect(await page.getByRole('checkbox', { name: '校验报告' }).isDisabled()).toBe(true);
  await shot(page, 'ws-1280-4-choose');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载结果' }).click()]);
  const out = await XlsxWorkbook.load(readFileSync((await download.path())!));
  expect(out.sheetNames()).toEqual(['考核方案', '评分表', '加减分', '结果汇总', '分组排名', '等次分布', '结果公示', '校验报告']);
  await page.close();
});

it('kaoping.html works opened straight from disk: no server, no network, the whole job', async () => {
  const file = join(DIST, 'kaoping.html');
  if (!existsSync(file)) throw new Error('run `npm run build` first: it makes dist/kaoping.html');
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN', acceptDownloads: true });
  const fetched: string[] = [];
  page.on('request', (r) => fetched.push(r.url()));
  await page.goto(pathToFileURL(file).href);
  await page.getByRole('button', { name: '使用示例' }).click();
  await page.getByRole('table', { name: '结果表' }).waitFor();
  await page.getByRole('tab', { name: '输出' }).click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载结果' }).click()]);
  const out = await XlsxWorkbook.load(readFileSync((await download.path())!));
  const rows = (await out.read(() => ['结果汇总'])).sheets[0].rows;
  expect(rows.filter((r) => typeof r[0] === 'number')).toHaveLength(expected('ex1-departments-30').subjects.length);
  await shot(page, 'file-1280-kaoping-html');
  // everything came from the file itself (the worker from a blob, the example from a data: address)
  expect(fetched.filter((u) => !/^(file|blob|data):/.test(u))).toEqual([]);
  await page.close();
});
