// Makes the annual example: four quarterly workbooks of the 市直单位 preset (examples/quarters/),
// then `kaoping combine` builds examples/ex5-annual-4-quarters.xlsx from them. Run after
// `npm run build:cli`; the scores are fixed numbers, so the files come out the same every time.
const { execFileSync } = require('node:child_process');
const { writeFileSync } = require('node:fs');
const { join } = require('node:path');
const { XlsxWorkbook } = require('../build/src/hosts/xlsx/xlsx-workbook');
const { findPreset, templateSheets, valuesSheet } = require('../build/src/report/templates');

const ROOT = join(__dirname, '..');
const QUARTERS = ['第一季度', '第二季度', '第三季度', '第四季度'];
const preset = findPreset('departments');
const units = [...preset.subjects, ['市数据局', '经济组']];
// points per indicator (40/25/10/10/15): a steady pattern with a little movement per quarter
const score = (u, q, i, max) => Math.min(max, Math.round((max * (0.78 + ((u * 7 + q * 3 + i * 5) % 19) / 100)) * 2) / 2);

(async () => {
  for (let q = 0; q < 4; q++) {
    const sheets = templateSheets({
      ...preset,
      settings: preset.settings.map(([k, v]) => (k === '考核期间' ? [k, `2026年${QUARTERS[q]}`] : k === '考核名称' ? [k, '2026年度市直单位绩效考核'] : [k, v])),
    });
    // 市数据局 was set up in the third quarter
    const present = units.filter(([name]) => name !== '市数据局' || q >= 2);
    const header = sheets[1].cells[0];
    const rows = present.map(([name, group], u) => [u + 1, name, group, ...preset.indicators.map(([, , , max], i) => score(units.findIndex(([n]) => n === name), q, i, max)), null]);
    sheets[1] = { ...sheets[1], cells: [header, ...rows] };
    const events = [
      [['市财政局', '加分', '表彰奖励', 2, null, '获省级表彰', '省政府通报', null]],
      [['市教育局', '扣分', '通报批评', 1.5, null, '督查通报', '市督查室', null]],
      [['市财政局', '加分', '表彰奖励', 2, null, '再获表彰', '', null]],
      [['市民政局', '扣分', '通报批评', 1, null, '信访事项办理超时', '', null]],
    ][q];
    sheets[2] = valuesSheet('加减分', [sheets[2].cells[0], ...events], 0);
    const book = XlsxWorkbook.create();
    await book.addSheets(sheets);
    const chunks = [];
    await book.writeTo((c) => chunks.push(Buffer.from(c)));
    writeFileSync(join(ROOT, 'examples', 'quarters', `2026-Q${q + 1}.xlsx`), Buffer.concat(chunks));
  }
  const files = [1, 2, 3, 4].map((q) => join('examples', 'quarters', `2026-Q${q}.xlsx`));
  execFileSync('node', ['bin/kaoping.js', 'combine', ...files, '-o', join('examples', 'ex5-annual-4-quarters.xlsx'), '--force', '--lang', 'zh'], { cwd: ROOT, stdio: 'inherit' });
})();
