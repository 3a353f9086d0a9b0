// The Office.js host: the workbook open in Excel. Reads in one round trip; writes each result
// sheet under a temporary name first and swaps at the end, so a failure half-way leaves the
// previous results intact. Syncs do not grow with the workbook: writes are flushed by payload size.
// Enum values are written as Office.js's string literals ('Left', 'A4'), so nothing here needs
// the Excel global at run time except through `run`.
/// <reference types="office-js" />
import { findInputSheets } from '../../engine/assess';
import { areaAddress, columnLetters, maxOf, parseAddress, pushTo } from '../../engine/cells';
import { rowStyler, styleRects, type StyleRect } from '../../report/style-runs';
import type { CellArea, CellValue, SheetData } from '../../engine/types';
import {
  cellTextFitted,
  FONT_NAME,
  PAGE_MARGINS,
  RESULT_SHEETS,
  rowsUsed,
  sheetRows,
  wholeSheet,
  type Area,
  type CellStyle,
  type SheetSpec,
} from '../../report/spec';
import { isWorkbookMark, MARK_PREFIX, ownedSheets, refuseSheetsInTheWay, SHEET_MARK, sheetMarkFormula } from '../marks';
import { formatShown, serialDate, shownValue } from '../number-format';
import { WriteInterrupted, type WorkbookPort, type WorkbookSnapshot, type WriteOutcome } from '../port';

/** Excel.run, or a stand-in with the same shape (the tests' fake Excel). */
export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;
/** Office.context.requirements.isSetSupported('ExcelApi', version) */
export type SupportsApi = (version: string) => boolean;

const TEMP_PREFIX = 'kaoping~';
/** Excel on the web rejects requests over 5 MB; stay well below. */
export const REQUEST_BUDGET = 3_000_000;
/** Cells read per round trip: values and number formats stay well under the 5 MB response limit. */
export const CELLS_PER_READ = 100_000;
/** The formula that identifies the tool's problem marks; always true, so the fill shows. */
export const MARK_FORMULA = '="kaoping"="kaoping"';
const MARK_FILL = '#FFC7CE';
/** Marks beyond this many would slow Excel down more than they help. */
const MAX_MARKS = 500;
const BORDER_EDGES = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight', 'InsideHorizontal', 'InsideVertical'] as const;
const ERROR_TEXT = /^#(DIV\/0!|N\/A|NAME\?|NULL!|NUM!|REF!|VALUE!|SPILL!|CALC!|GETTING_DATA|FIELD!|BUSY!|BLOCKED!|CONNECT!|UNKNOWN!)$/;

/** Office.js gives "" for empty cells and error values as their text; numbers come as shown (percent, date). */
function fromExcel(v: unknown, format: string, date1904: boolean): CellValue {
  if (v === '' || v === null || v === undefined) return null;
  if (typeof v === 'string' && ERROR_TEXT.test(v)) return { error: v };
  if (typeof v === 'number') return shownValue(v, formatShown(format), date1904);
  if (typeof v === 'string' || typeof v === 'boolean') return v;
  return String(v);
}

/**
 * Whether dates count from 1904 (Office.js does not say): the year a date cell shows tells, when
 * one shows a year. Only sheets whose dates are printed (加减分's 日期) load their text for this.
 */
export function usesDate1904(range: Pick<Excel.Range, 'values' | 'numberFormat' | 'text'>): boolean {
  const texts = range.text;
  for (let r = 0; r < range.values.length; r++) {
    for (let c = 0; c < range.values[r].length; c++) {
      const v = range.values[r][c];
      if (typeof v !== 'number' || formatShown(range.numberFormat[r][c]) !== 'date') continue;
      const shown = texts[r][c];
      const y1900 = serialDate(v, false)?.slice(0, 4);
      const y1904 = serialDate(v, true)?.slice(0, 4);
      if (y1904 && shown.includes(y1904) && !(y1900 && shown.includes(y1900))) return true;
      if (y1900 && shown.includes(y1900)) return false;
    }
  }
  return false;
}

/** A merged area's address (`Sheet1!A2:A5`) as 0-based cells. */
function areaOf(address: string): CellArea | null {
  const [from, to = from] = address.slice(address.lastIndexOf('!') + 1).split(':');
  const a = parseAddress(from);
  const b = parseAddress(to);
  return a && b ? { r0: a[0], c0: a[1], r1: b[0], c1: b[1] } : null;
}

