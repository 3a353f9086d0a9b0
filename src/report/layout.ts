// Builds printable table sheets: title, subtitle, a repeated header row, bordered body, signature.
import type { Area, CellStyle, ResultRole, SheetSection, SheetSpec, SpecValue, StyledArea } from './spec';

export type ColumnKind = 'text' | 'center' | 'int' | 'score' | 'raw' | 'percent' | 'rate' | 'note';

export interface Column {
  readonly header: string;
  readonly kind: ColumnKind;
}

/**
 * Each sheet's pages are numbered from 1 (firstPageNumber); no 共 &N 页, which counts the whole
 * workbook when it is printed or exported at once.
 */
export const FOOTER = '第 &P 页';
/** The colour of data bars (指标分析's 得分率; the counts when a host cannot draw a chart). */
export const BAR_COLOR = '5B9BD5';
const HEADER_FILL = 'DDE4EE';
const CAPTION_FILL = 'F2F2F2';
const HEADER_STYLE: CellStyle = { bold: true, fill: HEADER_FILL, align: 'center', valign: 'middle', wrap: true, border: true };
const CAPTION_STYLE: CellStyle = { bold: true, fill: CAPTION_FILL, border: true, align: 'left', valign: 'middle', numberFormat: '@' };
const LINE_STYLE: CellStyle = { align: 'left', valign: 'top', wrap: true, numberFormat: '@' };
/** A signature block's line (the issuing body, the date, 盖章): at the right. */
const RIGHT_LINE_STYLE: CellStyle = { ...LINE_STYLE, align: 'right' };
/** Widest a sheet may be (in character widths) and still print portrait on A4 at 100%. */
const PORTRAIT_WIDTH = 92;
const NOTE_WIDTH = 40;
/** How much wider than body text (11 pt) the title (16 pt) and subtitle (10 pt) run. */
const TITLE_SCALE = 1.5;
const SUBTITLE_SCALE = 0.95;

/** Display width of text: CJK and full-width characters take two columns. */
export function textWidth(text: string): number {
  let w = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xdc00 && c <= 0xdfff) continue; // the second half of a character outside the BMP
    w += isWide(c) ? 2 : 1;
  }
  return w;
}

function isWide(c: number): boolean {
  return (
    (c >= 0x1100 && c <= 0x115f) ||
    (c >= 0x2e80 && c <= 0xa4cf) ||
    (c >= 0xac00 && c <= 0xd7a3) ||
    (c >= 0xf900 && c <= 0xfaff) ||
    (c >= 0xfe30 && c <= 0xfe4f) ||
    (c >= 0xff00 && c <= 0xff60) ||
    (c >= 0xffe0 && c <= 0xffe6)
  );
}

function numberFormat(kind: ColumnKind, decimals: number): string | undefined {
  if (kind === 'score') return decimals > 0 ? `0.${'0'.repeat(decimals)}` : '0';
  if (kind === 'int') return '0';
  if (kind === 'percent') return '0.0%';
  if (kind === 'rate') return '0.00%';
  if (kind === 'text' || kind === 'note' || kind === 'center') return '@';
  return undefined; // raw: General, shows the value as typed
}

function formatted(v: SpecValue, kind: ColumnKind, decimals: number): string {
  if (v === null) return '';
  if (typeof v === 'string') return v;
  if (kind === 'score') return v.toFixed(decimals);
  if (kind === 'percent') return `${(v * 100).toFixed(1)}%`;
  if (kind === 'rate') return `${(v * 100).toFixed(2)}%`;
  return String(v);
}

/** Widths remembered before starting again (a 成绩单 measures the same labels and numbers per page). */
const REMEMBERED_WIDTHS = 65536;
const knownNumbers = new Map<string, Map<number, number>>();
let knownTexts = new Map<string, number>();

