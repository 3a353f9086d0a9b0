// Adds the cell formats kaoping needs to a workbook's styles.xml, leaving the existing ones alone.
import type { CellStyle } from '../../report/spec';
import { elements, escapeXml, prefixed, prefixOf, withAttribute } from './xml';

const BUILT_IN_FORMATS: Record<string, number> = { General: 0, '0': 1, '0.00': 2, '0%': 9, '0.00%': 10, '@': 49 };
const FONT_NAME = '宋体';
const BORDER_COLOR = 'FF808080';

export const MINIMAL_STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font><sz val="11"/><name val="${FONT_NAME}"/><family val="2"/><charset val="134"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;

/** A list section of styles.xml (`<fonts count=…>…</fonts>`) that entries are appended to. */
class Section {
  readonly added: string[] = [];
  private readonly index = new Map<string, number>();
  constructor(readonly tag: string, readonly existing: number) {}
  add(xml: string): number {
    let i = this.index.get(xml);
    if (i === undefined) {
      i = this.existing + this.added.length;
      this.added.push(xml);
      this.index.set(xml, i);
    }
    return i;
  }
}

function countOf(xml: string, tag: string, item: string): number {
  const section = [...elements(xml, tag)][0];
  return section ? [...elements(section.inner, item)].length : 0;
}

export class StyleBook {
  private readonly fonts: Section;
  private readonly fills: Section;
  private readonly borders: Section;
  private readonly xfs: Section;
  private readonly numFmtIds = new Map<string, number>();
  private readonly newNumFmts: string[] = [];
  private nextNumFmt: number;

  constructor(private readonly xml: string) {
    this.fonts = new Section('fonts', countOf(xml, 'fonts', 'font'));
    this.fills = new Section('fills', countOf(xml, 'fills', 'fill'));
    this.borders = new Section('borders', countOf(xml, 'borders', 'border'));
    this.xfs = new Section('cellXfs', countOf(xml, 'cellXfs', 'xf'));
    let max = 163;
    for (const f of elements(xml, 'numFmt')) {
      const id = Number(/numFmtId="(\d+)"/.exec(f.attrs)?.[1]);
      const code = /formatCode="([^"]*)"/.exec(f.attrs)?.[1];
      if (code !== undefined) this.numFmtIds.set(code, id);
      max = Math.max(max, id);
    }
    this.nextNumFmt = max + 1;
  }

  private numFmt(code: string | undefined): number {
    if (code === undefined) return 0;
    if (code in BUILT_IN_FORMATS) return BUILT_IN_FORMATS[code];
    const escaped = escapeXml(code);
    let id = this.numFmtIds.get(escaped);
    if (id === undefined) {
      id = this.nextNumFmt++;
      this.numFmtIds.set(escaped, id);
      this.newNumFmts.push(`<numFmt numFmtId="${id}" formatCode="${escaped}"/>`);
    }
    return id;
  }

  /** The cellXfs index of a style, added on first use. */
  xf(s: CellStyle): number {
    const font = this.fonts.add(`<font>${s.bold ? '<b/>' : ''}<sz val="${s.size ?? 11}"/>${s.color ? `<color rgb="FF${s.color}"/>` : ''}<name val="${FONT_NAME}"/><family val="2"/><charset val="134"/></font>`);
    const fill = s.fill ? this.fills.add(`<fill><patternFill patternType="solid"><fgColor rgb="FF${s.fill}"/><bgColor indexed="64"/></patternFill></fill>`) : 0;
    const edge = (side: string) => `<${side} style="thin"><color rgb="${BORDER_COLOR}"/></${side}>`;
    const border = s.border ? this.borders.add(`<border>${edge('left')}${edge('right')}${edge('top')}${edge('bottom')}<diagonal/></border>`) : 0;
    const numFmt = this.numFmt(s.numberFormat);
    const align = s.align || s.valign || s.wrap
      ? `<alignment${s.align ? ` horizontal="${s.align}"` : ''}${s.valign ? ` vertical="${s.valign === 'middle' ? 'center' : s.valign}"` : ''}${s.wrap ? ' wrapText="1"' : ''}/>`
      : '';
    return this.xfs.add(
      `<xf numFmtId="${numFmt}" fontId="${font}" fillId="${fill}" borderId="${border}" xfId="0" applyNumberFormat="1" applyFont="1" applyFill="1" applyBorder="1" applyAlignment="1"${align ? `>${align}</xf>` : '/>'}`,
    );
  }

  /** styles.xml with the added entries. */
  toXml(): string {
    let xml = this.xml;
    for (const section of [this.fonts, this.fills, this.borders, this.xfs]) {
      if (section.added.length === 0) continue;
      const found = [...elements(xml, section.tag)][0];
      if (!found) throw new Error(`styles.xml has no <${section.tag}>`);
      const open = xml.slice(found.start, found.start + xml.slice(found.start).indexOf('>') + 1);
      const total = section.existing + section.added.length;
      const prefix = prefixOf(xml, section.tag);
      const selfClosing = open.endsWith('/>');
      const start = withAttribute(selfClosing ? open.replace(/\/>$/, '>') : open, 'count', total);
      const body = selfClosing ? '' : found.inner;
      xml = `${xml.slice(0, found.start)}${start}${body}${prefixed(section.added.join(''), prefix)}</${prefix}${section.tag}>${xml.slice(found.end)}`;
    }
    if (this.newNumFmts.length > 0) {
      const found = [...elements(xml, 'numFmts')][0];
      if (found) {
        const open = xml.slice(found.start, found.start + xml.slice(found.start).indexOf('>') + 1);
        const inner = open.endsWith('/>') ? '' : found.inner;
        const count = [...elements(inner, 'numFmt')].length + this.newNumFmts.length;
        const prefix = prefixOf(xml, 'numFmts');
        xml = `${xml.slice(0, found.start)}${prefixed(`<numFmts count="${count}">`, prefix)}${inner}${prefixed(`${this.newNumFmts.join('')}</numFmts>`, prefix)}${xml.slice(found.end)}`;
      } else {
        const prefix = prefixOf(xml, 'styleSheet');
        const numFmts = prefixed(`<numFmts count="${this.newNumFmts.length}">${this.newNumFmts.join('')}</numFmts>`, prefix);
        xml = xml.replace(/<(?:\w+:)?styleSheet\b[^>]*>/, (open) => open + numFmts);
      }
    }
    return xml;
  }
}