/** What is loaded of an input sheet's used range; 加减分 also its text (for the date system). */
function rangeProps(sheet: string): string {
  return findInputSheets([sheet]).adjustments ? 'address,values,numberFormat,text' : 'address,values,numberFormat';
}

/**
 * Strings that Excel would take for formulas (= + - @) land as text: those cells get the text
 * number format "@" before their values are written. (The alternative, a leading apostrophe,
 * is not used.) Returns the cells to format.
 */
export function formulaLikeCells(spec: SheetSpec): [number, number][] {
  const out: [number, number][] = [];
  spec.cells.forEach((row, r) => row.forEach((v, c) => typeof v === 'string' && /^[=+\-@]/.test(v) && out.push([r, c])));
  return out;
}

/**
 * What Office.js serializes, in UTF-8 bytes, measured through Microsoft's client: a new range
 * object (its path and its instantiation) and a property set or method call on it (with the
 * paths to reach it), without the payload.
 */
const RANGE_BYTES = 260;
const ACTION_BYTES = 170;

/** UTF-8 bytes of a text (requests are UTF-8; Chinese text takes three bytes a character). */
function utf8Bytes(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const u = text.charCodeAt(i);
    n += u < 0x80 ? 1 : u < 0x800 ? 2 : u >= 0xd800 && u < 0xdc00 ? (i++, 4) : 3;
  }
  return n;
}
/** Values and number formats per block of rows (the JSON of both). */
const VALUE_BLOCK_BYTES = 600_000;
/** A page break as Microsoft's client serializes it: its Add path and its instantiation (measured: about 240 bytes). */
const PAGE_BREAK_BYTES = 250;
/** Longest address list given to one getRanges call. */
const ADDRESS_CHUNK = 4000;

/** Rectangles as address lists for getRanges, each at most ADDRESS_CHUNK characters. */
function addressChunks(rects: readonly Area[]): string[] {
  const out: string[] = [];
  let chunk = '';
  for (const r of rects) {
    const a = areaAddress(r);
    if (chunk && chunk.length + a.length + 1 > ADDRESS_CHUNK) {
      out.push(chunk);
      chunk = '';
    }
    chunk = chunk ? `${chunk},${a}` : a;
  }
  if (chunk) out.push(chunk);
  return out;
}

/** Rows of equal height next to each other, as one run each. */
function heightRuns(heights: Readonly<Record<number, number>>): { r0: number; r1: number; height: number }[] {
  const runs: { r0: number; r1: number; height: number }[] = [];
  for (const [key, height] of Object.entries(heights).sort((a, b) => Number(a[0]) - Number(b[0]))) {
    const r = Number(key);
    const last = runs[runs.length - 1];
    if (last && last.r1 === r - 1 && last.height === height) last.r1 = r;
    else runs.push({ r0: r, r1: r, height });
  }
  return runs;
}

/** How many format properties a style sets (besides the number format). */
function formatProps(s: CellStyle): number {
  return [s.bold, s.size, s.color, s.fill, s.align, s.valign, s.wrap].filter((v) => v !== undefined).length + (s.border ? BORDER_EDGES.length * 2 : 0);
}

/** A style on a range's or ranges' format (never the font name: set once per sheet). */
function applyFormat(f: Excel.RangeFormat, s: CellStyle): void {
  if (s.bold !== undefined) f.font.bold = s.bold;
  if (s.size !== undefined) f.font.size = s.size;
  if (s.color) f.font.color = hex(s.color);
  if (s.fill) f.fill.color = hex(s.fill);
  if (s.align) f.horizontalAlignment = s.align === 'left' ? 'Left' : s.align === 'center' ? 'Center' : 'Right';
  if (s.valign) f.verticalAlignment = s.valign === 'top' ? 'Top' : 'Center';
  if (s.wrap) f.wrapText = true;
  if (s.border) {
    for (const edge of BORDER_EDGES) {
      const b = f.borders.getItem(edge);
      b.style = 'Continuous';
      b.color = '#808080';
    }
  }
}

/**
 * Empties a sheet of the tool's before it is written again where it is: contents, formats and
 * merges, conditional formats, data validation, charts, page breaks, frozen rows, sizes.
 */
