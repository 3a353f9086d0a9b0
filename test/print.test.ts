import { readFileSync } from 'node:fs';
import { assess, findInputSheets } from '../src/engine/assess';
import { XlsxWorkbook } from '../src/hosts/xlsx/xlsx-workbook';
import { buildResultSheets } from '../src/report/sheets';
import { generate, toXlsx } from '../bench/generate';
import { examplePath } from './helpers';
import { isA4, printToolsPresent, render } from './render';

const present = printToolsPresent();
const maybe = present ? it : it.skip;
if (!present) console.warn('print tests skipped: install libreoffice-calc and poppler-utils (CI fails instead)');

/** Only the 结果汇总 of a workbook, in a workbook of its own, so page 1 is its first page. */
async function summaryOnly(bytes: Uint8Array): Promise<Uint8Array> {
  const input = await XlsxWorkbook.load(bytes);
  const snap = await input.read((names) => Object.values(findInputSheets(names)));
  const a = assess({ fileTitle: 'x', sheetNames: snap.sheetNames, sheets: snap.sheets });
  const out = XlsxWorkbook.create();
  await out.writeResults(buildResultSheets(a, { date: '2026-11-21' }).filter((s) => s.role === 'summary'));
  return out.toBytes();
}

describe('printed 结果汇总', () => {
  maybe('has the title and header on page 1 and the header again on page 2, on A4', async () => {
    const ex1 = render(await summaryOnly(readFileSync(examplePath('ex1-departments-30'))), 'ex1-summary');
    expect(ex1.pages[0]).toContain('2026年第三季度市直单位绩效考核 结果汇总');
    expect(ex1.pages[0]).toContain('制表单位：市绩效考评办公室');
    const { pages, sizes } = render(await summaryOnly(await toXlsx(generate({ subjects: 90, indicators: 8, dimensions: 4, groups: 3, perGroup: false, seed: 3 }))), 'generated-summary');
    expect(pages.length).toBeGreaterThanOrEqual(2);
    for (const size of [...sizes, ...ex1.sizes]) expect(isA4(size)).toBe(true);
    expect(pages[0]).toContain('生成 90×8 结果汇总');
    const headerOf = (text: string) => text.split('\n').find((l) => l.includes('排名') && l.includes('名称') && l.includes('总分'));
    expect(headerOf(ex1.pages[0])).toBeDefined();
    expect(headerOf(pages[0])).toBeDefined();
    expect(headerOf(pages[1])).toBeDefined();
    expect(pages[1]).not.toContain('结果汇总'); // the title is not repeated, only the header row
    expect(pages[0]).toMatch(/第\s*1\s*页\s*共\s*\d+\s*页/);
  });
});
