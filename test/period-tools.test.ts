// 合并各期 and 新建下一期 from bytes, as the pane does them (the browser page's worker and Excel),
// and Excel's whole-file plumbing: the open workbook in slices, a new workbook from Base64.
import JSZip from 'jszip';
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { combineFiles } from '../src/app/combine';
import { nextPeriodFile } from '../src/app/next-period';
import { readInputs } from '../src/app/score-workbook';
import { nextPeriodPlan } from '../src/engine/next-period';
import { inPeriodOrder } from '../src/engine/period-order';
import { PeriodFileUnreadable } from '../src/hosts/xlsx/open-error';
import { XlsxWorkbook } from '../src/hosts/xlsx/xlsx-workbook';
import { main } from '../src/cli/main';
import { documentBytes, NEW_WORKBOOK_BYTES, openAsNewWorkbook, toBase64, TooLargeForNewWorkbook } from '../src/taskpane/excel-files';
import { ROOT } from './helpers';
import { rawXlsx } from './raw-xlsx';

const quarter = (q: number) => ({ name: `2026-Q${q}.xlsx`, bytes: new Uint8Array(readFileSync(join(ROOT, 'examples', 'quarters', `2026-Q${q}.xlsx`))) });

describe('period files in order', () => {
  const order = (names: string[]) => inPeriodOrder(names, (n) => n);
  it('reads quarters, half-years and months in Chinese or Arabic numerals, the year first', () => {
    expect(order(['四季度.xlsx', '二季度.xlsx', '一季度.xlsx', '三季度.xlsx'])).toEqual(['一季度.xlsx', '二季度.xlsx', '三季度.xlsx', '四季度.xlsx']);
    expect(order(['2026年第3季度考核', '2026年第1季度考核', '2025年第4季度考核'])).toEqual(['2025年第4季度考核', '2026年第1季度考核', '2026年第3季度考核']);
    expect(order(['2026-Q2', '2026-Q10x', '2026-Q1'])).toEqual(['2026-Q1', '2026-Q2', '2026-Q10x']);
    expect(order(['下半年.xlsx', '年度评价.xlsx', '上半年.xlsx'])).toEqual(['上半年.xlsx', '下半年.xlsx', '年度评价.xlsx']);
    expect(order(['十二月', '2月', '十月', '一月', '11月'])).toEqual(['一月', '2月', '十月', '11月', '十二月']);
  });
  it('keeps names that say nothing of a period in natural order, after the others', () => {
    expect(order(['第10期', '考核表', '第2期', '三季度'])).toEqual(['三季度', '第2期', '第10期', '考核表']);
  });
});

describe('combineFiles (the pane)', () => {
  it('combines the chosen files into a workbook that reads as the annual example', async () => {
    const combined = await combineFiles([1, 2, 3, 4].map(quarter));
    expect(combined.ok).toBe(true);
    if (!combined.ok) return;
    const snap = await readInputs(await XlsxWorkbook.load(combined.bytes));
    expect(snap.sheetNames).toEqual(['考核方案', '2026年第一季度', '2026年第二季度', '2026年第三季度', '2026年第四季度', '加减分']);
    expect(combined.issues.map((i) => `${i.sheet}!${i.cell} ${i.code}`)).toEqual(['[2026-Q3.xlsx]评分表!B10 combine-unit-partial']);
  });

  it('names the file that is no workbook', async () => {
    const notXlsx = { name: '三季度.xlsx', bytes: new TextEncoder().encode('名称,得分\n') };
    await expect(combineFiles([quarter(1), notXlsx])).rejects.toMatchObject({ fileName: '三季度.xlsx', reason: 'not-xlsx' });
    await expect(combineFiles([quarter(1), notXlsx])).rejects.toBeInstanceOf(PeriodFileUnreadable);
  });

  it('the command names the unreadable file, not the first one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kp-combine-'));
    writeFileSync(join(dir, 'q1.xlsx'), quarter(1).bytes);
    // q2 opens (its zip is whole) but its score sheet is not well-formed XML: found only when read
    const zip = await JSZip.loadAsync(quarter(2).bytes);
    const sheetPart = Object.keys(zip.files).find((n) => /worksheets\/sheet2\.xml$/.test(n))!;
    zip.file(sheetPart, '<worksheet><sheetData><row r="1"><c r="A1"');
    writeFileSync(join(dir, 'q2.xlsx'), await zip.generateAsync({ type: 'uint8array' }));
    const out: string[] = [];
    const io = { cwd: dir, stdout: { write: (s: string) => out.push(s) }, stderr: { write: (s: string) => out.push(s) } };
    const code = await main(['combine', 'q1.xlsx', 'q2.xlsx', '-o', 'year.xlsx', '--lang', 'en'], io as never);
    expect(code).toBe(2);
    expect(out.join('')).toContain('q2.xlsx');
    expect(out.join('')).not.toContain('q1.xlsx');
  });
});

