// The .xlsx host: an exceljs workbook in memory. Used by the command line and the browser.
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { CellValue, SheetData } from '../../engine/types';
import type { CellStyle, SheetSpec } from '../../report/spec';
import { RESULT_SHEETS } from '../../report/spec';
import type { WorkbookPort, WorkbookSnapshot, WriteOutcome } from '../port';

/** Why a file could not be opened as a workbook. */
export type OpenFailure = 'encrypted-or-xls' | 'not-xlsx' | 'corrupt';

export class WorkbookOpenError extends Error {
  constructor(readonly reason: OpenFailure, detail: string) {
    super(detail);
  }
}

/** Parts of a package exceljs does not carry over, by what a user calls them. */
const LOST_PARTS: readonly [RegExp, string][] = [
  [/^xl\/charts\//, '图表'],
  [/^xl\/(pivotTables|pivotCache)\//, '数据透视表'],
  [/^xl\/vbaProject\.bin$/, '宏'],
  [/^xl\/(media|drawings)\//, '图片或图形'],
  [/^xl\/ctrlProps\//, '表单控件'],
  [/^xl\/slicers?\/|^xl\/slicerCaches\//, '切片器'],
  [/^xl\/timelines?\//, '日程表'],
  [/^xl\/threadedComments\//, '新式批注'],
  [/^xl\/externalLinks\//, '外部链接'],
];

/** The mark on a sheet the tool wrote: a workbook name `kaoping_<role>` pointing at its A1. */
const MARK_PREFIX = 'kaoping_';

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

function cellValue(cell: ExcelJS.Cell): CellValue {
  if (cell.isMerged && cell.master !== cell) return null; // like Excel: only the top-left holds the value
  const v = cell.value;
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  if (v instanceof Date) return (v.getTime() - EXCEL_EPOCH_MS) / 86400000;
  if (typeof v === 'object') {
    if ('error' in v) return { error: String(v.error) };
    if ('formula' in v || 'sharedFormula' in v) {
      const result = (v as ExcelJS.CellFormulaValue).result;
      if (result === undefined || result === null) return { formula: String((v as ExcelJS.CellFormulaValue).formula ?? (v as ExcelJS.CellSharedFormulaValue).sharedFormula) };
      if (result instanceof Date) return (result.getTime() - EXCEL_EPOCH_MS) / 86400000;
      if (typeof result === 'object' && 'error' in result) return { error: String(result.error) };
      return result as number | string | boolean;
    }
    if ('richText' in v) return v.richText.map((t) => t.text).join('');
    if ('text' in v) return String((v as ExcelJS.CellHyperlinkValue).text);
  }
  return String(v);
}

function sheetData(ws: ExcelJS.Worksheet): SheetData {
  const rows: CellValue[][] = [];
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    const out: CellValue[] = [];
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      out[c - 1] = cellValue(cell);
    });
    for (let c = 0; c < out.length; c++) if (out[c] === undefined) out[c] = null;
    rows[r - 1] = out;
  });
  for (let r = 0; r < rows.length; r++) if (!rows[r]) rows[r] = [];
  return { name: ws.name, rows };
}

function argb(hex: string): string {
  return `FF${hex.toUpperCase()}`;
}

const THIN: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF808080' } };

function excelStyle(s: CellStyle): Partial<ExcelJS.Style> {
  const style: Partial<ExcelJS.Style> = {};
  const font: Partial<ExcelJS.Font> = { name: '宋体', size: s.size ?? 11 };
  if (s.bold) font.bold = true;
  if (s.color) font.color = { argb: argb(s.color) };
  style.font = font;
  if (s.fill) style.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(s.fill) } };
  if (s.align || s.valign || s.wrap) style.alignment = { horizontal: s.align, vertical: s.valign, wrapText: s.wrap || undefined };
  if (s.border) style.border = { top: THIN, left: THIN, bottom: THIN, right: THIN };
  if (s.numberFormat) style.numFmt = s.numberFormat;
  return style;
}

/** Writes one spec into a new worksheet. */
function writeSpec(wb: ExcelJS.Workbook, spec: SheetSpec): ExcelJS.Worksheet {
  const { print } = spec;
  const ws = wb.addWorksheet(spec.name, {
    views: [spec.freezeRows > 0 ? { state: 'frozen', ySplit: spec.freezeRows, showGridLines: false } : { showGridLines: false }],
    pageSetup: {
      paperSize: 9, // A4
      orientation: print.orientation,
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      showGridLines: false,
      margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.7, header: 0.3, footer: 0.3 },
      ...(print.titleRows ? { printTitlesRow: `${print.titleRows[0] + 1}:${print.titleRows[1] + 1}` } : {}),
    },
    headerFooter: { oddFooter: `&C${print.footer}`, evenFooter: `&C${print.footer}` },
  });
  spec.columnWidths.forEach((w, c) => (ws.getColumn(c + 1).width = w));
  spec.cells.forEach((row, r) => {
    if (row.length === 0) return;
    const xr = ws.getRow(r + 1);
    row.forEach((v, c) => {
      if (v !== null) xr.getCell(c + 1).value = v;
    });
  });
  // resolve overlapping style areas cell by cell, sharing one style object per distinct style
  const merged = new Map<string, CellStyle>();
  for (const area of spec.styles) {
    for (let r = area.r0; r <= area.r1; r++) {
      for (let c = area.c0; c <= area.c1; c++) {
        const key = `${r},${c}`;
        merged.set(key, { ...merged.get(key), ...area.style });
      }
    }
  }
  const cache = new Map<string, Partial<ExcelJS.Style>>();
  for (const [key, style] of merged) {
    const id = JSON.stringify(style);
    let xs = cache.get(id);
    if (!xs) cache.set(id, (xs = excelStyle(style)));
    const [r, c] = key.split(',').map(Number);
    ws.getRow(r + 1).getCell(c + 1).style = xs;
  }
  for (const m of spec.merges) ws.mergeCells(m.r0 + 1, m.c0 + 1, m.r1 + 1, m.c1 + 1);
  for (const [r, h] of Object.entries(spec.rowHeights)) ws.getRow(Number(r) + 1).height = h;
  for (const r of print.breaksBefore) ws.getRow(r).addPageBreak(); // a break after the row above
  for (const bar of spec.dataBars) {
    ws.addConditionalFormatting({
      ref: `${colName(bar.c0)}${bar.r0 + 1}:${colName(bar.c1)}${bar.r1 + 1}`,
      rules: [{ type: 'dataBar', priority: 1, cfvo: [{ type: 'min' }, { type: 'max' }], color: { argb: argb(bar.color) } } as unknown as ExcelJS.ConditionalFormattingRule],
    });
  }
  for (const v of spec.validations) {
    for (let r = v.r0; r <= v.r1; r++) {
      for (let c = v.c0; c <= v.c1; c++) {
        ws.getRow(r + 1).getCell(c + 1).dataValidation = {
          type: 'decimal',
          operator: 'between',
          allowBlank: true,
          formulae: [v.min, v.max],
          showErrorMessage: true,
          errorTitle: '分值超出范围',
          error: `请输入 ${v.min} 到 ${v.max} 之间的数字。`,
        };
      }
    }
  }
  return ws;
}

function colName(c: number): string {
  let s = '';
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** The sheet a mark points at: `'结果汇总'!$A$1` → 结果汇总. */
function markedSheet(range: string): string | null {
  const m = /^'((?:[^']|'')+)'!|^([^!']+)!/.exec(range);
  if (!m) return null;
  return m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2];
}

