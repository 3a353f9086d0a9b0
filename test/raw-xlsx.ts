// Writes .xlsx packages by hand, in any valid XML style, the way other programs write them:
// quotes, spaces around '=', namespace prefixes, comments, CDATA, processing instructions,
// shared or inline strings, rows and cells with or without references, UTF-8 or UTF-16,
// Transitional or Strict OOXML, a styles part with or without its optional lists. Tests use it
// to check that every valid way of writing the same workbook reads the same.
import JSZip from 'jszip';
import { columnLetters } from '../src/engine/cells';
import type { CellArea, CellValue } from '../src/engine/types';

export interface XmlStyle {
  quote: '"' | "'";
  /** spaces around '=' in attributes */
  spaced: boolean;
  /** a prefix for SpreadsheetML elements ('' for the default namespace) */
  prefix: '' | 'x:';
  sharedStrings: boolean;
  comments: boolean;
  cdata: boolean;
  pis: boolean;
  encoding: 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be';
  strict: boolean;
  /** leave out the optional r attributes of rows and cells */
  noRefs: boolean;
  /** styles.xml with only numFmts and cellXfs */
  minimalStyles: boolean;
  /** characters as numeric references (&#x5E02;) */
  charRefs: boolean;
  /** line breaks and indentation between elements */
  indent: boolean;
}

export const TIDY_STYLE: XmlStyle = {
  quote: '"',
  spaced: false,
  prefix: '',
  sharedStrings: true,
  comments: false,
  cdata: false,
  pis: false,
  encoding: 'utf-8',
  strict: false,
  noRefs: false,
  minimalStyles: false,
  charRefs: false,
  indent: false,
};

/** A cell as a test writes it: a value, or a formula with its cached value (or none). */
export type RawCell = CellValue | { readonly f: string; readonly v?: number | string };

export interface RawSheet {
  readonly name: string;
  readonly rows: readonly (readonly RawCell[])[];
  readonly merges?: readonly CellArea[];
}

const NS = {
  transitional: {
    main: 'http://schemas.openxmlformats.org/spreadsheetml/2006/main',
    rel: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  },
  strict: { main: 'http://purl.oclc.org/ooxml/spreadsheetml/main', rel: 'http://purl.oclc.org/ooxml/officeDocument/relationships' },
};

function escape(text: string, style: XmlStyle): string {
  const esc = text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  return style.charRefs ? esc.replace(/[^\x00-\x7f]/gu, (c) => `&#x${c.codePointAt(0)!.toString(16)};`) : esc;
}

/** Text content: CDATA when the style says so (and the text allows it). */
function content(text: string, style: XmlStyle): string {
  return style.cdata && !text.includes(']]>') ? `<![CDATA[${text}]]>` : escape(text, style);
}

function encode(xml: string, style: XmlStyle): Uint8Array {
  const decl = `<?xml version="1.0" encoding="${style.encoding.startsWith('utf-16') ? 'UTF-16' : 'UTF-8'}" standalone="yes"?>\n`;
  const text = decl + xml;
  if (style.encoding === 'utf-8') return new TextEncoder().encode(text);
  if (style.encoding === 'utf-8-bom') return new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]);
  const out = new Uint8Array(2 + text.length * 2);
  const le = style.encoding === 'utf-16le';
  out.set(le ? [0xff, 0xfe] : [0xfe, 0xff]);
  for (let i = 0; i < text.length; i++) {
    const u = text.charCodeAt(i);
    out[2 + 2 * i + (le ? 0 : 1)] = u & 0xff;
    out[2 + 2 * i + (le ? 1 : 0)] = u >> 8;
  }
  return out;
}

/** An element builder in the style: `el('c', {r: 'A1'}, inner)`. */
function builder(style: XmlStyle) {
  const q = style.quote;
  const eq = style.spaced ? ' = ' : '=';
  const nl = style.indent ? '\n  ' : '';
  return (name: string, attrs: Record<string, string | number | undefined> = {}, inner?: string, prefix = style.prefix) => {
    const a = Object.entries(attrs)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => ` ${k}${eq}${q}${escape(String(v), style)}${q}`)
      .join('');
    const extra = (style.comments ? '<!-- kaoping test -->' : '') + (style.pis ? '<?kaoping test?>' : '');
    return inner === undefined ? `${nl}<${prefix}${name}${a}/>` : `${nl}<${prefix}${name}${a}>${extra}${inner}</${prefix}${name}>`;
  };
}

