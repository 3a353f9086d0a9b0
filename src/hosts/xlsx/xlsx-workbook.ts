// The .xlsx host, for the command line and the browser. It works on the package itself: cell
// values are streamed from the sheet parts, and writing adds kaoping's sheet parts to the
// original package. Every part of the user's workbook (sheets, charts, pivot tables, macros,
// images) is carried over byte for byte; only workbook.xml, its relationships, the content
// types and styles.xml are edited, as documents, to list the new sheets and their formats.
import type { Document, Element } from '@xmldom/xmldom';
import type { SheetData } from '../../engine/types';
import { sheetRows, type SheetSpec } from '../../report/spec';
import { isWorkbookMark, MARK_PREFIX, ownedSheets, refuseSheetsInTheWay, SHEET_MARK, sheetMarkFormula, sheetOfFormula } from '../marks';
import type { WorkbookPort, WorkbookSnapshot, WriteOutcome } from '../port';
import { WorkbookOpenError } from './open-error';
import { concat, fflateEntry, LIMITS, utf8, ZipPackage, type EntryMaker } from './package';
import { clearCellValues } from './clear-cells';
import { readSharedStrings, readWorksheet } from './sheet-reader';
import { writeSheetXml } from './sheet-xml';
import { MINIMAL_STYLES, StyleBook } from './styles';
import { attributeByLocalName, childElement, childElements, createLike, parseXml, serializeXml } from './xml';

export { WorkbookOpenError, type OpenFailure } from './open-error';

/** Transitional and Strict OOXML name the same things in two sets of namespaces. */
const FLAVOURS = {
  transitional: {
    main: 'http://schemas.openxmlformats.org/spreadsheetml/2006/main',
    rel: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  },
  strict: {
    main: 'http://purl.oclc.org/ooxml/spreadsheetml/main',
    rel: 'http://purl.oclc.org/ooxml/officeDocument/relationships',
  },
} as const;
type Flavour = (typeof FLAVOURS)[keyof typeof FLAVOURS];

const PACKAGE_RELS_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const WORKSHEET_CONTENT = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';
const STYLES_CONTENT = 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml';

interface SheetEntry {
  name: string;
  sheetId: number;
  rId: string;
  /** the part's path in the zip, e.g. xl/worksheets/sheet1.xml */
  part: string;
}

/** A relationship target → a part path, relative to the folder of the part that owns it. */
function resolvePart(target: string, baseDir: string): string {
  const parts = (target.startsWith('/') ? target.slice(1) : `${baseDir}${target}`).split('/');
  const out: string[] = [];
  for (const p of parts) {
    if (p === '..') out.pop();
    else if (p !== '.' && p !== '') out.push(p);
  }
  return out.join('/');
}

function relsPathOf(part: string): string {
  return part.replace(/[^/]+$/, '_rels/$&.rels');
}

function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** A worksheet's `<sheetData` tag, with any prefix. */
const SHEET_DATA = /<([\w.-]+:)?sheetData[\s/>]/;

