// A result sheet as data: what to write, not how. Hosts turn this into package parts or Office.js calls.
import type { CellArea } from '../engine/types';

export type SpecValue = string | number | null;

/** The font of every sheet the tool writes (the official tables' 宋体). */
export const FONT_NAME = '宋体';

/** Printed margins of every result sheet, in inches (the hosts convert to their own units). */
export const PAGE_MARGINS = { left: 0.5, right: 0.5, top: 0.6, bottom: 0.7, header: 0.3, footer: 0.3 } as const;

/** The most characters an Excel cell holds. */
export const MAX_CELL_TEXT = 32_767;
const CUT_MARK = '…〔已截断〕';

/** A text as a cell can hold it: longer text is cut, with a visible mark at the end. */
export function cellTextFitted(text: string): string {
  return text.length <= MAX_CELL_TEXT ? text : text.slice(0, MAX_CELL_TEXT - CUT_MARK.length) + CUT_MARK;
}

export interface CellStyle {
  readonly bold?: boolean;
  readonly size?: number;
  /** RRGGBB */
  readonly color?: string;
  /** RRGGBB */
  readonly fill?: string;
  readonly align?: 'left' | 'center' | 'right';
  readonly valign?: 'top' | 'middle';
  readonly wrap?: boolean;
  /** thin borders on every edge of every cell in the range */
  readonly border?: boolean;
  /** invariant Excel number format: '0.00', '@', '0.0%' */
  readonly numberFormat?: string;
}

/** A rectangle, 0-based, inclusive. */
export type Area = CellArea;

export interface StyledArea extends Area {
  readonly style: CellStyle;
}

export interface PrintSetup {
  readonly orientation: 'portrait' | 'landscape';
  /** rows repeated at the top of every printed page (0-based, inclusive) */
  readonly titleRows: readonly [number, number] | null;
  /** page footer, centre: Excel header/footer codes (&P page); pages are numbered from 1 in every sheet */
  readonly footer: string;
  /** manual page breaks before these 0-based rows */
  readonly breaksBefore: readonly number[];
  /**
   * A fixed print scale in percent instead of fitting one page wide. Fitting ignores manual page
   * breaks (in Excel and LibreOffice alike), so 成绩单 uses a scale and keeps a page per subject.
   */
  readonly scale?: number;
}

export type ResultRole = 'summary' | 'periods' | 'groups' | 'distribution' | 'notice' | 'analysis' | 'ratings' | 'reports' | 'validation';

export interface SheetSpec {
  /** null for a sheet that is not a result (a new workbook's input sheets) */
  readonly role: ResultRole | null;
  readonly name: string;
  /** values from A1; rows may be ragged */
  readonly cells: readonly (readonly SpecValue[])[];
  /** applied in order; a later area wins for the properties it sets */
  readonly styles: readonly StyledArea[];
  readonly merges: readonly Area[];
  /** in Excel character widths */
  readonly columnWidths: readonly number[];
  /** 0-based row → height in points, for rows that need more than one line */
  readonly rowHeights: Readonly<Record<number, number>>;
  /** rows frozen at the top (0 = none) */
  readonly freezeRows: number;
  readonly print: PrintSetup;
  /** data bars (conditional format) */
  readonly dataBars: readonly (Area & { readonly color: string })[];
  /** data validation: decimal numbers between min and max */
  /** numbers between min and max; `title` and `message` are the alert a wrong entry gets */
  readonly validations: readonly (Area & { readonly min: number; readonly max: number; readonly title: string; readonly message: string })[];
  /**
   * A column chart of `values` over `categories` (one or two label columns), placed from
   * `anchorRow` down. Hosts that cannot write charts show data bars on `values` instead.
   */
  readonly chart: { readonly title: string; readonly categories: Area; readonly values: Area; readonly anchorRow: number } | null;
  /** cells that link to a cell of the workbook (校验报告's 单元格 entries): `target` as 'Sheet'!A1 */
  readonly links?: readonly SheetLink[];
  /**
   * Rows that follow `cells`, produced a section at a time while the sheet is written (成绩单: a
   * page per subject), so that a large sheet is never held whole. Each section starts a printed
   * page, except the first, which follows the sheet's own rows. Sections stay within the
   * sheet's columns; `columnWidths` and `print` already account for them.
   */
  readonly sections?: SheetSections;
}

