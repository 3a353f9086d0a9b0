// The order of period files as their names tell it, for 合并各期 (the pane shows it, the user
// can change it); kept apart from combine.ts so that the page loads no more than this.

/** Most workbooks one annual workbook takes (twelve months, with room). */
export const COMBINE_LIMIT = 24;

/** Chinese or Arabic numerals up to 12: 3, 三, 十二. */
function smallNumber(text: string): number {
  if (/^\d+$/.test(text)) return Number(text);
  const digit = (c: string) => '一二三四五六七八九'.indexOf(c) + 1;
  if (text.startsWith('十')) return 10 + (text.length > 1 ? digit(text[1]) : 0);
  return digit(text);
}

/** Where in a year a file's name puts its period, as the month it ends in (年度 after them all). */
const PERIOD_ENDS: readonly [RegExp, (n: number) => number][] = [
  [/第?([1-4一二三四])\s*季/, (q) => q * 3],
  [/Q([1-4])(?!\d)/i, (q) => q * 3],
  [/(1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])\s*月/, (m) => m],
  [/上半年/, () => 6],
  [/下半年/, () => 12],
  [/年度|全年/, () => 13],
];

/**
 * Files in the order of their periods as their names say (year, then quarter, half-year or
 * month); names that say nothing keep their natural order (期2 before 期10) after the others.
 */
export function inPeriodOrder<T>(files: readonly T[], nameOf: (file: T) => string): T[] {
  const keyOf = (name: string) => {
    const year = /(?:19|20)\d\d/.exec(name);
    const rest = name.replace(/(?:19|20)\d\d/g, ' ');
    let end = 99;
    for (const [pattern, month] of PERIOD_ENDS) {
      const match = pattern.exec(rest);
      if (match) {
        end = month(smallNumber(match[1] ?? ''));
        break;
      }
    }
    return { year: year ? Number(year[0]) : 0, end };
  };
  const keyed = files.map((file) => ({ file, name: nameOf(file), ...keyOf(nameOf(file)) }));
  keyed.sort((a, b) => a.year - b.year || a.end - b.end || a.name.localeCompare(b.name, 'zh', { numeric: true }));
  return keyed.map((k) => k.file);
}
