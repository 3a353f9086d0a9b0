// A result sheet as data: what to write, not how. Hosts turn this into package parts or Office.js calls.
import type { CellArea } from '../engine/types';

export type SpecValue = string | number | null;

/** The font of every sheet the tool writes (the official tables' 宋体). */
export const FONT_NAME = '宋体';

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
  /** page footer, centre: Excel header/footer codes (&P page, &N pages) */
  readonly footer: string;
  /** manual page breaks before these 0-based rows */
  readonly breaksBefore: readonly number[];
  /**
   * A fixed print scale in percent instead of fitting one page wide. Fitting ignores manual page
   * breaks (in Excel and LibreOffice alike), so 成绩单 uses a scale and keeps a page per subject.
   */
  readonly scale?: number;
}

export type ResultRole = 'summary' | 'groups' | 'distribution' | 'notice' | 'analysis' | 'reports' | 'validation';

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
  readonly validations: readonly (Area & { readonly min: number; readonly max: number })[];
  /**
   * A column chart of `values` over `categories` (one or two label columns), placed from
   * `anchorRow` down. Hosts that cannot write charts show data bars on `values` instead.
   */
  readonly chart: { readonly title: string; readonly categories: Area; readonly values: Area; readonly anchorRow: number } | null;
}

/** The result sheets, their canonical names, in the order they are written. */
export const RESULT_SHEETS: readonly { readonly role: ResultRole; readonly name: string; readonly aliases: readonly string[] }[] = [
  { role: 'summary', name: '结果汇总', aliases: ['Summary'] },
  { role: 'groups', name: '分组排名', aliases: ['Group Ranking'] },
  { role: 'distribution', name: '等次分布', aliases: ['Grade Distribution'] },
  { role: 'notice', name: '结果公示', aliases: ['Public Notice'] },
  { role: 'analysis', name: '指标分析', aliases: ['Indicator Analysis'] },
  { role: 'reports', name: '成绩单', aliases: ['Score Reports'] },
  { role: 'validation', name: '校验报告', aliases: ['Validation Report'] },
];

export function resultSheetName(role: ResultRole): string {
  return RESULT_SHEETS.find((s) => s.role === role)!.name;
}
