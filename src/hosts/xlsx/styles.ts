// styles.xml as a document: how each cell format shows numbers (for reading), and the cell
// formats kaoping needs (for writing), reusing identical entries already there so that scoring
// an output file again does not grow it.
import type { Document, Element } from '@xmldom/xmldom';
import { FONT_NAME, type CellStyle } from '../../report/spec';
import { builtInShown, formatShown, type Shown } from '../number-format';
import { childElement, childElements, createLike, parseXml, serializeXml } from './xml';

const BUILT_IN_FORMATS: Record<string, number> = { General: 0, '0': 1, '0.00': 2, '0%': 9, '0.00%': 10, '@': 49 };
const BORDER_COLOR = 'FF808080';
const FIRST_CUSTOM_FORMAT = 164;

export const MINIMAL_STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font><sz val="11"/><name val="${FONT_NAME}"/><family val="2"/><charset val="134"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;

/** The children of <styleSheet> in schema order. */
const ORDER = ['numFmts', 'fonts', 'fills', 'borders', 'cellStyleXfs', 'cellXfs', 'cellStyles', 'dxfs', 'tableStyles', 'colors', 'extLst'];

/** A tree of elements as [name, attributes, children], built into the part's namespace. */
type Tree = [string, Record<string, string | number>, Tree[]?];

/** What a missing list starts with: the entries Excel expects at index 0 (and 1 for fills). */
const SEEDS: Record<string, Tree[]> = {
  fonts: [
    [
      'font',
      {},
      [
        ['sz', { val: 11 }],
        ['name', { val: FONT_NAME }],
      ],
    ],
  ],
  fills: [
    ['fill', {}, [['patternFill', { patternType: 'none' }]]],
    ['fill', {}, [['patternFill', { patternType: 'gray125' }]]],
  ],
  borders: [
    [
      'border',
      {},
      [
        ['left', {}],
        ['right', {}],
        ['top', {}],
        ['bottom', {}],
        ['diagonal', {}],
      ],
    ],
  ],
  cellStyleXfs: [['xf', { numFmtId: 0, fontId: 0, fillId: 0, borderId: 0 }]],
  cellXfs: [['xf', { numFmtId: 0, fontId: 0, fillId: 0, borderId: 0, xfId: 0 }]],
};

/** An element's identity for reuse: name, sorted attributes and children, whatever the prefix or quotes. */
function keyOf(el: Element): string {
  const attrs: string[] = [];
  for (let i = 0; i < el.attributes.length; i++) {
    const a = el.attributes.item(i)!;
    if (a.name !== 'xmlns' && !a.name.startsWith('xmlns:')) attrs.push(`${a.localName}=${a.value}`);
  }
  return `${el.localName}(${attrs.sort().join(',')})[${childElements(el).map(keyOf).join('')}]`;
}

/** A list in styles.xml (fonts, fills, borders, cellXfs) whose entries are found by content. */
class List {
  private readonly index = new Map<string, number>();
  private count: number;

  constructor(private readonly el: Element) {
    const items = childElements(el);
    items.forEach((item, i) => {
      const k = keyOf(item);
      if (!this.index.has(k)) this.index.set(k, i);
    });
    this.count = items.length;
  }

  /** The index of an identical entry, appended when there is none. */
  add(tree: Tree): number {
    const item = build(this.el, tree);
    const k = keyOf(item);
    let i = this.index.get(k);
    if (i === undefined) {
      i = this.count++;
      this.el.appendChild(item);
      this.el.setAttribute('count', String(this.count));
      this.index.set(k, i);
    }
    return i;
  }
}

function build(parent: Element, [name, attrs, children = []]: Tree): Element {
  const el = createLike(parent, name, attrs);
  for (const child of children) el.appendChild(build(el, child));
  return el;
}

export class StyleBook {
  private readonly doc: Document;
  private readonly root: Element;
  private readonly lists = new Map<string, List>();
  private readonly formatCodes = new Map<number, string>();
  private readonly formatIds = new Map<string, number>();
  private readonly shownByXf = new Map<number, Shown>();
  private xfFormats: number[] | null = null;
  private readonly xfByStyle = new Map<string, number>();

  constructor(xml: string, part = 'xl/styles.xml') {
    this.doc = parseXml(part, xml);
    this.root = this.doc.documentElement!;
    const numFmts = childElement(this.root, 'numFmts');
    for (const f of numFmts ? childElements(numFmts, 'numFmt') : []) {
      const id = Number(f.getAttribute('numFmtId'));
      const code = f.getAttribute('formatCode') ?? '';
      this.formatCodes.set(id, code);
      if (!this.formatIds.has(code)) this.formatIds.set(code, id);
    }
  }

