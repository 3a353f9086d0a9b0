// The Office.js host through Microsoft's own Office.js client (excel-web-16.00.js) against the
// Excel emulator: real request bodies, real byte counts, release requests included.
import JSZip from 'jszip';
import { readFileSync } from 'node:fs';
import { checkWorkbook, scoreWorkbook } from '../src/app/score-workbook';
import { WriteInterrupted } from '../src/hosts/port';
import { describeError } from '../src/taskpane/errors';
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

describe('校验报告 links each 单元格 to its cell', () => {
  it('in Excel, through Microsoft’s client (Range.hyperlink) and in the .xlsx (hyperlink location)', async () => {
    const excel = await emulatorFrom('ex4-bad-input');
    const run = await scoreWorkbook(new ExcelWorkbook(officeRun(excel.respond), excel.supports), opts);
    expect(run.ok).toBe(false);
    const report = excel.book.sheets.find((s) => s.name === '校验报告')!;
    const links = [...report.cells.entries()].filter(([, c]) => c.hyperlink).map(([k, c]) => [k, c.value, c.hyperlink]);
    expect(links[0]).toEqual([expect.any(String), 'C3', "'评分表'!C3"]);
    expect(links.length).toBe(run.issues.filter((i) => i.cell).length);

    const book = await XlsxWorkbook.load(readFileSync(examplePath('ex4-bad-input')));
    await scoreWorkbook(book, opts);
    const zip = await JSZip.loadAsync(await book.toBytes());
    const parts = await Promise.all(
      Object.keys(zip.files)
        .filter((n) => /worksheets\/sheet\d+\.xml$/.test(n))
        .map((n) => zip.file(n)!.async('string')),
    );
    const xml = parts.find((x) => x.includes('<hyperlinks>'))!;
    expect(xml).toContain(`location="'评分表'!C3"`);
    expect((xml.match(/<hyperlink /g) ?? []).length).toBe(links.length);
  });
});

describe('re-runs keep what refers to the result sheets', () => {
  it('a formula elsewhere that points at 结果汇总 keeps working after the next run', async () => {
    const excel = await emulatorFrom('ex2-staff-weighted-12');
    const host = new ExcelWorkbook(officeRun(excel.respond), excel.supports);
    expect((await scoreWorkbook(host, opts)).ok).toBe(true);
    // a pay sheet the user made, looking up the summary
    excel.book.seed('绩效工资', [['总分', 0]]);
    excel.book.sheet('绩效工资').cells.get('0,1')!.formula = "='结果汇总'!H5";
    const summaryBefore = excel.book.sheets.find((s) => s.name === '结果汇总');
    expect((await scoreWorkbook(host, opts)).ok).toBe(true);
    expect(excel.book.sheet('绩效工资').cells.get('0,1')!.formula).toBe("='结果汇总'!H5");
    // the same sheet, rewritten where it is
    expect(excel.book.sheets.find((s) => s.name === '结果汇总')).toBe(summaryBefore);
  });

  it('a run that fails while rewriting a sheet says which sheets are complete and which is partial', async () => {
    const excel = await emulatorFrom('ex2-staff-weighted-12');
    const host = new ExcelWorkbook(officeRun(excel.respond), excel.supports);
    await scoreWorkbook(host, opts);
    const before = excel.requests;
    await checkWorkbook(host, opts); // how many requests a read takes
    const read = excel.requests - before;
    // the write's requests: names; marks; new sheets (none on a re-run); then 结果汇总 in place: fail that one
    excel.failAtRequest = excel.requests + read + 4;
    const error = await scoreWorkbook(host, opts).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(WriteInterrupted);
    expect((error as WriteInterrupted).partial).toBe('结果汇总');
    expect((error as WriteInterrupted).complete).toEqual([]);
    expect(describeError(error, 'zh')).toMatch(/写入中断。“结果汇总”只写了一部分/);
    // a run after it puts everything right
    excel.failAtRequest = null;
    expect((await scoreWorkbook(host, opts)).ok).toBe(true);
  });
});
