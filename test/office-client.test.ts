// The Office.js host through Microsoft's own Office.js client (excel-web-16.00.js) against the
// Excel emulator: real request bodies, real byte counts, release requests included.
import { readFileSync } from 'node:fs';
import { scoreWorkbook } from '../src/app/score-workbook';
import { ExcelWorkbook } from '../src/hosts/excel/excel-workbook';
import { XlsxWorkbook } from '../src/hosts/xlsx/xlsx-workbook';
import { examplePath } from './helpers';
import { FakeExcel, seedFake } from './fake-excel';
import { ExcelEmulator } from './office/excel-emulator';
import { officeRun } from './office/office-client';

const opts = { fileTitle: 'book', date: '2026-11-21' };

async function emulatorFrom(example: string): Promise<ExcelEmulator> {
  const all = await (await XlsxWorkbook.load(readFileSync(examplePath(example)))).read((n) => n);
  const book = new FakeExcel();
  for (const s of all.sheets) seedFake(book, s);
  return new ExcelEmulator(book);
}

describe('the Office.js host through Microsoft’s Office.js client', () => {
  it('reads and scores an example', async () => {
    const excel = await emulatorFrom('ex3-units-grouped-9');
    const host = new ExcelWorkbook(officeRun(excel.respond), excel.supports);
    const run = await scoreWorkbook(host, opts);
    expect(run.ok).toBe(true);
    console.log(excel.log.map((r) => `${r.requestBytes}/${r.responseBytes}${r.release ? ' release' : ''}`).join(' '));
  });
});