  /** How cells of format `xf` (a cellXfs index) show numbers. */
  shownOf(xf: number): Shown {
    let shown = this.shownByXf.get(xf);
    if (shown === undefined) {
      const cellXfs = childElement(this.root, 'cellXfs');
      this.xfFormats ??= cellXfs ? childElements(cellXfs, 'xf').map((x) => Number(x.getAttribute('numFmtId') ?? 0)) : [];
      const id = this.xfFormats[xf] ?? 0;
      const code = this.formatCodes.get(id);
      shown = code !== undefined ? formatShown(code) : builtInShown(id);
      this.shownByXf.set(xf, shown);
    }
    return shown;
  }

  /** A list section, created in schema order (with Excel's default entries) when missing. */
  private list(name: string): List {
    let list = this.lists.get(name);
    if (list) return list;
    let el = childElement(this.root, name);
    if (!el) {
      el = createLike(this.root, name, { count: 0 });
      const later = childElements(this.root).find((c) => ORDER.indexOf(c.localName!) > ORDER.indexOf(name));
      this.root.insertBefore(el, later ?? null);
      list = new List(el);
      for (const seed of SEEDS[name] ?? []) list.add(seed);
    } else list = new List(el);
    this.lists.set(name, list);
    return list;
  }

  private numFmt(code: string | undefined): number {
    if (code === undefined) return 0;
    if (code in BUILT_IN_FORMATS) return BUILT_IN_FORMATS[code];
    let id = this.formatIds.get(code);
    if (id === undefined) {
      id = Math.max(FIRST_CUSTOM_FORMAT - 1, ...this.formatCodes.keys()) + 1;
      let numFmts = childElement(this.root, 'numFmts');
      if (!numFmts) {
        numFmts = createLike(this.root, 'numFmts', { count: 0 });
        this.root.insertBefore(numFmts, childElements(this.root)[0] ?? null);
      }
      numFmts.appendChild(createLike(numFmts, 'numFmt', { numFmtId: id, formatCode: code }));
      numFmts.setAttribute('count', String(childElements(numFmts, 'numFmt').length));
      this.formatCodes.set(id, code);
      this.formatIds.set(code, id);
    }
    return id;
  }

  /** The cellXfs index of a style, added on first use. */
  xf(s: CellStyle): number {
    // the same style asked again (every 成绩单 block asks for the same few) is a lookup
    const key = [s.bold, s.size, s.color, s.fill, s.align, s.valign, s.wrap, s.border, s.numberFormat].join('|');
    let xf = this.xfByStyle.get(key);
    if (xf === undefined) this.xfByStyle.set(key, (xf = this.addXf(s)));
    return xf;
  }

  private addXf(s: CellStyle): number {
    this.list('cellStyleXfs'); // xfId="0" must exist
    const font = this.list('fonts').add([
      'font',
      {},
      [
        ...(s.bold ? [['b', {}] as Tree] : []),
        ['sz', { val: s.size ?? 11 }],
        ...(s.color ? [['color', { rgb: `FF${s.color}` }] as Tree] : []),
        ['name', { val: FONT_NAME }],
        ['family', { val: 2 }],
        ['charset', { val: 134 }],
      ],
    ]);
    const fills = this.list('fills');
    const fill = s.fill
      ? fills.add([
          'fill',
          {},
          [
            [
              'patternFill',
              { patternType: 'solid' },
              [
                ['fgColor', { rgb: `FF${s.fill}` }],
                ['bgColor', { indexed: 64 }],
              ],
            ],
          ],
        ])
      : 0;
    const edge = (side: string): Tree => [side, { style: 'thin' }, [['color', { rgb: BORDER_COLOR }]]];
    const borders = this.list('borders');
    const border = s.border ? borders.add(['border', {}, [edge('left'), edge('right'), edge('top'), edge('bottom'), ['diagonal', {}]]]) : 0;
    const numFmtId = this.numFmt(s.numberFormat);
    const alignment: Record<string, string> = {};
    if (s.align) alignment.horizontal = s.align;
    if (s.valign) alignment.vertical = s.valign === 'middle' ? 'center' : s.valign;
    if (s.wrap) alignment.wrapText = '1';
    const attrs = {
      numFmtId,
      fontId: font,
      fillId: fill,
      borderId: border,
      xfId: 0,
      applyNumberFormat: 1,
      applyFont: 1,
      applyFill: 1,
      applyBorder: 1,
      applyAlignment: 1,
    };
    this.xfFormats = null; // the list may grow: read it afresh
    return this.list('cellXfs').add(['xf', attrs, Object.keys(alignment).length > 0 ? [['alignment', alignment]] : []]);
  }

  /** styles.xml with the added entries, as UTF-8. */
  toXml(): string {
    return serializeXml(this.doc);
  }
}
