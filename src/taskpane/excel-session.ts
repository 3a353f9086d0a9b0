// Inside Excel: the open workbook through Office.js.
import { ExcelWorkbook } from '../hosts/excel/excel-workbook';
import { resultSheetName } from '../report/spec';
import { onPage, type PaneSession } from './session';

export async function openExcelSession(): Promise<PaneSession> {
  const book = new ExcelWorkbook(
    (batch) => Excel.run({ delayForCellEdit: true }, batch),
    (version) => Office.context.requirements.isSetSupported('ExcelApi', version),
  );
  const title = await Excel.run(async (context) => {
    const wb = context.workbook.load('name');
    await context.sync();
    return wb.name.replace(/\.xls[xmb]?$/i, '');
  }).catch(() => '');
  return {
    mode: 'excel',
    title,
    port: book,
    ...onPage(book, title, async (outcome) => {
      const summary = resultSheetName('summary');
      await book.activate(outcome.written.includes(summary) ? summary : outcome.written[outcome.written.length - 1]);
      return '';
    }),
    selectCell: (sheet, cell) => book.select(sheet, cell),
    markCells: (cells) => book.markCells(cells),
    renameSheet: (from, to) => book.renameSheet(from, to),
  };
}
