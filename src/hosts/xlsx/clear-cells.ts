// Empties cells of a worksheet part in place (the next period's workbook): a cell keeps its style
// and its place, loses its value and formula. Rows and cells are found as the reader finds them,
// with or without their optional references.
import type { Document, Element } from '@xmldom/xmldom';
import { parseAddress } from '../../engine/cells';
import { childElements } from './xml';

/** A cell whose formula other cells share, or an array formula's anchor: emptying it would break them. */
export class SharedFormulaCell extends Error {
  constructor(
    readonly sheet: string,
    readonly cell: string,
  ) {
    super(`${sheet}!${cell} holds a formula other cells share`);
  }
}

const key = (r: number, c: number) => r * 16384 + c;

/** Empties the cells of `sheet` at 0-based [row, column]; says how many held something, and how many a formula. */
export function clearCellValues(doc: Document, sheet: string, cells: readonly (readonly [number, number])[]): { cleared: number; formulas: number } {
  const wanted = new Set(cells.map(([r, c]) => key(r, c)));
  const data = childElements(doc.documentElement!, 'sheetData')[0];
  if (!data || wanted.size === 0) return { cleared: 0, formulas: 0 };
  let cleared = 0;
  let formulas = 0;
  let r = -1;
  for (const row of childElements(data, 'row')) {
    const rowRef = Number(row.getAttribute('r'));
    r = Number.isInteger(rowRef) && rowRef > 0 ? rowRef - 1 : r + 1;
    let c = -1;
    for (const cell of childElements(row, 'c')) {
      const at = parseAddress(cell.getAttribute('r') ?? '');
      c = at ? at[1] : c + 1;
      if (!wanted.has(key(r, c))) continue;
      const had = emptyCell(cell, sheet);
      if (had.value) cleared++;
      if (had.formula) formulas++;
    }
  }
  return { cleared, formulas };
}

function emptyCell(cell: Element, sheet: string): { value: boolean; formula: boolean } {
  const had = { value: false, formula: false };
  for (const child of childElements(cell)) {
    const local = child.localName;
    if (local === 'f' && child.getAttribute('ref')) throw new SharedFormulaCell(sheet, cell.getAttribute('r') ?? '');
    if (local === 'f' || local === 'v' || local === 'is') {
      cell.removeChild(child);
      had.value = true;
      if (local === 'f') had.formula = true;
    }
  }
  // the value's type and rich-value indexes go with the value; the style stays
  for (const attr of ['t', 'cm', 'vm']) cell.removeAttribute(attr);
  return had;
}
