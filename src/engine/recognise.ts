// 识别现有评分表: proposes how an existing score sheet maps to a scheme (name column, group column,
// indicators with points read from headers like `GDP（10分）`). The user confirms or corrects.
import { isBlank, maxOf } from './cells';
import { findHeaderRow, GROUP_HEADERS } from './scores';
import { aliasTable, numericText, splitHeader, trimName } from './text';
import type { CellValue, SheetData } from './types';

export type ColumnRole = 'name' | 'group' | 'indicator' | 'ignore';

export interface ColumnGuess {
  readonly col: number;
  /** the header as written */
  readonly header: string;
  /** the indicator name (header without its bracketed points) */
  readonly name: string;
  /** points from the header, or the largest score seen when the header has none (null: no scores) */
  readonly points: number | null;
  readonly pointsFromHeader: boolean;
  readonly role: ColumnRole;
}

export interface Recognised {
  readonly sheet: string;
  /** 0-based */
  readonly headerRow: number;
  readonly columns: readonly ColumnGuess[];
  /** rows with a name below the header */
  readonly subjects: number;
}

const knownColumn = aliasTable<ColumnRole>([
  ['group', GROUP_HEADERS],
  ['ignore', ['序号', '备注', '合计', '总分', '总计', '得分', '排名', '名次', '等次', '加分', '扣分', 'No.', 'Total', 'Rank', 'Remark']],
]);

function isNumberLike(v: CellValue): boolean {
  return typeof v === 'number' || (typeof v === 'string' && numericText(v) !== null);
}

/** The first row within the first 10 with a name column, else the first with two or more texts. */
function headerRowOf(rows: readonly (readonly CellValue[])[]): number {
  const named = findHeaderRow(rows);
  if (named >= 0) return named;
  for (let r = 0; r < Math.min(10, rows.length); r++) if ((rows[r] ?? []).filter((v) => typeof v === 'string' && v.trim() !== '').length >= 2) return r;
  return -1;
}

export function recogniseScores(sheet: SheetData): Recognised | null {
  const rows = sheet.rows;
  const headerRow = headerRowOf(rows);
  if (headerRow < 0) return null;
  const header = rows[headerRow];
  const body = rows.slice(headerRow + 1);
  const named = findHeaderRow(rows) >= 0;
  let nameCol = -1;
  const columns: ColumnGuess[] = [];
  header.forEach((h, col) => {
    if (typeof h !== 'string' || h.trim() === '') return;
    const { key, bracket } = splitHeader(h);
    const values = body.map((r) => r[col] ?? null).filter((v) => !isBlank(v));
    const numeric = values.filter(isNumberLike);
    const fromHeader = bracket !== null ? numericText(bracket) : null;
    const largest = numeric.length > 0 ? maxOf(numeric.map((v) => (typeof v === 'number' ? v : Number(numericText(v as string))))) : null;
    let role: ColumnRole = knownColumn(h) ?? (numeric.length > 0 && numeric.length * 2 >= values.length ? 'indicator' : 'ignore');
    const isName = named ? findHeaderRow([[h]]) === 0 : role === 'ignore' && nameCol < 0 && values.length > 0;
    if (isName && nameCol < 0) {
      role = 'name';
      nameCol = col;
    }
    columns.push({
      col,
      header: trimName(h),
      name: trimName(h.replace(/[（(［[][^）)］\]]*[）)］\]]\s*$/, '')) || key,
      points: fromHeader !== null ? Number(fromHeader) : largest,
      pointsFromHeader: fromHeader !== null,
      role,
    });
  });
  const subjects = nameCol < 0 ? 0 : body.filter((r) => !isBlank(r[nameCol] ?? null)).length;
  return { sheet: sheet.name, headerRow, columns, subjects };
}
