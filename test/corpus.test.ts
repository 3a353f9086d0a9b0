// Workbooks kept the way people keep them, each checked against its tidy twin: the same results,
// or a clear issue at the right cell. Built with raw-xlsx, so each is a real .xlsx package.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resultJson, type ResultJson } from '../src/app/result-json';
import { scoreWorkbook } from '../src/app/score-workbook';
import type { CellArea, CellValue } from '../src/engine/types';
import { XlsxWorkbook } from '../src/hosts/xlsx/xlsx-workbook';
import { makeBook, type BookSpec } from './helpers';
import { rawXlsx, TIDY_STYLE, type RawCell, type RawSheet } from './raw-xlsx';

const BASE: BookSpec = {
  settings: [
    ['考核名称', '2026年第三季度考核'],
    ['同分依据', '业务'],
  ],
  dimensions: [
    ['业务', 60],
    ['管理', 40],
  ],
  indicators: [
    ['目标任务', 40, '业务'],
    ['重点工作', 30, '业务'],
    ['内部管理', 30, '管理'],
  ],
  grades: [['优秀', 20, undefined, undefined, 10], ['良好', 50], ['一般']],
  categories: [
    ['表彰', '加分', 2, 3],
    ['通报', '扣分', null, null, '是'],
  ],
  subjects: [
    ['市发改委', '经济组', 38, 27, 28],
    ['市财政局', '经济组', 36.5, 29, 27],
    ['市商务局', '经济组', 35, 25, 29.5],
    ['市统计局', '经济组', 33, 28, 26],
    ['市教育局', '社会组', 39, 26, 25],
    ['市卫健委', '社会组', 34, 27.5, 28],
    ['市民政局', '社会组', 37, 24, 29],
    ['市文旅局', '社会组', 32, 29, 27],
    ['市体育局', '社会组', 36, 26, 26.5],
    ['市医保局', '社会组', 35.5, 28, 27],
  ],
  events: [
    ['市财政局', '加分', '表彰', 1.5, undefined, '省级表彰'],
    ['市教育局', '扣分', '通报', 1, undefined, '通报批评'],
  ],
};

type Rows = RawCell[][];
const tidy = () => makeBook(BASE).sheets.map((s) => ({ name: s.name, rows: s.rows.map((r) => [...r]) as Rows, merges: [] as CellArea[] }));
type Sheets = ReturnType<typeof tidy>;
const sheet = (book: Sheets, name: string) => book.find((s) => s.name === name)!;

async function resultsOf(sheets: readonly RawSheet[]): Promise<ResultJson> {
  const book = await XlsxWorkbook.load(await rawXlsx(sheets, TIDY_STYLE));
  return resultJson(await scoreWorkbook(book, { fileTitle: 'corpus', date: '2026-11-21' }), 'zh');
}

const ranked = (r: ResultJson) => ({ ok: r.ok, subjects: r.subjects.map(({ notes, ...s }) => s), grades: r.grades });
const issuesOf = (r: ResultJson, severity: 'error' | 'warning') => r.issues.filter((i) => i.severity === severity).map((i) => `${i.sheet}!${i.cell} ${i.code}`);

/** Rows of the 评分表 after the header (row 0): 序号, 名称, 分组, scores… */
const scoreRows = (book: Sheets) => sheet(book, '评分表').rows;
/** The 0-based row of a block's first data row in 考核方案. */
const blockRow = (book: Sheets, title: string) => sheet(book, '考核方案').rows.findIndex((r) => r[0] === title) + 2;

let twin: ResultJson;
beforeAll(async () => {
  twin = await resultsOf(tidy());
  expect(twin.ok).toBe(true);
  expect(twin.issues).toEqual([]);
});

