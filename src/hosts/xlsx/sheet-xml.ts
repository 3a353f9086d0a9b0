// A sheet spec as a worksheet part (SpreadsheetML), elements in the order the schema requires.
import { areaAddress, columnLetters, maxOf } from '../../engine/cells';
import { BAR_COLOR } from '../../report/layout';
import { cellTextFitted, rowsUsed, type SheetSpec } from '../../report/spec';
import { rowStyler, styleIds, type RowStyles } from '../../report/style-runs';
import type { StyleBook } from './styles';
import { escapeXml } from './xml';

/**
 * The xf index of each styled cell of a row, by column (each distinct final style becomes one
 * xf); rows under the same areas share one array. One per sheet part; `rows` restarts it on the
 * next section's areas.
 */
function rowXfs(book: StyleBook): { rows(piece: Pick<SheetSpec, 'styles'>): (r: number) => readonly (number | undefined)[] | undefined } {
  const idOf = styleIds();
  const xfOf = new Map<string, number>();
  return {
    rows(piece) {
      const styler = rowStyler(piece, idOf);
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
    },
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
  const xfs = rowXfs(book);
  const sections = spec.sections;
  const rows = rowsUsed(spec) + (sections?.rows ?? 0);
  const lastCol = maxOf(
    spec.cells.map((r) => r.length - 1),
    Math.max(0, spec.columnWidths.length - 1),
  );
  const out = new Utf8Blocks(emit);
  out.push(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${ns.main}" xmlns:r="${ns.rel}">`);
  const scale = spec.print.scale;
  out.push(scale ? '<sheetPr/>' : '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>');
  out.push(`<dimension ref="A1:${columnLetters(lastCol)}${Math.max(rows, 1)}"/>`);
  const pane =
    spec.freezeRows > 0
      ? `<pane ySplit="${spec.freezeRows}" topLeftCell="A${spec.freezeRows + 1}" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A${spec.freezeRows + 1}" sqref="A${spec.freezeRows + 1}"/>`
      : '';
  out.push(`<sheetViews><sheetView showGridLines="0"${selected ? ' tabSelected="1"' : ''} workbookViewId="0">${pane}</sheetView></sheetViews>`);
  out.push('<sheetFormatPr defaultRowHeight="15"/>');
  if (spec.columnWidths.length > 0) {
    out.push(`<cols>${spec.columnWidths.map((w, c) => `<col min="${c + 1}" max="${c + 1}" width="${w}" customWidth="1"/>`).join('')}</cols>`);
  }
  out.push('<sheetData>');
  const writeRows = rowWriter(out, onRows);
  const merges: string[] = spec.merges.map((m) => areaAddress(m));
  const breaks = [...spec.print.breaksBefore];
  let at = rowsUsed(spec);
  writeRows(spec, xfs.rows(spec), 0, at);
  for (let k = 0; k < (sections?.count ?? 0); k++) {
    // a section is made now, written and let go
    const part = sections!.section(k);
    const height = rowsUsed(part);
    if (k > 0) breaks.push(at);
    for (const m of part.merges) merges.push(areaAddress({ ...m, r0: m.r0 + at, r1: m.r1 + at }));
    writeRows(part, xfs.rows(part), at, height);
    at += height;
  }
  onRows?.(rows % ROWS_PER_REPORT);
  out.push('</sheetData>');
  if (merges.length > 0) out.push(`<mergeCells count="${merges.length}">${merges.map((m) => `<mergeCell ref="${m}"/>`).join('')}</mergeCells>`);
  // an .xlsx written here carries no charts: a chart's values get data bars instead
  const bars = spec.chart ? [...spec.dataBars, { ...spec.chart.values, color: BAR_COLOR }] : spec.dataBars;
  bars.forEach((bar, i) => {
    out.push(
      `<conditionalFormatting sqref="${areaAddress(bar)}"><cfRule type="dataBar" priority="${i + 1}"><dataBar><cfvo type="num" val="0"/><cfvo type="max"/><color rgb="FF${bar.color}"/></dataBar></cfRule></conditionalFormatting>`,
    );
  });
  if (spec.validations.length > 0) {
    out.push(`<dataValidations count="${spec.validations.length}">`);
    for (const v of spec.validations) {
      out.push(
        `<dataValidation type="decimal" allowBlank="1" showErrorMessage="1" errorTitle="${escapeXml(v.title)}" error="${escapeXml(v.message)}" sqref="${areaAddress(v)}"><formula1>${v.min}</formula1><formula2>${v.max}</formula2></dataValidation>`,
      );
    }
    out.push('</dataValidations>');
  }
  out.push('<printOptions horizontalCentered="1"/>');
  out.push('<pageMargins left="0.5" right="0.5" top="0.6" bottom="0.7" header="0.3" footer="0.3"/>');
  out.push(
    `<pageSetup paperSize="9"${scale ? ` scale="${scale}"` : ''} orientation="${spec.print.orientation}"${scale ? '' : ' fitToWidth="1" fitToHeight="0"'}/>`,
  );
  const footer = escapeXml(`&C${spec.print.footer}`);
  out.push(`<headerFooter><oddFooter>${footer}</oddFooter></headerFooter>`);
  if (breaks.length > 0) {
    // a break is stored after the row above it (1-based id of that row)
    out.push(
      `<rowBreaks count="${breaks.length}" manualBreakCount="${breaks.length}">${breaks.map((r) => `<brk id="${r}" max="16383" man="1"/>`).join('')}</rowBreaks>`,
    );
  }
  out.push('</worksheet>');
  out.end();
}

/**
 * Writes rows of a sheet or a section: `count` rows from `offset`, their cells from `piece`,
 * numbered from 1 + offset.
 */
function rowWriter(out: Utf8Blocks, onRows?: (rows: number) => void) {
  const textCell = inlineTexts();
  const letters: string[] = [];
  let written = 0;
  return (
    piece: Pick<SheetSpec, 'cells' | 'rowHeights'>,
    styleOf: (r: number) => readonly (number | undefined)[] | undefined,
    offset: number,
    count: number,
  ): void => {
    for (let r = 0; r < count; r++) {
      if (++written % ROWS_PER_REPORT === 0) onRows?.(ROWS_PER_REPORT);
      const values = piece.cells[r] ?? [];
      const xfs = styleOf(r);
      const height = piece.rowHeights[r];
      const last = Math.max(values.length, xfs?.length ?? 0);
      const rowNumber = String(r + 1 + offset);
      let row = '';
      for (let c = 0; c < last; c++) {
        const v = values[c] ?? null;
        const s = xfs?.[c];
        if ((v === null || v === '') && s === undefined) continue;
        // every cell carries its reference: optional in the standard, but some readers need it
        const ref = (letters[c] ??= columnLetters(c)) + rowNumber;
        const at = s !== undefined ? ` r="${ref}" s="${s}"` : ` r="${ref}"`;
        // an empty string is no value, as in Excel
        if (v === null || v === '') row += `<c${at}/>`;
        else if (typeof v === 'number') row += Number.isFinite(v) ? `<c${at}><v>${v}</v></c>` : `<c${at}/>`;
        // inline strings are literal text: `=HYPERLINK(…)` stays text, never a formula
        else row += `<c${at} t="inlineStr">${textCell(v)}</c>`;
      }
      if (row === '' && height === undefined) continue;
      out.push(`<row r="${rowNumber}"${height !== undefined ? ` ht="${height}" customHeight="1"` : ''}>${row}</row>`);
    }
  };
}

const EDGE_SPACE = /^\s|\s$/;
/** Distinct texts whose markup is remembered: labels repeat in every 成绩单 block. */
const REMEMBERED_TEXTS = 4096;

/** The `<is>` markup of a text; repeated texts are escaped once. */
function inlineTexts(): (text: string) => string {
  let known = new Map<string, string>();
  return (text) => {
    let xml = known.get(text);
    if (xml === undefined) {
      xml = `<is><t${EDGE_SPACE.test(text) ? ' xml:space="preserve"' : ''}>${escapeXml(cellTextFitted(text))}</t></is>`;
      // unique texts (names, notes) would grow the map without end: start again when full
      if (known.size >= REMEMBERED_TEXTS) known = new Map();
      known.set(text, xml);
    }
    return xml;
  };
}
/** Rows between two reports of progress. */
const ROWS_PER_REPORT = 2000;

/**
 * Text encoded to UTF-8 straight into a block of 1 MB, passed on each time it is full: a sheet is
 * never held whole, neither as text nor as bytes, and no long string is ever built. The one block
 * is filled again once `emit` returns (the compressor has used its bytes by then).
 */
class Utf8Blocks {
  private readonly encoder = new TextEncoder();
  private readonly block = new Uint8Array(1 << 20);
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
    this.at = 0;
  }

  end(): void {
    this.flush();
  }
}
