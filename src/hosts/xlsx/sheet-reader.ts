// Reads worksheet and shared-string parts as streams (saxes): memory follows the cells kept,
// not the size of the XML. Values come as Excel shows them (percents and dates by the cell's style).
import type { CellArea, CellValue, SheetData } from '../../engine/types';
import { shownValue, type Shown } from '../number-format';
import { LIMITS, tooLarge, type ZipPackage } from './package';
import { damaged, PartDecoder, saxParser, type SaxTag } from './xml';

/** SpreadsheetML's main namespace, Transitional and Strict ('' for files written without one). */
const MAIN_NS = new Set(['http://schemas.openxmlformats.org/spreadsheetml/2006/main', 'http://purl.oclc.org/ooxml/spreadsheetml/main', '']);

/** Excel's grid: XFD1048576. */
const MAX_ROW = 1_048_576;
const MAX_COL = 16_384;

/** A cell reference (`B7`) → 0-based [row, column]; anything else, or outside the grid, is damage. */
export function gridCell(ref: string, part: string): [number, number] {
  // by hand: one call per cell of every sheet read
  let i = 0;
  let c = 0;
  let r = 0;
  const s = ref.length < 16 ? ref : ref.trim();
  if (s.charCodeAt(i) === 36) i++; // $
  for (let code = s.charCodeAt(i) & ~32; code >= 65 && code <= 90 && i < 4; code = s.charCodeAt(++i) & ~32) c = c * 26 + code - 64;
  const letters = i;
  if (s.charCodeAt(i) === 36) i++;
  const digitsFrom = i;
  for (let code = s.charCodeAt(i); code >= 48 && code <= 57; code = s.charCodeAt(++i)) r = r * 10 + code - 48;
  const valid = c > 0 && letters <= 4 && i > digitsFrom && i === s.length && c <= MAX_COL && r >= 1 && r <= MAX_ROW;
  if (!valid) throw damaged(part, `cell reference "${ref.slice(0, 40)}" is outside Excel's grid (A1:XFD1048576)`);
  return [r - 1, c - 1];
}

function gridArea(ref: string, part: string): CellArea {
  const [from, to = from] = ref.split(':');
  const [r0, c0] = gridCell(from, part);
  const [r1, c1] = gridCell(to, part);
  return { r0: Math.min(r0, r1), c0: Math.min(c0, c1), r1: Math.max(r0, r1), c1: Math.max(c0, c1) };
}

/** What reading a worksheet needs from the rest of the package. */
export interface SheetContext {
  readonly shared: readonly string[];
  /** how the cell format (cellXfs index) shows a number */
  readonly shownOf: (xf: number) => Shown;
  readonly date1904: boolean;
  /** cells with a value still allowed (LIMITS.cells over all sheets read) */
  cellsLeft: number;
}

let mainUri = MAIN_NS.values().next().value as string;
/** Whether an element is SpreadsheetML's (the last namespace found is checked first: one per part). */
const inMain = (t: SaxTag) => t.uri === mainUri || (MAIN_NS.has(t.uri) && ((mainUri = t.uri), true));
const attr = (t: SaxTag, name: string): string | undefined => t.attributes[name];

interface OpenCell {
  col: number;
  type: string;
  xf: number;
  formula: string | null;
  v: string | null;
  inline: string | null;
}

/** OOXML's escape for characters XML cannot carry (`_x001B_` is ESC, `_x005F_` a literal `_`). */
function unescapeXstring(text: string): string {
  return text.includes('_x') ? text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))) : text;
}

/** An ISO date or date-time as the text a date cell shows. */
function isoDate(text: string): CellValue {
  const m = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}:\d{2})(?::(\d{2}))?)?/.exec(text.trim());
  if (!m) return text;
  return { date: m[2] && m[2] !== '00:00' ? `${m[1]} ${m[2]}` : m[1] };
}

function cellValue(cell: OpenCell, ctx: SheetContext, part: string): CellValue {
  const { type, v, formula } = cell;
  const uncalculated = formula !== null ? { formula } : null;
  if (type === 'inlineStr') return cell.inline !== null ? unescapeXstring(cell.inline) : (v ?? uncalculated);
  if (v === null) return uncalculated;
  switch (type) {
    case 's': {
      const i = Number(v.trim());
      if (!Number.isInteger(i) || i < 0 || i >= ctx.shared.length) throw damaged(part, `shared string ${v.slice(0, 20)} does not exist`);
      return ctx.shared[i];
    }
    case 'str':
      return unescapeXstring(v);
    case 'b':
      return v.trim() === '1' || v.trim().toLowerCase() === 'true';
    case 'e':
      return { error: v.trim() };
    case 'd':
      return isoDate(v);
    default: {
      const t = v.trim();
      // a formula written without its result (`<f>10+5</f><v></v>`) has no value: never 0
      if (t === '') return uncalculated;
      const x = Number(t);
      return Number.isFinite(x) ? shownValue(x, ctx.shownOf(cell.xf), ctx.date1904) : t;
    }
  }
}