/** The display width of a text; texts repeat across pages, so their widths are remembered. */
function cellTextWidth(text: string): number {
  let w = knownTexts.get(text);
  if (w === undefined) {
    if (knownTexts.size >= REMEMBERED_WIDTHS) knownTexts = new Map();
    knownTexts.set(text, (w = textWidth(text)));
  }
  return w;
}

/** The display width of a cell as formatted; numbers repeat, so their widths are remembered. */
function cellWidths(decimals: number): (v: SpecValue, kind: ColumnKind) => number {
  const known = new Map<ColumnKind, Map<number, number>>();
  return (v, kind) => {
    if (v === null) return 0;
    if (typeof v === 'string') return cellTextWidth(v);
    let byValue = known.get(kind);
    if (!byValue) {
      const key = `${kind}/${decimals}`;
      byValue = knownNumbers.get(key);
      if (!byValue || byValue.size >= REMEMBERED_WIDTHS) knownNumbers.set(key, (byValue = new Map()));
      known.set(kind, byValue);
    }
    let w = byValue.get(v);
    if (w === undefined) byValue.set(v, (w = textWidth(formatted(v, kind, decimals))));
    return w;
  };
}

export interface SheetHead {
  readonly role: ResultRole | null;
  readonly name: string;
  readonly title: string;
  readonly subtitle: string;
  readonly decimals: number;
}

/** How tall a part of a sheet prints, as a function of the final column widths. */
export interface PageProfile {
  /** points of the rows whose height does not depend on the widths */
  readonly fixed: number;
  /** rows that wrap: their cells' text widths, by column (-1: a full-width line) */
  readonly wrapping: readonly (readonly WrappingCell[])[];
}

interface WrappingCell {
  readonly col: number;
  readonly text: string;
}

const ROW_POINTS = 15;

/** Display columns a wrapping cell's text may fill per line: its column less a margin (a full-width line: the table's). */
function lineWidth(col: number, widths: readonly number[], total: number): number {
  return col < 0 ? Math.max(total - 2, 10) : widths[col] - 1;
}

/** Lines a row takes: its cell that wraps to the most lines. */
function linesOf(cells: readonly WrappingCell[], widths: readonly number[], total: number): number {
  let lines = 1;
  for (const { col, text } of cells) lines = Math.max(lines, wrapLines(text, lineWidth(col, widths, total)).length);
  return lines;
}

/** Punctuation that may not start a line, and that may not end one (Chinese line-breaking rules). */
const CLOSING_CODES = codesOf('。，、；：？！）」』】》〉〕”’…—·%.,;:?!)]}');
const OPENING_CODES = codesOf('（「『【《〈〔“‘([{');
const UNBROKEN_CODES = codesOf('.+-−×÷=/#_');