function clearSheet(ws: Excel.Worksheet, charts: readonly Excel.Chart[], canPrint: boolean, canValidate: boolean): void {
  const all = ws.getRange().untrack();
  all.unmerge();
  all.clear('All');
  all.conditionalFormats.clearAll();
  if (canValidate) all.dataValidation.clear();
  all.format.useStandardWidth = true;
  all.format.useStandardHeight = true;
  for (const chart of charts) chart.delete();
  ws.freezePanes.unfreeze();
  if (canPrint) ws.horizontalPageBreaks.removePageBreaks();
}

/**
 * Adds a sheet and returns it by name: the object `add` returns is valid only until the next
 * sync, and a large sheet is written over several.
 */
function addSheet(wb: Excel.Workbook, name: string): Excel.Worksheet {
  wb.worksheets.add(name);
  return wb.worksheets.getItem(name);
}

/** Excel character widths → points (the API's unit). */
function widthPoints(chars: number): number {
  return Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
}

function hex(color: string): string {
  return `#${color}`;
}

/** Queues Office.js calls and syncs whenever the queued payload nears the request limit. */
class Batch {
  private bytes = 0;
  syncs = 0;
  /** rows of values queued so far (for progress) */
  rowsWritten = 0;

  constructor(
    private readonly context: Excel.RequestContext,
    private readonly onFlush: () => void = () => undefined,
  ) {}

  async add(bytes: number): Promise<void> {
    if (this.bytes + bytes > REQUEST_BUDGET && this.bytes > 0) await this.flush();
    this.bytes += bytes;
  }

  async flush(): Promise<void> {
    await this.context.sync();
    this.syncs++;
    this.bytes = 0;
    this.onFlush();
  }
}

export class ExcelWorkbook implements WorkbookPort {
  /** context.sync calls made so far (also counted by the fake Excel in tests) */
  syncs = 0;

  constructor(
    private readonly run: ExcelRun,
    private readonly supports: SupportsApi,
  ) {}

  /**
   * The sheet names and workbook names (one round trip), then queues the loads of the marks of
   * the result sheets that exist: never a call chained on a sheet that may be missing. `owned`
   * tells the tool's own sheets (see marks.ts) after the next sync.
   */
  private async sheetsAndMarks(context: Excel.RequestContext): Promise<{ sheetNames: string[]; names: Excel.NamedItem[]; owned: () => string[] }> {
    const wb = context.workbook;
    const sheets = wb.worksheets.load('items/name');
    const names = wb.names.load('items/name,items/formula');
    await context.sync();
    this.syncs++;
    const sheetNames = sheets.items.map((s) => s.name);
    const marks = new Map(
      RESULT_SHEETS.filter(({ name }) => sheetNames.includes(name)).map(({ name }) => [
        name,
        wb.worksheets.getItem(name).names.getItemOrNullObject(SHEET_MARK).load('formula'),
      ]),
    );
    const owned = () =>
      ownedSheets(sheetNames, names.items, (sheet) => {
        const m = marks.get(sheet);
        return m && !m.isNullObject ? m.formula : null;
      });
    return { sheetNames, names: names.items, owned };
  }

  async read(pick: (sheetNames: readonly string[]) => readonly string[]): Promise<WorkbookSnapshot> {
    return this.run(async (context) => {
      const { sheetNames, owned } = await this.sheetsAndMarks(context);
      const wanted = pick(sheetNames).filter((n) => sheetNames.includes(n));
      // the sizes of the sheets wanted, in the round trip that also brings the marks
      const used = new Map(
        wanted.map((name) => [name, context.workbook.worksheets.getItem(name).getUsedRangeOrNullObject(true).load('address,rowCount,columnCount')]),
      );
      await context.sync();
      this.syncs++;
      const read = await this.readValues(
        context,
        wanted.map((name) => ({ name, range: used.get(name)! })),
      );
      return { sheetNames, sheets: await this.withMerges(context, read, used), ownedSheets: owned() };
    });
  }