/** The values and merged areas of one worksheet part. */
export async function readWorksheet(pkg: ZipPackage, part: string, name: string, ctx: SheetContext): Promise<SheetData> {
  const rows: CellValue[][] = [];
  const merges: CellArea[] = [];
  let row = -1;
  let col = -1;
  let cell: OpenCell | null = null;
  let capture: 'v' | 'f' | 't' | null = null;
  let text = '';
  let phonetic = 0;
  const parser = saxParser(part, {
    open(t) {
      if (!inMain(t)) return;
      switch (t.local) {
        case 'row': {
          const r = attr(t, 'r');
          row = r === undefined ? row + 1 : Number(r) - 1;
          if (!Number.isInteger(row) || row < 0 || row >= MAX_ROW) throw damaged(part, `row number "${String(r).slice(0, 20)}" is outside Excel's grid`);
          col = -1;
          break;
        }
        case 'c': {
          const ref = attr(t, 'r');
          col = ref === undefined ? col + 1 : gridCell(ref, part)[1];
          if (col >= MAX_COL) throw damaged(part, 'a row has more cells than Excel allows');
          cell = { col, type: attr(t, 't')?.trim() || 'n', xf: Number(attr(t, 's') ?? 0) || 0, formula: null, v: null, inline: null };
          break;
        }
        case 'v':
        case 'f':
          if (cell) {
            capture = t.local;
            text = '';
          }
          break;
        case 'rPh':
          phonetic++;
          break;
        case 't':
          if (cell && phonetic === 0) {
            capture = 't';
            text = '';
          }
          break;
        case 'mergeCell': {
          const ref = attr(t, 'ref');
          if (ref) merges.push(gridArea(ref, part));
          break;
        }
      }
    },
    text(t) {
      if (capture) text += t;
    },
    close(t) {
      if (!inMain(t)) return;
      switch (t.local) {
        case 'v':
          if (cell && capture === 'v') cell.v = (cell.v ?? '') + text;
          capture = null;
          break;
        case 'f':
          if (cell && capture === 'f') cell.formula = text;
          capture = null;
          break;
        case 't':
          if (cell && capture === 't') cell.inline = (cell.inline ?? '') + text;
          capture = null;
          break;
        case 'rPh':
          phonetic--;
          break;
        case 'c': {
          if (!cell) break;
          const value = cellValue(cell, ctx, part);
          if (value !== null && row >= 0) {
            if (row >= LIMITS.rows) throw tooLarge('rows', name, LIMITS.rows);
            if (--ctx.cellsLeft < 0) throw tooLarge('cells', name, LIMITS.cells);
            (rows[row] ??= [])[cell.col] = value;
          }
          cell = null;
          break;
        }
      }
    },
  });
  const decoder = new PartDecoder(part);
  await pkg.stream(part, LIMITS.partBytes, (chunk) => parser.write(decoder.decode(chunk)));
  parser.write(decoder.decode(new Uint8Array(0), true));
  parser.close();
  for (let r = 0; r < rows.length; r++) {
    const cells = (rows[r] ??= []);
    for (let c = 0; c < cells.length; c++) if (cells[c] === undefined) cells[c] = null;
  }
  return { name, rows, merges };
}

/** The shared strings, without phonetic runs. */
export async function readSharedStrings(pkg: ZipPackage, part: string): Promise<string[]> {
  const out: string[] = [];
  let item: string | null = null;
  let inT = false;
  let phonetic = 0;
  const parser = saxParser(part, {
    open(t) {
      if (!inMain(t)) return;
      if (t.local === 'si') item = '';
      else if (t.local === 'rPh') phonetic++;
      else if (t.local === 't' && item !== null && phonetic === 0) inT = true;
    },
    text(t) {
      if (inT) item += t;
    },
    close(t) {
      if (!inMain(t)) return;
      if (t.local === 't') inT = false;
      else if (t.local === 'rPh') phonetic--;
      else if (t.local === 'si' && item !== null) {
        out.push(unescapeXstring(item));
        item = null;
      }
    },
  });
  const decoder = new PartDecoder(part);
  await pkg.stream(part, LIMITS.partBytes, (chunk) => parser.write(decoder.decode(chunk)));
  parser.write(decoder.decode(new Uint8Array(0), true));
  parser.close();
  return out;
}