export class XlsxWorkbook implements WorkbookPort {
  private constructor(
    readonly workbook: ExcelJS.Workbook,
    /** what the output file will lack (charts, pivot tables, …), in the user's words */
    readonly lostParts: readonly string[],
  ) {}

  static create(): XlsxWorkbook {
    const wb = new ExcelJS.Workbook();
    wb.creator = 'kaoping';
    return new XlsxWorkbook(wb, []);
  }

  /** Opens .xlsx bytes; throws WorkbookOpenError for encrypted, old-format, non-zip or broken files. */
  static async load(data: Uint8Array): Promise<XlsxWorkbook> {
    // an encrypted .xlsx and an old .xls are both OLE compound files
    if (data.length >= 4 && data[0] === 0xd0 && data[1] === 0xcf && data[2] === 0x11 && data[3] === 0xe0) throw new WorkbookOpenError('encrypted-or-xls', 'OLE compound file');
    if (data.length < 4 || data[0] !== 0x50 || data[1] !== 0x4b) throw new WorkbookOpenError('not-xlsx', 'not a zip package');
    let zip: JSZip;
    try {
      zip = await JSZip.loadAsync(data);
    } catch (e) {
      throw new WorkbookOpenError('corrupt', String(e));
    }
    if (!zip.file('xl/workbook.xml')) throw new WorkbookOpenError('not-xlsx', 'no xl/workbook.xml');
    const names = Object.keys(zip.files);
    const lost = LOST_PARTS.filter(([re]) => names.some((n) => re.test(n))).map(([, word]) => word);
    const wb = new ExcelJS.Workbook();
    try {
      await wb.xlsx.load(data as unknown as ArrayBuffer);
    } catch (e) {
      throw new WorkbookOpenError('corrupt', String(e));
    }
    return new XlsxWorkbook(wb, lost);
  }

