import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { generate, toXlsx } from './generate';
import { XlsxWorkbook } from '../src/hosts/xlsx/xlsx-workbook';
import { findInputSheets, assess } from '../src/engine/assess';
import { buildResultSheets } from '../src/report/sheets';
(async () => {
  const f = '/tmp/b5000.xlsx';
  if (!existsSync(f)) {
    const g = generate({ subjects: 5000, indicators: 40, dimensions: 4, groups: 10, perGroup: true, seed: 1, settings: [['输出', '无']] });
    writeFileSync(f, await toXlsx(g));
  }
  const bytes = readFileSync(f);
  let t = Date.now();
  const book = await XlsxWorkbook.load(bytes); console.log('load', Date.now() - t); t = Date.now();
  const snap = await book.read((n) => Object.values(findInputSheets(n))); console.log('read', Date.now() - t); t = Date.now();
  const a = assess({ fileTitle: 'b', sheetNames: snap.sheetNames, sheets: snap.sheets }); console.log('assess', Date.now() - t, a.ok); t = Date.now();
  const specs = buildResultSheets(a, { date: 'd' }, [], 'b'); console.log('specs', Date.now() - t); t = Date.now();
  await book.writeResults(specs); console.log('write', Date.now() - t); t = Date.now();
  const out = await book.toBytes(); console.log('toBytes', Date.now() - t, out.length);
})();
