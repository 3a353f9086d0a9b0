// Forgiving matching of names, titles, headers and keys (contract section 1): surrounding
// spaces ignored, full-width letters, digits and brackets folded to half-width.

/** Folds full-width ASCII (！ to ～) to half-width and the ideographic space to a space. */
export function foldWidth(text: string): string {
  let out = '';
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c >= 0xff01 && c <= 0xff5e) out += String.fromCodePoint(c - 0xfee0);
    else if (c === 0x3000) out += ' ';
    else out += ch;
  }
  return out;
}

/** Trims spaces, also full-width and non-breaking ones, from both ends. */
export function trimName(text: string): string {
  return text.replace(/^[\s\u3000\u00a0]+|[\s\u3000\u00a0]+$/g, '');
}

/** The form two labels are compared in: folded, without spaces, lower case. */
export function matchKey(text: string): string {
  return foldWidth(text).replace(/[\s\u00a0]+/g, '').toLowerCase();
}

/**
 * A header's key without a trailing bracketed part: `GDP增速（10分）` and `权重(%)` match
 * `GDP增速` and `权重`. Returns the bracketed text too, for points checks.
 */
export function splitHeader(text: string): { key: string; bracket: string | null } {
  const folded = matchKey(text);
  const m = /^(.*?)[([]([^()[\]]*)[)\]]$/.exec(folded);
  if (m && m[1] !== '') return { key: m[1], bracket: m[2] };
  return { key: folded, bracket: null };
}

/** A lookup from any of several spellings to one canonical value. */
export function aliasTable<T>(entries: ReadonlyArray<readonly [T, readonly string[]]>): (text: string) => T | undefined {
  const map = new Map<string, T>();
  for (const [value, names] of entries) for (const name of names) map.set(splitHeader(name).key, value);
  return (text: string) => map.get(splitHeader(text).key);
}

/**
 * Numeric text as users type it: `９５`, ` 95 `, `95分`, `12.5%` (percent sign kept out).
 * Returns the decimal text, or null when it is not a number.
 */
export function numericText(text: string): string | null {
  const s = foldWidth(text).replace(/[\s\u00a0]+/g, '').replace(/分$/, '').replace(/^\+/, '');
  return /^-?(\d+(\.\d*)?|\.\d+)$/.test(s) ? s.replace(/\.$/, '') : null;
}