/** A workbook package of the sheets, written in the style. Percents use format 9, dates format 14. */
export async function rawXlsx(sheets: readonly RawSheet[], style: XmlStyle = TIDY_STYLE, date1904 = false): Promise<Uint8Array> {
  const ns = style.strict ? NS.strict : NS.transitional;
  const el = builder(style);
  const xmlns = style.prefix ? `xmlns:${style.prefix.slice(0, -1)}` : 'xmlns';
  const zip = new JSZip();
  const shared: string[] = [];
  const sharedIndex = new Map<string, number>();
  const stringCell = (text: string, at: Record<string, string | undefined>) => {
    if (!style.sharedStrings)
      return el('c', { ...at, t: 'inlineStr' }, el('is', {}, el('t', { 'xml:space': /^\s|\s$/.test(text) ? 'preserve' : undefined }, content(text, style))));
    let i = sharedIndex.get(text);
    if (i === undefined) sharedIndex.set(text, (i = shared.push(text) - 1));
    return el('c', { ...at, t: 's' }, el('v', {}, String(i)));
  };
  sheets.forEach((sheet, k) => {
    const rows = sheet.rows
      .map((row, r) => {
        const cells = row
          .map((v, c) => {
            const at = { r: style.noRefs ? undefined : `${columnLetters(c)}${r + 1}` };
            if (v === null) return style.noRefs ? el('c', at) : '';
            if (typeof v === 'number') return el('c', at, el('v', {}, String(v)));
            if (typeof v === 'string') return stringCell(v, at);
            if (typeof v === 'boolean') return el('c', { ...at, t: 'b' }, el('v', {}, v ? '1' : '0'));
            if ('error' in v) return el('c', { ...at, t: 'e' }, el('v', {}, v.error));
            if ('percent' in v) return el('c', { ...at, s: 1 }, el('v', {}, String(v.percent)));
            if ('date' in v) {
              const serial = (Date.parse(`${v.date}T00:00:00Z`) - (date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30))) / 86_400_000;
              return el('c', { ...at, s: 2 }, el('v', {}, String(serial)));
            }
            if ('formula' in v) return el('c', at, el('f', {}, content(v.formula, style)) + el('v', {}, ''));
            const f = v as { f: string; v?: number | string };
            const t = typeof f.v === 'string' ? 'str' : undefined;
            return el('c', { ...at, t }, el('f', {}, content(f.f, style)) + (f.v === undefined ? '' : el('v', {}, String(f.v))));
          })
          .join('');
        // with noRefs every row is written, so positions follow from order
        return cells === '' && !style.noRefs ? '' : el('row', { r: style.noRefs ? undefined : r + 1 }, cells);
      })
      .join('');
    const merges = sheet.merges?.length
      ? el(
          'mergeCells',
          { count: sheet.merges.length },
          sheet.merges.map((m) => el('mergeCell', { ref: `${columnLetters(m.c0)}${m.r0 + 1}:${columnLetters(m.c1)}${m.r1 + 1}` })).join(''),
        )
      : '';
    zip.file(
      `xl/worksheets/sheet${k + 1}.xml`,
      encode(`<${style.prefix}worksheet ${xmlns}="${ns.main}" xmlns:r="${ns.rel}">${el('sheetData', {}, rows)}${merges}</${style.prefix}worksheet>`, style),
    );
  });
  const wb = `<${style.prefix}workbook ${xmlns}="${ns.main}" xmlns:r="${ns.rel}">${date1904 ? el('workbookPr', { date1904: 1 }) : ''}${el('bookViews', {}, el('workbookView', { activeTab: 0 }))}${el(
    'sheets',
    {},
    sheets.map((s, k) => el('sheet', { name: s.name, sheetId: k + 1, 'r:id': `rId${k + 1}` })).join(''),
  )}</${style.prefix}workbook>`;
  zip.file('xl/workbook.xml', encode(wb, style));
  const relEl = builder({ ...style, prefix: '' });
  const rels = sheets.map((_, k) => relEl('Relationship', { Id: `rId${k + 1}`, Type: `${ns.rel}/worksheet`, Target: `worksheets/sheet${k + 1}.xml` }));
  rels.push(relEl('Relationship', { Id: 'rIdS', Type: `${ns.rel}/styles`, Target: 'styles.xml' }));
  if (shared.length > 0) rels.push(relEl('Relationship', { Id: 'rIdSS', Type: `${ns.rel}/sharedStrings`, Target: 'sharedStrings.xml' }));
  zip.file(
    'xl/_rels/workbook.xml.rels',
    encode(`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join('')}</Relationships>`, style),
  );
  zip.file(
    '_rels/.rels',
    encode(
      `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${relEl('Relationship', { Id: 'rId1', Type: `${ns.rel}/officeDocument`, Target: 'xl/workbook.xml' })}</Relationships>`,
      style,
    ),
  );
  const lists = style.minimalStyles
    ? ''
    : el('fonts', { count: 1 }, el('font', {}, el('sz', { val: 11 }) + el('name', { val: 'Calibri' }))) +
      el('fills', { count: 2 }, el('fill', {}, el('patternFill', { patternType: 'none' })) + el('fill', {}, el('patternFill', { patternType: 'gray125' }))) +
      el('borders', { count: 1 }, el('border', {}, el('left') + el('right') + el('top') + el('bottom') + el('diagonal'))) +
      el('cellStyleXfs', { count: 1 }, el('xf', { numFmtId: 0, fontId: 0, fillId: 0, borderId: 0 }));
  const xfs = el(
    'cellXfs',
    { count: 3 },
    [0, 9, 14].map((id) => el('xf', { numFmtId: id, fontId: 0, fillId: 0, borderId: 0, xfId: style.minimalStyles ? undefined : 0 })).join(''),
  );
  zip.file('xl/styles.xml', encode(`<${style.prefix}styleSheet ${xmlns}="${ns.main}">${lists}${xfs}</${style.prefix}styleSheet>`, style));
  if (shared.length > 0) {
    zip.file(
      'xl/sharedStrings.xml',
      encode(
        `<${style.prefix}sst ${xmlns}="${ns.main}" count="${shared.length}" uniqueCount="${shared.length}">${shared.map((t) => el('si', {}, el('t', { 'xml:space': /^\s|\s$/.test(t) ? 'preserve' : undefined }, content(t, style)))).join('')}</${style.prefix}sst>`,
        style,
      ),
    );
  }
  const over = (part: string, type: string) =>
    `<Override PartName="/${part}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.${type}+xml"/>`;
  zip.file(
    '[Content_Types].xml',
    encode(
      `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>${over('xl/workbook.xml', 'sheet.main')}${sheets.map((_, k) => over(`xl/worksheets/sheet${k + 1}.xml`, 'worksheet')).join('')}${over('xl/styles.xml', 'styles')}${shared.length > 0 ? over('xl/sharedStrings.xml', 'sharedStrings') : ''}</Types>`,
      style,
    ),
  );
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}
