// Shared helpers for tests: open workbooks from the project's examples and fixtures.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XlsxWorkbook } from '../src/hosts/xlsx/xlsx-workbook';
import { assess, findInputSheets, type Assessment } from '../src/engine/assess';
import type { CellValue, SheetData } from '../src/engine/types';

export const ROOT = join(__dirname, '..');
export const EXAMPLES = ['ex1-departments-30', 'ex2-staff-weighted-12', 'ex3-units-grouped-9', 'ex4-bad-input'];

export function examplePath(name: string): string {
  return join(ROOT, 'examples', `${name}.xlsx`);
}

export function expected(name: string): any {
  return JSON.parse(readFileSync(join(ROOT, 'test', 'fixtures', `${name}.expected.json`), 'utf8'));
}

export async function assessFile(path: string): Promise<Assessment> {
  const book = await XlsxWorkbook.load(readFileSync(path));
  const snap = await book.read((names) => Object.values(findInputSheets(names)));
  return assess({ fileTitle: 'test', sheetNames: snap.sheetNames, sheets: snap.sheets });
}

/** An in-memory workbook from sheets given as arrays. */
export function book(sheets: Record<string, CellValue[][]>): { sheetNames: string[]; sheets: SheetData[]; fileTitle: string } {
  return { fileTitle: 'test', sheetNames: Object.keys(sheets), sheets: Object.entries(sheets).map(([name, rows]) => ({ name, rows })) };
}