function codesOf(chars: string): Set<number> {
  return new Set(Array.from(chars, (ch) => ch.charCodeAt(0)));
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

/** Characters of runs kept whole: numbers (89.50), Latin words, codes. */
function unbrokenCode(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || UNBROKEN_CODES.has(c);
}

/**
 * A text as lines of at most `width` display columns, broken as Chinese typesetting does: no line
 * starts with closing punctuation or ends with opening punctuation, and numbers and Latin words are
 * not split. The tool breaks the lines itself (and sizes the row to them), so that Excel and
 * LibreOffice, which may not follow these rules, never break them again.
 */
export function wrapLines(text: string, width: number): string[] {
  const limit = Math.max(width, 4);
  // most notes fit on one line (no character is wider than 2)
  if (!text.includes('\n') && (text.length * 2 <= limit || textWidth(text) <= limit)) return [text];
  const out: string[] = [];
  for (const paragraph of text.split('\n')) {
    // over UTF-16 code units: the second half of a pair has no width and never starts a line
    const code = (i: number) => paragraph.charCodeAt(i);
    const breakable = (i: number) =>
      !(isLowSurrogate(code(i)) || CLOSING_CODES.has(code(i)) || OPENING_CODES.has(code(i - 1)) || (unbrokenCode(code(i)) && unbrokenCode(code(i - 1))));
    let start = 0;
    let used = 0;
    /** the last place in this line a break may go, and the width before it */
    let lastBreak = -1;
    let widthAtBreak = 0;
    for (let i = 0; i < paragraph.length; i++) {
      const c = code(i);
      const w = isLowSurrogate(c) ? 0 : isWide(c) ? 2 : 1;
      if (i > start && breakable(i)) {
        lastBreak = i;
        widthAtBreak = used;
      }
      // a space hangs at the end of a line: the lines joined are the text again
      if (used + w <= limit || c === 32 || i === start) {
        used += w;
        continue;
      }
      const at = lastBreak > start ? lastBreak : isLowSurrogate(c) ? i + 1 : i; // no allowed break: cut where it must be
      out.push(paragraph.slice(start, at));
      used = at === lastBreak ? used - widthAtBreak + w : at > i ? 0 : w;
      start = at;
      lastBreak = -1;
    }
    out.push(paragraph.slice(start));
  }
  return out;
}

/** The printed height in points of a part of a sheet once its widths are known. */
export function profileHeight(p: PageProfile, widths: readonly number[]): number {
  const total = widths.reduce((a, b) => a + b, 0);
  return p.wrapping.reduce((h, cells) => h + ROW_POINTS * linesOf(cells, widths, total), p.fixed);
}

/**
 * Accumulates a sheet row by row; `build` works out widths, formats and print setup. A section
 * builder (成绩单's page per subject) has no title rows and is laid out with the widths of the
 * sheet it belongs to (`buildSection`).
 */
export class SheetBuilder {
  private readonly cells: SpecValue[][] = [];
  private styles: StyledArea[] = [];
  private merges: Area[] = [];
  private readonly breaks: number[] = [];
  private readonly heights: Record<number, number> = {};
  private readonly bodyRows: number[] = [];
  /** per body row, its column kinds when they differ from the sheet's columns */
  private readonly rowKinds = new Map<number, readonly ColumnKind[]>();
  private readonly captionRows: number[] = [];
  private readonly freeRows: number[] = [];
  private readonly rightRows = new Set<number>();
  /** block headers: styled like the header, not repeated on every page */
  private readonly blockHeaders: { row: number; width: number }[] = [];
  private headerRow = -1;
  private chartSpec: SheetSpec['chart'] = null;
  private readonly bars: SheetSpec['dataBars'][number][] = [];
  private readonly plainKinds: readonly ColumnKind[];

  constructor(
    private readonly head: SheetHead,
    private readonly columns: readonly Column[],
    options: { readonly section?: boolean } = {},
  ) {
    this.plainKinds = columns.map((c) => c.kind);
    if (!options.section) this.cells.push([head.title], [head.subtitle]);
  }
  get rowCount(): number {
    return this.cells.length;
  }

  header(): this {
    this.headerRow = this.cells.length;
    this.cells.push(this.columns.map((c) => c.header));
    return this;
  }

  /** A header of a block or second table (成绩单 blocks, 指标分析's second table). */
  blockHeader(labels: readonly string[]): this {
    this.blockHeaders.push({ row: this.cells.length, width: labels.length });
    this.cells.push([...labels]);
    return this;
  }

  /** A body row; `kinds` overrides the sheet's column kinds for this row (a second table). */
  row(values: readonly SpecValue[], kinds?: readonly ColumnKind[]): this {
    if (kinds) this.rowKinds.set(this.cells.length, kinds);
    this.bodyRows.push(this.cells.length);
    this.cells.push([...values]);
    return this;
  }

  /** A chart of the values in column `valueCol` over the rows [r0, r1], labelled by `labelCols`. */
  chart(title: string, r0: number, r1: number, labelCols: readonly [number, number], valueCol: number): this {
    this.chartSpec = {
      title,
      categories: { r0, c0: labelCols[0], r1, c1: labelCols[1] },
      values: { r0, c0: valueCol, r1, c1: valueCol },
      anchorRow: this.cells.length + 1,
    };
    return this;
  }

  /** Data bars on a column over rows [r0, r1]. */
  dataBar(r0: number, r1: number, col: number, color: string): this {
    this.bars.push({ r0, c0: col, r1, c1: col, color });
    return this;
  }

  /** A full-width line inside the table (a group's name). */
  caption(text: string): this {
    this.captionRows.push(this.cells.length);
    this.cells.push([text]);
    return this;
  }

  /** A full-width line outside the table (signature, notes), wrapped; left aligned, or at the right (a signature block). */
  line(text: string, align: 'left' | 'right' = 'left'): this {
    if (align === 'right') this.rightRows.add(this.cells.length);
    this.freeRows.push(this.cells.length);
    this.cells.push([text]);
    return this;
  }

  blank(): this {
    this.cells.push([]);
    return this;
  }

  breakBefore(): this {
    if (this.cells.length > 0) this.breaks.push(this.cells.length);
    return this;
  }

  /**
   * The sheet. `bodyWidths` are columns' widths measured elsewhere (a sheet whose rows come in
   * sections): the columns are at least that wide.
   */
  build(bodyWidths: readonly number[] = []): SheetSpec {
    const { columns, head } = this;
    const last = columns.length - 1;
    const widths = this.columnWidths().map((w, c) => Math.max(w, bodyWidths[c] ?? 0));
    // a narrow table still has to hold its title (16 pt) and subtitle: widen its columns evenly
    const needed = Math.max(textWidth(head.title) * TITLE_SCALE, textWidth(head.subtitle) * SUBTITLE_SCALE) + 4;
    const narrow = widths.reduce((a, b) => a + b, 0);
    if (narrow < needed) {
      const extra = (needed - narrow) / widths.length;
      widths.forEach((w, c) => (widths[c] = Math.ceil(w + extra)));
    }
    const total = widths.reduce((a, b) => a + b, 0);
    // the title and subtitle span the table
    const full = (r: number) => ({ r0: r, c0: 0, r1: r, c1: last });
    this.merges.push(full(0), full(1));
    this.style(full(0), { bold: true, size: 16, align: 'center', valign: 'middle' });
    this.style(full(1), { size: 10, align: 'center', valign: 'middle' });
    this.heights[0] = 30;
    this.heights[1] = 18;
    this.styleShape();
    this.layOut(widths);
    return {
      role: head.role,
      name: head.name,
      cells: this.cells,
      styles: this.styles,
      merges: this.merges,
      columnWidths: widths,
      rowHeights: this.heights,
      freezeRows: this.headerRow >= 0 ? this.headerRow + 1 : 0,
      print: {
        orientation: total > PORTRAIT_WIDTH ? 'landscape' : 'portrait',
        // the title, the subtitle (考核期间, 制表单位) and the header on every printed page
        titleRows: this.headerRow >= 0 ? [0, this.headerRow] : [0, 1],
        footer: FOOTER,
        breaksBefore: this.breaks,
      },
      dataBars: this.bars,
      validations: [],
      chart: this.chartSpec,
    };
  }

  /**
   * A section's rows laid out with the widths of the sheet it belongs to. Its styles and merges
   * follow from its shape alone, and a 成绩单's pages share a few shapes: sections of one shape
   * share one list of each (read only), which a writer can recognise by identity.
   */
  buildSection(widths: readonly number[]): SheetSection {
    const key = this.shapeKey();
    const shape = sectionShapes.get(key);
    if (shape) ({ styles: this.styles, merges: this.merges } = shape);
    else {
      this.styleShape();
      if (sectionShapes.size >= REMEMBERED_SHAPES) sectionShapes.clear();
      sectionShapes.set(key, { styles: this.styles, merges: this.merges });
    }
    this.layOut(widths);
    return { cells: this.cells, styles: this.styles, merges: this.merges, rowHeights: this.heights };
  }

  /** Each column's width for the rows so far (title rows aside). */
  columnWidths(): number[] {
    const { columns } = this;
    const last = columns.length - 1;
    const widthOf = cellWidths(this.head.decimals);
    const widths = columns.map((col, c) => {
      let w = textWidth(col.header) + 2;
      for (const b of this.blockHeaders) w = Math.max(w, textWidth(String(this.cells[b.row][c] ?? '')) + 2);
      return w;
    });
    for (const r of this.bodyRows) {
      const kinds = this.kindsOf(r);
      const values = this.cells[r];
      for (let c = 0; c <= last; c++) widths[c] = Math.max(widths[c], widthOf(values[c] ?? null, kinds[c] ?? columns[c].kind) + 2);
    }
    return columns.map((col, c) => (col.kind === 'note' ? Math.min(Math.max(widths[c], 12), NOTE_WIDTH) : Math.min(Math.max(widths[c], 6), 40)));
  }

  /** How tall the rows so far print, once the widths are known. */
  pageProfile(): PageProfile {
    this.setFixedHeights();
    // rows whose notes are blank take one line whatever the widths: counted as fixed, not kept
    // (a 成绩单's profiles are kept for every page until the sheet is written)
    const wrapping = this.wrappingRows().filter((w) => w.cells.some((c) => c.text !== ''));
    const wraps = new Set(wrapping.map((w) => w.row));
    let fixed = 0;
    for (let r = 0; r < this.cells.length; r++) if (!wraps.has(r)) fixed += this.heights[r] ?? ROW_POINTS;
    return { fixed, wrapping: wrapping.map((w) => w.cells) };
  }

  private kindsOf(r: number): readonly ColumnKind[] {
    return this.rowKinds.get(r) ?? this.plainKinds;
  }

  private setFixedHeights(): void {
    if (this.headerRow >= 0) this.heights[this.headerRow] = 22;
    for (const b of this.blockHeaders) this.heights[b.row] = 20;
  }

  /** Free lines and body rows with notes: their height follows from the widths. */
  private wrappingRows(): { row: number; cells: WrappingCell[] }[] {
    const { columns } = this;
    const out: { row: number; cells: WrappingCell[] }[] = [];
    for (const r of this.freeRows) out.push({ row: r, cells: [{ col: -1, text: String(this.cells[r][0] ?? '') }] });
    const noteCols = columns.flatMap((col, c) => (col.kind === 'note' ? [c] : []));
    if (noteCols.length === 0) return out;
    for (const r of this.bodyRows) {
      const kinds = this.kindsOf(r);
      const cells = noteCols.filter((c) => (kinds[c] ?? columns[c].kind) === 'note').map((c) => ({ col: c, text: String(this.cells[r][c] ?? '') }));
      if (cells.length > 0) out.push({ row: r, cells });
    }
    return out;
  }

  /** What a section's styles and merges follow from: its columns, and which rows are what. */
  private shapeKey(): string {
    let key = `${this.plainKinds.join()}/${this.head.decimals}/${this.headerRow}/`;
    for (const b of this.blockHeaders) key += `h${b.row}:${b.width},`;
    for (const r of this.bodyRows) key += `b${r}:${kindsName(this.kindsOf(r))},`;
    for (const r of this.captionRows) key += `c${r},`;
    for (const r of this.freeRows) key += `${this.rightRows.has(r) ? 'r' : 'f'}${r},`;
    return key;
  }

  /** Styles and merges of every row but the title rows. */
  private styleShape(): void {
    const { columns, head } = this;
    const last = columns.length - 1;
    const full = (r: number) => ({ r0: r, c0: 0, r1: r, c1: last });
    if (this.headerRow >= 0) this.style(full(this.headerRow), HEADER_STYLE);
    for (const b of this.blockHeaders) this.style({ r0: b.row, c0: 0, r1: b.row, c1: b.width - 1 }, HEADER_STYLE);
    // body rows in runs that share their column kinds; one style object per column and kinds
    const { plainKinds } = this;
    const groups = new Map<string, { kinds: readonly ColumnKind[]; rows: number[] }>();
    for (const r of this.bodyRows) {
      const kinds = this.kindsOf(r);
      const key = kindsName(kinds);
      const group = groups.get(key);
      if (group) group.rows.push(r);
      else groups.set(key, { kinds, rows: [r] });
    }
    for (const { kinds, rows } of groups.values()) {
      const styles = columns.flatMap((col, c) =>
        kinds !== plainKinds && c >= kinds.length ? [] : [{ c, style: bodyStyle(kinds[c] ?? col.kind, head.decimals) }],
      );
      for (const [r0, r1] of runs(rows)) for (const { c, style } of styles) this.style({ r0, c0: c, r1, c1: c }, style);
    }
    for (const r of this.captionRows) {
      this.merges.push(full(r));
      this.style(full(r), CAPTION_STYLE);
    }
    for (const r of this.freeRows) {
      this.merges.push(full(r));
      this.style(full(r), this.rightRows.has(r) ? RIGHT_LINE_STYLE : LINE_STYLE);
    }
  }

  /** Heights of every row but the title rows, and the lines of text that wraps. */
  private layOut(widths: readonly number[]): void {
    const total = widths.reduce((a, b) => a + b, 0);
    this.setFixedHeights();
    // lines and notes that wrap: broken here, by the rules, and as tall as their lines
    for (const { row, cells } of this.wrappingRows()) {
      let lines = 1;
      for (const { col, text } of cells) {
        const broken = wrapLines(text, lineWidth(col, widths, total));
        if (broken.length > 1) this.cells[row][Math.max(col, 0)] = broken.join('\n');
        lines = Math.max(lines, broken.length);
      }
      if (lines > 1) this.heights[row] = ROW_POINTS * lines;
    }
  }

  private style(area: Area, style: CellStyle): void {
    this.styles.push({ ...area, style });
  }
}

/** Sections' styles and merges by shape; shapes remembered before starting again. */
const sectionShapes = new Map<string, { readonly styles: StyledArea[]; readonly merges: Area[] }>();
const REMEMBERED_SHAPES = 256;

const kindsNames = new Map<readonly ColumnKind[], string>();
/** A row's column kinds as a name (rows share their kinds' arrays). */
function kindsName(kinds: readonly ColumnKind[]): string {
  let name = kindsNames.get(kinds);
  if (name === undefined) {
    if (kindsNames.size >= REMEMBERED_SHAPES) kindsNames.clear();
    kindsNames.set(kinds, (name = kinds.join('.')));
  }
  return name;
}

/**
 * A body cell's style by its column kind: one object per kind and decimals, shared by every
 * sheet and page, so a writer that names styles by object (a 成绩单's 5,000 pages) knows it at once.
 */
const bodyStyles = new Map<string, CellStyle>();
function bodyStyle(kind: ColumnKind, decimals: number): CellStyle {
  const key = `${kind}/${decimals}`;
  let style = bodyStyles.get(key);
  if (!style) {
    const align = kind === 'text' || kind === 'note' ? 'left' : kind === 'center' || kind === 'int' ? 'center' : 'right';
    const format = numberFormat(kind, decimals);
    bodyStyles.set(key, (style = { border: true, align, valign: 'middle', wrap: kind === 'note', ...(format ? { numberFormat: format } : {}) }));
  }
  return style;
}

/** Consecutive row numbers as [first, last] runs. */
function runs(rows: readonly number[]): [number, number][] {
  const out: [number, number][] = [];
  for (const r of rows) {
    const lastRun = out[out.length - 1];
    if (lastRun && lastRun[1] === r - 1) lastRun[1] = r;
    else out.push([r, r]);
  }
  return out;
}