describe('kept the way people keep them, read like the tidy twin', () => {
  it('percent quotas and weights typed as 20% (Excel stores 0.2 with a percent format)', async () => {
    const book = tidy();
    const scheme = sheet(book, '考核方案').rows;
    const g = blockRow(book, '【等次】');
    scheme[g][1] = { percent: 0.2 };
    scheme[g][2] = { percent: 0.1 };
    scheme[g + 1][1] = { percent: 0.5 };
    const d = blockRow(book, '【维度】');
    scheme[d][1] = { percent: 0.6 };
    scheme[d + 1][1] = { percent: 0.4 };
    const r = await resultsOf(book);
    expect(ranked(r)).toEqual(ranked(twin));
    expect(r.issues).toEqual([]);
  });

  it('a plain 0.2 in a percent column is read as 0.2% with a warning that says how to write 20%', async () => {
    const book = tidy();
    const g = blockRow(book, '【等次】');
    sheet(book, '考核方案').rows[g][1] = 0.2;
    const r = await resultsOf(book);
    expect(issuesOf(r, 'warning')).toContain(`考核方案!B${g + 1} percent-as-fraction`);
    expect(r.issues.find((i) => i.code === 'percent-as-fraction')!.message).toContain('20%');
  });

  it('分组 merged over each group’s rows', async () => {
    const book = tidy();
    const s = sheet(book, '评分表');
    s.rows.slice(1).forEach((row, i) => i !== 0 && i !== 4 && (row[2] = null));
    s.merges.push({ r0: 1, c0: 2, r1: 4, c1: 2 }, { r0: 5, c0: 2, r1: 10, c1: 2 });
    expect(ranked(await resultsOf(book))).toEqual(ranked(twin));
  });

  it('统计 rows under the units (平均分, 合计, a 合计 in 序号) take no rank and no quota place', async () => {
    const book = tidy();
    const rows = scoreRows(book);
    rows.push([null, '平均分', null, { f: 'AVERAGE(D2:D11)', v: 35.6 }, { f: 'AVERAGE(E2:E11)', v: 26.95 }, { f: 'AVERAGE(F2:F11)', v: 27.35 }]);
    rows.push(['合计', null, null, { f: 'SUM(D2:D11)', v: 356 }, 269.5, 273.5]);
    rows.push([null, '经济组小计', null, 142.5, 109, 110.5]);
    const r = await resultsOf(book);
    expect(ranked(r)).toEqual(ranked(twin));
    expect(issuesOf(r, 'warning')).toEqual(['评分表!B12 statistics-row', '评分表!B13 statistics-row', '评分表!B14 statistics-row']);
  });

  it('scores as formulas with their calculated values', async () => {
    const book = tidy();
    for (const row of scoreRows(book).slice(1)) row[3] = { f: `${Number(row[3]) - 10}+10`, v: Number(row[3]) };
    expect(ranked(await resultsOf(book))).toEqual(ranked(twin));
  });

  it('a title row merged across, a two-row header (dimensions above indicators, 名称 merged down), a note row at the bottom', async () => {
    const book = tidy();
    const s = sheet(book, '评分表');
    const header = s.rows[0];
    s.rows.unshift(['2026年第三季度 各单位考核评分表'], ['序号', '名称', '分组', '业务', null, '管理']);
    s.rows[2] = header.map((h, c) => (c < 3 ? null : h));
    s.rows.push(['注：本表由考核办汇总，分值以方案为准。']);
    const last = s.rows.length - 1;
    s.merges.push(
      { r0: 0, c0: 0, r1: 0, c1: 5 },
      { r0: 1, c0: 0, r1: 2, c1: 0 },
      { r0: 1, c0: 1, r1: 2, c1: 1 },
      { r0: 1, c0: 2, r1: 2, c1: 2 },
      { r0: 1, c0: 3, r1: 1, c1: 4 },
      { r0: last, c0: 0, r1: last, c1: 5 },
    );
    const r = await resultsOf(book);
    expect(ranked(r)).toEqual(ranked(twin));
    expect(issuesOf(r, 'error')).toEqual([]);
  });

  it('a name merged over two rows is one subject', async () => {
    const book = tidy();
    const s = sheet(book, '评分表');
    s.rows.splice(3, 0, [null, null, '经济组', null, null, null]);
    s.merges.push({ r0: 2, c0: 1, r1: 3, c1: 1 });
    expect(ranked(await resultsOf(book))).toEqual(ranked(twin));
  });

  it('dates in 加减分 as dates, also in the 1904 date system', async () => {
    const book = tidy();
    const adj = sheet(book, '加减分').rows;
    adj[1][7] = { date: '2026-03-05' };
    for (const date1904 of [false, true]) {
      const read = await (await XlsxWorkbook.load(await rawXlsx(book, TIDY_STYLE, date1904))).read(() => ['加减分']);
      expect(read.sheets[0].rows[1][7]).toEqual({ date: '2026-03-05' });
    }
  });

  it('a LibreOffice-saved copy reads the same', async () => {
    if (!hasSoffice()) {
      if (process.env.CI) throw new Error('LibreOffice (soffice) is needed for this test in CI');
      return;
    }
    const dir = mkdtempSync(join(tmpdir(), 'kaoping-lo-'));
    const input = join(dir, 'tidy.xlsx');
    writeFileSync(input, await rawXlsx(tidy(), TIDY_STYLE));
    const out = join(dir, 'lo');
    const r = spawnSync(
      'soffice',
      [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'xlsx:Calc MS Excel 2007 XML', '--outdir', out, input],
      { encoding: 'utf8', timeout: 120_000 },
    );
    expect(r.status).toBe(0);
    const book = await XlsxWorkbook.load(readFileSync(join(out, 'tidy.xlsx')));
    expect(ranked(resultJson(await scoreWorkbook(book, { fileTitle: 'corpus', date: '2026-11-21' }), 'zh'))).toEqual(ranked(twin));
  });
});

