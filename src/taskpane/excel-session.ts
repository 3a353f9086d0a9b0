// Inside Excel: the open workbook through Office.js.
import { combineFiles } from '../app/combine';
import { nextPeriodFile } from '../app/next-period';
import { ExcelWorkbook } from '../hosts/excel/excel-workbook';
import { resultSheetName } from '../report/spec';
import { documentBytes, openAsNewWorkbook } from './excel-files';
import { onPage, type CombinePeriods, type PaneSession } from './session';

/** Excel.createWorkbook: the next period's and the combined workbooks open in a window of their own. */
const NEW_WORKBOOK_API = '1.8';

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
  const canOpenFiles = Office.context.requirements.isSetSupported('ExcelApi', NEW_WORKBOOK_API);
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
    // made from the workbook as Excel has it now (also unsaved edits), on the page: it is small
    ...(canOpenFiles && Office.context.requirements.isSetSupported('File', '1.1')
      ? {
          async nextPeriod() {
            const { next, bytes } = await nextPeriodFile(await documentBytes(), title);
            if (bytes) await openAsNewWorkbook(bytes);
            return next;
          },
        }
      : {}),
  };
}

/** 合并各期 in Excel: the annual workbook opens in a new window (ExcelApi 1.8); undefined before that. */
export function excelCombine(): CombinePeriods | undefined {
  if (!Office.context.requirements.isSetSupported('ExcelApi', NEW_WORKBOOK_API)) return undefined;
  return async (files) => {
    const combined = await combineFiles(files);
    if (!combined.ok) return { issues: combined.issues, written: null };
    await openAsNewWorkbook(combined.bytes);
    return { issues: combined.issues, written: '' };
  };
}
