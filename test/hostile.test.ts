// Hostile and damaged files, and the command's data safety: each gives a clear message and exit
// code, quickly, without a stack trace, and never loses data.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import JSZip from 'jszip';
import { scoreWorkbook } from '../src/app/score-workbook';
import { XlsxWorkbook } from '../src/hosts/xlsx/xlsx-workbook';
import { examplePath, makeBook, ROOT } from './helpers';
import { rawXlsx, TIDY_STYLE } from './raw-xlsx';

const BIN = join(ROOT, 'bin', 'kaoping.js');
const dir = mkdtempSync(join(tmpdir(), 'kaoping-hostile-'));
const opts = { fileTitle: 't', date: '2026-11-21' };

function kaoping(args: string[], timeout = 60_000) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: dir, encoding: 'utf8', timeout, env: { ...process.env, LANG: 'zh_CN.UTF-8', LC_ALL: '' } });
  return { code: r.status, out: r.stdout, err: r.stderr, signal: r.signal };
}
const sha = (p: string) => createHash('sha256').update(readFileSync(p)).digest('hex');

const SMALL = makeBook({
  indicators: [['x', 10]],
  grades: [['A', 50], ['B']],
  subjects: [
    ['甲', null, 9],
    ['乙', null, 8],
  ],
}).sheets;

/** The small workbook with its 评分表 part replaced by `xml` (compressed as given, or raw bytes). */
async function withSheetXml(xml: string | Uint8Array): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(await rawXlsx(SMALL, TIDY_STYLE));
  zip.file('xl/worksheets/sheet2.xml', xml);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 1 } });
}

const WS = '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
const HEADER = '<row r="1"><c r="A1" t="inlineStr"><is><t>名称</t></is></c><c r="B1" t="inlineStr"><is><t>x</t></is></c></row>';

function save(name: string, bytes: Uint8Array): string {
  const p = join(dir, name);
  writeFileSync(p, bytes);
  return p;
}

/** One short line, no stack trace (a large sheet's progress lines come before it). */
function plainFailure(r: ReturnType<typeof kaoping>, pattern: RegExp): void {
  expect(r.signal).toBeNull();
  expect(r.code).toBe(2);
  expect(r.err).toMatch(pattern);
  expect(
    r.err
      .trim()
      .split('\n')
      .filter((line) => !/^\[[█░]+\]/.test(line)),
  ).toHaveLength(1);
  expect(r.err).not.toMatch(/\n\s+at |Error:|FATAL|heap/);
}

beforeAll(() => {
  if (!existsSync(join(ROOT, 'build', 'src', 'cli', 'main.js'))) throw new Error('run `npm run build:cli` first (npm test does)');
});