describe('kept wrongly, said at the cell', () => {
  it('a formula without a calculated value is an error at its cell, never 0', async () => {
    const book = tidy();
    scoreRows(book)[3][4] = { formula: '10+15' } as CellValue;
    const r = await resultsOf(book);
    expect(r.ok).toBe(false);
    expect(issuesOf(r, 'error')).toEqual(['评分表!E4 uncalculated-formula']);
    const issue = r.issues[0];
    expect(issue.message).toContain('市商务局');
    expect(issue.message).toMatch(/Excel 或 WPS/);
  });

  it('an uncalculated formula in a column the tool ignores (总分 written by a program) does not block the run', async () => {
    const book = tidy();
    const rows = scoreRows(book);
    rows[0].push('总分');
    rows.slice(1).forEach((row, i) => row.push({ formula: `SUM(D${i + 2}:F${i + 2})` } as CellValue));
    const r = await resultsOf(book);
    expect(ranked(r)).toEqual(ranked(twin));
    expect(issuesOf(r, 'warning')).toEqual(['评分表!G1 computed-column']);
  });

  it('a row with scores whose 名称 was deleted is an error on that row', async () => {
    const book = tidy();
    scoreRows(book)[4][1] = null;
    const r = await resultsOf(book);
    expect(issuesOf(r, 'error')).toEqual(['评分表!B5 scores-without-name']);
  });

  it('a score formatted as a percent is an error, not a guess', async () => {
    const book = tidy();
    scoreRows(book)[2][3] = { percent: 0.95 };
    const r = await resultsOf(book);
    expect(issuesOf(r, 'error')).toEqual(['评分表!D3 percent-score']);
    expect(r.issues[0].message).toContain('市财政局');
  });

  it('an unknown name in 加减分 suggests the closest subject', async () => {
    const book = tidy();
    sheet(book, '加减分').rows[1][0] = '市财政';
    const r = await resultsOf(book);
    expect(r.issues.find((i) => i.code === 'unknown-subject-like')!.message).toContain('是否为“市财政局”');
  });

  it('an unknown column header is named with its cell; computed columns are left out with a word', async () => {
    const book = tidy();
    const rows = scoreRows(book);
    rows[0].push('总分', '考评意见');
    const r = await resultsOf(book);
    expect(ranked(r)).toEqual(ranked(twin));
    expect(issuesOf(r, 'warning')).toEqual(['评分表!G1 computed-column', '评分表!H1 unknown-column']);
  });

  it('a missing sheet lists the sheets found', async () => {
    const book = tidy().map((s) => (s.name === '评分表' ? { ...s, name: '打分' } : s));
    const r = await resultsOf(book);
    expect(r.issues[0].message).toContain('打分');
  });

  it('quota rules are judged on the counts: 比例下限 20% over 比例上限 18% of 4 (向上取整) both give 1 place', async () => {
    const spec: BookSpec = {
      ...BASE,
      dimensions: undefined,
      indicators: [['x', 10]],
      settings: [['名额取整', '向上取整']],
      categories: undefined,
      events: undefined,
      grades: [['A', 18, undefined, undefined, 20], ['B']],
      subjects: [
        ['a', null, 9],
        ['b', null, 8],
        ['c', null, 7],
        ['d', null, 6],
      ],
    };
    const r = await resultsOf(makeBook(spec).sheets);
    expect(r.ok).toBe(true);
    expect(r.grades.find((g) => g.grade === 'A')).toEqual({ scope: '全体', grade: 'A', quota: 1, count: 1 });
    expect(r.issues.map((i) => i.code)).toEqual(['share-order']);
    const two: BookSpec = {
      ...spec,
      settings: [],
      grades: [['A', undefined, 1, undefined, 60], ['B', undefined, 1, undefined, 50], ['C']],
      subjects: [
        ['a', null, 9],
        ['b', null, 8],
      ],
    };
    const r2 = await resultsOf(makeBook(two).sheets);
    expect(r2.ok).toBe(true);
    expect(r2.issues.map((i) => i.code)).toEqual(['share-sum']);
  });
});

function hasSoffice(): boolean {
  return spawnSync('soffice', ['--version'], { encoding: 'utf8' }).status === 0 && existsSync('/usr/bin/soffice');
}
