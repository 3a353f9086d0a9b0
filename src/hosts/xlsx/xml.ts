// XML for the package's parts: a streaming parser (saxes) for what is read cell by cell, and a
// document model (@xmldom/xmldom) for the small parts that are edited. Any well-formed XML reads
// the same: quotes, spaces, prefixes, comments, CDATA, processing instructions, UTF-8 or UTF-16.
import { DOMParser, XMLSerializer, type Document, type Element, type Node } from '@xmldom/xmldom';
import { SaxesParser } from 'saxes';
import { WorkbookOpenError } from './open-error';

/** A part that is not well-formed XML: the workbook is damaged. */
export function damaged(part: string, why: string): WorkbookOpenError {
  return new WorkbookOpenError('corrupt', `${part}: ${why}`);
}

/** The text encoding of an XML part, from its first bytes (byte-order mark or `<?` pattern). */
function encodingOf(bytes: Uint8Array): 'utf-8' | 'utf-16le' | 'utf-16be' {
  const [a, b] = bytes;
  if (a === 0xff && b === 0xfe) return 'utf-16le';
  if (a === 0xfe && b === 0xff) return 'utf-16be';
  if (a === 0x3c && b === 0x00) return 'utf-16le';
  if (a === 0x00 && b === 0x3c) return 'utf-16be';
  return 'utf-8';
}

/** Decodes a part's bytes as they arrive, in the encoding its first bytes say; invalid bytes are damage. */
export class PartDecoder {
  private decoder: { decode(bytes: Uint8Array, options: { stream: boolean }): string } | null = null;
  constructor(private readonly part: string) {}

  decode(chunk: Uint8Array, last = false): string {
    this.decoder ??= new TextDecoder(encodingOf(chunk), { fatal: true });
    try {
      return this.decoder.decode(chunk, { stream: !last });
    } catch {
      throw damaged(this.part, 'invalid text encoding');
    }
  }
}

/** An element as a streaming read sees it: local name, namespace and attributes by name. */
export interface SaxTag {
  readonly local: string;
  readonly uri: string;
  readonly attributes: Readonly<Record<string, string>>;
}

/** Handlers for a streaming read: elements by local name and namespace, text as it comes. */
export interface SaxHandlers {
  open(tag: SaxTag): void;
  close(tag: SaxTag): void;
  text(text: string): void;
}

/** Deeper than any part of a workbook nests its elements. */
const MAX_DEPTH = 100;

/** Prefix → namespace in scope (prototype chain: inner declarations shadow outer ones). */
type Scope = Record<string, string>;
const XML_NS = 'http://www.w3.org/XML/1998/namespace';

/**
 * A streaming parser; errors become "damaged part". saxes judges well-formedness; namespaces are
 * resolved here from the xmlns declarations (saxes's own namespace mode makes an object per
 * attribute and halves the speed on large sheets).
 */
export function saxParser(part: string, h: SaxHandlers): { write(text: string): void; close(): void } {
  const parser = new SaxesParser({ position: false });
  let failure: Error | null = null;
  parser.on('error', (e) => {
    // the first error ends the read: a damaged part is not read on (40,000 unclosed tags would each report)
    failure ??= damaged(part, e.message);
    throw failure;
  });
  const root: Scope = { xml: XML_NS };
  const scopes: Scope[] = [];
  const tags: SaxTag[] = [];
  parser.on('opentag', (t) => {
    // SpreadsheetML nests a few levels; a deep nest is damage
    if (tags.length >= MAX_DEPTH) throw (failure = damaged(part, `elements nested more than ${MAX_DEPTH} deep`));
    const attributes = t.attributes as Record<string, string>;
    let scope = scopes.length > 0 ? scopes[scopes.length - 1] : root;
    for (const name in attributes) {
      if (name === 'xmlns' || name.startsWith('xmlns:')) {
        if (scope === (scopes[scopes.length - 1] ?? root)) scope = Object.create(scope) as Scope;
        scope[name === 'xmlns' ? '' : name.slice(6)] = attributes[name];
      }
    }
    const colon = t.name.indexOf(':');
    const tag: SaxTag = { local: colon < 0 ? t.name : t.name.slice(colon + 1), uri: scope[colon < 0 ? '' : t.name.slice(0, colon)] ?? '', attributes };
    scopes.push(scope);
    tags.push(tag);
    h.open(tag);
  });
  parser.on('closetag', () => {
    scopes.pop();
    h.close(tags.pop()!);
  });
  parser.on('text', (t) => h.text(t));
  parser.on('cdata', (t) => h.text(t));
  const check = () => {
    if (failure) throw failure;
  };
  return {
    write(text) {
      parser.write(text);
      check();
    },
    close() {
      parser.close();
      check();
    },
  };
}

/** Parses a small part into a document. Well-formedness is judged by the same parser as every part. */
export function parseXml(part: string, text: string): Document {
  const noop = () => undefined;
  const check = saxParser(part, { open: noop, close: noop, text: noop });
  check.write(text);
  check.close();
  try {
    return new DOMParser({
      onError: (level, msg) => {
        if (level !== 'warning') throw new Error(msg);
      },
    }).parseFromString(text, 'text/xml');
  } catch (e) {
    throw damaged(part, (e as Error).message);
  }
}

/** A document as UTF-8 text with its declaration (a UTF-16 part is written back as UTF-8). */
export function serializeXml(doc: Document): string {
  // the declaration is written afresh; text between top-level nodes is dropped so it cannot pile up
  for (let n = doc.firstChild; n;) {
    const next = n.nextSibling;
    if ((n.nodeType === 7 && (n as Node & { target?: string }).target === 'xml') || n.nodeType === 3) doc.removeChild(n);
    n = next;
  }
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${new XMLSerializer().serializeToString(doc)}`;
}

/** The child elements of `parent` with a local name (any prefix, any namespace). */
export function childElements(parent: Element | Document, local?: string): Element[] {
  const out: Element[] = [];
  for (let n = parent.firstChild; n; n = n.nextSibling) {
    if (n.nodeType === 1 && (local === undefined || (n as Element).localName === local)) out.push(n as Element);
  }
  return out;
}

export function childElement(parent: Element | Document, local: string): Element | undefined {
  return childElements(parent, local)[0];
}

/** An element created in the namespace and with the prefix of `like` (a sibling or parent to be). */
export function createLike(like: Element, local: string, attrs: Record<string, string | number> = {}): Element {
  const doc = like.ownerDocument!;
  const el = doc.createElementNS(like.namespaceURI, like.prefix ? `${like.prefix}:${local}` : local);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  return el;
}

/** An attribute by local name, whatever its prefix (`r:id` in either relationships namespace). */
export function attributeByLocalName(el: Element, local: string): string | null {
  for (let i = 0; i < el.attributes.length; i++) {
    const a = el.attributes.item(i)!;
    if (a.localName === local && a.namespaceURI) return a.value;
  }
  return null;
}

/** Any character escapeXml may change or drop (surrogates only when unpaired). */
const NEEDS_ESCAPE = /[&<>"\u0000-\u0008\u000b\u000c\u000e-\u001f\ud800-\udfff\ufffe\uffff]/;

/** Escapes text for element content and attribute values; drops characters XML 1.0 forbids. */
export function escapeXml(text: string): string {
  if (!NEEDS_ESCAPE.test(text)) return text;
  return text
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
    .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '')
    .replace(/[&<>"]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;'));
}
