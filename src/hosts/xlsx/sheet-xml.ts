// A sheet spec as a worksheet part (SpreadsheetML), elements in the order the schema requires.
import { columnLetters } from '../../engine/cells';
import type { Area, CellStyle, SheetSpec } from '../../report/spec';
import type { StyleBook } from './styles';
import { escapeXml } from './xml';

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

function ref(a: Area): string {
  const from = `${columnLetters(a.c0)}${a.r0 + 1}`;
  const to = `${columnLetters(a.c1)}${a.r1 + 1}`;
  return from === to ? from : `${from}:${to}`;
}

/** Per cell, the xf index of the style its areas give it (later areas win per property). */
function cellStyles(spec: SheetSpec, book: StyleBook): Map<number, number>[] {
  const keys: Map<number, string>[] = [];
  spec.styles.forEach((area, i) => {
    for (let r = area.r0; r <= area.r1; r++) {
      const row = (keys[r] ??= new Map());
      for (let c = area.c0; c <= area.c1; c++) row.set(c, row.has(c) ? `${row.get(c)},${i}` : String(i));
    }
  });
  const xfOf = new Map<string, number>();
  return keys.map((row) => {
    const out = new Map<number, number>();
    if (!row) return out;
    for (const [c, key] of row) {
      let xf = xfOf.get(key);
      if (xf === undefined) {
        const style = key.split(',').reduce<CellStyle>((acc, i) => ({ ...acc, ...spec.styles[Number(i)].style }), {});
        xfOf.set(key, (xf = book.xf(style)));
      }
      out.set(c, xf);
    }
    return out;
  });
}

/** The worksheet XML for a spec; `selected` marks it as the workbook's active tab. */
export function sheetXml(spec: SheetSpec, book: StyleBook, selected = false): string {
  const styles = cellStyles(spec, book);
  const rows = Math.max(spec.cells.length, styles.length);
  const lastCol = Math.max(0, spec.columnWidths.length - 1, ...spec.cells.map((r) => r.length - 1));
  const out: string[] = [];
  out.push(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet ${NS}>`);
  out.push('<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>');
  out.push(`<dimension ref="A1:${columnLetters(lastCol)}${Math.max(rows, 1)}"/>`);
  const pane = spec.freezeRows > 0 ? `<pane ySplit="${spec.freezeRows}" topLeftCell="A${spec.freezeRows + 1}" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A${spec.freezeRows + 1}" sqref="A${spec.freezeRows + 1}"/>` : '';
  out.push(`<sheetViews><sheetView showGridLines="0"${selected ? ' tabSelected="1"' : ''} workbookViewId="0">${pane}</sheetView></sheetViews>`);
  out.push('<sheetFormatPr defaultRowHeight="15"/>');
  if (spec.columnWidths.length > 0) {
    out.push(`<cols>${spec.columnWidths.map((w, c) => `<col min="${c + 1}" max="${c + 1}" width="${w}" customWidth="1"/>`).join('')}</cols>`);
  }
  out.push('<sheetData>');
  for (let r = 0; r < rows; r++) {
    const values = spec.cells[r] ?? [];
    const rowStyles = styles[r];
    const cols = new Set<number>();
    values.forEach((v, c) => v !== null && v !== '' && cols.add(c));
    rowStyles?.forEach((_, c) => cols.add(c));
    const height = spec.rowHeights[r];
    if (cols.size === 0 && height === undefined) continue;
    const cells: string[] = [];
    for (const c of [...cols].sort((a, b) => a - b)) {
      const v = values[c] ?? null;
      const s = rowStyles?.get(c);
      const at = `r="${columnLetters(c)}${r + 1}"${s ? ` s="${s}"` : ''}`;
      // an empty string is no value, as in Excel
      if (v === null || v === '') cells.push(`<c ${at}/>`);
      else if (typeof v === 'number') cells.push(Number.isFinite(v) ? `<c ${at}><v>${v}</v></c>` : `<c ${at}/>`);
      // inline strings are literal text: `=HYPERLINK(…)` stays text, never a formula
      else cells.push(`<c ${at} t="inlineStr"><is><t xml:space="preserve">${escapeXml(v)}</t></is></c>`);
    }
    out.push(`<row r="${r + 1}"${height !== undefined ? ` ht="${height}" customHeight="1"` : ''}>${cells.join('')}</row>`);
  }
  out.push('</sheetData>');
  if (spec.merges.length > 0) out.push(`<mergeCells count="${spec.merges.length}">${spec.merges.map((m) => `<mergeCell ref="${ref(m)}"/>`).join('')}</mergeCells>`);
  spec.dataBars.forEach((bar, i) => {
    out.push(`<conditionalFormatting sqref="${ref(bar)}"><cfRule type="dataBar" priority="${i + 1}"><dataBar><cfvo type="num" val="0"/><cfvo type="max"/><color rgb="FF${bar.color}"/></dataBar></cfRule></conditionalFormatting>`);
  });
  if (spec.validations.length > 0) {
    out.push(`<dataValidations count="${spec.validations.length}">`);
    for (const v of spec.validations) {
      out.push(`<dataValidation type="decimal" allowBlank="1" showErrorMessage="1" errorTitle="分值超出范围" error="${escapeXml(`请输入 ${v.min} 到 ${v.max} 之间的数字。`)}" sqref="${ref(v)}"><formula1>${v.min}</formula1><formula2>${v.max}</formula2></dataValidation>`);
    }
    out.push('</dataValidations>');
  }
  out.push('<printOptions horizontalCentered="1"/>');
  out.push('<pageMargins left="0.5" right="0.5" top="0.6" bottom="0.7" header="0.3" footer="0.3"/>');
  out.push(`<pageSetup paperSize="9" orientation="${spec.print.orientation}" fitToWidth="1" fitToHeight="0"/>`);
  const footer = escapeXml(`&C${spec.print.footer}`);
  out.push(`<headerFooter><oddFooter>${footer}</oddFooter></headerFooter>`);
  const breaks = spec.print.breaksBefore;
  if (breaks.length > 0) {
    // a break is stored after the row above it (1-based id of that row)
    out.push(`<rowBreaks count="${breaks.length}" manualBreakCount="${breaks.length}">${breaks.map((r) => `<brk id="${r}" max="16383" man="1"/>`).join('')}</rowBreaks>`);
  }
  out.push('</worksheet>');
  return out.join('');
}