  sheetNames(): string[] {
    return this.workbook.worksheets.map((ws) => ws.name);
  }

  /** Result sheets carrying the tool's mark. */
  ownedSheets(): string[] {
    const names = new Set(this.sheetNames());
    return this.workbook.definedNames.model
      .filter((n) => n.name.startsWith(MARK_PREFIX))
      .flatMap((n) => n.ranges.map(markedSheet))
      .filter((s): s is string => s !== null && names.has(s));
  }

  async read(pick: (sheetNames: readonly string[]) => readonly string[]): Promise<WorkbookSnapshot> {
    const names = this.sheetNames();
    const wanted = new Set(pick(names));
    return {
      sheetNames: names,
      sheets: this.workbook.worksheets.filter((ws) => wanted.has(ws.name)).map(sheetData),
      ownedSheets: this.ownedSheets(),
    };
  }

  async writeResults(specs: readonly SheetSpec[]): Promise<WriteOutcome> {
    const wb = this.workbook;
    const owned = new Set(this.ownedSheets());
    const writing = new Set(specs.map((s) => s.name));
    for (const spec of specs) {
      const existing = wb.getWorksheet(spec.name);
      if (existing && !owned.has(spec.name)) throw new Error(`sheet "${spec.name}" exists and was not written by kaoping`);
    }
    const removed = [...owned].filter((n) => !writing.has(n));
    for (const name of owned) wb.removeWorksheet(wb.getWorksheet(name)!.id);
    wb.definedNames.model = wb.definedNames.model.filter((n) => !n.name.startsWith(MARK_PREFIX));
    for (const spec of specs) {
      writeSpec(wb, spec);
      if (spec.role) wb.definedNames.add(`${quoteSheet(spec.name)}!$A$1`, `${MARK_PREFIX}${spec.role}`);
    }
    return { written: specs.map((s) => s.name), removed, degraded: [] };
  }

  /** Writes sheets that are not results (a new workbook's input sheets). */
  addSheets(specs: readonly SheetSpec[]): void {
    for (const spec of specs) writeSpec(this.workbook, spec);
  }

  async toBytes(): Promise<Uint8Array> {
    const buf = await this.workbook.xlsx.writeBuffer();
    return new Uint8Array(buf as ArrayBuffer);
  }
}

/** The canonical result sheet names, for callers that check conflicts before writing. */
export const RESULT_SHEET_NAMES = RESULT_SHEETS.map((s) => s.name);
