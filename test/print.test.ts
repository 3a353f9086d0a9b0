import { readFileSync } from 'node:fs';
import { scoreWorkbook } from '../src/app/score-workbook';
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
    const { pages, sizes } = render(
      await summaryOnly(await toXlsx(generate({ subjects: 90, indicators: 8, dimensions: 4, groups: 3, perGroup: false, seed: 3 }))),
      'generated-summary',
    );
    expect(pages.length).toBeGreaterThanOrEqual(2);
    for (const size of [...sizes, ...ex1.sizes]) expect(isA4(size)).toBe(true);
    expect(pages[0]).toContain('生成 90×8 结果汇总');
    const headerOf = (text: string) => text.split('\n').find((l) => l.includes('排名') && l.includes('名称') && l.includes('总分'));
    expect(headerOf(ex1.pages[0])).toBeDefined();
    expect(headerOf(pages[0])).toBeDefined();
    expect(headerOf(pages[1])).toBeDefined();
    // the title line (考核名称, 考核期间, 制表单位) and the header on every page, numbered from 1
    expect(pages[1]).toContain('生成 90×8 结果汇总');
    expect(pages[0]).toMatch(/第\s*1\s*页/);
    expect(pages[1]).toMatch(/第\s*2\s*页/);
    expect(pages.join('')).not.toMatch(/共\s*\d+\s*页/);
    // dates in Chinese form
    expect(ex1.pages[0]).toContain('日期：2026年11月21日');
  });
});

const RESULT_NAMES = ['结果汇总', '分组排名', '等次分布', '结果公示', '指标分析', '成绩单', '校验报告'];

/** Which sheet each printed page belongs to: a result sheet starts on a page with its title. */
function pagesBySheet(pages: string[], title: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  let current = '(input)';
  for (const text of pages) {
    // a sheet's title is `考核名称 结果汇总`; the posted notice's heading reads `考核名称结果公示`
    const starts = RESULT_NAMES.find((n) => text.replace(/\s+/g, '').includes(`${title}${n}`.replace(/\s+/g, '')));
    if (starts) current = starts;
    out.set(current, [...(out.get(current) ?? []), text]);
  }
  return out;
}

describe.each(['ex1-departments-30', 'ex2-staff-weighted-12', 'ex3-units-grouped-9'])('printed results of %s', (name) => {
  maybe('are A4 throughout, with a header on every 结果汇总 page, a 成绩单 page per subject and Chinese text', async () => {
    const book = await XlsxWorkbook.load(readFileSync(examplePath(name)));
    const run = await scoreWorkbook(book, { fileTitle: name, date: '2026-11-21' });
    expect(run.ok).toBe(true);
    const { pages, sizes } = render(await book.toBytes(), name, 99);
    for (const size of sizes) expect(isA4(size)).toBe(true);
    const title = run.assessment.scheme!.settings.title;
    const bySheet = pagesBySheet(pages, title);
    const expectedSheets = RESULT_NAMES.filter((n) => n !== '分组排名' || run.assessment.hasGroups);
    expect([...bySheet.keys()].filter((k) => k !== '(input)')).toEqual(expectedSheets);
    for (const page of bySheet.get('结果汇总')!) expect(page).toMatch(/排名\s+名称/);
    const reports = bySheet.get('成绩单')!;
    expect(reports.length).toBe(run.assessment.subjects.length);
    for (const s of run.assessment.subjects) expect(reports.filter((p) => new RegExp(`(^|\\s)${s.name}\\s+考核成绩单`).test(p)).length).toBe(1);
    for (const page of reports) expect(page).toMatch(/总分[\s\S]*排名[\s\S]*等次/);
    // every page of every result sheet carries the title; each sheet is numbered from 1, and
    // 成绩单 (a page per subject) says its own page count
    for (const [sheet, sheetPages] of bySheet) {
      if (sheet === '(input)') continue;
      sheetPages.forEach((page, k) => {
        expect(page.replace(/\s+/g, '')).toContain(`${title}${sheet}`.replace(/\s+/g, ''));
        expect(page).toMatch(new RegExp(`第\\s*${k + 1}\\s*页`));
      });
    }
    reports.forEach((page) => expect(page).toMatch(new RegExp(`共\\s*${reports.length}\\s*页`)));
    // Chinese dates, and no printed line starting with closing punctuation
    expect(bySheet.get('结果汇总')!.join('')).toMatch(/日期：2026年11月21日/);
    for (const page of pages) for (const line of page.split('\n')) expect(line.trim()).not.toMatch(/^[。，、；：？！）」』】》]/);
    expect(bySheet.get('指标分析')!.join('')).toContain('得分率');
    expect(bySheet.get('结果公示')!.join('')).toContain(run.assessment.subjects[0].name);
  });
});