describe('nextPeriodFile (the pane)', () => {
  it("makes the next period's workbook from bytes: the cells the plan names emptied, names kept, results left out", async () => {
    const original = quarter(4).bytes;
    const before = await readInputs(await XlsxWorkbook.load(original));
    const plan = nextPeriodPlan({ fileTitle: 'q4', sheetNames: before.sheetNames, sheets: before.sheets });
    if (!plan.ok) throw new Error('the example plans a next period');
    const { next, bytes } = await nextPeriodFile(original, 'q4');
    expect(next).toEqual({ written: '', issues: [], sharedFormula: null });
    const after = await readInputs(await XlsxWorkbook.load(bytes!));
    expect(after.sheetNames).toEqual(before.sheetNames.filter((n) => !/结果|校验|成绩单|分组排名|等次分布|指标分析|期间汇总/.test(n)));
    const sheet = (snap: typeof before, name: string) => snap.sheets.find((s) => s.name === name)!;
    let emptied = 0;
    for (const { sheet: name, cells } of plan.clear)
      for (const [r, c] of cells) {
        expect(sheet(after, name).rows[r]?.[c] ?? null).toBeNull();
        emptied++;
      }
    expect(emptied).toBeGreaterThan(20);
    // the units' names stay where they were
    expect(sheet(after, '评分表').rows.map((r) => r[0])).toEqual(sheet(before, '评分表').rows.map((r) => r[0]));
  });

  it('makes nothing from a workbook whose 考核方案 has errors, and gives them', async () => {
    const bytes = await rawXlsx([
      { name: '考核方案', rows: [['【指标】'], ['指标', '分值'], ['x', -1], [], ['【等次】'], ['等次'], ['A']] },
      {
        name: '评分表',
        rows: [
          ['名称', 'x'],
          ['甲', 1],
        ],
      },
    ]);
    const made = await nextPeriodFile(bytes, 'bad');
    expect(made.bytes).toBeNull();
    expect(made.next.written).toBeNull();
    expect(made.next.issues.filter((i) => i.severity === 'error').map((i) => i.sheet)).toContain('考核方案');
  });
});

describe('Excel: whole files', () => {
  /** Office.context.document as documented: getFileAsync hands a File of slices, closeAsync frees it. */
  function officeDocument(bytes: Uint8Array, sliceSize: number, failSlice: number | null = null) {
    const calls = { closed: 0, sliceSize: 0 };
    const ok = <T>(value: T) => ({ status: 'succeeded', value }) as unknown as Office.AsyncResult<T>;
    const failed = { status: 'failed', error: { code: 5001, message: 'Internal Error' } } as unknown as Office.AsyncResult<never>;
    const document = {
      getFileAsync(_type: unknown, options: { sliceSize: number }, done: (r: Office.AsyncResult<Office.File>) => void) {
        calls.sliceSize = options.sliceSize;
        const count = Math.ceil(bytes.length / sliceSize);
        const file = {
          size: bytes.length,
          sliceCount: count,
          getSliceAsync(i: number, cb: (r: Office.AsyncResult<Office.Slice>) => void) {
            // Office gives a compressed file's slice as an array of byte values
            setTimeout(
              () => cb(i === failSlice ? failed : ok({ index: i, size: 0, data: [...bytes.subarray(i * sliceSize, (i + 1) * sliceSize)] } as never)),
              0,
            );
          },
          closeAsync(cb: (r: Office.AsyncResult<void>) => void) {
            calls.closed++;
            cb(ok(undefined));
          },
        };
        setTimeout(() => done(ok(file as never)), 0);
      },
    };
    return { document: document as unknown as Office.Document, calls };
  }
  beforeAll(() => {
    Object.assign(globalThis, { Office: { FileType: { Compressed: 'compressed' }, AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' } } });
  });

  it('reads the open workbook in slices and closes the file', async () => {
    const bytes = quarter(1).bytes;
    const { document, calls } = officeDocument(bytes, 4096);
    expect(await documentBytes(document)).toEqual(bytes);
    expect(calls).toEqual({ closed: 1, sliceSize: 4 * 1024 * 1024 });
  });

  it('closes the file also when a slice fails, and keeps Office’s code', async () => {
    const { document, calls } = officeDocument(quarter(1).bytes, 2048, 2);
    await expect(documentBytes(document)).rejects.toMatchObject({ code: '5001' });
    expect(calls.closed).toBe(1);
  });

  it('opens bytes as a new workbook in Base64, and refuses what Excel on the web would', async () => {
    const bytes = quarter(2).bytes;
    const opened: string[] = [];
    await openAsNewWorkbook(bytes, async (b) => void opened.push(b));
    expect(Buffer.from(opened[0], 'base64')).toEqual(Buffer.from(bytes));
    expect(toBase64(new Uint8Array(100_000).map((_, i) => i % 256))).toBe(Buffer.from(new Uint8Array(100_000).map((_, i) => i % 256)).toString('base64'));
    await expect(openAsNewWorkbook(new Uint8Array(NEW_WORKBOOK_BYTES + 1), async () => undefined)).rejects.toBeInstanceOf(TooLargeForNewWorkbook);
  });
});