  /**
   * The values and number formats of used ranges, in row blocks: Excel on the web refuses a
   * response over 5 MB, so each round trip asks for at most CELLS_PER_READ cells.
   */
  private async readValues(context: Excel.RequestContext, sheets: { name: string; range: Excel.Range }[]): Promise<SheetData[]> {
    const blocks: { name: string; r0: number; range: Excel.Range }[] = [];
    let cells = 0;
    const flush = async () => {
      if (cells === 0) return;
      await context.sync();
      this.syncs++;
      cells = 0;
    };
    for (const { name, range } of sheets) {
      if (range.isNullObject) continue;
      const [r0, c0] = parseAddress(range.address) ?? [0, 0];
      const ws = context.workbook.worksheets.getItem(name);
      const rowsPerBlock = Math.max(1, Math.floor(CELLS_PER_READ / range.columnCount));
      for (let r = 0; r < range.rowCount; r += rowsPerBlock) {
        const n = Math.min(rowsPerBlock, range.rowCount - r);
        if (cells > 0 && cells + n * range.columnCount > CELLS_PER_READ) await flush();
        blocks.push({ name, r0: r0 + r, range: ws.getRangeByIndexes(r0 + r, c0, n, range.columnCount).load(rangeProps(name)) });
        cells += n * range.columnCount;
      }
    }
    await flush();
    return sheets.map(({ name, range }) => {
      if (range.isNullObject) return { name, rows: [], merges: [] };
      const [, c0] = parseAddress(range.address) ?? [0, 0];
      const parts = blocks.filter((b) => b.name === name);
      const withText = rangeProps(name).includes('text');
      const date1904 = withText && parts.some((b) => usesDate1904(b.range));
      const rows: CellValue[][] = new Array(parts[0]?.r0 ?? 0).fill(null).map(() => []);
      const pad: CellValue[] = new Array(c0).fill(null);
      for (const b of parts) b.range.values.forEach((row, r) => rows.push([...pad, ...row.map((v, c) => fromExcel(v, b.range.numberFormat[r][c], date1904))]));
      return { name, rows };
    });
  }

  /**
   * The merged areas of the sheets read (ExcelApi 1.13), in a round trip of their own: Excel
   * refuses a range with more than 512 of them, and that must not fail the read. Without them
   * a sheet's merges stay unknown (undefined), and the engine says what that may have cost.
   */
  private async withMerges(context: Excel.RequestContext, sheets: SheetData[], ranges: Map<string, Excel.Range>): Promise<SheetData[]> {
    if (!this.supports('1.13')) return sheets;
    const areas = sheets.map((s) => {
      const range = ranges.get(s.name)!;
      return range.isNullObject ? null : range.getMergedAreasOrNullObject().load('areas/items/address');
    });
    try {
      await context.sync();
    } catch {
      return sheets;
    } finally {
      this.syncs++;
    }
    return sheets.map((s, i) => {
      const a = areas[i];
      const merges = !a || a.isNullObject ? [] : a.areas.items.map((r) => areaOf(r.address)).filter((m): m is CellArea => m !== null);
      return { ...s, merges };
    });
  }

  async writeResults(specs: readonly SheetSpec[], onProgress?: (done: number) => void): Promise<WriteOutcome> {
    const canPrint = this.supports('1.9');
    const canValidate = this.supports('1.8');
    return this.run(async (context) => {
      const wb = context.workbook;
      // progress: the share of cells written, told at every round trip
      const total = specs.reduce((n, spec) => n + sheetRows(spec), 0) || 1;
      const batch = new Batch(context, () => onProgress?.(Math.min(1, batch.rowsWritten / total)));
      const { sheetNames, names, owned: ownedNow } = await this.sheetsAndMarks(context);
      await batch.flush();
      // every workbook mark goes, also one left pointing at a result sheet the user renamed
      const marks = names.filter((n) => isWorkbookMark(n.name));
      const owned = new Set(ownedNow());
      refuseSheetsInTheWay(
        specs.map((s) => s.name),
        sheetNames,
        [...owned],
      );
      // leftovers of a run that failed half-way
      for (const name of sheetNames) if (name.startsWith(TEMP_PREFIX)) wb.worksheets.getItem(name).delete();
      // The tool's sheets that exist are rewritten where they are, never deleted and made anew:
      // formulas elsewhere that point at them (='结果汇总'!H5, a VLOOKUP from a pay sheet) keep
      // working. New result sheets are written under temporary names first and swapped in.
      const inPlace = specs.filter((spec) => owned.has(spec.name));
      const fresh = specs.filter((spec) => !owned.has(spec.name));
      const temp = (spec: SheetSpec) => `${TEMP_PREFIX}${spec.role ?? spec.name}`.slice(0, 31);
      const charts = new Map(inPlace.map((spec) => [spec.name, wb.worksheets.getItem(spec.name).charts.load('items/name')]));
      for (const spec of fresh) await this.writeSheet(addSheet(wb, temp(spec)), spec, batch, canPrint, canValidate);
      await batch.flush(); // every new sheet is complete before anything old is touched

      const done: string[] = [];
      let current: string | null = null;
      try {
        for (const spec of inPlace) {
          current = spec.name;
          const ws = wb.worksheets.getItem(spec.name);
          clearSheet(ws, charts.get(spec.name)!.items, canPrint, canValidate);
          await this.writeSheet(ws, spec, batch, canPrint, canValidate);
          await batch.flush();
          done.push(spec.name);
        }
        current = null;
        const writing = new Set(specs.map((spec) => spec.name));
        for (const name of owned) if (!writing.has(name)) wb.worksheets.getItem(name).delete();
        // by name: an item of a loaded collection may be addressed by its position, which deleting shifts
        for (const mark of marks) wb.names.getItem(mark.name).delete();
        for (const spec of specs) {
          if (!owned.has(spec.name)) wb.worksheets.getItem(temp(spec)).name = spec.name;
          const ws = wb.worksheets.getItem(spec.name);
          if (!spec.role) continue;
          wb.names.add(`${MARK_PREFIX}${spec.role}`, ws.getRange('A1'));
          if (!owned.has(spec.name)) ws.names.add(SHEET_MARK, `=${sheetMarkFormula(spec.role)}`).visible = false;
        }
        await batch.flush();
      } catch (e) {
        throw new WriteInterrupted(done, current, e);
      } finally {
        this.syncs += batch.syncs;
      }
      const writing = new Set(specs.map((s) => s.name));
      const degraded = [...(canPrint ? [] : ['print-setup']), ...(canValidate || specs.every((s) => s.validations.length === 0) ? [] : ['data-validation'])];
      return { written: specs.map((s) => s.name), removed: [...owned].filter((n) => !writing.has(n)), degraded };
    });
  }

