// A new workbook from a preset (the command's `template`, the browser page's start screen).
import { XlsxWorkbook } from '../hosts/xlsx/xlsx-workbook';
import type { EntryMaker } from '../hosts/xlsx/package';
import { templateSheets, type Preset } from '../report/templates';

export interface TemplateBook {
  readonly book: XlsxWorkbook;
  /** the sheets the user fills in (考核方案 first and 加减分 last are already laid out) */
  readonly toFill: readonly string[];
}

export async function templateBook(preset: Preset, entry?: EntryMaker): Promise<TemplateBook> {
  const book = XlsxWorkbook.create(entry);
  const sheets = templateSheets(preset);
  await book.addSheets(sheets);
  return { book, toFill: sheets.slice(1, -1).map((s) => s.name) };
}

/** The file name a blank workbook is saved under: the preset's 考核名称. */
export function templateFileName(preset: Preset): string {
  const title = preset.settings.find(([k]) => k === '考核名称')?.[1];
  return `${typeof title === 'string' && title ? title : preset.name}.xlsx`;
}
