// The .xlsx host, for the command line and the browser. It works on the package itself: cell
// values are read from the sheet parts, and writing adds kaoping's sheet parts to the original
// package. Every part of the user's workbook (sheets, charts, pivot tables, macros, images)
// is carried over byte for byte; only workbook.xml, its relationships, the content types and
// styles.xml are edited, to list the new sheets and their formats.
import JSZip from 'jszip';
import type { CellValue, SheetData } from '../../engine/types';
import type { SheetSpec } from '../../report/spec';
import { parseAddress } from '../../engine/cells';
import { MARK_PREFIX, sheetOfFormula } from '../marks';
import type { WorkbookPort, WorkbookSnapshot, WriteOutcome } from '../port';
import { sheetXml } from './sheet-xml';
import { MINIMAL_STYLES, StyleBook } from './styles';
import { attributes, elements, escapeXml, prefixOf, textOf, unescapeXml, withAttribute } from './xml';

import { WorkbookOpenError } from './open-error';

export { WorkbookOpenError, type OpenFailure } from './open-error';

const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const WORKSHEET_TYPE = `${REL_NS}/worksheet`;
const STYLES_TYPE = `${REL_NS}/styles`;
const SHARED_STRINGS_TYPE = `${REL_NS}/sharedStrings`;
const WORKSHEET_CONTENT = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';
const STYLES_CONTENT = 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml';

interface SheetEntry {
  name: string;
  sheetId: number;
  rId: string;
  /** the part's path in the zip, e.g. xl/worksheets/sheet1.xml */
  part: string;
}

function resolvePart(target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = `xl/${target}`.split('/');
  const out: string[] = [];
  for (const p of parts) {
    if (p === '..') out.pop();
    else if (p !== '.') out.push(p);
  }
  return out.join('/');
}

function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

const EPOCH_MS = Date.UTC(1899, 11, 30);

function cellValue(attrs: string, inner: string, shared: readonly string[]): CellValue {
  const type = /\bt="(\w+)"/.exec(attrs)?.[1] ?? 'n';
  if (type === 'inlineStr') return textOf(inner);
  const v = /<(?:\w+:)?v>([\s\S]*?)<\/(?:\w+:)?v>/.exec(inner)?.[1];
  if (v === undefined) {
    const f = /<(?:\w+:)?f\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?f>)/.exec(inner);
    return f ? { formula: unescapeXml(f[1] ?? '') } : null;
  }
  switch (type) {
    case 's':
      return shared[Number(v)] ?? '';
    case 'str':
      return unescapeXml(v);
    case 'b':
      return v.trim() === '1';
    case 'e':
      return { error: unescapeXml(v) };
    case 'd': {
      const ms = Date.parse(unescapeXml(v));
      return Number.isNaN(ms) ? unescapeXml(v) : (ms - EPOCH_MS) / 86400000;
    }
    default: {
      const x = Number(v);
      return Number.isFinite(x) ? x : unescapeXml(v);
    }
  }
}

function sheetRows(xml: string, shared: readonly string[]): CellValue[][] {
  const rows: CellValue[][] = [];
  const data = [...elements(xml, 'sheetData')][0]?.inner ?? '';
  let r = -1;
  for (const row of elements(data, 'row')) {
    const rAttr = /\br="(\d+)"/.exec(row.attrs)?.[1];
    r = rAttr ? Number(rAttr) - 1 : r + 1;
    const out: CellValue[] = [];
    let c = -1;
    for (const cell of elements(row.inner, 'c')) {
      const ref = /\br="([A-Z]+\d+)"/.exec(cell.attrs)?.[1];
      c = ref ? parseAddress(ref)![1] : c + 1;
      const v = cellValue(cell.attrs, cell.inner, shared);
      if (v !== null) out[c] = v;
    }
    for (let i = 0; i < out.length; i++) if (out[i] === undefined) out[i] = null;
    rows[r] = out;
  }
  for (let i = 0; i < rows.length; i++) if (!rows[i]) rows[i] = [];
  return rows;
}

/** Inserts text before the first match (a function replacement: `$` in the text stays literal). */
function insertBefore(xml: string, at: RegExp, text: string): string {
  return xml.replace(at, (m) => text + m);
}

function insertAfter(xml: string, at: RegExp, text: string): string {
  return xml.replace(at, (m) => m + text);
}

export class XlsxWorkbook implements WorkbookPort {
  private sheets: SheetEntry[];
  private workbookXml: string;
  private relsXml: string;
  private typesXml: string;

  private constructor(
    private readonly zip: JSZip,
    private readonly workbookPart: string,
    workbookXml: string,
    relsXml: string,
    typesXml: string,
  ) {
    this.workbookXml = workbookXml;
    this.relsXml = relsXml;
    this.typesXml = typesXml;
    this.sheets = this.parseSheets();
  }