describe('damaged and hostile files', () => {
  it.each([
    ['a cell reference past XFD', `${WS}${HEADER}<row r="2"><c r="ZZZZZZ2"><v>1</v></c></row></sheetData></worksheet>`],
    ['a row number of 2,000,000,000', `${WS}${HEADER}<row r="2000000000"><c><v>1</v></c></row></sheetData></worksheet>`],
    ['40,000 unclosed rows', `${WS}${HEADER}${'<row>'.repeat(40000)}</sheetData></worksheet>`],
    ['an impossible character reference', `${WS}${HEADER}<row r="2"><c r="A2" t="inlineStr"><is><t>&#0;</t></is></c></row></sheetData></worksheet>`],
    ['a shared string that does not exist', `${WS}${HEADER}<row r="2"><c r="A2" t="s"><v>99</v></c></row></sheetData></worksheet>`],
  ])('%s: exit 2, "工作簿已损坏", at once', async (name, xml) => {
    const p = save(`${name.replace(/\W+/g, '-')}.xlsx`, await withSheetXml(xml));
    const started = Date.now();
    plainFailure(kaoping(['score', p]), /工作簿已损坏/);
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('a corrupt deflate stream: exit 2, damaged', async () => {
    const good = await withSheetXml(`${WS}${HEADER}</sheetData></worksheet>`);
    const zip = await JSZip.loadAsync(good);
    const bytes = Buffer.from(good);
    // overwrite the middle of the sheet part's compressed data
    const at = bytes.indexOf(Buffer.from('xl/worksheets/sheet2.xml')) + 40;
    bytes.fill(0xff, at, at + 16);
    expect(zip.file('xl/worksheets/sheet2.xml')).not.toBeNull();
    plainFailure(kaoping(['score', save('deflate.xlsx', bytes)]), /工作簿已损坏/);
  });

  it('a part that inflates far past the limit stops at the limit, quickly and within memory', () => {
    // 300 MB of spaces between elements, about 300 KB compressed, written as a zip by hand
    const body = Buffer.alloc(300 * 1024 * 1024, 0x20);
    const part = Buffer.concat([Buffer.from(`${WS}${HEADER}`), body, Buffer.from('</sheetData></worksheet>')]);
    const p = save('bomb.xlsx', handZip(SMALL_PARTS, 'xl/worksheets/sheet2.xml', part));
    const started = Date.now();
    plainFailure(kaoping(['score', p], 120_000), /超出本工具的处理上限/);
    expect(Date.now() - started).toBeLessThan(60_000);
  });

  it('1,000,000 rows: exit 2 at the row limit, not after minutes', async () => {
    const rows: string[] = [];
    for (let r = 2; r <= 1_000_001; r++) rows.push(`<row r="${r}"><c r="A${r}" t="inlineStr"><is><t>u${r}</t></is></c><c r="B${r}"><v>5</v></c></row>`);
    const p = save('million.xlsx', await withSheetXml(`${WS}${HEADER}${rows.join('')}</sheetData></worksheet>`));
    const started = Date.now();
    plainFailure(kaoping(['score', p], 120_000), /100,000 行/);
    expect(Date.now() - started).toBeLessThan(60_000);
  });

  it('a commented-out row is no subject; CDATA names read as text', async () => {
    const xml = `${WS}${HEADER}<row r="2"><c r="A2" t="inlineStr"><is><t><![CDATA[甲]]></t></is></c><c r="B2"><v>9</v></c></row><!-- <row r="3"><c r="A3" t="inlineStr"><is><t>幽灵</t></is></c><c r="B3"><v>10</v></c></row> --><row r="4"><c r="A4" t="inlineStr"><is><t>乙</t></is></c><c r="B4"><v>8</v></c></row></sheetData></worksheet>`;
    const book = await XlsxWorkbook.load(await withSheetXml(xml));
    const run = await scoreWorkbook(book, opts);
    expect(run.ok).toBe(true);
    expect(run.assessment.subjects.map((s) => s.name)).toEqual(['甲', '乙']);
  });
});

describe('data safety', () => {
  it('a result sheet the user renamed or copied is the user’s from then on; a kaoping_ name cannot make a sheet the tool’s', async () => {
    const first = await XlsxWorkbook.load(readFileSync(examplePath('ex2-staff-weighted-12')));
    await scoreWorkbook(first, opts);
    // rename 结果汇总 to an archive name, the way Excel does it (names follow the sheet)
    const zip = await JSZip.loadAsync(await first.toBytes());
    let wb = await zip.file('xl/workbook.xml')!.async('string');
    wb = wb.replace('name="结果汇总"', 'name="2026Q3结果存档"').split("'结果汇总'!").join("'2026Q3结果存档'!");
    // and a name a user typed, pointing at 评分表
    wb = wb.replace('</definedNames>', '<definedName name="kaoping_groups">评分表!$A$1</definedName></definedNames>');
    zip.file('xl/workbook.xml', wb);
    const second = await XlsxWorkbook.load(await zip.generateAsync({ type: 'uint8array' }));
    expect(second.ownedSheets()).not.toContain('2026Q3结果存档');
    const run = await scoreWorkbook(second, opts);
    expect(run.ok).toBe(true);
    const names = second.sheetNames();
    expect(names).toContain('2026Q3结果存档');
    expect(names).toContain('评分表');
    expect(names.filter((n) => n === '结果汇总')).toHaveLength(1);
    const archive = await second.read(() => ['2026Q3结果存档']);
    expect(archive.sheets[0].rows.length).toBeGreaterThan(10);
  });

  it('scoring the output again gives the same sheets and does not grow styles.xml: the tenth file equals the second', async () => {
    let bytes: Uint8Array = readFileSync(examplePath('ex1-departments-30'));
    const outputs: Uint8Array[] = [];
    for (let i = 0; i < 10; i++) {
      const book = await XlsxWorkbook.load(bytes);
      await scoreWorkbook(book, opts);
      bytes = await book.toBytes();
      outputs.push(bytes);
    }
    const styles = async (b: Uint8Array) => (await JSZip.loadAsync(b)).file('xl/styles.xml')!.async('string');
    expect(await styles(outputs[9])).toBe(await styles(outputs[1]));
    expect(Buffer.from(outputs[9]).equals(Buffer.from(outputs[1]))).toBe(true);
  });

  it('part names are compared case-insensitively: no sheet4.xml beside Sheet4.xml', async () => {
    const zip = await JSZip.loadAsync(await rawXlsx(SMALL, TIDY_STYLE));
    const xml = await zip.file('xl/worksheets/sheet1.xml')!.async('uint8array');
    zip.remove('xl/worksheets/sheet1.xml');
    zip.file('xl/worksheets/SHEET4.xml', xml);
    const rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
    zip.file('xl/_rels/workbook.xml.rels', rels.replace('worksheets/sheet1.xml', 'worksheets/SHEET4.xml'));
    const types = await zip.file('[Content_Types].xml')!.async('string');
    zip.file('[Content_Types].xml', types.replace('/xl/worksheets/sheet1.xml', '/xl/worksheets/SHEET4.xml'));
    const book = await XlsxWorkbook.load(await zip.generateAsync({ type: 'uint8array' }));
    expect((await scoreWorkbook(book, opts)).ok).toBe(true);
    const out = Object.keys((await JSZip.loadAsync(await book.toBytes())).files).map((n) => n.toLowerCase());
    expect(new Set(out).size).toBe(out.length);
  });

  it('a UTF-16 workbook part is written back as well-formed UTF-8', async () => {
    const book = await XlsxWorkbook.load(await rawXlsx(SMALL, { ...TIDY_STYLE, encoding: 'utf-16le' }));
    await scoreWorkbook(book, opts);
    const zip = await JSZip.loadAsync(await book.toBytes());
    const wb = await zip.file('xl/workbook.xml')!.async('string');
    expect(wb.startsWith('<?xml version="1.0" encoding="UTF-8"')).toBe(true);
    expect((await XlsxWorkbook.load(await zip.generateAsync({ type: 'uint8array' }))).ownedSheets().length).toBeGreaterThan(0);
  });

  it('-o and --json naming one file is refused; an output kaoping did not write needs --force', () => {
    const input = join(dir, 'safe.xlsx');
    copyFileSync(examplePath('ex3-units-grouped-9'), input);
    const before = sha(input);
    plainFailure(kaoping(['score', input, '-o', 'same.xlsx', '--json', 'same.xlsx']), /--json 与 -o/);
    expect(existsSync(join(dir, 'same.xlsx'))).toBe(false);
    writeFileSync(join(dir, 'mine.xlsx'), 'my own file');
    plainFailure(kaoping(['score', input, '-o', 'mine.xlsx']), /不是本工具写出的/);
    expect(readFileSync(join(dir, 'mine.xlsx'), 'utf8')).toBe('my own file');
    writeFileSync(join(dir, 'notes.json'), '{"mine": true}');
    plainFailure(kaoping(['score', input, '--json', 'notes.json']), /不是本工具写出的/);
    expect(kaoping(['score', input, '-o', 'mine.xlsx', '--force']).code).toBe(0);
    // its own earlier output is replaced without --force
    expect(kaoping(['score', input, '-o', 'mine.xlsx', '--json', 'r.json']).code).toBe(0);
    expect(kaoping(['score', input, '-o', 'mine.xlsx', '--json', 'r.json']).code).toBe(0);
    expect(sha(input)).toBe(before);
  });

  it('no temporary file is left behind when the output cannot be written', () => {
    const input = join(dir, 'tmpcheck.xlsx');
    copyFileSync(examplePath('ex3-units-grouped-9'), input);
    const out = join(dir, 'blocked');
    mkdirSync(join(out, 'r.xlsx'), { recursive: true }); // a folder where the file should go
    const r = kaoping(['score', input, '-o', join(out, 'r.xlsx'), '--force']);
    expect(r.code).toBe(2);
    expect(readdirSync(out)).toEqual(['r.xlsx']);
  });

  it('terminal output never carries control characters from workbook text', async () => {
    const sheets = makeBook({
      indicators: [['x', 10]],
      grades: [['A', 50], ['B']],
      subjects: [
        ['甲_x001B_[31m红', null, 'x9'],
        ['乙\u202e', null, 'bad'],
      ],
    }).sheets;
    const p = save('ctrl.xlsx', await rawXlsx(sheets, TIDY_STYLE));
    const r = kaoping(['validate', p]);
    expect(r.code).toBe(1);
    expect(r.err + r.out).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e]/);
    expect(r.err).toContain('\\u202e');
    expect(r.err).toContain('\\u001b[31m');
  });

  it('text longer than a cell holds is cut at 32,767 characters with a visible mark', async () => {
    const long = '说明'.repeat(20_000); // 40,000 characters in 备注
    const sheets = makeBook({
      indicators: [['x', 10]],
      grades: [['A', 50], ['B']],
      subjects: [
        ['甲', null, 9],
        ['乙', null, 8],
      ],
      extraColumns: [{ header: '备注', values: [long] }],
    }).sheets;
    const book = await XlsxWorkbook.load(await rawXlsx(sheets, TIDY_STYLE));
    expect((await scoreWorkbook(book, opts)).ok).toBe(true);
    const out = await XlsxWorkbook.load(await book.toBytes());
    const summary = (await out.read(() => ['结果汇总'])).sheets[0].rows.flat();
    const note = summary.find((v) => typeof v === 'string' && v.startsWith('说明说明')) as string;
    expect(note.length).toBe(32_767);
    expect(note.endsWith('…〔已截断〕')).toBe(true);
  });

  it('errors print no subject count', () => {
    const input = join(dir, 'bad4.xlsx');
    copyFileSync(examplePath('ex4-bad-input'), input);
    const r = kaoping(['score', input, '-o', 'bad4-out.xlsx']);
    expect(r.code).toBe(1);
    expect(r.out).not.toMatch(/0 个考核对象/);
    expect(r.out).toMatch(/个错误/);
  });
});

