// The next period's workbook: this period's scores and adjustments emptied, everything else kept.
import JSZip from 'jszip';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { nextPeriodPlan } from '../src/engine/next-period';
import { XlsxWorkbook } from '../src/hosts/xlsx/xlsx-workbook';
import { SharedFormulaCell } from '../src/hosts/xlsx/clear-cells';
import { examplePath, makeBook, ROOT } from './helpers';
import { rawXlsx, TIDY_STYLE, type RawSheet } from './raw-xlsx';

const BIN = join(ROOT, 'bin', 'kaoping.js');
const dir = mkdtempSync(join(tmpdir(), 'kaoping-next-'));
const kaoping = (args: string[]) =>
  spawnSync(process.execPath, [BIN, ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, LANG: 'zh_CN.UTF-8', LC_ALL: '' } });
const sha = (p: string) => createHash('sha256').update(readFileSync(p)).digest('hex');
const readAll = async (bytes: Uint8Array) => {
  const book = await XlsxWorkbook.load(bytes);
  return { book, snap: await book.read((n) => n) };
};

describe('next period', () => {
  it('plans to empty every subject’s scores, 加分 and 扣分, and every 加减分 entry, but not names, groups or total rows', () => {
    const input = makeBook({
      indicators: [
        ['x', 10],
        ['y', 20],
      ],
      grades: [['A']],
      subjects: [
        ['甲', '一组', 9, 18],
        ['乙', '二组', 'bad', null],
      ],
      events: [['甲', '加分', '', 2, '', '表彰']],
    });
    const plan = nextPeriodPlan(input);
    if (!plan.ok) throw new Error(JSON.stringify(plan.issues));
    const scores = input.sheets.find((s) => s.name === '评分表')!;
    const cleared = plan.clear[0].cells.map(([r, c]) => scores.rows[r][c]);
    expect(cleared).toEqual([9, 18, 'bad']);
    const events = input.sheets.find((s) => s.name === '加减分')!;
    expect(plan.clear[1].cells.every(([r]) => r > 0)).toBe(true);
    expect(plan.clear[1].cells.map(([r, c]) => events.rows[r][c])).toEqual(events.rows[1].filter((v) => v !== null && v !== ''));
  });

  it('refuses a workbook whose 考核方案 has errors', () => {
    const input = makeBook({ indicators: [['x', -1]], grades: [['A']], subjects: [['甲', null, 1]] });
    const plan = nextPeriodPlan(input);
    expect(plan.ok).toBe(false);
  });

  it('kaoping next writes a new workbook: scores and adjustments empty, results gone, the rest cell for cell; the input untouched', async () => {
    const input = join(dir, 'ex1.xlsx');
    copyFileSync(examplePath('ex1-departments-30'), input);
    expect(kaoping(['score', input]).status).toBe(0);
    const scored = join(dir, 'ex1-结果.xlsx');
    const before = sha(scored);
    const r = kaoping(['next', scored, '-o', 'q2.xlsx']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('下一期工作簿已写入');
    expect(sha(scored)).toBe(before);
    const was = (await readAll(readFileSync(input))).snap;
    const { snap } = await readAll(readFileSync(join(dir, 'q2.xlsx')));
    expect(snap.sheetNames).toEqual(['考核方案', '评分表', '加减分']);
    const sheet = (s: typeof snap, name: string) => s.sheets.find((x) => x.name === name)!.rows;
    expect(sheet(snap, '考核方案')).toEqual(sheet(was, '考核方案'));
    const oldScores = sheet(was, '评分表');
    const newScores = sheet(snap, '评分表');
    expect(newScores[0]).toEqual(oldScores[0]);
    const scoreCols = oldScores[0].flatMap((h, c) => (['序号', '名称', '分组', '备注'].includes(String(h)) ? [] : [c]));
    expect(scoreCols.length).toBeGreaterThan(0);
    for (let row = 1; row < oldScores.length; row++) {
      expect(newScores[row][1]).toBe(oldScores[row][1]); // the name
      for (const c of scoreCols) expect(newScores[row]?.[c] ?? null).toBeNull();
    }
    expect(
      sheet(snap, '加减分')
        .slice(1)
        .every((row) => row.every((v) => v === null || v === '')),
    ).toBe(true);
    // scoring the new period's empty sheet says so at every cell
    const check = kaoping(['validate', join(dir, 'q2.xlsx')]);
    expect(check.status).toBe(1);
    expect(check.stderr).toContain('为空');
  });

  it('finds cells however the XML is written (no references, shared or inline strings, prefixes)', async () => {
    const sheets: RawSheet[] = [
      {
        name: '考核方案',
        rows: [['【指标】'], ['指标', '分值'], ['x', 10], ['y', 10], [], ['【等次】'], ['等次'], ['合格']],
      },
      {
        name: '评分表',
        rows: [
          ['名称', 'x', 'y', '备注'],
          ['甲', 8, 9, '留'],
          ['乙', 7, { f: '3+4', v: 7 }, ''],
          ['合计', { f: 'SUM(B2:B3)', v: 15 }, 16, ''],
        ],
      },
      {
        name: '加减分',
        rows: [
          ['名称', '类型', '分值'],
          ['甲', '加分', 1],
        ],
      },
    ];
    for (const style of [TIDY_STYLE, { ...TIDY_STYLE, noRefs: true, prefix: 'x:' as const, sharedStrings: false }]) {
      const { book, snap } = await readAll(await rawXlsx(sheets, style));
      const plan = nextPeriodPlan({ fileTitle: 't', sheetNames: snap.sheetNames, sheets: snap.sheets });
      if (!plan.ok) throw new Error(JSON.stringify(plan.issues));
      for (const { sheet, cells } of plan.clear) await book.clearCells(sheet, cells);
      const after = (await readAll(await book.toBytes())).snap.sheets;
      expect(after[1].rows).toEqual([
        ['名称', 'x', 'y', '备注'],
        ['甲', null, null, '留'],
        ['乙', null, null, ''],
        ['合计', 15, 16, ''],
      ]);
      expect(
        after[2].rows
          .slice(1)
          .flat()
          .every((v) => v === null),
      ).toBe(true);
      expect(after[0].rows).toEqual(snap.sheets[0].rows);
    }
  });

  it('empties a cell in place: its style stays, its value, formula and type go', async () => {
    const xml = `<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="2"><c r="B2" s="5" t="str"><f>1+2</f><v>3</v></c><c r="C2" s="6"><v>4</v></c></row></sheetData></worksheet>`;
    const { DOMParser, XMLSerializer } = await import('@xmldom/xmldom');
    const { clearCellValues } = await import('../src/hosts/xlsx/clear-cells');
    const doc = new DOMParser().parseFromString(xml, 'text/xml');
    expect(clearCellValues(doc, '评分表', [[1, 1]])).toEqual({ cleared: 1, formulas: 1 });
    expect(new XMLSerializer().serializeToString(doc)).toContain('<c r="B2" s="5"/><c r="C2" s="6"><v>4</v></c>');
  });

  it('drops the calculation chain when a formula was emptied (Excel rebuilds it; a stale one makes Excel repair the file)', async () => {
    const sheets: RawSheet[] = [
      {
        name: '评分表',
        rows: [
          ['名称', 'x'],
          ['甲', { f: '1+2', v: 3 }],
        ],
      },
    ];
    const zip = await JSZip.loadAsync(await rawXlsx(sheets, TIDY_STYLE));
    const relsPath = Object.keys(zip.files).find((n) => /xl\/_rels\/workbook\.xml\.rels$/i.test(n))!;
    const rels = await zip.file(relsPath)!.async('string');
    zip.file(
      relsPath,
      rels.replace(
        '</Relationships>',
        '<Relationship Id="rIdCalc" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/calcChain" Target="calcChain.xml"/></Relationships>',
      ),
    );
    zip.file(
      'xl/calcChain.xml',
      '<?xml version="1.0"?><calcChain xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><c r="B2" i="1"/></calcChain>',
    );
    const types = await zip.file('[Content_Types].xml')!.async('string');
    zip.file(
      '[Content_Types].xml',
      types.replace(
        '</Types>',
        '<Override PartName="/xl/calcChain.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml"/></Types>',
      ),
    );
    const book = await XlsxWorkbook.load(await zip.generateAsync({ type: 'uint8array' }));
    await book.clearCells('评分表', [[1, 1]]);
    const out = await JSZip.loadAsync(await book.toBytes());
    expect(out.file('xl/calcChain.xml')).toBeNull();
    expect(await out.file(relsPath)!.async('string')).not.toContain('calcChain');
    expect(await out.file('[Content_Types].xml')!.async('string')).not.toContain('calcChain');
  });

  it('refuses to empty a cell whose formula other cells share', async () => {
    const xml = `<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1"><f t="shared" ref="A1:A3" si="0">B1</f><v>1</v></c></row></sheetData></worksheet>`;
    const { DOMParser } = await import('@xmldom/xmldom');
    const { clearCellValues } = await import('../src/hosts/xlsx/clear-cells');
    const doc = new DOMParser().parseFromString(xml, 'text/xml');
    expect(() => clearCellValues(doc, '评分表', [[0, 0]])).toThrow(SharedFormulaCell);
  });
});