  /** A new, empty workbook (for templates). */
  static create(): XlsxWorkbook {
    const zip = new JSZip();
    const types = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="${STYLES_CONTENT}"/></Types>`;
    zip.file('_rels/.rels', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`);
    zip.file('xl/styles.xml', MINIMAL_STYLES);
    const workbook = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${REL_NS}"><bookViews><workbookView activeTab="0"/></bookViews><sheets></sheets></workbook>`;
    const rels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${STYLES_TYPE}" Target="styles.xml"/></Relationships>`;
    return new XlsxWorkbook(zip, 'xl/workbook.xml', workbook, rels, types);
  }

  /** Opens .xlsx bytes; throws WorkbookOpenError for encrypted, old-format, non-zip or broken files. */
  static async load(data: Uint8Array): Promise<XlsxWorkbook> {
    // an encrypted .xlsx and an old .xls are both OLE compound files
    if (data.length >= 4 && data[0] === 0xd0 && data[1] === 0xcf && data[2] === 0x11 && data[3] === 0xe0) throw new WorkbookOpenError('encrypted-or-xls', 'OLE compound file');
    if (data.length < 4 || data[0] !== 0x50 || data[1] !== 0x4b) throw new WorkbookOpenError('not-xlsx', 'not a zip package');
    let zip: JSZip;
    try {
      zip = await JSZip.loadAsync(data);
    } catch (e) {
      throw new WorkbookOpenError('corrupt', String(e));
    }
    const text = (path: string) => zip.file(path)?.async('string');
    const rootRels = await text('_rels/.rels');
    const officeDoc = rootRels && [...elements(rootRels, 'Relationship')].map((r) => attributes(r.attrs)).find((a) => a.Type?.endsWith('/officeDocument'));
    const workbookPart = officeDoc ? resolvePart(`/${officeDoc.Target.replace(/^\//, '')}`) : 'xl/workbook.xml';
    const [workbook, rels, types] = await Promise.all([text(workbookPart), text(workbookPart.replace(/[^/]+$/, '_rels/$&.rels')), text('[Content_Types].xml')]);
    if (!workbook || !rels || !types) throw new WorkbookOpenError(zip.file('word/document.xml') || zip.file('ppt/presentation.xml') ? 'not-xlsx' : 'corrupt', 'no workbook part');
    try {
      return new XlsxWorkbook(zip, workbookPart, workbook, rels, types);
    } catch (e) {
      throw new WorkbookOpenError('corrupt', String(e));
    }
  }

  private relationships(): Record<string, string>[] {
    return [...elements(this.relsXml, 'Relationship')].map((r) => attributes(r.attrs));
  }

  private parseSheets(): SheetEntry[] {
    const rels = new Map(this.relationships().map((r) => [r.Id, r]));
    return [...elements(this.workbookXml, 'sheet')].map((s) => {
      const a = attributes(s.attrs);
      const rId = Object.entries(a).find(([k]) => k.endsWith(':id'))?.[1] ?? '';
      const rel = rels.get(rId);
      if (!rel) throw new Error(`sheet ${a.name} has no relationship`);
      return { name: a.name, sheetId: Number(a.sheetId), rId, part: resolvePart(rel.Target) };
    });
  }

  /** Rows a sheet spans, from its dimension (cheap: no cells are read). */
  async rowCount(name: string): Promise<number> {
    const entry = this.sheets.find((s) => s.name === name);
    const xml = entry ? await this.zip.file(entry.part)?.async('string') : undefined;
    if (!xml) return 0;
    const dim = /<(?:\w+:)?dimension\s+ref="[A-Z]+\d+:[A-Z]+(\d+)"/.exec(xml);
    return dim ? Number(dim[1]) : (xml.match(/<(?:\w+:)?row[\s>]/g) ?? []).length;
  }

  sheetNames(): string[] {
    return this.sheets.map((s) => s.name);
  }

  private definedNames(): { name: string; localSheetId: number | null; formula: string; start: number; end: number }[] {
    return [...elements(this.workbookXml, 'definedName')].map((d) => {
      const a = attributes(d.attrs);
      return { name: a.name, localSheetId: a.localSheetId === undefined ? null : Number(a.localSheetId), formula: unescapeXml(d.inner), start: d.start, end: d.end };
    });
  }

  /** Result sheets carrying the tool's mark. */
  ownedSheets(): string[] {
    const names = new Set(this.sheetNames());
    return this.definedNames()
      .filter((d) => d.name.startsWith(MARK_PREFIX))
      .map((d) => sheetOfFormula(d.formula))
      .filter((s): s is string => s !== null && names.has(s));
  }

  private async sharedStrings(): Promise<string[]> {
    const rel = this.relationships().find((r) => r.Type === SHARED_STRINGS_TYPE);
    const xml = rel ? await this.zip.file(resolvePart(rel.Target))?.async('string') : undefined;
    return xml ? [...elements(xml, 'si')].map((si) => textOf(si.inner)) : [];
  }

  async read(pick: (sheetNames: readonly string[]) => readonly string[]): Promise<WorkbookSnapshot> {
    const names = this.sheetNames();
    const wanted = new Set(pick(names));
    const shared = await this.sharedStrings();
    const sheets: SheetData[] = [];
    for (const s of this.sheets) {
      if (!wanted.has(s.name)) continue;
      const xml = (await this.zip.file(s.part)?.async('string')) ?? '';
      sheets.push({ name: s.name, rows: sheetRows(xml, shared) });
    }
    return { sheetNames: names, sheets, ownedSheets: this.ownedSheets() };
  }

  async writeResults(specs: readonly SheetSpec[]): Promise<WriteOutcome> {
    const owned = new Set(this.ownedSheets());
    const present = new Set(this.sheetNames());
    for (const spec of specs) {
      if (present.has(spec.name) && !owned.has(spec.name)) throw new Error(`sheet "${spec.name}" exists and was not written by kaoping`);
    }
    const activeName = this.activeSheetName();
    for (const name of owned) this.removeSheet(name);
    this.removeDefinedNames((d) => d.name.startsWith(MARK_PREFIX));
    await this.appendSheets(specs, true, owned.has(activeName ?? '') ? activeName : null);
    this.setActive(activeName);
    const writing = new Set(specs.map((s) => s.name));
    return { written: specs.map((s) => s.name), removed: [...owned].filter((n) => !writing.has(n)), degraded: [] };
  }

  /** Writes sheets that are not results (a new workbook's input sheets). */
  async addSheets(specs: readonly SheetSpec[]): Promise<void> {
    await this.appendSheets(specs, false, this.sheets.length === 0 ? specs[0]?.name ?? null : null);
  }

  private activeSheetName(): string | null {
    const view = [...elements(this.workbookXml, 'workbookView')][0];
    const i = Number(view ? attributes(view.attrs).activeTab ?? 0 : 0);
    return this.sheets[i]?.name ?? null;
  }

  private setActive(name: string | null): void {
    const view = [...elements(this.workbookXml, 'workbookView')][0];
    if (!view) return;
    const i = Math.max(0, this.sheets.findIndex((s) => s.name === name));
    const tag = this.workbookXml.slice(view.start, view.end);
    let updated = withAttribute(tag.replace(/\s*\/>$/, '/>'), 'activeTab', i);
    const first = attributes(view.attrs).firstSheet;
    if (first !== undefined && Number(first) > i) updated = withAttribute(updated, 'firstSheet', i);
    this.workbookXml = this.workbookXml.slice(0, view.start) + updated + this.workbookXml.slice(view.end);
  }

  private removeDefinedNames(drop: (d: { name: string; localSheetId: number | null; formula: string }) => boolean): void {
    for (const d of this.definedNames().reverse()) {
      if (drop(d)) this.workbookXml = this.workbookXml.slice(0, d.start) + this.workbookXml.slice(d.end);
    }
  }

  private removeSheet(name: string): void {
    const index = this.sheets.findIndex((s) => s.name === name);
    const entry = this.sheets[index];
    const tag = [...elements(this.workbookXml, 'sheet')][index];
    this.workbookXml = this.workbookXml.slice(0, tag.start) + this.workbookXml.slice(tag.end);
    // names scoped to this sheet or pointing at it go; later sheets' scopes shift down by one
    this.removeDefinedNames((d) => d.localSheetId === index || sheetOfFormula(d.formula) === name);
    for (const d of this.definedNames().reverse()) {
      if (d.localSheetId !== null && d.localSheetId > index) {
        const tagText = this.workbookXml.slice(d.start, d.end).replace(/localSheetId="\d+"/, `localSheetId="${d.localSheetId - 1}"`);
        this.workbookXml = this.workbookXml.slice(0, d.start) + tagText + this.workbookXml.slice(d.end);
      }
    }
    const rel = [...elements(this.relsXml, 'Relationship')].find((r) => attributes(r.attrs).Id === entry.rId)!;
    this.relsXml = this.relsXml.slice(0, rel.start) + this.relsXml.slice(rel.end);
    const override = [...elements(this.typesXml, 'Override')].find((o) => attributes(o.attrs).PartName === `/${entry.part}`);
    if (override) this.typesXml = this.typesXml.slice(0, override.start) + this.typesXml.slice(override.end);
    this.zip.remove(entry.part);
    this.zip.remove(entry.part.replace(/[^/]+$/, '_rels/$&.rels'));
    this.sheets.splice(index, 1);
  }

  private async stylesPart(): Promise<{ path: string; xml: string }> {
    const rel = this.relationships().find((r) => r.Type === STYLES_TYPE);
    if (rel) {
      const path = resolvePart(rel.Target);
      const xml = await this.zip.file(path)?.async('string');
      if (xml) return { path, xml };
    }
    // a package without styles (some generators): add the minimal one
    this.relsXml = insertBefore(this.relsXml, /<\/(?:\w+:)?Relationships>\s*$/, `<Relationship Id="${this.freeRelId()}" Type="${STYLES_TYPE}" Target="styles.xml"/>`);
    this.typesXml = insertBefore(this.typesXml, /<\/(?:\w+:)?Types>\s*$/, `<Override PartName="/xl/styles.xml" ContentType="${STYLES_CONTENT}"/>`);
    return { path: 'xl/styles.xml', xml: MINIMAL_STYLES };
  }

  private freeRelId(): string {
    const used = new Set(this.relationships().map((r) => r.Id));
    let i = 1;
    while (used.has(`rId${i}`)) i++;
    return `rId${i}`;
  }

  private async appendSheets(specs: readonly SheetSpec[], mark: boolean, selectedName: string | null): Promise<void> {
    if (specs.length === 0) return;
    const styles = await this.stylesPart();
    const styleBook = new StyleBook(styles.xml);
    const prefix = prefixOf(this.workbookXml, 'sheets');
    const relPrefix = prefixOf(this.relsXml, 'Relationship');
    const typePrefix = prefixOf(this.typesXml, 'Override');
    const names: string[] = [];
    for (const spec of specs) {
      const sheetId = Math.max(0, ...this.sheets.map((s) => s.sheetId)) + 1;
      const rId = this.freeRelId();
      let k = this.sheets.length + 1;
      while (this.zip.file(`xl/worksheets/sheet${k}.xml`)) k++;
      const part = `xl/worksheets/sheet${k}.xml`;
      const index = this.sheets.length;
      this.zip.file(part, sheetXml(spec, styleBook, spec.name === selectedName));
      this.workbookXml = this.workbookXml.replace(/<\/((?:\w+:)?sheets)>|<((?:\w+:)?sheets)\s*\/>/, (_m, close, selfClosed) => {
        // the relationships prefix is declared on the element itself: always in scope
        const el = `<${prefix}sheet name="${escapeXml(spec.name)}" sheetId="${sheetId}" xmlns:r="${REL_NS}" r:id="${rId}"/>`;
        return close ? `${el}</${close}>` : `<${selfClosed}>${el}</${selfClosed}>`;
      });
      this.relsXml = insertBefore(this.relsXml, /<\/(?:\w+:)?Relationships>\s*$/, `<${relPrefix}Relationship Id="${rId}" Type="${WORKSHEET_TYPE}" Target="/${part}"/>`);
      this.typesXml = insertBefore(this.typesXml, /<\/(?:\w+:)?Types>\s*$/, `<${typePrefix}Override PartName="/${part}" ContentType="${WORKSHEET_CONTENT}"/>`);
      this.sheets.push({ name: spec.name, sheetId, rId, part });
      const quoted = escapeXml(quoteSheet(spec.name));
      if (mark && spec.role) names.push(`<${prefix}definedName name="${MARK_PREFIX}${spec.role}">${quoted}!$A$1</${prefix}definedName>`);
      const t = spec.print.titleRows;
      if (t) names.push(`<${prefix}definedName name="_xlnm.Print_Titles" localSheetId="${index}">${quoted}!$${t[0] + 1}:$${t[1] + 1}</${prefix}definedName>`);
    }
    if (names.length > 0) {
      const all = names.join('');
      this.workbookXml = this.workbookXml.replace(/<((?:\w+:)?definedNames)\s*\/>/, (_m, tag: string) => `<${tag}></${tag}>`);
      if (/<\/(?:\w+:)?definedNames>/.test(this.workbookXml)) this.workbookXml = insertBefore(this.workbookXml, /<\/(?:\w+:)?definedNames>/, all);
      else {
        // schema order: sheets, functionGroups, externalReferences, definedNames
        const after = ['externalReferences', 'functionGroups', 'sheets'].map((n) => new RegExp(`</(?:\\w+:)?${n}>`)).find((re) => re.test(this.workbookXml))!;
        this.workbookXml = insertAfter(this.workbookXml, after, `<${prefix}definedNames>${all}</${prefix}definedNames>`);
      }
    }
    this.zip.file(styles.path, styleBook.toXml());
  }

  async toBytes(): Promise<Uint8Array> {
    this.zip.file(this.workbookPart, this.workbookXml);
    this.zip.file(this.workbookPart.replace(/[^/]+$/, '_rels/$&.rels'), this.relsXml);
    this.zip.file('[Content_Types].xml', this.typesXml);
    return this.zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 6 } });
  }
}
