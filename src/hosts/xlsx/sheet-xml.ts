// A sheet spec as a worksheet part (SpreadsheetML), elements in the order the schema requires.
import { areaAddress, columnLetters, maxOf } from '../../engine/cells';
import { BAR_COLOR } from '../../report/layout';
import { cellTextFitted, type SheetSpec } from '../../report/spec';
import { rowStyler, type RowStyles } from '../../report/style-runs';
import type { StyleBook } from './styles';
import { escapeXml } from './xml';

/**
 * The xf index of each styled cell of a row, by column (each distinct final style becomes one
 * xf); rows under the same areas share one array.
 */
function rowXfs(spec: SheetSpec, book: StyleBook): (r: number) => readonly (number | undefined)[] | undefined {
  const styler = rowStyler(spec);
  const xfOf = new Map<string, number>();
  let lastStyles: RowStyles | undefined;
  let last: (number | undefined)[] | undefined;
  return (r) => {
    const styles = styler(r);
    if (styles === lastStyles) return last;
    lastStyles = styles;
    if (!styles) return (last = undefined);
    last = [];
    for (const [c, { key, style }] of styles) {
      let xf = xfOf.get(key);
      if (xf === undefined) xfOf.set(key, (xf = book.xf(style)));
      last[c] = xf;
    }
    return last;
  };
}

/**
 * Writes the worksheet part for a spec to `emit` as UTF-8, a block at a time; `selected` marks
 * it as the workbook's active tab; `ns` are the package's namespaces (Transitional or Strict).
 */
export function writeSheetXml(
  spec: SheetSpec,
  book: StyleBook,
  selected: boolean,
  ns: { readonly main: string; readonly rel: string },
  emit: (bytes: Uint8Array) => void,
  onRows?: (rows: number) => void,
): void {
  const styleOf = rowXfs(spec, book);
  const rows = Math.max(spec.cells.length, maxOf(spec.styles.map((a) => a.r1 + 1), 0));
  const lastCol = maxOf(spec.cells.map((r) => r.length - 1), Math.max(0, spec.columnWidths.length - 1));
  const out = new Utf8Blocks(emit);
  const letters: string[] = [];
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
    if (r % ROWS_PER_REPORT === ROWS_PER_REPORT - 1) onRows?.(ROWS_PER_REPORT);
    const values = spec.cells[r] ?? [];
    const xfs = styleOf(r);
    const height = spec.rowHeights[r];
    const last = Math.max(values.length, xfs?.length ?? 0);
    let row = '';
    for (let c = 0; c < last; c++) {
      const v = values[c] ?? null;
      const s = xfs?.[c];
      if ((v === null || v === '') && s === undefined) continue;
      // every cell carries its reference: optional in the standard, but some readers need it
      const ref = `${(letters[c] ??= columnLetters(c))}${r + 1}`;
      const at = s !== undefined ? ` r="${ref}" s="${s}"` : ` r="${ref}"`;
      // an empty string is no value, as in Excel
      if (v === null || v === '') row += `<c${at}/>`;
      else if (typeof v === 'number') row += Number.isFinite(v) ? `<c${at}><v>${v}</v></c>` : `<c${at}/>`;
      // inline strings are literal text: `=HYPERLINK(…)` stays text, never a formula
      else row += `<c${at} t="inlineStr"><is><t${EDGE_SPACE.test(v) ? ' xml:space="preserve"' : ''}>${escapeXml(cellTextFitted(v))}</t></is></c>`;
    }
    if (row === '' && height === undefined) continue;
    out.push(`<row r="${r + 1}"${height !== undefined ? ` ht="${height}" customHeight="1"` : ''}>${row}</row>`);
  }
  onRows?.(rows % ROWS_PER_REPORT);
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
  out.end();
}

const EDGE_SPACE = /^\s|\s$/;
/** Rows between two reports of progress. */
const ROWS_PER_REPORT = 2000;

/**
 * Text encoded to UTF-8 straight into blocks of 1 MB, each passed on when full: a sheet is never
 * held whole, neither as text nor as bytes, and no long string is ever built.
 */
class Utf8Blocks {
  private static readonly SIZE = 1 << 20;
  private readonly encoder = new TextEncoder();
  private block = new Uint8Array(Utf8Blocks.SIZE);
  private at = 0;

  constructor(private readonly emit: (bytes: Uint8Array) => void) {}

  push(text: string): void {
    let rest = text;
    for (;;) {
      const { read, written } = this.encoder.encodeInto(rest, this.block.subarray(this.at));
      this.at += written;
      if (read === rest.length) return;
      rest = rest.slice(read);
      this.flush();
    }
  }

  private flush(): void {
    this.emit(this.block.subarray(0, this.at));
    this.block = new Uint8Array(Utf8Blocks.SIZE); // a fresh block: the one passed on may still be in use
    this.at = 0;
  }

  end(): void {
    this.flush();
  }
}