/** A sheetView's tabSelected="1" (any quotes, spacing or prefix) taken out. */
function withoutTabSelected(head: string): string {
  return head.replace(/(<([\w.-]+:)?sheetView\b[^>]*?)\s+tabSelected\s*=\s*(["'])\s*(1|true)\s*\3/g, '$1');
}

const SHEET_DATA_BYTES = new TextEncoder().encode('sheetData');

/** Where a sheet's `<sheetData` tag starts in its first bytes (-1: not there); only the bytes before it become text. */
function sheetDataAt(bytes: Uint8Array): number {
  let from = bytes.indexOf(SHEET_DATA_BYTES[0]);
  while (from >= 0 && !SHEET_DATA_BYTES.every((b, k) => bytes[from + k] === b)) from = bytes.indexOf(SHEET_DATA_BYTES[0], from + 1);
  if (from < 0) return -1;
  // the tag's `<` and prefix lie just before the name; a first mention elsewhere (a comment): all the bytes are searched
  const at = bytesAsChars(bytes.subarray(0, from + SHEET_DATA_BYTES.length + 1)).search(SHEET_DATA);
  return at >= 0 ? at : bytesAsChars(bytes).search(SHEET_DATA);
}

/** Bytes as one char each, so that ASCII tags can be searched and the other bytes kept as they are. */
function bytesAsChars(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return s;
}

function charsAsBytes(chars: string): Uint8Array {
  return Uint8Array.from(chars, (c) => c.charCodeAt(0));
}

/** A relationship type by its last segment, in either flavour (`…/worksheet`). */
function isType(rel: Element, kind: string): boolean {
  return (rel.getAttribute('Type') ?? '').endsWith(`/${kind}`);
}

export class XlsxWorkbook implements WorkbookPort {
  private sheets: SheetEntry[];
  private readonly flavour: Flavour;
  private readonly baseDir: string;

  private constructor(
    private readonly pkg: ZipPackage,
    private readonly workbookPart: string,
    private readonly workbook: Document,
    private readonly rels: Document,
    private readonly types: Document,
  ) {
    this.flavour = workbook.documentElement!.namespaceURI === FLAVOURS.strict.main ? FLAVOURS.strict : FLAVOURS.transitional;
    this.baseDir = workbookPart.replace(/[^/]*$/, '');
    this.sheets = this.parseSheets();
  }

  /** A new, empty workbook (for templates). `entry` compresses the parts when it is saved. */
  static create(entry: EntryMaker = fflateEntry): XlsxWorkbook {
    const pkg = ZipPackage.empty(entry);
    const rel = FLAVOURS.transitional.rel;
    const types = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="${STYLES_CONTENT}"/></Types>`;
    pkg.write(
      '_rels/.rels',
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PACKAGE_RELS_NS}"><Relationship Id="rId1" Type="${rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    );
    pkg.write('xl/styles.xml', MINIMAL_STYLES);
    const workbook = `<workbook xmlns="${FLAVOURS.transitional.main}" xmlns:r="${rel}"><bookViews><workbookView activeTab="0"/></bookViews><sheets/></workbook>`;
    const rels = `<Relationships xmlns="${PACKAGE_RELS_NS}"><Relationship Id="rId1" Type="${rel}/styles" Target="styles.xml"/></Relationships>`;
    return new XlsxWorkbook(pkg, 'xl/workbook.xml', parseXml('workbook', workbook), parseXml('rels', rels), parseXml('types', types));
  }

  /**
   * Opens .xlsx bytes; throws WorkbookOpenError for encrypted, old-format, non-zip or damaged
   * files. `entry` compresses the parts when the workbook is saved.
   */
  static async load(data: Uint8Array, entry: EntryMaker = fflateEntry): Promise<XlsxWorkbook> {
    // an encrypted .xlsx and an old .xls are both OLE compound files
    if (data.length >= 4 && data[0] === 0xd0 && data[1] === 0xcf && data[2] === 0x11 && data[3] === 0xe0)
      throw new WorkbookOpenError('encrypted-or-xls', 'OLE compound file');
    if (data.length < 4 || data[0] !== 0x50 || data[1] !== 0x4b) throw new WorkbookOpenError('not-xlsx', 'not a zip package');
    const pkg = ZipPackage.open(data, entry);
    const rootRelsText = await pkg.text('_rels/.rels');
    const rootRels = rootRelsText === undefined ? null : parseXml('_rels/.rels', rootRelsText);
    const officeDoc = rootRels ? childElements(rootRels.documentElement!, 'Relationship').find((r) => isType(r, 'officeDocument')) : undefined;
    const workbookPart = officeDoc ? resolvePart(officeDoc.getAttribute('Target') ?? '', '') : 'xl/workbook.xml';
    const [workbook, rels, types] = await Promise.all([pkg.text(workbookPart), pkg.text(relsPathOf(workbookPart)), pkg.text('[Content_Types].xml')]);
    if (workbook === undefined || rels === undefined || types === undefined) {
      throw new WorkbookOpenError(pkg.has('word/document.xml') || pkg.has('ppt/presentation.xml') ? 'not-xlsx' : 'corrupt', 'no workbook part');
    }
    return new XlsxWorkbook(
      pkg,
      pkg.find(workbookPart)!,
      parseXml(workbookPart, workbook),
      parseXml(relsPathOf(workbookPart), rels),
      parseXml('[Content_Types].xml', types),
    );
  }

  private relationships(): Element[] {
    return childElements(this.rels.documentElement!, 'Relationship');
  }

  private sheetsElement(): Element {
    const root = this.workbook.documentElement!;
    let sheets = childElement(root, 'sheets');
    if (!sheets) {
      sheets = createLike(root, 'sheets');
      root.appendChild(sheets);
    }
    return sheets;
  }

  private parseSheets(): SheetEntry[] {
    const rels = new Map(this.relationships().map((r) => [r.getAttribute('Id'), r]));
    return childElements(this.sheetsElement(), 'sheet').map((s) => {
      const name = s.getAttribute('name') ?? '';
      const rId = attributeByLocalName(s, 'id') ?? '';
      const rel = rels.get(rId);
      if (!rel) throw new WorkbookOpenError('corrupt', `sheet ${name} has no relationship`);
      const part = resolvePart(rel.getAttribute('Target') ?? '', this.baseDir);
      return { name, sheetId: Number(s.getAttribute('sheetId')), rId, part: this.pkg.find(part) ?? part };
    });
  }

  sheetNames(): string[] {
    return this.sheets.map((s) => s.name);
  }

  /** The size of a sheet's part in bytes (uncompressed, as the package declares it); 0 when unknown. */
  sheetBytes(name: string): number {
    const entry = this.sheets.find((s) => s.name === name);
    return entry ? this.pkg.size(entry.part) : 0;
  }

  private definedNamesElement(create: boolean): Element | undefined {
    const root = this.workbook.documentElement!;
    let el = childElement(root, 'definedNames');
    if (!el && create) {
      el = createLike(root, 'definedNames');
      // schema order: …, sheets, functionGroups, externalReferences, definedNames, calcPr, …
      const after = ['externalReferences', 'functionGroups', 'sheets'].map((n) => childElement(root, n)).find(Boolean)!;
      root.insertBefore(el, after.nextSibling);
    }
    return el;
  }

  private definedNames(): { el: Element; name: string; localSheetId: number | null; formula: string }[] {
    const parent = this.definedNamesElement(false);
    return (parent ? childElements(parent, 'definedName') : []).map((el) => {
      const scope = el.getAttribute('localSheetId');
      return { el, name: el.getAttribute('name') ?? '', localSheetId: scope === null || scope === '' ? null : Number(scope), formula: el.textContent ?? '' };
    });
  }

  /** Result sheets carrying the tool's mark (see marks.ts). */
  ownedSheets(): string[] {
    const names = this.definedNames();
    const index = new Map(this.sheets.map((s, i) => [s.name, i]));
    return ownedSheets(
      this.sheetNames(),
      names.filter((d) => d.localSheetId === null),
      (sheet) => names.find((d) => d.name === SHEET_MARK && d.localSheetId === index.get(sheet))?.formula,
    );
  }

  /** Whether kaoping wrote this file (its workbook marks, also those of earlier versions). */
  writtenByKaoping(): boolean {
    return this.definedNames().some((d) => d.localSheetId === null && isWorkbookMark(d.name));
  }

  private relTarget(kind: string): string | undefined {
    const rel = this.relationships().find((r) => isType(r, kind));
    return rel ? resolvePart(rel.getAttribute('Target') ?? '', this.baseDir) : undefined;
  }

  private date1904(): boolean {
    const pr = childElement(this.workbook.documentElement!, 'workbookPr');
    const v = pr?.getAttribute('date1904') ?? '';
    return v === '1' || v.toLowerCase() === 'true';
  }

  async read(pick: (sheetNames: readonly string[]) => readonly string[]): Promise<WorkbookSnapshot> {
    const names = this.sheetNames();
    const wanted = new Set(pick(names));
    const sheets: SheetData[] = [];
    if (wanted.size > 0) {
      const sharedPart = this.relTarget('sharedStrings');
      const shared = sharedPart && this.pkg.has(sharedPart) ? await readSharedStrings(this.pkg, this.pkg.find(sharedPart)!) : [];
      const styles = await this.styleBook();
      const ctx = { shared, shownOf: (xf: number) => styles.shownOf(xf), date1904: this.date1904(), cellsLeft: LIMITS.cells };
      for (const s of this.sheets) {
        if (!wanted.has(s.name)) continue;
        sheets.push(this.pkg.has(s.part) ? await readWorksheet(this.pkg, s.part, s.name, ctx) : { name: s.name, rows: [], merges: [] });
      }
    }
    return { sheetNames: names, sheets, ownedSheets: this.ownedSheets() };
  }

  async writeResults(specs: readonly SheetSpec[], onProgress?: (done: number) => void): Promise<WriteOutcome> {
    const owned = new Set(this.ownedSheets());
    refuseSheetsInTheWay(
      specs.map((s) => s.name),
      this.sheetNames(),
      [...owned],
    );
    for (const name of owned) this.removeSheet(name);
    // every workbook mark goes, also one left pointing at a result sheet the user renamed
    for (const d of this.definedNames()) if (d.localSheetId === null && isWorkbookMark(d.name)) d.el.parentNode!.removeChild(d.el);
    // the result opens on its first sheet (结果汇总, or 校验报告 when that is all there is)
    const opening = specs[0]?.name ?? this.activeSheetName();
    if (specs.length > 0) for (const s of this.sheets) await this.unselectTab(s.part);
    await this.appendSheets(specs, true, specs.length > 0 ? opening : null);
    this.setActive(opening);
    onProgress?.(1);
    const writing = new Set(specs.map((s) => s.name));
    return { written: specs.map((s) => s.name), removed: [...owned].filter((n) => !writing.has(n)), degraded: [] };
  }

  /**
   * Empties cells of a sheet (the next period's workbook, never the user's file): values and
   * formulas go, styles stay. Throws SharedFormulaCell when a cell anchors a shared formula.
   */
  async clearCells(sheet: string, cells: readonly (readonly [number, number])[]): Promise<number> {
    const entry = this.sheets.find((s) => s.name === sheet);
    if (!entry || cells.length === 0) return 0;
    const text = await this.pkg.text(entry.part);
    if (text === undefined) return 0;
    const doc = parseXml(entry.part, text);
    const { cleared, formulas } = clearCellValues(doc, sheet, cells);
    this.pkg.write(entry.part, serializeXml(doc));
    // Excel repairs a file whose calculation chain lists a cell without a formula; it rebuilds a missing chain
    if (formulas > 0) this.dropCalcChain();
    return cleared;
  }

  private dropCalcChain(): void {
    const rel = this.relationships().find((r) => isType(r, 'calcChain'));
    if (!rel) return;
    const part = resolvePart(rel.getAttribute('Target') ?? '', this.baseDir);
    rel.parentNode!.removeChild(rel);
    this.removeOverride(part);
    this.pkg.remove(part);
  }

  /** Writes sheets that are not results (a new workbook's input sheets). */
  async addSheets(specs: readonly SheetSpec[]): Promise<void> {
    await this.appendSheets(specs, false, this.sheets.length === 0 ? (specs[0]?.name ?? null) : null);
  }

  private workbookView(): Element | undefined {
    const views = childElement(this.workbook.documentElement!, 'bookViews');
    return views ? childElement(views, 'workbookView') : undefined;
  }

  /** bookViews goes before sheets (CT_Workbook's order); without it Excel opens the first sheet */
  private addWorkbookView(): Element {
    const root = this.workbook.documentElement!;
    const views = createLike(root, 'bookViews');
    const view = createLike(root, 'workbookView');
    views.appendChild(view);
    root.insertBefore(views, this.sheetsElement());
    return view;
  }

  private activeSheetName(): string | null {
    const i = Number(this.workbookView()?.getAttribute('activeTab') || 0);
    return this.sheets[i]?.name ?? null;
  }

  /**
   * Takes the selected mark off a sheet's tab: with two tabs selected Excel opens them grouped,
   * and an entry would change both. Only the view before the cells changes, byte for byte the
   * rest (tags are ASCII in UTF-8; a UTF-16 part is written again as UTF-8).
   */
  private async unselectTab(part: string): Promise<void> {
    const chunks: Uint8Array[] = [];
    if (!(await this.pkg.stream(part, LIMITS.partBytes, (chunk) => void chunks.push(chunk)))) return;
    const first = chunks[0] ?? new Uint8Array(0);
    if (first[0] === 0xff || first[0] === 0xfe || first[1] === 0) return this.unselectUtf16(part);
    const at = sheetDataAt(first);
    if (at < 0) return; // a view section over a megabyte long: not written by any spreadsheet program
    const unselected = withoutTabSelected(bytesAsChars(first.subarray(0, at)));
    if (unselected.length === at) return;
    const rest = [first.subarray(at), ...chunks.slice(1)];
    this.pkg.write(part, (emit) => [charsAsBytes(unselected), ...rest].forEach((c) => emit(c)), { level: 1 });
  }

  private async unselectUtf16(part: string): Promise<void> {
    const text = (await this.pkg.text(part, LIMITS.partBytes)) ?? '';
    const at = text.search(SHEET_DATA);
    if (at < 0) return;
    const unselected = withoutTabSelected(text.slice(0, at));
    if (unselected.length === at) return;
    const declared = unselected.replace(/^\uFEFF?(<\?xml[^>]*?encoding\s*=\s*)(["'])[^"']*\2/, '$1"UTF-8"');
    this.pkg.write(part, declared + text.slice(at), { level: 1 });
  }

  private setActive(name: string | null): void {
    const view = this.workbookView() ?? this.addWorkbookView();
    if (!view) return;
    const i = Math.max(
      0,
      this.sheets.findIndex((s) => s.name === name),
    );
    view.setAttribute('activeTab', String(i));
    const first = view.getAttribute('firstSheet');
    if (first !== null && first !== '' && Number(first) > i) view.setAttribute('firstSheet', String(i));
  }

  private removeSheet(name: string): void {
    const index = this.sheets.findIndex((s) => s.name === name);
    const entry = this.sheets[index];
    const tag = childElements(this.sheetsElement(), 'sheet')[index];
    tag.parentNode!.removeChild(tag);
    // names scoped to this sheet or pointing at it go; later sheets' scopes shift down by one
    for (const d of this.definedNames()) {
      if (d.localSheetId === index || sheetOfFormula(d.formula) === name) d.el.parentNode!.removeChild(d.el);
      else if (d.localSheetId !== null && d.localSheetId > index) d.el.setAttribute('localSheetId', String(d.localSheetId - 1));
    }
    const rel = this.relationships().find((r) => r.getAttribute('Id') === entry.rId);
    rel?.parentNode?.removeChild(rel);
    this.removeOverride(entry.part);
    this.pkg.remove(entry.part);
    this.pkg.remove(relsPathOf(entry.part));
    this.rowsOfPart.delete(entry.part);
    this.sheets.splice(index, 1);
  }

  private overrides(): Element[] {
    return childElements(this.types.documentElement!, 'Override');
  }

  private removeOverride(part: string): void {
    const o = this.overrides().find((x) => (x.getAttribute('PartName') ?? '').toLowerCase() === `/${part}`.toLowerCase());
    o?.parentNode?.removeChild(o);
  }

  private addOverride(part: string, contentType: string): void {
    const root = this.types.documentElement!;
    root.appendChild(createLike(root, 'Override', { PartName: `/${part}`, ContentType: contentType }));
  }

  private addRelationship(kind: string, target: string): string {
    const root = this.rels.documentElement!;
    const used = new Set(this.relationships().map((r) => r.getAttribute('Id')));
    let i = 1;
    while (used.has(`rId${i}`)) i++;
    root.appendChild(createLike(root, 'Relationship', { Id: `rId${i}`, Type: `${this.flavour.rel}/${kind}`, Target: target }));
    return `rId${i}`;
  }

  private stylesPath(): string {
    return this.relTarget('styles') ?? `${this.baseDir}styles.xml`;
  }

  private styles: StyleBook | null = null;

  /** styles.xml as a StyleBook (a package without one gets the minimal one when written). */
  private async styleBook(): Promise<StyleBook> {
    if (!this.styles) {
      const path = this.stylesPath();
      this.styles = new StyleBook((await this.pkg.text(path)) ?? MINIMAL_STYLES, path);
    }
    return this.styles;
  }

  private async appendSheets(specs: readonly SheetSpec[], mark: boolean, selectedName: string | null): Promise<void> {
    if (specs.length === 0) return;
    const styles = await this.styleBook();
    if (!this.relTarget('styles')) {
      this.addRelationship('styles', `/${this.stylesPath()}`);
      this.addOverride(this.stylesPath(), STYLES_CONTENT);
    }
    const sheetsEl = this.sheetsElement();
    for (const spec of specs) {
      const sheetId = Math.max(0, ...this.sheets.map((s) => s.sheetId).filter(Number.isFinite)) + 1;
      let k = this.sheets.length + 1;
      while (this.pkg.has(`${this.baseDir}worksheets/sheet${k}.xml`)) k++;
      const part = `${this.baseDir}worksheets/sheet${k}.xml`;
      const index = this.sheets.length;
      const selected = spec.name === selectedName;
      // produced while the package is saved, straight into the zip; level 1 deflates several
      // times faster than the default and the result sheets are only a little larger
      this.pkg.write(part, (emit) => writeSheetXml(spec, styles, selected, this.flavour, emit, (rows) => this.onRows?.(rows)), { level: 1 });
      this.rowsOfPart.set(part, sheetRows(spec));
      const rId = this.addRelationship('worksheet', `/${part}`);
      this.addOverride(part, WORKSHEET_CONTENT);
      const sheet = createLike(sheetsEl, 'sheet', { name: spec.name, sheetId });
      sheet.setAttributeNS(this.flavour.rel, 'r:id', rId);
      sheetsEl.appendChild(sheet);
      this.sheets.push({ name: spec.name, sheetId, rId, part });
      const quoted = quoteSheet(spec.name);
      if (mark && spec.role) {
        this.addName(`${MARK_PREFIX}${spec.role}`, `${quoted}!$A$1`, null);
        this.addName(SHEET_MARK, sheetMarkFormula(spec.role), index, true);
      }
      const t = spec.print.titleRows;
      if (t) this.addName('_xlnm.Print_Titles', `${quoted}!$${t[0] + 1}:$${t[1] + 1}`, index);
    }
    // after the sheets: they add their formats as they are written
    this.pkg.write(this.stylesPath(), (emit) => emit(utf8(styles.toXml())), { last: true });
  }

  private addName(name: string, formula: string, localSheetId: number | null, hidden = false): void {
    const parent = this.definedNamesElement(true)!;
    const el = createLike(parent, 'definedName', { name });
    if (localSheetId !== null) el.setAttribute('localSheetId', String(localSheetId));
    if (hidden) el.setAttribute('hidden', '1');
    el.appendChild(this.workbook.createTextNode(formula));
    parent.appendChild(el);
  }

  /** rows of each sheet part produced when the package is saved, and who hears of them */
  private readonly rowsOfPart = new Map<string, number>();
  private onRows: ((rows: number) => void) | null = null;

  /** The workbook as .xlsx bytes; `onProgress` hears the share of the sheets' rows written (0…1). */
  async toBytes(onProgress?: (done: number) => void): Promise<Uint8Array> {
    const out: Uint8Array[] = [];
    await this.writeTo((chunk) => out.push(chunk), onProgress);
    return concat(out);
  }

  /** The workbook as .xlsx bytes passed to `sink` a piece at a time, never held whole. */
  async writeTo(sink: (chunk: Uint8Array) => void, onProgress?: (done: number) => void): Promise<void> {
    let done = 0;
    const total = Math.max(
      1,
      [...this.rowsOfPart.values()].reduce((a, b) => a + b, 0),
    );
    this.onRows = onProgress ? (rows) => onProgress(Math.min(1, (done += rows) / total)) : null;
    this.pkg.write(this.workbookPart, serializeXml(this.workbook));
    this.pkg.write(relsPathOf(this.workbookPart), serializeXml(this.rels));
    this.pkg.write('[Content_Types].xml', serializeXml(this.types));
    await this.pkg.saveTo(sink);
  }
}