// ---- a zip written by hand (so a test can make a part of any size without holding it twice) ----

const SMALL_PARTS: Record<string, string> = {};

beforeAll(async () => {
  const zip = await JSZip.loadAsync(await rawXlsx(SMALL, TIDY_STYLE));
  for (const [name, file] of Object.entries(zip.files)) if (!file.dir) SMALL_PARTS[name] = await file.async('string');
});

/** A stored-deflate zip of `parts` with `big` replacing one part; sizes and CRCs as a real writer sets them. */
function handZip(parts: Record<string, string>, bigName: string, big: Buffer): Uint8Array {
  const entries = Object.entries(parts).map(([name, text]) => [name, name === bigName ? big : Buffer.from(text)] as const);
  const local: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [name, data] of entries) {
    const compressed = deflateRawSync(data, { level: 1 });
    const nameBytes = Buffer.from(name);
    const crc = crc32(data);
    const head = Buffer.alloc(30);
    head.writeUInt32LE(0x04034b50, 0);
    head.writeUInt16LE(20, 4);
    head.writeUInt16LE(0x0800, 6);
    head.writeUInt16LE(8, 8);
    head.writeUInt32LE(crc, 14);
    head.writeUInt32LE(compressed.length, 18);
    head.writeUInt32LE(data.length, 22);
    head.writeUInt16LE(nameBytes.length, 26);
    local.push(head, nameBytes, compressed);
    const dirEntry = Buffer.alloc(46);
    dirEntry.writeUInt32LE(0x02014b50, 0);
    dirEntry.writeUInt16LE(20, 4);
    dirEntry.writeUInt16LE(20, 6);
    dirEntry.writeUInt16LE(0x0800, 8);
    dirEntry.writeUInt16LE(8, 10);
    dirEntry.writeUInt32LE(crc, 16);
    dirEntry.writeUInt32LE(compressed.length, 20);
    dirEntry.writeUInt32LE(data.length, 24);
    dirEntry.writeUInt16LE(nameBytes.length, 28);
    dirEntry.writeUInt32LE(offset, 42);
    central.push(dirEntry, nameBytes);
    offset += head.length + nameBytes.length + compressed.length;
  }
  const dirBytes = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dirBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...local, dirBytes, end]);
}

function crc32(data: Buffer): number {
  let table = crcTable;
  if (!table) {
    table = crcTable = new Int32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      table[n] = c;
    }
  }
  let crc = -1;
  for (let i = 0; i < data.length; i++) crc = table[(crc ^ data[i]) & 0xff] ^ (crc >>> 8);
  return (crc ^ -1) >>> 0;
}
let crcTable: Int32Array | null = null;
