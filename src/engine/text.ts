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
  return foldWidth(text)
    .replace(/[\s\u00a0]+/g, '')
    .toLowerCase();
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
  const s = foldWidth(text)
    .replace(/[\s\u00a0]+/g, '')
    .replace(/分$/, '')
    .replace(/^\+/, '');
  return /^-?(\d+(\.\d*)?|\.\d+)$/.test(s) ? s.replace(/\.$/, '') : null;
}

/** Edit distance (insertions, deletions, substitutions), by characters. */
function distance(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const cur = [i];
    for (let j = 1; j <= y.length; j++) cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (x[i - 1] === y[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[y.length];
}

/**
 * The name a mistyped one most likely meant (市财政 → 市财政局): the closest by edit distance
 * within a third of its length, or one that contains the other. Null when none is close or
 * two are equally close.
 */
export function closestName(name: string, names: Iterable<string>): string | null {
  const key = matchKey(name);
  let best: string | null = null;
  let bestScore = Infinity;
  let tie = false;
  for (const candidate of names) {
    const k = matchKey(candidate);
    const d = k.includes(key) || key.includes(k) ? Math.abs(k.length - key.length) * 0.5 : distance(key, k);
    if (d > Math.floor(Math.max(key.length, k.length) / 3)) continue;
    if (d < bestScore) [best, bestScore, tie] = [candidate, d, false];
    else if (d === bestScore) tie = true;
  }
  return tie ? null : best;
}