  /** Writes input sheets of a new workbook (the pane's 新建考核): no marks, no swap. */
  async addSheets(specs: readonly SheetSpec[]): Promise<void> {
    const canPrint = this.supports('1.9');
    const canValidate = this.supports('1.8');
    await this.run(async (context) => {
      const batch = new Batch(context);
      for (const spec of specs) await this.writeSheet(addSheet(context.workbook, spec.name), spec, batch, canPrint, canValidate);
      await batch.flush();
      this.syncs += batch.syncs;
    });
  }

  private async writeSheet(ws: Excel.Worksheet, sheet: SheetSpec, batch: Batch, canPrint: boolean, canValidate: boolean): Promise<void> {
    // a sheet goes to Excel whole: its sections are made now, one sheet at a time
    const spec = wholeSheet(sheet);
    const width = maxOf(
      spec.cells.map((r) => r.length),
      Math.max(1, spec.columnWidths.length),
    );
    // ranges used within one request only: untracked, so Office.js keeps no reference to release
    const rangeOf = (a: Area) => ws.getRangeByIndexes(a.r0, a.c0, a.r1 - a.r0 + 1, a.c1 - a.c0 + 1).untrack();

    // formats first (number formats must be in place before text values land), then values
    await this.writeFormats(ws, spec, width, batch);
    // values and their number formats together, in row blocks under the request budget (a number
    // format per cell costs far less than a range per formatted area); text that looks like a
    // formula gets the text format "@" so that it lands as text
    const rows = rowsUsed(spec);
    const styler = rowStyler(spec);
    const formulaLike = new Set(formulaLikeCells(spec).map(([r, c]) => r * width + c));
    let start = 0;
    while (start < rows) {
      let bytes = 0;
      let end = start;
      const values: (string | number)[][] = [];
      const formats: string[][] = [];
      while (end < rows && (bytes < VALUE_BLOCK_BYTES || values.length === 0)) {
        const styles = styler(end);
        const row = Array.from({ length: width }, (_, c) => {
          const v = spec.cells[end]?.[c] ?? '';
          return typeof v === 'string' ? cellTextFitted(v) : v;
        });
        const format = Array.from({ length: width }, (_, c) => (formulaLike.has(end * width + c) ? '@' : (styles?.get(c)?.style.numberFormat ?? 'General')));
        bytes += utf8Bytes(JSON.stringify(row)) + JSON.stringify(format).length;
        values.push(row);
        formats.push(format);
        end++;
      }
      const block = ws.getRangeByIndexes(start, 0, values.length, width).untrack();
      batch.rowsWritten += Math.min(values.length, Math.max(0, spec.cells.length - start));
      block.numberFormat = formats;
      block.values = values;
      // Office.js sends more than 1,500 cells as pieces of its own, two object paths each
      await batch.add(bytes + RANGE_BYTES + (RANGE_BYTES + ACTION_BYTES) * 2 * Math.ceil((values.length * width) / 1500));
      start = end;
    }
    for (const m of spec.merges) {
      rangeOf(m).merge(false);
      await batch.add(RANGE_BYTES + ACTION_BYTES);
    }
    spec.columnWidths.forEach((w, c) => (ws.getRangeByIndexes(0, c, 1, 1).untrack().format.columnWidth = widthPoints(w)));
    await this.writeRowHeights(ws, spec, batch);
    await batch.add((RANGE_BYTES + ACTION_BYTES) * spec.columnWidths.length);
    if (spec.freezeRows > 0) ws.freezePanes.freezeRows(spec.freezeRows);
    for (const bar of spec.dataBars) {
      const cf = rangeOf(bar).conditionalFormats.add('DataBar');
      cf.dataBar.barDirection = 'LeftToRight';
      cf.dataBar.positiveFormat.fillColor = hex(bar.color);
      cf.dataBar.lowerBoundRule = { type: 'Number', formula: '0' };
      await batch.add(200);
    }
    if (spec.chart) {
      // a real chart in Excel: counts per grade, placed under the table
      const c = spec.chart;
      const chart = ws.charts.add('ColumnClustered', rangeOf(c.values), 'Columns');
      chart.series.getItemAt(0).setXAxisValues(rangeOf(c.categories));
      chart.title.text = c.title;
      chart.legend.visible = false;
      chart.setPosition(`A${c.anchorRow + 1}`, `${columnLetters(Math.max(width - 1, 5))}${c.anchorRow + 16}`);
      await batch.add(400);
    }
    for (const l of spec.links ?? []) {
      ws.getRangeByIndexes(l.r, l.c, 1, 1).untrack().hyperlink = { documentReference: l.target };
      await batch.add(RANGE_BYTES + ACTION_BYTES + utf8Bytes(l.target));
    }
    if (canValidate) {
      ws.showGridlines = false;
      for (const v of spec.validations) {
        rangeOf(v).dataValidation.rule = { decimal: { formula1: v.min, formula2: v.max, operator: 'Between' } };
        rangeOf(v).dataValidation.errorAlert = { message: v.message, showAlert: true, style: 'Stop', title: v.title };
        await batch.add(300);
      }
    }
    if (canPrint) {
      const p = spec.print;
      const layout = ws.pageLayout;
      layout.orientation = p.orientation === 'landscape' ? 'Landscape' : 'Portrait';
      layout.paperSize = 'A4';
      layout.zoom = p.scale ? { scale: p.scale } : { horizontalFitToPages: 1, verticalFitToPages: 0 };
      layout.centerHorizontally = true;
      layout.printGridlines = false;
      // Excel's margins are in points, rounded as before (72 to the inch)
      const points = (inches: number) => Math.round(inches * 72);
      layout.leftMargin = points(PAGE_MARGINS.left);
      layout.rightMargin = points(PAGE_MARGINS.right);
      layout.topMargin = points(PAGE_MARGINS.top);
      layout.bottomMargin = points(PAGE_MARGINS.bottom);
      layout.headerMargin = points(PAGE_MARGINS.header);
      layout.footerMargin = points(PAGE_MARGINS.footer);
      layout.headersFooters.defaultForAllPages.centerFooter = p.footer;
      layout.firstPageNumber = 1;
      if (p.titleRows) layout.setPrintTitleRows(`$${p.titleRows[0] + 1}:$${p.titleRows[1] + 1}`);
      await batch.add(600);
      // a break per 成绩单 page: 10,000 of them are megabytes, spread over requests
      for (const r of p.breaksBefore) {
        ws.horizontalPageBreaks.add(`A${r + 1}`);
        await batch.add(PAGE_BREAK_BYTES);
      }
    }
  }

