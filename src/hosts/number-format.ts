// How Excel shows a number: as a percent, as a date, or plainly. Both hosts read cells as Excel
// shows them (the .xlsx host from the cell's style, the Office.js host from `numberFormat`).
import type { CellValue } from '../engine/types';

export type Shown = 'percent' | 'date' | null;

/** Built-in number formats (ECMA-376 18.8.30 and the zh-CN ones Excel writes by id). */
export function builtInShown(id: number): Shown {
  if (id === 9 || id === 10) return 'percent';
  if ((id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) || (id >= 50 && id <= 58)) return 'date';
  return null;
}

/** A format code's kind: `0%`, `0.0%` percent; `yyyy"年"m"月"d"日"`, `[h]:mm` date; else plain. */
export function formatShown(code: string): Shown {
  let s = code
    .replace(/"[^"]*"/g, '') // literal text
    .replace(/\\./g, '') // an escaped character
    .replace(/[_*]./g, ''); // padding and fill
  if (/\[(h+|m+|s+)\]/i.test(s)) return 'date'; // elapsed time
  s = s.replace(/\[[^\]]*\]/g, '').replace(/general/gi, ''); // colours, locales, conditions
  if (s.includes('%')) return 'percent';
  if (/[ymdhs]/i.test(s)) return 'date';
  return null;
}

const DAY_MS = 86_400_000;
/** The last day Excel can show: 9999-12-31. */
const MAX_SERIAL = 2_958_465;

/** A date serial as the date it shows (yyyy-mm-dd, with hh:mm when it has a time); null when no date. */
export function serialDate(serial: number, date1904: boolean): string | null {
  if (!Number.isFinite(serial) || serial < 0 || serial > MAX_SERIAL) return null;
  const day = Math.floor(serial);
  // Excel's 1900 system counts a 29 February 1900 that never was (serial 60)
  if (!date1904 && day === 60) return '1900-02-29';
  const epoch = date1904 ? Date.UTC(1904, 0, 1) : day < 60 ? Date.UTC(1899, 11, 31) : Date.UTC(1899, 11, 30);
  const ms = epoch + Math.round((serial * DAY_MS) / 60_000) * 60_000;
  const iso = new Date(ms).toISOString();
  const time = iso.slice(11, 16);
  if (serial < 1 && serial > 0) return time;
  return time === '00:00' ? iso.slice(0, 10) : `${iso.slice(0, 10)} ${time}`;
}

/** A number cell as shown: a percent, a date, or the number itself. */
export function shownValue(value: number, shown: Shown, date1904: boolean): CellValue {
  if (shown === 'percent') return { percent: value };
  if (shown === 'date') {
    const date = serialDate(value, date1904);
    if (date !== null) return { date };
  }
  return value;
}
