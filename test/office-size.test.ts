// Request sizes of the Office.js host, measured on the real serialized bodies.
import { generate } from '../bench/generate';
import { checkWorkbook, publishResults, scoreWorkbook } from '../src/app/score-workbook';
import { XlsxWorkbook } from '../src/hosts/xlsx/xlsx-workbook';
import { rawXlsx } from './raw-xlsx';
import { cellTextFitted, wholeSheet } from '../src/report/spec';
import { CELLS_PER_READ, ExcelWorkbook, REQUEST_BUDGET } from '../src/hosts/excel/excel-workbook';
import { ExcelEmulator } from './office/excel-emulator';
import { officeRun } from './office/office-client';

const opts = { fileTitle: 'book', date: '2026-11-21' };
const MB = 1024 * 1024;

/** A sheet's values as plain cells, without trailing blanks: what both hosts must agree on. */
function plain(rows: readonly (readonly unknown[])[]): unknown[][] {
  const out = rows.map((row) => {
    const r = row.map((v) => (v === null ? '' : typeof v === 'object' && v !== null && 'percent' in v ? (v as { percent: number }).percent : v));
    while (r.length > 0 && r[r.length - 1] === '') r.pop();
    return r;
  });
  while (out.length > 0 && out[out.length - 1].length === 0) out.pop();
  return out;
}

/** The same generated workbook through the .xlsx host: its result sheets, by name. */
async function xlsxResults(g: ReturnType<typeof generate>): Promise<Map<string, unknown[][]>> {
  const book = await XlsxWorkbook.load(await rawXlsx(g.sheets));
  const run = await scoreWorkbook(book, opts);
  const out = await XlsxWorkbook.load(await book.toBytes());
  const written = new Set(run.written!.written);
  return new Map((await out.read((names) => names.filter((n) => written.has(n)))).sheets.map((s) => [s.name, plain(s.rows)]));
}

/**
 * `compare`: 'xlsx' checks every result sheet cell for cell against the .xlsx host's output read
 * back; 'specs' against the sheet specs both hosts write (the .xlsx reader stops at 100,000 rows,
 * and the 成绩单 of 10,000 subjects has 450,000).
 */
async function measure(subjects: number, indicators: number, compare: 'xlsx' | 'specs' | null = null) {
  const g = generate({
    subjects,
    indicators,
    dimensions: Math.min(4, indicators),
    groups: Math.max(1, Math.round(subjects / 30)),
    perGroup: false,
    seed: 3,
    eventShare: 0.2,
  });
  const excel = new ExcelEmulator();
  for (const s of g.sheets) excel.book.seed(s.name, s.rows as never);
  const host = new ExcelWorkbook(officeRun(excel.respond), excel.supports);
  const checked = await checkWorkbook(host, opts);
  expect(checked.ok).toBe(true);
  await publishResults(host, checked);
  const largest = Math.max(...excel.log.map((r) => r.requestBytes));
  const largestResponse = Math.max(...excel.log.map((r) => r.responseBytes));
  const release = excel.log.filter((r) => r.release).reduce((a, r) => a + r.requestBytes, 0);
  console.log(
    `${subjects} × ${indicators}: ${excel.requests} requests; largest request ${(largest / MB).toFixed(2)} MB (${largest} bytes); largest response ${(largestResponse / MB).toFixed(2)} MB; release requests ${(release / MB).toFixed(2)} MB`,
  );
  if (compare) {
    // cell for cell, every result sheet
    const expected =
      compare === 'xlsx'
        ? await xlsxResults(g)
        : new Map(
            checked.specs
              .map((s) => wholeSheet(s))
              .map((s) => [s.name, plain(s.cells.map((row) => row.map((v) => (typeof v === 'string' ? cellTextFitted(v) : v))))]),
          );
    expect(checked.specs.map((s) => s.name).sort()).toEqual([...expected.keys()].sort());
    for (const [name, rows] of expected) expect([name, plain(excel.book.valuesOf(name))]).toEqual([name, rows]);
  }
  return { largest, excel };
}

describe('request sizes through Microsoft’s client', () => {
  // the README's table of request sizes: a change here must show there
  it.each([
    [99, 8, 9, 0.66, 0.06],
    [1000, 40, 11, 3.35, 0.62],
    [10000, 40, 42, 3.51, 1.34],
  ])(
    '%i × %i with every result sheet (成绩单 included): %i requests, the largest %f MB (response %f MB) as the README says, every one at most 4 MB, the sheets as the .xlsx host writes them',
    async (n, k, requests, largestMb, responseMb) => {
      const { largest, excel } = await measure(n, k, n === 1000 ? 'xlsx' : n > 1000 ? 'specs' : null);
      const largestResponse = Math.max(...excel.log.map((r) => r.responseBytes));
      expect(excel.requests).toBe(requests);
      expect((largest / MB).toFixed(2)).toBe(largestMb.toFixed(2));
      expect((largestResponse / MB).toFixed(2)).toBe(responseMb.toFixed(2));
      expect(largest).toBeLessThanOrEqual(4 * MB);
      expect(largestResponse).toBeLessThanOrEqual(4 * MB);
    },
    300_000,
  );

  it('grows in round trips only with the data: a read per 100,000 cells, a write per 3 MB', async () => {
    const small = (await measure(100, 40)).excel;
    const big = (await measure(3000, 40)).excel;
    const bytes = (e: ExcelEmulator) => e.log.reduce((a, r) => a + r.requestBytes, 0);
    const cells = 3000 * 44; // 评分表: 序号, 名称, 分组, 40 indicators, 备注
    expect(big.requests - small.requests).toBeLessThanOrEqual(Math.ceil(cells / CELLS_PER_READ) + Math.ceil(bytes(big) / REQUEST_BUDGET));
  });
});
