// One suite, every host: the same workbook through the .xlsx host and through the Office.js host
// (Microsoft's Office.js client against the Excel emulator) must give the same sheets.
import { readFileSync } from 'node:fs';
import { checkWorkbook, publishResults, scoreWorkbook } from '../src/app/score-workbook';
import type { CellValue, SheetData } from '../src/engine/types';
import { ExcelWorkbook } from '../src/hosts/excel/excel-workbook';
import type { WorkbookPort } from '../src/hosts/port';
import { XlsxWorkbook } from '../src/hosts/xlsx/xlsx-workbook';
import { EXAMPLES, examplePath, makeBook, userSheet } from './helpers';
import { rawXlsx, TIDY_STYLE } from './raw-xlsx';
import { seedFake } from './fake-excel';
import { ExcelEmulator } from './office/excel-emulator';
import { officeRun } from './office/office-client';

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

/** The Office.js host through Microsoft's Office.js client, against the Excel emulator. */
async function excelHost(bytes: Uint8Array): Promise<HostUnderTest> {
  const source = await XlsxWorkbook.load(bytes);
  const all = await source.read((names) => names);
  const excel = new ExcelEmulator();
  for (const sheet of all.sheets) seedFake(excel.book, sheet);
  return { port: new ExcelWorkbook(officeRun(excel.respond), excel.supports), addUserSheet: async (name) => excel.book.seed(name, [['我的表']]) };
}

const HOSTS = [
  ['xlsx', xlsxHost],
  ['Office.js (Microsoft’s client, emulated Excel)', excelHost],
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

describe('a workbook kept the way people keep them through every host', () => {
  it('percent quotas, merged groups and a statistics row read the same in both hosts', async () => {
    const book = makeBook({
      indicators: [
        ['x', 60],
        ['y', 40],
      ],
      grades: [['A', 20, undefined, undefined, 10], ['B', 50], ['C']],
      subjects: [
        ['a', '一组', 50, 30],
        ['b', null, 55, 35],
        ['c', null, 40, 38],
        ['d', '二组', 52, 33],
        ['e', null, 48, 36],
        ['f', null, 58, 39],
      ],
    }).sheets.map((s) => ({ ...s, rows: s.rows.map((r) => [...r]), merges: [] as { r0: number; c0: number; r1: number; c1: number }[] }));
    const scheme = book[0];
    const g = scheme.rows.findIndex((r) => r[0] === '【等次】') + 2;
    scheme.rows[g][1] = { percent: 0.2 };
    scheme.rows[g + 1][1] = { percent: 0.5 };
    const scores = book[1];
    scores.rows.push([null, '平均分', null, 50.5, 35.17]);
    scores.merges.push({ r0: 1, c0: 2, r1: 3, c1: 2 }, { r0: 4, c0: 2, r1: 6, c1: 2 });
    const bytes = await rawXlsx(book, TIDY_STYLE);
    const results = [];
    for (const [, make] of HOSTS) {
      const host = await make(bytes);
      const run = await scoreWorkbook(host.port, opts);
      expect(run.ok).toBe(true);
      results.push({
        subjects: run.assessment.subjects.map((s) => [s.name, s.group, s.score.total.value, s.rank, s.groupRank, s.grade]),
        issues: run.issues.map((i) => `${i.sheet}!${i.cell} ${i.code}`),
        sheets: (await everySheet(host.port)).sheets,
      });
    }
    expect(results[1]).toEqual(results[0]);
    expect(results[0].issues).toEqual(['评分表!B8 statistics-row']);
    const groupOf = Object.fromEntries(results[0].subjects.map((s) => [s[0], s[1]]));
    expect(groupOf).toEqual({ a: '一组', b: '一组', c: '一组', d: '二组', e: '二组', f: '二组' });
  });
});
