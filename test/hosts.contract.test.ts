// One suite, every host: the same workbook through the .xlsx host and through the Office.js host
// (against the fake Excel) must give the same sheets.
import { readFileSync } from 'node:fs';
import { checkWorkbook, publishResults, scoreWorkbook } from '../src/app/score-workbook';
import type { CellValue, SheetData } from '../src/engine/types';
import { ExcelWorkbook } from '../src/hosts/excel/excel-workbook';
import type { WorkbookPort } from '../src/hosts/port';
import { XlsxWorkbook } from '../src/hosts/xlsx/xlsx-workbook';
import { EXAMPLES, examplePath, userSheet } from './helpers';
import { FakeExcel, seedFake } from './fake-excel';

const opts = { fileTitle: 'book', date: '2026-11-21' };

interface HostUnderTest {
  port: WorkbookPort;
  /** adds a sheet the user made, with one value */
  addUserSheet(name: string): Promise<void>;
}

async function xlsxHost(bytes: Uint8Array): Promise<HostUnderTest> {
  const book = await XlsxWorkbook.load(bytes);
  return {
    port: book,
    addUserSheet: (name) => book.addSheets([userSheet(name)]),
  };
}

async function excelHost(bytes: Uint8Array): Promise<HostUnderTest> {
  const source = await XlsxWorkbook.load(bytes);
  const all = await source.read((names) => names);
  const fake = new FakeExcel();
  for (const sheet of all.sheets) seedFake(fake, sheet);
  return { port: new ExcelWorkbook(fake.run, fake.supports), addUserSheet: async (name) => fake.seed(name, [['我的表']]) };
}

const HOSTS = [
  ['xlsx', xlsxHost],
  ['fake Excel', excelHost],
] as const;

/** Values only, without trailing blanks: what both hosts must agree on. */
function normal(sheets: readonly SheetData[]): [string, CellValue[][]][] {
  return sheets.map((s) => {
    const rows = s.rows.map((row) => {
      const r = [...row];
      while (r.length > 0 && (r[r.length - 1] === null || r[r.length - 1] === '')) r.pop();
      return r;
    });
    while (rows.length > 0 && rows[rows.length - 1].length === 0) rows.pop();
    return [s.name, rows];
  });
}

async function everySheet(port: WorkbookPort) {
  const snap = await port.read((names) => names);
  return { names: snap.sheetNames, owned: [...snap.ownedSheets].sort(), sheets: normal(snap.sheets) };
}

describe.each(EXAMPLES)('%s through every host', (example) => {
  it('writes the same sheets, marks them, and replaces them on the next run', async () => {
    const bytes = readFileSync(examplePath(example));
    const results = [];
    for (const [, make] of HOSTS) {
      const host = await make(bytes);
      const first = await scoreWorkbook(host.port, opts);
      const afterFirst = await everySheet(host.port);
      const second = await scoreWorkbook(host.port, opts);
      const afterSecond = await everySheet(host.port);
      expect(afterSecond).toEqual(afterFirst);
      expect(second.ok).toBe(first.ok);
      results.push(afterFirst);
    }
    expect(results[1]).toEqual(results[0]);
    expect(results[0].owned.length).toBeGreaterThan(0);
  });
});

describe.each(HOSTS)('the %s host', (_, make) => {
  it('never overwrites a sheet of a result name that it did not write', async () => {
    const host = await make(readFileSync(examplePath('ex2-staff-weighted-12')));
    await host.addUserSheet('等次分布');
    const checked = await checkWorkbook(host.port, opts);
    expect(checked.ok).toBe(false);
    expect(checked.issues.map((i) => i.code)).toContain('sheet-name-taken');
    await publishResults(host.port, checked);
    const after = await everySheet(host.port);
    expect(after.sheets.find(([n]) => n === '等次分布')![1]).toEqual([['我的表']]);
    expect(after.owned).toEqual(['校验报告']);
  });
});