  /** Row heights: rows of one height at once (RangeAreas, ExcelApi 1.9), else runs of rows. */
  private async writeRowHeights(ws: Excel.Worksheet, spec: SheetSpec, batch: Batch): Promise<void> {
    const runs = heightRuns(spec.rowHeights);
    if (!this.supports('1.9')) {
      for (const run of runs) {
        ws.getRangeByIndexes(run.r0, 0, run.r1 - run.r0 + 1, 1).untrack().format.rowHeight = run.height;
        await batch.add(RANGE_BYTES + ACTION_BYTES);
      }
      return;
    }
    const byHeight = new Map<number, Area[]>();
    for (const run of runs) pushTo(byHeight, run.height, { r0: run.r0, r1: run.r1, c0: 0, c1: 0 });
    for (const [height, areas] of byHeight) {
      for (const chunk of addressChunks(areas)) {
        ws.getRanges(chunk).untrack().format.rowHeight = height;
        await batch.add(chunk.length + RANGE_BYTES + ACTION_BYTES);
      }
    }
  }

  /**
   * The sheet's formats: its font once for the whole table; then each final style (no overlaps,
   * see style-runs.ts) on all its rectangles at once where Excel can (RangeAreas, ExcelApi 1.9),
   * else rectangle by rectangle. Number formats go with the values.
   */
  private async writeFormats(ws: Excel.Worksheet, spec: SheetSpec, width: number, batch: Batch): Promise<void> {
    const rows = Math.max(rowsUsed(spec), 1);
    ws.getRangeByIndexes(0, 0, rows, width).untrack().format.font.name = FONT_NAME;
    await batch.add(RANGE_BYTES + ACTION_BYTES);
    const byStyle = new Map<string, StyleRect[]>();
    for (const rect of styleRects(spec)) pushTo(byStyle, JSON.stringify({ ...rect.style, numberFormat: undefined }), rect);
    const canAreas = this.supports('1.9');
    for (const rects of byStyle.values()) {
      const style = rects[0].style;
      const props = formatProps(style);
      if (props > 0) {
        if (canAreas) {
          for (const chunk of addressChunks(rects)) {
            applyFormat(ws.getRanges(chunk).untrack().format, style);
            await batch.add(chunk.length + RANGE_BYTES + ACTION_BYTES * props);
          }
        } else {
          for (const rect of rects) {
            applyFormat(ws.getRangeByIndexes(rect.r0, rect.c0, rect.r1 - rect.r0 + 1, rect.c1 - rect.c0 + 1).untrack().format, style);
            await batch.add(RANGE_BYTES + ACTION_BYTES * props);
          }
        }
      }
    }
  }

