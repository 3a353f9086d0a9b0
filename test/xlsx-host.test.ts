import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { readFileSync } from 'node:fs';
import { scoreWorkbook } from '../src/app/score-workbook';
import { WorkbookOpenError, XlsxWorkbook } from '../src/hosts/xlsx/xlsx-workbook';
import { compressedParts } from '../src/hosts/xlsx/zip-directory';
import { inflateSync } from 'fflate';
import { examplePath, userSheet } from './helpers';

const opts = { fileTitle: 't', date: '2026-11-21' };

const load = (name: string) => XlsxWorkbook.load(readFileSync(examplePath(name)));

/** Every cell of a sheet: address → value and style, for cell-for-cell comparison. */
function cellsOf(ws: ExcelJS.Worksheet): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  ws.eachRow({ includeEmpty: true }, (row) => row.eachCell({ includeEmpty: true }, (c) => (out[c.address] = { v: c.value, s: c.style, t: c.type })));
  return out;
}

describe('xlsx host', () => {
  it('writes the result sheets after the input sheets and keeps the input sheets cell for cell', async () => {
    const book = await load('ex3-units-grouped-9');
    const run = await scoreWorkbook(book, opts);
    expect(run.ok).toBe(true);
    expect(book.sheetNames()).toEqual(['考核方案', '评分表', '加减分', '结果汇总', '分组排名', '等次分布', '结果公示', '指标分析', '成绩单', '校验报告']);
    const out = new ExcelJS.Workbook();
    await out.xlsx.load((await book.toBytes()) as unknown as ArrayBuffer);
    const original = new ExcelJS.Workbook();
    await original.xlsx.load(readFileSync(examplePath('ex3-units-grouped-9')) as unknown as ArrayBuffer);
    for (const name of ['考核方案', '评分表', '加减分']) expect(cellsOf(out.getWorksheet(name)!)).toEqual(cellsOf(original.getWorksheet(name)!));
  });

  it('replaces its own result sheets on the next run and removes ones no longer produced', async () => {
    const book = await load('ex1-departments-30');
    await scoreWorkbook(book, opts);
    const again = await XlsxWorkbook.load(await book.toBytes());
    expect(again.ownedSheets().sort()).toEqual(['分组排名', '校验报告', '等次分布', '结果汇总', '结果公示', '指标分析', '成绩单'].sort());
    const r = await scoreWorkbook(again, opts);
    expect(r.written!.written).toEqual(['结果汇总', '分组排名', '等次分布', '结果公示', '指标分析', '成绩单', '校验报告']);
    expect(again.sheetNames().filter((n) => n === '结果汇总')).toHaveLength(1);
  });

  it('opens on 结果汇总: the tab the user left selected is unselected, the rest of that sheet kept byte for byte', async () => {
    const zip = await JSZip.loadAsync(readFileSync(examplePath('ex3-units-grouped-9')));
    const part = 'xl/worksheets/sheet2.xml';
    // as Excel saves it with 评分表 showing, in another program's style (prefix-free, single quotes, spaces)
    const original = (await zip.file(part)!.async('string')).replace('<sheetView workbookViewId="0">', "<sheetView  tabSelected = '1' workbookViewId='0' >");
    zip.file(part, original);
    zip.file('xl/workbook.xml', (await zip.file('xl/workbook.xml')!.async('string')).replace('activeTab="0"', 'activeTab="1"'));
    const book = await XlsxWorkbook.load(await zip.generateAsync({ type: 'uint8array' }));
    await scoreWorkbook(book, opts);
    const out = await JSZip.loadAsync(await book.toBytes());
    const workbook = await out.file('xl/workbook.xml')!.async('string');
    expect(workbook).toMatch(/activeTab="3"/); // 考核方案 评分表 加减分 | 结果汇总
    const views = await Promise.all(
      Object.keys(out.files)
        .filter((f) => /^xl\/worksheets\/sheet\d+\.xml$/.test(f))
        .map(async (f) => [f, /tabSelected\s*=\s*["'](1|true)/.test(await out.file(f)!.async('string'))] as const),
    );
    const rid = workbook.match(/<sheet name="结果汇总"[^>]*r:id="(rId\d+)"/)![1];
    const target = (await out.file('xl/_rels/workbook.xml.rels')!.async('string')).match(new RegExp(`Id="${rid}"[^>]*Target="/?(?:xl/)?([^"]+)"`))![1];
    expect(views.filter(([, selected]) => selected).map(([f]) => f)).toEqual([`xl/${target}`]);
    const kept = await out.file(part)!.async('string');
    expect(kept).toBe(original.replace("<sheetView  tabSelected = '1' workbookViewId='0' >", "<sheetView workbookViewId='0' >"));
  });

  it('unselects a UTF-16 sheet too, writing it again as UTF-8 with the same cells', async () => {
    const zip = await JSZip.loadAsync(readFileSync(examplePath('ex3-units-grouped-9')));
    const part = 'xl/worksheets/sheet2.xml';
    const text = ('<?xml version="1.0" encoding="UTF-16"?>' + (await zip.file(part)!.async('string'))).replace(
      '<sheetView workbookViewId="0">',
      '<sheetView tabSelected="1" workbookViewId="0">',
    );
    zip.file(part, new Uint8Array([0xff, 0xfe, ...new Uint8Array(Buffer.from(text, 'utf16le'))]));
    const book = await XlsxWorkbook.load(await zip.generateAsync({ type: 'uint8array' }));
    const before = await book.read(() => ['评分表']);
    await scoreWorkbook(book, opts);
    const out = await JSZip.loadAsync(await book.toBytes());
    const written = await out.file(part)!.async('string');
    expect(written.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
    expect(written).not.toMatch(/tabSelected/);
    const after = await (await XlsxWorkbook.load(await book.toBytes())).read(() => ['评分表']);
    expect(after.sheets).toEqual(before.sheets);
  });

  it('never overwrites a sheet of a result name that it did not write', async () => {
    const book = await load('ex1-departments-30');
    await book.addSheets([userSheet('结果汇总')]);
    const r = await scoreWorkbook(book, opts);
    expect(r.ok).toBe(false);
    expect(r.issues.map((i) => i.code)).toContain('sheet-name-taken');
    const again = await XlsxWorkbook.load(await book.toBytes());
    expect((await again.read(() => ['结果汇总'])).sheets[0].rows).toEqual([['我的表']]);
    expect(again.sheetNames()).toEqual(['考核方案', '评分表', '加减分', '结果汇总', '校验报告']);
    const blocked = await load('ex1-departments-30');
    await blocked.addSheets([userSheet('校验报告')]);
    const r2 = await scoreWorkbook(blocked, opts);
    expect(r2.written).toBeNull();
  });

  it('writes text that looks like a formula as text', async () => {
    const book = await load('ex4-bad-input');
    const run = await scoreWorkbook(book, opts);
    expect(run.ok).toBe(false);
    const wb = XlsxWorkbook.create();
    await wb.writeResults([
      {
        ...(await import('../src/report/sheets')).validationSheet(run.assessment, { date: 'x' }),
        cells: [['=HYPERLINK("http://x")', '+1', '-2', '@a']],
        merges: [],
      },
    ]);
    const out = new ExcelJS.Workbook();
    await out.xlsx.load((await wb.toBytes()) as unknown as ArrayBuffer);
    const row = out.getWorksheet('校验报告')!.getRow(1);
    expect([1, 2, 3, 4].map((c) => row.getCell(c).value)).toEqual(['=HYPERLINK("http://x")', '+1', '-2', '@a']);
    expect(row.getCell(1).type).toBe(ExcelJS.ValueType.String);
  });

  it('writes a sheet of several megabytes cell for cell: text of every width, numbers, blanks, and markup across block edges', async () => {
    // rows of Chinese, edge spaces, escapes, characters outside the BMP and long texts, so that
    // many pieces of markup and text straddle the writer's 1 MB blocks
    const texts = ['市教育局', ' 前后空格 ', 'a<b & "c"', '𠀀𠀁 扩展区', '=SUM(A1)', 'x'];
    const rows: (string | number)[][] = [];
    for (let r = 0; r < 30000; r++) {
      const text = r % 50 === 0 ? '长'.repeat(3000) : texts[r % texts.length];
      rows.push([text, r / 7 - 7, r % 5 === 0 ? '' : `第${r}行`, 1e21 + r, r / 13, -(r + 1) / 3]);
    }
    const wb = XlsxWorkbook.create();
    await wb.addSheets([userSheet('大表', rows)]);
    const bytes = await wb.toBytes();
    const back = await XlsxWorkbook.load(bytes);
    const read = (await back.read(() => ['大表'])).sheets[0].rows;
    expect(read.length).toBe(rows.length);
    rows.forEach((row, r) => expect(read[r].map((v) => (v === null ? '' : v))).toEqual(row));
  });

  it('carries every other part of the package over byte for byte (charts, pivot tables, macros, images)', async () => {
    const zip = await JSZip.loadAsync(readFileSync(examplePath('ex1-departments-30')));
    // binary parts with every byte value, as a VBA project (OLE compound file) and a PNG are
    const binary = (head: number[]) => Uint8Array.from([...head, ...Array.from({ length: 4096 }, (_, i) => (i * 131 + 7) % 256)]);
    const extra: Record<string, string | Uint8Array> = {
      'xl/charts/chart1.xml': '<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart"/>',
      'xl/pivotTables/pivotTable1.xml': '<pivotTableDefinition/>',
      'xl/vbaProject.bin': binary([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
      'xl/media/image1.png': binary([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    };
    for (const [path, content] of Object.entries(extra)) zip.file(path, content);
    const types = await zip.file('[Content_Types].xml')!.async('string');
    const vba = '<Override PartName="/xl/vbaProject.bin" ContentType="application/vnd.ms-office.vbaProject"/>';
    zip.file('[Content_Types].xml', types.replace('</Types>', `${vba}</Types>`));
    const rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
    const vbaRel = '<Relationship Id="rIdVba" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/>';
    zip.file('xl/_rels/workbook.xml.rels', rels.replace('</Relationships>', `${vbaRel}</Relationships>`));
    const input = await zip.generateAsync({ type: 'uint8array' });
    const book = await XlsxWorkbook.load(input);
    await scoreWorkbook(book, opts);
    const out = await JSZip.loadAsync(await book.toBytes());
    const before = await JSZip.loadAsync(input);
    const edited = new Set(['xl/workbook.xml', 'xl/_rels/workbook.xml.rels', '[Content_Types].xml', 'xl/styles.xml']);
    for (const path of Object.keys(before.files)) {
      if (edited.has(path) || before.files[path].dir) continue;
      expect([path, await out.file(path)!.async('uint8array')]).toEqual([path, await before.file(path)!.async('uint8array')]);
    }
    // the edited parts still point at the macros
    expect(await out.file('[Content_Types].xml')!.async('string')).toContain('PartName="/xl/vbaProject.bin"');
    expect(await out.file('xl/_rels/workbook.xml.rels')!.async('string')).toContain('Target="vbaProject.bin"');
  });

  it('copies the deflated bytes of every part it leaves as it is, also after a zip comment and with a data descriptor', async () => {
    const zip = await JSZip.loadAsync(readFileSync(examplePath('ex1-departments-30')));
    zip.file(
      'xl/media/图片1.png',
      Uint8Array.from({ length: 20_000 }, (_, i) => (i * 7919) % 251),
    );
    const input = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', streamFiles: true, comment: '由其他程序保存' });
    const book = await XlsxWorkbook.load(input);
    await scoreWorkbook(book, opts);
    const output = await book.toBytes();
    const before = compressedParts(input);
    const after = compressedParts(output);
    const edited = new Set(['xl/workbook.xml', 'xl/_rels/workbook.xml.rels', '[content_types].xml', 'xl/styles.xml']);
    const kept = [...before.keys()].filter((name) => !edited.has(name));
    expect(kept).toContain('xl/media/图片1.png');
    expect(kept).toContain('xl/worksheets/sheet1.xml');
    for (const name of kept) {
      const [was, is] = [before.get(name)!, after.get(name)!];
      expect([name, is.crc, is.size]).toEqual([name, was.crc, was.size]);
      expect(Buffer.from(output.subarray(is.start, is.end)).equals(Buffer.from(input.subarray(was.start, was.end)))).toBe(true);
    }
    // and another zip implementation reads the copies
    const out = await JSZip.loadAsync(output);
    expect(await out.file('xl/media/图片1.png')!.async('uint8array')).toEqual(await zip.file('xl/media/图片1.png')!.async('uint8array'));
  });

  it('finds deflated parts in the zip directory, and leaves out what it cannot copy plainly', async () => {
    const zip = new JSZip();
    zip.file('a.xml', '<a>' + 'x'.repeat(5000) + '</a>', { compression: 'DEFLATE' });
    zip.file('stored.bin', 'plain', { compression: 'STORE' });
    const bytes = await zip.generateAsync({ type: 'uint8array' });
    const parts = compressedParts(bytes);
    expect([...parts.keys()]).toEqual(['a.xml']);
    const a = parts.get('a.xml')!;
    expect(a.size).toBe(5007);
    expect(new TextDecoder().decode(inflateSync(bytes.subarray(a.start, a.end)))).toBe('<a>' + 'x'.repeat(5000) + '</a>');
    // a directory entry pointing at something that is not a local header: not copied
    const broken = bytes.slice();
    broken[0] = 0;
    expect(compressedParts(broken).size).toBe(0);
    // no end record at all
    expect(compressedParts(bytes.subarray(0, bytes.length - 22)).size).toBe(0);
  });

  it('refuses encrypted, non-zip and broken files with a reason', async () => {
    const reason = async (bytes: Uint8Array) =>
      XlsxWorkbook.load(bytes).then(
        () => 'opened',
        (e: WorkbookOpenError) => e.reason,
      );
    expect(await reason(Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))).toBe('encrypted-or-xls');
    expect(await reason(new TextEncoder().encode('名称,分数\n甲,1'))).toBe('not-xlsx');
    expect(await reason(Uint8Array.from([0x50, 0x4b, 3, 4, 1, 2, 3]))).toBe('corrupt');
  });
});
