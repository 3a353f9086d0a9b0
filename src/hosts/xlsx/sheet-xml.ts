// A sheet spec as a worksheet part (SpreadsheetML), elements in the order the schema requires.
import { areaAddress, columnLetters, maxOf } from '../../engine/cells';
import { BAR_COLOR } from '../../report/layout';
import { cellTextFitted, PAGE_MARGINS, rowsUsed, type SheetSpec, type StyledArea } from '../../report/spec';
import { rowStyler, styleIds, type RowStyles } from '../../report/style-runs';
import type { StyleBook } from './styles';
import { escapeXml } from './xml';

/** A row's xf indexes by column (undefined: no style). */
type RowXfs = readonly (number | undefined)[] | undefined;

/** Distinct page layouts remembered before starting again. */
const REMEMBERED_PAGES = 256;

/**
 * The xf index of each styled cell of a row, by column (each distinct final style becomes one
 * xf); rows under the same areas share one array. One per sheet part; `rows` restarts it on the
 * next section's areas. Sections of one shape share their list of areas (a 成绩单's pages): their
 * rows are worked out for the first and looked up for the others.
 */
function rowXfs(book: StyleBook): { rows(piece: Pick<SheetSpec, 'styles'>): (r: number) => RowXfs } {
  const idOf = styleIds();
  const xfOf = new Map<string, number>();
  let pages = new Map<readonly StyledArea[], RowXfs[]>();
  const sweep = (piece: Pick<SheetSpec, 'styles'>): ((r: number) => RowXfs) => {
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
  };
  return {
    rows(piece) {
      let rows = pages.get(piece.styles);
      if (!rows) {
        const rowOf = sweep(piece);
        const height = maxOf(
          piece.styles.map((a) => a.r1 + 1),
          0,
        );
        rows = Array.from({ length: height }, (_, r) => rowOf(r));
        if (pages.size >= REMEMBERED_PAGES) pages = new Map();
        pages.set(piece.styles, rows);
      }
      const known = rows;
      return (r) => known[r];
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
  const links = spec.links ?? [];
  if (links.length > 0) {
    // a link within the workbook needs no relationship: its location is the cell
    out.push('<hyperlinks>');
    for (const l of links) out.push(`<hyperlink ref="${columnLetters(l.c)}${l.r + 1}" location="${escapeXml(l.target)}"/>`);
    out.push('</hyperlinks>');
  }
  out.push('<printOptions horizontalCentered="1"/>');
  const m = PAGE_MARGINS;
  out.push(`<pageMargins left="${m.left}" right="${m.right}" top="${m.top}" bottom="${m.bottom}" header="${m.header}" footer="${m.footer}"/>`);
  out.push(
    // every sheet's pages are numbered from 1, also when the whole workbook is printed at once
    `<pageSetup paperSize="9"${scale ? ` scale="${scale}"` : ''} firstPageNumber="1" orientation="${spec.print.orientation}"${scale ? '' : ' fitToWidth="1" fitToHeight="0"'} useFirstPageNumber="1"/>`,
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
 * numbered from 1 + offset. Rows are written as bytes, not built as strings: a cell is a few
 * pieces of markup encoded once (its column's opening, the row's number, its style and kind, its
 * value), and each repeated text's or number's markup is encoded once.
 */
function rowWriter(out: Utf8Blocks, onRows?: (rows: number) => void) {
  const textCell = remembered(
    (text: string) => `<is><t${EDGE_SPACE.test(text) ? ' xml:space="preserve"' : ''}>${escapeXml(cellTextFitted(text))}</t></is></c>`,
  );
  const numberCell = remembered((n: number) => `<v>${n}</v></c>`);
  // every cell carries its reference: optional in the standard, but some readers need it
  const cellOpens: Uint8Array[] = [];
  const styled: { empty: Uint8Array; number: Uint8Array; text: Uint8Array }[] = [];
  const unstyled = { empty: ascii('"/>'), number: ascii('">'), text: ascii('" t="inlineStr">') };
  const rowDigits = new Uint8Array(16);
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
      const rowNumber = r + 1 + offset;
      let digits: Uint8Array | undefined;
      for (let c = 0; c < last; c++) {
        const v = values[c] ?? null;
        const s = xfs?.[c];
        if ((v === null || v === '') && s === undefined) continue;
        if (!digits) {
          openRow(out, rowNumber, height);
          digits = rowDigits.subarray(0, writeDigits(rowNumber, rowDigits));
        }
        out.bytes((cellOpens[c] ??= ascii(`<c r="${columnLetters(c)}`)));
        out.bytes(digits);
        const kinds =
          s === undefined ? unstyled : (styled[s] ??= { empty: ascii(`" s="${s}"/>`), number: ascii(`" s="${s}">`), text: ascii(`" s="${s}" t="inlineStr">`) });
        // an empty string is no value, as in Excel
        if (v === null || v === '' || (typeof v === 'number' && !Number.isFinite(v))) out.bytes(kinds.empty);
        else if (typeof v === 'number') {
          out.bytes(kinds.number);
          out.bytes(numberCell(v));
        } else {
          // inline strings are literal text: `=HYPERLINK(…)` stays text, never a formula
          out.bytes(kinds.text);
          out.bytes(textCell(v));
        }
      }
      if (digits) out.bytes(ROW_END);
      else if (height !== undefined) {
        openRow(out, rowNumber, height);
        out.bytes(ROW_END);
      }
    }
  };
}

function openRow(out: Utf8Blocks, rowNumber: number, height: number | undefined): void {
  out.bytes(ROW_OPEN);
  out.int(rowNumber);
  if (height !== undefined) {
    out.bytes(ROW_HEIGHT);
    out.ascii(String(height));
    out.bytes(ROW_CUSTOM_HEIGHT);
  } else out.bytes(TAG_END);
}

/** A non-negative whole number's decimal digits written into `to`; returns how many. */
function writeDigits(n: number, to: Uint8Array): number {
  let digits = 1;
  for (let x = n; x >= 10; x = Math.floor(x / 10)) digits++;
  let at = digits;
  let x = n;
  do {
    to[--at] = 48 + (x % 10);
    x = Math.floor(x / 10);
  } while (x > 0);
  return digits;
}

const encoder = new TextEncoder();
/** Markup (ASCII only) as bytes. */
const ascii = (text: string): Uint8Array => encoder.encode(text);
const ROW_OPEN = ascii('<row r="');
const ROW_HEIGHT = ascii('" ht="');
const ROW_CUSTOM_HEIGHT = ascii('" customHeight="1">');
const TAG_END = ascii('">');
const ROW_END = ascii('</row>');

const EDGE_SPACE = /^\s|\s$/;
/** Distinct texts and numbers whose markup is remembered: labels and scores repeat in every 成绩单 block. */
const REMEMBERED_VALUES = 4096;

/** A value's markup as UTF-8, made and encoded once per distinct value. */
function remembered<T>(markup: (value: T) => string): (value: T) => Uint8Array {
  let known = new Map<T, Uint8Array>();
  return (value) => {
    let xml = known.get(value);
    if (xml === undefined) {
      xml = encoder.encode(markup(value));
      // unique values (names, notes) would grow the map without end: start again when full
      if (known.size >= REMEMBERED_VALUES) known = new Map();
      known.set(value, xml);
    }
    return xml;
  };
}
/** Rows between two reports of progress. */
const ROWS_PER_REPORT = 2000;
const BLOCK_BYTES = 1 << 20;

/**
 * UTF-8 written straight into a block of 1 MB, passed on each time it is full: a sheet is never
 * held whole, neither as text nor as bytes, and no long string is ever built. The one block is
 * filled again once `emit` returns (the compressor has used its bytes by then).
 */
class Utf8Blocks {
  private readonly block = new Uint8Array(BLOCK_BYTES);
  private at = 0;

  constructor(private readonly emit: (bytes: Uint8Array) => void) {}

  /** Any text, encoded to UTF-8. */
  push(text: string): void {
    let rest = text;
    for (;;) {
      const { read, written } = encoder.encodeInto(rest, this.block.subarray(this.at));
      this.at += written;
      if (read === rest.length) return;
      rest = rest.slice(read);
      this.flush();
    }
  }

  /** Bytes already encoded. */
  bytes(bytes: Uint8Array): void {
    if (this.at + bytes.length > BLOCK_BYTES) {
      this.flush();
      if (bytes.length > BLOCK_BYTES) return this.emit(bytes);
    }
    // a loop copies the short pieces of markup faster than set()
    if (bytes.length > 64) this.block.set(bytes, this.at);
    else for (let i = 0, { block, at } = this; i < bytes.length; i++) block[at + i] = bytes[i];
    this.at += bytes.length;
  }

  /** Text known to be ASCII (numbers as JavaScript prints them). */
  ascii(text: string): void {
    if (this.at + text.length > BLOCK_BYTES) this.flush();
    const { block } = this;
    let at = this.at;
    for (let i = 0; i < text.length; i++) block[at++] = text.charCodeAt(i);
    this.at = at;
  }

  /** A non-negative whole number in decimal. */
  int(n: number): void {
    if (this.at + 16 > BLOCK_BYTES) this.flush();
    this.at += writeDigits(n, this.block.subarray(this.at));
  }

  private flush(): void {
    if (this.at > 0) this.emit(this.block.subarray(0, this.at));
    this.at = 0;
  }

  end(): void {
    this.flush();
  }
}