  /**
   * Marks problem cells with a fill: a conditional format whose formula is MARK_FORMULA, so the
   * next call removes exactly these marks and never a fill or format of the user's.
   */
  async markCells(cells: readonly { sheet: string; cell: string }[]): Promise<void> {
    await this.run(async (context) => {
      const wb = context.workbook;
      const sheets = wb.worksheets.load('items/name');
      await context.sync();
      const lists = sheets.items.map((ws) => ws.getRange().conditionalFormats.load('items/type'));
      await context.sync();
      const custom = lists.flatMap((list) => list.items.filter((cf) => cf.type === 'Custom').map((cf) => ({ cf, rule: cf.custom.rule.load('formula') })));
      await context.sync();
      for (const { cf, rule } of custom) if (rule.formula === MARK_FORMULA) cf.delete();
      const names = new Set(sheets.items.map((ws) => ws.name));
      for (const { sheet, cell } of cells.slice(0, MAX_MARKS)) {
        if (!cell || !names.has(sheet)) continue;
        const cf = wb.worksheets.getItem(sheet).getRange(cell).conditionalFormats.add('Custom');
        cf.custom.rule.formula = MARK_FORMULA;
        cf.custom.format.fill.color = MARK_FILL;
      }
      await context.sync();
      this.syncs += 4;
    });
  }

  /** Selects a cell for the user (a click on an issue in the pane). */
  async select(sheet: string, cell: string): Promise<void> {
    await this.run(async (context) => {
      const ws = context.workbook.worksheets.getItem(sheet);
      ws.activate();
      ws.getRange(cell || 'A1').select();
      await context.sync();
      this.syncs++;
    });
  }

  /** Renames a sheet (识别现有评分表: the user's score sheet becomes 评分表); Excel updates references to it. */
  async renameSheet(from: string, to: string): Promise<void> {
    await this.run(async (context) => {
      context.workbook.worksheets.getItem(from).name = to;
      await context.sync();
      this.syncs++;
    });
  }

  /** Shows a sheet (结果汇总 after writing). */
  async activate(sheet: string): Promise<void> {
    await this.run(async (context) => {
      context.workbook.worksheets.getItem(sheet).activate();
      await context.sync();
      this.syncs++;
    });
  }
}