export interface SheetLink {
  readonly r: number;
  readonly c: number;
  readonly target: string;
}

/** A link's target: the cell on its sheet, the sheet name quoted as formulas quote it. */
export function cellTarget(sheet: string, cell: string): string {
  return `'${sheet.replace(/'/g, "''")}'!${cell}`;
}

export interface SheetSections {
  readonly count: number;
  /** rows over all sections */
  readonly rows: number;
  /** section k; its areas and row numbers count from its own first row */
  section(k: number): SheetSection;
}

export type SheetSection = Pick<SheetSpec, 'cells' | 'styles' | 'merges' | 'rowHeights'>;

/** Rows a sheet or a section takes: its values' and its styled areas', whichever reach further. */
export function rowsUsed(piece: Pick<SheetSpec, 'cells' | 'styles'>): number {
  return piece.styles.reduce((n, a) => Math.max(n, a.r1 + 1), piece.cells.length);
}

/** Every row a sheet has: its own and its sections'. */
export function sheetRows(spec: SheetSpec): number {
  return spec.cells.length + (spec.sections?.rows ?? 0);
}

/**
 * The sheet with its sections in place, for hosts that write a sheet at once (Office.js) and for
 * tests. Rows of a section are shifted down by the rows before it; sections after the first get
 * a page break. With `upToRows`, sections stop once that many rows are there (a preview).
 */
export function wholeSheet(spec: SheetSpec, { upToRows = Infinity }: { readonly upToRows?: number } = {}): SheetSpec {
  const { sections } = spec;
  if (!sections) return spec;
  const cells = [...spec.cells];
  const styles = [...spec.styles];
  const merges = [...spec.merges];
  const rowHeights: Record<number, number> = { ...spec.rowHeights };
  const breaksBefore = [...spec.print.breaksBefore];
  const down = <T extends Area>(a: T, by: number): T => ({ ...a, r0: a.r0 + by, r1: a.r1 + by });
  // the same offsets as the .xlsx writer's: a piece ends where its values or its styles end
  let at = rowsUsed(spec);
  for (let k = 0; k < sections.count && at < upToRows; k++) {
    const part = sections.section(k);
    while (cells.length < at) cells.push([]);
    if (k > 0) breaksBefore.push(at);
    cells.push(...part.cells);
    for (const a of part.styles) styles.push(down(a, at));
    for (const m of part.merges) merges.push(down(m, at));
    for (const [r, h] of Object.entries(part.rowHeights)) rowHeights[Number(r) + at] = h;
    at += rowsUsed(part);
  }
  const { sections: _, ...rest } = spec;
  return { ...rest, cells, styles, merges, rowHeights, print: { ...spec.print, breaksBefore } };
}

/** The result sheets, their canonical names, in the order they are written. */
export const RESULT_SHEETS: readonly { readonly role: ResultRole; readonly name: string; readonly aliases: readonly string[] }[] = [
  { role: 'summary', name: '结果汇总', aliases: ['Summary'] },
  { role: 'periods', name: '期间汇总', aliases: ['Period Summary'] },
  { role: 'groups', name: '分组排名', aliases: ['Group Ranking'] },
  { role: 'distribution', name: '等次分布', aliases: ['Grade Distribution'] },
  { role: 'notice', name: '结果公示', aliases: ['Public Notice'] },
  { role: 'analysis', name: '指标分析', aliases: ['Indicator Analysis'] },
  { role: 'ratings', name: '评议明细', aliases: ['Rating Details'] },
  { role: 'reports', name: '成绩单', aliases: ['Score Reports'] },
  { role: 'validation', name: '校验报告', aliases: ['Validation Report'] },
];

export function resultSheetName(role: ResultRole): string {
  return RESULT_SHEETS.find((s) => s.role === role)!.name;
}
