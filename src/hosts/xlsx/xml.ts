// Just enough XML for SpreadsheetML parts: escaping, entities, attributes, elements by name.

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function unescapeXml(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_, e: string) =>
    e[0] === '#' ? String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : Number(e.slice(1))) : ENTITIES[e],
  );
}

/** Escapes text for element content and attribute values; drops characters XML 1.0 forbids. */
export function escapeXml(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
    .replace(/[&<>"]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;'));
}

/** Attributes of a start tag's inside (`r="A1" t="s"`), unescaped; prefixes kept (`r:id`). */
export function attributes(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of tag.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) out[m[1]] = unescapeXml(m[2] ?? m[3]);
  return out;
}

/** Every element `<name …>…</name>` or `<name …/>` (also with a prefix, `<x:name>`): attributes text and inner XML. */
export function* elements(xml: string, name: string): Generator<{ attrs: string; inner: string; start: number; end: number }> {
  const re = new RegExp(`<((?:[\\w.-]+:)?${name})(?=[\\s/>])([^>]*?)(?:/>|>([\\s\\S]*?)</\\1>)`, 'g');
  for (const m of xml.matchAll(re)) yield { attrs: m[2], inner: m[3] ?? '', start: m.index!, end: m.index! + m[0].length };
}

/** The text of all `<t>` in a string item or inline string, leaving out phonetic runs. */
export function textOf(inner: string): string {
  const plain = inner.replace(/<rPh\b[\s\S]*?<\/rPh>/g, '');
  let text = '';
  for (const t of elements(plain, 't')) text += unescapeXml(t.inner);
  return text;
}

/** Sets (or adds) an attribute in a start tag string like `<fonts count="2">`. */
export function withAttribute(startTag: string, name: string, value: string | number): string {
  const re = new RegExp(`(\\s${name}\\s*=\\s*)(["'])[^"']*\\2`);
  if (re.test(startTag)) return startTag.replace(re, `$1"${value}"`);
  return startTag.replace(/\s*(\/?>)$/, ` ${name}="${value}"$1`);
}

/** The namespace prefix an element is written with in a part ('' or 'x:'). */
export function prefixOf(xml: string, name: string): string {
  const m = new RegExp(`<([\\w.-]+:)?${name}[\\s/>]`).exec(xml);
  return m?.[1] ?? '';
}

/** Puts a prefix on every element of a snippet written without one. */
export function prefixed(snippet: string, prefix: string): string {
  return prefix ? snippet.replace(/<(\/?)(?=[a-zA-Z])/g, `<$1${prefix}`) : snippet;
}
