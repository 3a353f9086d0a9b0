// Any valid way of writing the same workbook reads the same: the property, over random workbooks
// and random XML styles, that the results never change.
import fc from 'fast-check';
import { generate } from '../bench/generate';
import { workbookOptions } from './arbitraries';
import { resultJson } from '../src/app/result-json';
import { scoreWorkbook } from '../src/app/score-workbook';
import { assess } from '../src/engine/assess';
import { XlsxWorkbook } from '../src/hosts/xlsx/xlsx-workbook';
import { rawXlsx, TIDY_STYLE, type XmlStyle } from './raw-xlsx';

const styles: fc.Arbitrary<XmlStyle> = fc.record({
  quote: fc.constantFrom<'"' | "'">('"', "'"),
  spaced: fc.boolean(),
  prefix: fc.constantFrom<'' | 'x:'>('', 'x:'),
  sharedStrings: fc.boolean(),
  comments: fc.boolean(),
  cdata: fc.boolean(),
  pis: fc.boolean(),
  encoding: fc.constantFrom<XmlStyle['encoding']>('utf-8', 'utf-8-bom', 'utf-16le', 'utf-16be'),
  strict: fc.boolean(),
  noRefs: fc.boolean(),
  minimalStyles: fc.boolean(),
  charRefs: fc.boolean(),
  indent: fc.boolean(),
});

const workbooks = workbookOptions({ subjects: 25, indicators: 5, dimensions: 2, groups: 3 });

describe('XML written in any valid style', () => {
  it('never changes a result', async () => {
    await fc.assert(
      fc.asyncProperty(workbooks, styles, async (o, style) => {
        const g = generate(o);
        const expected = resultJson({ ...noWrite(assess({ fileTitle: 'gen', sheetNames: g.sheetNames, sheets: g.sheets })) }, 'zh');
        const book = await XlsxWorkbook.load(await rawXlsx(g.sheets, style));
        const run = await scoreWorkbook(book, { fileTitle: 'gen', date: '2026-01-01' });
        expect(resultJson(run, 'zh')).toEqual(expected);
        // the output is a package any reader takes again, with the same results
        const again = await scoreWorkbook(await XlsxWorkbook.load(await book.toBytes()), { fileTitle: 'gen', date: '2026-01-01' });
        expect(resultJson(again, 'zh')).toEqual(expected);
      }),
      { numRuns: 40 },
    );
  });

  it('reads each style feature alone (a failure names the feature)', async () => {
    const g = generate({ subjects: 12, indicators: 4, dimensions: 2, groups: 2, perGroup: true, seed: 7, eventShare: 0.3 });
    const expected = resultJson(noWrite(assess({ fileTitle: 'gen', sheetNames: g.sheetNames, sheets: g.sheets })), 'zh');
    const variants: Partial<XmlStyle>[] = [
      { quote: "'" },
      { spaced: true },
      { prefix: 'x:' },
      { sharedStrings: false },
      { comments: true },
      { cdata: true },
      { pis: true },
      { encoding: 'utf-16le' },
      { encoding: 'utf-16be' },
      { encoding: 'utf-8-bom' },
      { strict: true },
      { noRefs: true },
      { minimalStyles: true },
      { charRefs: true },
      { indent: true },
    ];
    for (const v of variants) {
      const run = await scoreWorkbook(await XlsxWorkbook.load(await rawXlsx(g.sheets, { ...TIDY_STYLE, ...v })), { fileTitle: 'gen', date: '2026-01-01' });
      expect([JSON.stringify(v), resultJson(run, 'zh')]).toEqual([JSON.stringify(v), expected]);
    }
  });
});

function noWrite(assessment: ReturnType<typeof assess>) {
  return { assessment, issues: assessment.issues, ok: assessment.ok, written: null };
}
