// Request sizes of the Office.js host, measured on the real serialized bodies.
import { generate } from '../bench/generate';
import { checkWorkbook, publishResults } from '../src/app/score-workbook';
import { CELLS_PER_READ, ExcelWorkbook, REQUEST_BUDGET } from '../src/hosts/excel/excel-workbook';
import { ExcelEmulator } from './office/excel-emulator';
import { officeRun } from './office/office-client';

const opts = { fileTitle: 'book', date: '2026-11-21' };
const MB = 1024 * 1024;

async function measure(subjects: number, indicators: number) {
  const g = generate({ subjects, indicators, dimensions: Math.min(4, indicators), groups: Math.max(1, Math.round(subjects / 30)), perGroup: false, seed: 3, eventShare: 0.2 });
  const excel = new ExcelEmulator();
  for (const s of g.sheets) excel.book.seed(s.name, s.rows as never);
  const host = new ExcelWorkbook(officeRun(excel.respond), excel.supports);
  const checked = await checkWorkbook(host, opts);
  expect(checked.ok).toBe(true);
  await publishResults(host, checked);
  const largest = Math.max(...excel.log.map((r) => r.requestBytes));
  const largestResponse = Math.max(...excel.log.map((r) => r.responseBytes));
  const release = excel.log.filter((r) => r.release).reduce((a, r) => a + r.requestBytes, 0);
  console.log(`${subjects} × ${indicators}: ${excel.requests} requests; largest request ${(largest / MB).toFixed(2)} MB; largest response ${(largestResponse / MB).toFixed(2)} MB; release requests ${(release / MB).toFixed(2)} MB`);
  return { largest, excel };
}

describe('request sizes through Microsoft’s client', () => {
  it.each([[99, 8], [1000, 40], [10000, 40]])('%i × %i with every result sheet (成绩单 included): every request at most 4 MB', async (n, k) => {
    const { largest, excel } = await measure(n, k);
    expect(largest).toBeLessThanOrEqual(4 * MB);
    expect(Math.max(...excel.log.map((r) => r.responseBytes))).toBeLessThanOrEqual(4 * MB);
  });

  it('grows in round trips only with the data: a read per 100,000 cells, a write per 3 MB', async () => {
    const small = (await measure(100, 40)).excel;
    const big = (await measure(3000, 40)).excel;
    const bytes = (e: ExcelEmulator) => e.log.reduce((a, r) => a + r.requestBytes, 0);
    const cells = 3000 * 44; // 评分表: 序号, 名称, 分组, 40 indicators, 备注
    expect(big.requests - small.requests).toBeLessThanOrEqual(Math.ceil(cells / CELLS_PER_READ) + Math.ceil(bytes(big) / REQUEST_BUDGET));
  });
});
