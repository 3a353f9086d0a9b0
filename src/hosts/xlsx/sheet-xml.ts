// A sheet spec as a worksheet part (SpreadsheetML), elements in the order the schema requires.
import { areaAddress, columnLetters, maxOf } from '../../engine/cells';
import { BAR_COLOR } from '../../report/layout';
import { cellTextFitted, type SheetSpec } from '../../report/spec';
import { rowStyler } from '../../report/style-runs';
import type { StyleBook } from './styles';
import { escapeXml } from './xml';

/** The xf index of each styled cell, row by row (each distinct final style becomes one xf). */
function rowXfs(spec: SheetSpec, book: StyleBook): (r: number) => Map<number, number> | undefined {
  const styler = rowStyler(spec);
  const xfOf = new Map<string, number>();
  return (r) => {
    const styles = styler(r);
    if (!styles) return undefined;
    const out = new Map<number, number>();
    for (const [c, { key, style }] of styles) {
      let xf = xfOf.get(key);
      if (xf === undefined) xfOf.set(key, (xf = book.xf(style)));
      out.set(c, xf);
    }
    return out;
  };
}

/**
 * The worksheet part for a spec, as UTF-8; `selected` marks it as the workbook's active tab;
 * `ns` are the package's namespaces (Transitional or Strict).
 */
export function sheetXml(spec: SheetSpec, book: StyleBook, selected: boolean, ns: { readonly main: string; readonly rel: string }): Uint8Array {
  const styleOf = rowXfs(spec, book);
  const rows = Math.max(spec.cells.length, maxOf(spec.styles.map((a) => a.r1 + 1), 0));
  const lastCol = maxOf(spec.cells.map((r) => r.length - 1), Math.max(0, spec.columnWidths.length - 1));
  const out = new Utf8Blocks();
  out.push(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${ns.main}" xmlns:r="${ns.rel}">`);
  const scale = spec.print.scale;
  out.push(scale ? '<sheetPr/>' : '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>');
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
    const rowStyles = styleOf(r);
    const cols = new Set<number>();
    values.forEach((v, c) => v !== null && v !== '' && cols.add(c));
    rowStyles?.forEach((_, c) => cols.add(c));
    const height = spec.rowHeights[r];
    if (cols.size === 0 && height === undefined) continue;
    let row = `<row r="${r + 1}"${height !== undefined ? ` ht="${height}" customHeight="1"` : ''}>`;
    for (const c of [...cols].sort((a, b) => a - b)) {
      const v = values[c] ?? null;
      const s = rowStyles?.get(c);
      // every cell carries its reference: optional in the standard, but some readers need it
      const at = ` r="${columnLetters(c)}${r + 1}"${s ? ` s="${s}"` : ''}`;
      // an empty string is no value, as in Excel
      if (v === null || v === '') row += `<c${at}/>`;
      else if (typeof v === 'number') row += Number.isFinite(v) ? `<c${at}><v>${v}</v></c>` : `<c${at}/>`;
      // inline strings are literal text: `=HYPERLINK(…)` stays text, never a formula
      else row += `<c${at} t="inlineStr"><is><t${/^\s|\s$/.test(v) ? ' xml:space="preserve"' : ''}>${escapeXml(cellTextFitted(v))}</t></is></c>`;
    }
    out.push(row + '</row>');
  }
  out.push('</sheetData>');
  if (spec.merges.length > 0) out.push(`<mergeCells count="${spec.merges.length}">${spec.merges.map((m) => `<mergeCell ref="${areaAddress(m)}"/>`).join('')}</mergeCells>`);
  // an .xlsx written here carries no charts: a chart's values get data bars instead
  const bars = spec.chart ? [...spec.dataBars, { ...spec.chart.values, color: BAR_COLOR }] : spec.dataBars;
  bars.forEach((bar, i) => {
    out.push(`<conditionalFormatting sqref="${areaAddress(bar)}"><cfRule type="dataBar" priority="${i + 1}"><dataBar><cfvo type="num" val="0"/><cfvo type="max"/><color rgb="FF${bar.color}"/></dataBar></cfRule></conditionalFormatting>`);
  });
  if (spec.validations.length > 0) {
    out.push(`<dataValidations count="${spec.validations.length}">`);
    for (const v of spec.validations) {
      out.push(`<dataValidation type="decimal" allowBlank="1" showErrorMessage="1" errorTitle="分值超出范围" error="${escapeXml(`请输入 ${v.min} 到 ${v.max} 之间的数字。`)}" sqref="${areaAddress(v)}"><formula1>${v.min}</formula1><formula2>${v.max}</formula2></dataValidation>`);
    }
    out.push('</dataValidations>');
  }
  out.push('<printOptions horizontalCentered="1"/>');
  out.push('<pageMargins left="0.5" right="0.5" top="0.6" bottom="0.7" header="0.3" footer="0.3"/>');
  out.push(`<pageSetup paperSize="9"${scale ? ` scale="${scale}"` : ''} orientation="${spec.print.orientation}"${scale ? '' : ' fitToWidth="1" fitToHeight="0"'}/>`);
  const footer = escapeXml(`&C${spec.print.footer}`);
  out.push(`<headerFooter><oddFooter>${footer}</oddFooter></headerFooter>`);
  const breaks = spec.print.breaksBefore;
  if (breaks.length > 0) {
    // a break is stored after the row above it (1-based id of that row)
    out.push(`<rowBreaks count="${breaks.length}" manualBreakCount="${breaks.length}">${breaks.map((r) => `<brk id="${r}" max="16383" man="1"/>`).join('')}</rowBreaks>`);
  }
  out.push('</worksheet>');
  return out.bytes();
}

/**
 * Text encoded to UTF-8 as it is written, a block of about 1 MB at a time: the sheet is never held
 * as JavaScript strings (two bytes a character) beside its bytes.
 */
class Utf8Blocks {
  private readonly encoder = new TextEncoder();
  private readonly chunks: Uint8Array[] = [];
  private block = '';

  push(text: string): void {
    this.block += text;
    if (this.block.length > 1 << 20) {
      this.chunks.push(this.encoder.encode(this.block));
      this.block = '';
    }
  }

  bytes(): Uint8Array {
    this.chunks.push(this.encoder.encode(this.block));
    this.block = '';
    const out = new Uint8Array(this.chunks.reduce((n, c) => n + c.length, 0));
    let at = 0;
    for (const c of this.chunks) {
      out.set(c, at);
      at += c.length;
    }
    return out;
  }
}
