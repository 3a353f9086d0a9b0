// An in-memory fake of the Excel JavaScript object model, following the documented semantics the
// add-in relies on: calls are queued and run at context.sync(); a property can be read only after
// load() and sync(); values/numberFormat matrices must match the range's shape; getItem of a
// missing sheet fails with ItemNotFound at sync; a string starting with = + - @ becomes a formula
// unless the cell is text-formatted ("@"); names follow sheet renames and turn into #REF! when
// their sheet is deleted. It counts syncs and request/response bytes and enforces the 5 MB limit
// of Excel on the web. Only what kaoping uses is modelled.

import { columnLetters } from '../src/engine/cells';

export const PAYLOAD_LIMIT = 5 * 1024 * 1024;

export class FakeExcelError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

interface Cell {
  value: string | number | boolean;
  formula?: string;
  numberFormat: string;
  style: Record<string, unknown>;
  /** Range.hyperlink's documentReference */
  hyperlink?: string;
}

export interface FakeSheet {
  name: string;
  cells: Map<string, Cell>;
  merges: string[];
  columnWidths: Map<number, number>;
  rowHeights: Map<number, number>;
  freezeRows: number;
  showGridlines: boolean;
  pageLayout: Record<string, unknown>;
  pageBreaks: string[];
  conditionalFormats: { address: string; type: string; dataBar: Record<string, unknown>; custom: Record<string, unknown> }[];
  charts: { type: string; source: string; seriesBy: string; xValues?: string; props: Record<string, unknown>; position?: [string, string] }[];
  validations: { address: string; rule: unknown; errorAlert: unknown }[];
  /** names scoped to this sheet (they go with it when it is renamed or deleted) */
  names: Map<string, string>;
}

export interface SyncRecord {
  readonly requestBytes: number;
  readonly responseBytes: number;
}

const key = (r: number, c: number) => `${r},${c}`;

const colName = columnLetters;

function parseCell(ref: string): [number, number] {
  const m = /^\$?([A-Z]+)\$?(\d+)$/.exec(ref);
  if (!m) throw new FakeExcelError('InvalidArgument', `bad address ${ref}`);
  let c = 0;
  for (const ch of m[1]) c = c * 26 + (ch.charCodeAt(0) - 64);
  return [Number(m[2]) - 1, c - 1];
}

/** A sheet name as a formula writes it: quoted. */
function quoteFormula(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

function quoteName(name: string): string {
  return /^[\p{L}\p{N}_]+$/u.test(name) && !/^\d/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

type Op = { bytes: number; run: () => void };

/** The fake workbook and its request context. */
export class FakeExcel {
  readonly sheets: FakeSheet[] = [];
  readonly names = new Map<string, string>();
  readonly syncLog: SyncRecord[] = [];
  activeSheet = '';
  selection = '';
  /** ExcelApi version this fake host supports, e.g. '1.9' or '1.7' */
  apiVersion = '1.9';
  /** fail the sync with this number (1-based), to test recovery */
  failAtSync: number | null = null;
  private queue: Op[] = [];
  private loads: (() => number)[] = [];

  constructor(readonly workbookName = 'Book1.xlsx') {}

  supports = (version: string): boolean => {
    const [a, b] = version.split('.').map(Number);
    const [x, y] = this.apiVersion.split('.').map(Number);
    return x > a || (x === a && y >= b);
  };

  /** Excel.run with this fake as the host. */
  run = async <T>(batch: (context: any) => Promise<T>): Promise<T> => {
    const context = { workbook: new FakeWorkbook(this), sync: () => this.sync() };
    try {
      return await batch(context);
    } finally {
      this.queue = [];
      this.loads = [];
    }
  };

  get syncs(): number {
    return this.syncLog.length;
  }

  enqueue(bytes: number, run: () => void): void {
    this.queue.push({ bytes, run });
  }

  onLoad(fill: () => number): void {
    this.loads.push(fill);
  }

  async sync(): Promise<void> {
    const ops = this.queue;
    const loads = this.loads;
    this.queue = [];
    this.loads = [];
    const requestBytes = ops.reduce((a, o) => a + o.bytes, 0) + loads.length * 40;
    if (requestBytes > PAYLOAD_LIMIT) throw new FakeExcelError('RequestPayloadSizeLimitExceeded', `request of ${requestBytes} bytes`);
    const number = this.syncLog.length + 1;
    if (this.failAtSync === number) {
      this.syncLog.push({ requestBytes, responseBytes: 0 });
      // operations before the failure in a batch are applied; the rest are not
      for (const op of ops.slice(0, Math.floor(ops.length / 2))) op.run();
      throw new FakeExcelError('GeneralException', 'injected failure');
    }
    for (const op of ops) op.run();
    let responseBytes = 0;
    for (const fill of loads) responseBytes += fill();
    this.syncLog.push({ requestBytes, responseBytes });
    if (responseBytes > PAYLOAD_LIMIT) throw new FakeExcelError('ResponsePayloadSizeLimitExceeded', `response of ${responseBytes} bytes`);
  }

  sheet(name: string): FakeSheet {
    const s = this.sheets.find((x) => x.name === name);
    if (!s) throw new FakeExcelError('ItemNotFound', `no sheet ${name}`);
    return s;
  }

  addSheet(name: string): FakeSheet {
    if (!name || name.length > 31 || /[\\/?*[\]:]/.test(name)) throw new FakeExcelError('InvalidArgument', `bad sheet name ${name}`);
    if (this.sheets.some((s) => s.name.toLowerCase() === name.toLowerCase())) throw new FakeExcelError('ItemAlreadyExists', `sheet ${name} exists`);
    const s: FakeSheet = {
      name,
      cells: new Map(),
      merges: [],
      columnWidths: new Map(),
      rowHeights: new Map(),
      freezeRows: 0,
      showGridlines: true,
      pageLayout: {},
      pageBreaks: [],
      conditionalFormats: [],
      validations: [],
      charts: [],
      names: new Map(),
    };
    this.sheets.push(s);
    return s;
  }

  /** Puts values into a sheet directly (test set-up; no sync counted). */
  seed(name: string, rows: readonly (readonly (string | number | boolean | null)[])[]): void {
    const s = this.sheets.find((x) => x.name === name) ?? this.addSheet(name);
    rows.forEach((row, r) => row.forEach((v, c) => v !== null && v !== '' && s.cells.set(key(r, c), { value: v, numberFormat: 'General', style: {} })));
  }

  /** Sets a number format on seeded cells (test set-up). */
  seedFormat(name: string, ref: string, format: string): void {
    const [r, c] = parseCell(ref);
    const cell = this.sheet(name).cells.get(key(r, c));
    if (cell) cell.numberFormat = format;
  }

  /** A sheet's values as a dense matrix from A1 (for assertions). */
  valuesOf(name: string): (string | number | boolean)[][] {
    const s = this.sheet(name);
    let rows = 0;
    let cols = 0;
    for (const k of s.cells.keys()) {
      const [r, c] = k.split(',').map(Number);
      rows = Math.max(rows, r + 1);
      cols = Math.max(cols, c + 1);
    }
    return Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => s.cells.get(key(r, c))?.value ?? ''));
  }

  cell(name: string, ref: string): Cell | undefined {
    const [r, c] = parseCell(ref);
    return this.sheet(name).cells.get(key(r, c));
  }

  renameSheet(s: FakeSheet, to: string): void {
    if (this.sheets.some((x) => x !== s && x.name.toLowerCase() === to.toLowerCase())) throw new FakeExcelError('ItemAlreadyExists', `sheet ${to} exists`);
    const from = s.name;
    s.name = to;
    for (const [n, f] of this.names) this.names.set(n, f.split(`=${quoteName(from)}!`).join(`=${quoteName(to)}!`));
    // formulas in any sheet that point at the renamed sheet follow it, as in Excel
    for (const sheet of this.sheets)
      for (const cell of sheet.cells.values())
        if (cell.formula)
          cell.formula = cell.formula
            .split(`'${from}'!`)
            .join(`${quoteFormula(to)}!`)
            .split(`${from}!`)
            .join(`${quoteFormula(to)}!`);
  }

  deleteSheet(s: FakeSheet): void {
    this.sheets.splice(this.sheets.indexOf(s), 1);
    // formulas that pointed at the deleted sheet turn into #REF!, as in Excel
    for (const sheet of this.sheets)
      for (const cell of sheet.cells.values())
        if (cell.formula && (cell.formula.includes(`'${s.name}'!`) || cell.formula.includes(`${s.name}!`)))
          cell.formula = cell.formula.split(`'${s.name}'!`).join('#REF!').split(`${s.name}!`).join('#REF!');
    for (const [n, f] of this.names) if (f.startsWith(`=${quoteName(s.name)}!`)) this.names.set(n, f.replace(/^=[^!]+!/, '=#REF!'));
  }
}

/** A property bag whose reads fail until loaded, like Office.js proxies. */
abstract class Proxy {
  protected loaded = new Set<string>();
  constructor(protected readonly host: FakeExcel) {}
  protected need(prop: string): void {
    if (!this.loaded.has(prop))
      throw new FakeExcelError(
        'PropertyNotLoaded',
        `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()"`,
      );
  }
}

class FakeWorkbook {
  readonly worksheets: FakeWorksheets;
  readonly names: FakeNames;
  private nameValue = '';
  private nameLoaded = false;
  constructor(private readonly host: FakeExcel) {
    this.worksheets = new FakeWorksheets(host);
    this.names = new FakeNames(host);
  }
  load(props: string) {
    if (props.includes('name')) {
      this.host.onLoad(() => {
        this.nameValue = this.host.workbookName;
        this.nameLoaded = true;
        return this.nameValue.length;
      });
    }
    return this;
  }
  get name(): string {
    if (!this.nameLoaded) throw new FakeExcelError('PropertyNotLoaded', 'name not loaded');
    return this.nameValue;
  }
}

class FakeWorksheets extends Proxy {
  private list: FakeWorksheet[] | null = null;
  load(_props: string) {
    this.host.onLoad(() => {
      this.list = this.host.sheets.map((s) => new FakeWorksheet(this.host, () => s));
      return JSON.stringify(this.host.sheets.map((s) => s.name)).length;
    });
    return this;
  }
  get items(): FakeWorksheet[] {
    if (!this.list) throw new FakeExcelError('PropertyNotLoaded', 'items not loaded');
    return this.list;
  }
  add(name: string): FakeWorksheet {
    let sheet: FakeSheet | null = null;
    this.host.enqueue(40 + name.length, () => (sheet = this.host.addSheet(name)));
    return new FakeWorksheet(this.host, () => sheet ?? this.host.sheet(name));
  }
  getItem(name: string): FakeWorksheet {
    let found: FakeSheet | null = null;
    this.host.enqueue(30 + name.length, () => (found = this.host.sheet(name)));
    return new FakeWorksheet(this.host, () => found ?? this.host.sheet(name));
  }
  getItemOrNullObject(name: string): FakeWorksheet {
    return new FakeWorksheet(this.host, () => this.host.sheets.find((s) => s.name === name) ?? null);
  }
}

class FakeNames extends Proxy {
  private list: { name: string; formula: string; delete: () => void }[] | null = null;
  load(_props: string) {
    this.host.onLoad(() => {
      this.list = [...this.host.names].map(([name, formula]) => ({ name, formula, delete: () => this.host.enqueue(30, () => this.host.names.delete(name)) }));
      return JSON.stringify(this.list.map(({ name, formula }) => ({ name, formula }))).length;
    });
    return this;
  }
  get items() {
    if (!this.list) throw new FakeExcelError('PropertyNotLoaded', 'items not loaded');
    return this.list;
  }
  getItem(name: string) {
    return { delete: () => this.host.enqueue(30, () => this.host.names.delete(name)) };
  }
  add(name: string, reference: FakeRange | string) {
    this.host.enqueue(60 + name.length, () => {
      if (this.host.names.has(name)) throw new FakeExcelError('ItemAlreadyExists', `name ${name} exists`);
      const formula = typeof reference === 'string' ? reference : reference.absoluteFormula();
      this.host.names.set(name, formula.startsWith('=') ? formula : `=${formula}`);
    });
  }
}

class FakeWorksheet extends Proxy {
  constructor(
    host: FakeExcel,
    readonly resolve: () => FakeSheet | null,
  ) {
    super(host);
  }
  /** Names scoped to the sheet (ExcelApi 1.4). */
  get names() {
    const host = this.host;
    const sheet = () => this.resolve();
    return {
      add: (name: string, formula: string) => {
        host.enqueue(60 + name.length + formula.length, () => {
          const s = sheet();
          if (!s) throw new FakeExcelError('ItemNotFound', 'sheet not found');
          if (s.names.has(name)) throw new FakeExcelError('ItemAlreadyExists', `name ${name} exists`);
          s.names.set(name, formula);
        });
        return {
          set visible(_v: boolean) {
            host.enqueue(30, () => undefined);
          },
        };
      },
      getItemOrNullObject: (name: string) => {
        let found: string | null = null;
        let loaded = false;
        const item = {
          load(_props: string) {
            host.onLoad(() => {
              found = sheet()?.names.get(name) ?? null;
              loaded = true;
              return 20 + (found?.length ?? 0);
            });
            return item;
          },
          get isNullObject(): boolean {
            if (!loaded) throw new FakeExcelError('PropertyNotLoaded', 'isNullObject not loaded');
            return found === null;
          },
          get formula(): string {
            if (!loaded || found === null) throw new FakeExcelError('PropertyNotLoaded', 'formula not loaded');
            return found;
          },
        };
        return item;
      },
    };
  }
  private get s(): FakeSheet {
    const s = this.resolve();
    if (!s) throw new FakeExcelError('ItemNotFound', 'sheet not found');
    return s;
  }
  get isNullObject(): boolean {
    return this.resolve() === null;
  }
  get name(): string {
    return this.s.name;
  }
  set name(to: string) {
    this.host.enqueue(30 + to.length, () => this.host.renameSheet(this.s, to));
  }
  delete(): void {
    this.host.enqueue(30, () => this.host.deleteSheet(this.s));
  }
  get position(): number {
    return this.host.sheets.indexOf(this.s);
  }
  set position(to: number) {
    this.host.enqueue(30, () => {
      const list = this.host.sheets;
      if (to < 0 || to >= list.length) throw new FakeExcelError('InvalidArgument', `position ${to} out of range`);
      list.splice(to, 0, ...list.splice(list.indexOf(this.s), 1));
    });
  }
  activate(): void {
    this.host.enqueue(30, () => (this.host.activeSheet = this.s.name));
  }
  set showGridlines(v: boolean) {
    if (!this.host.supports('1.8')) throw new FakeExcelError('ApiNotFound', 'showGridlines needs ExcelApi 1.8');
    this.host.enqueue(30, () => (this.s.showGridlines = v));
  }
  getRange(address?: string): FakeRange {
    // no address: the whole sheet
    if (address === undefined) return new FakeRange(this.host, this, 0, 0, 1048576, 16384);
    const [a, b = a] = address.split(':');
    const [r0, c0] = parseCell(a);
    const [r1, c1] = parseCell(b);
    return new FakeRange(this.host, this, r0, c0, r1 - r0 + 1, c1 - c0 + 1);
  }
  /** Several ranges at once (ExcelApi 1.9): formats set on them apply to each. */
  getRanges(address: string) {
    if (!this.host.supports('1.9')) throw new FakeExcelError('ApiNotFound', 'getRanges needs ExcelApi 1.9');
    const ranges = address.split(',').map((a) => this.getRange(a));
    const fan = (pick: (r: FakeRange) => Record<string, unknown>): Record<string, unknown> =>
      new globalThis.Proxy({}, { set: (_t, p: string, v) => (ranges.forEach((r) => (pick(r)[p] = v)), true) });
    const format = new globalThis.Proxy(
      {
        font: fan((r) => r.format.font as Record<string, unknown>),
        fill: fan((r) => r.format.fill as Record<string, unknown>),
        borders: { getItem: (edge: string) => fan((r) => (r.format.borders as { getItem(e: string): Record<string, unknown> }).getItem(edge)) },
      } as Record<string, unknown>,
      { set: (_t, p: string, v) => (ranges.forEach((r) => ((r.format as Record<string, unknown>)[p] = v)), true), get: (t, p: string) => t[p] },
    );
    const areas = { format, untrack: () => areas };
    return areas;
  }
  getRangeByIndexes(r: number, c: number, rows: number, cols: number): FakeRange {
    if (rows < 1 || cols < 1) throw new FakeExcelError('InvalidArgument', 'empty range');
    return new FakeRange(this.host, this, r, c, rows, cols);
  }
  getUsedRangeOrNullObject(_valuesOnly?: boolean): FakeRange {
    return new FakeRange(this.host, this, -1, -1, 0, 0);
  }
  get charts() {
    let items: { delete(): void }[] | null = null;
    return {
      load: (_props: string) => {
        this.host.onLoad(() => {
          const s = this.s;
          items = s.charts.map((chart) => ({ delete: () => this.host.enqueue(30, () => s.charts.splice(s.charts.indexOf(chart), 1)) }));
          return 20 * items.length;
        });
        return {
          get items() {
            if (!items) throw new FakeExcelError('PropertyNotLoaded', 'items not loaded');
            return items;
          },
        };
      },
      add: (type: string, source: FakeRange, seriesBy: string) => {
        const chart: FakeSheet['charts'][number] = { type, source: source.a1(), seriesBy, props: {} };
        this.host.enqueue(80, () => this.s.charts.push(chart));
        const record = (prefix: string) =>
          new globalThis.Proxy({}, { set: (_t, p: string, v) => (this.host.enqueue(40, () => (chart.props[prefix + p] = v)), true) });
        return {
          series: { getItemAt: (_i: number) => ({ setXAxisValues: (r: FakeRange) => this.host.enqueue(60, () => (chart.xValues = r.a1())) }) },
          title: record('title.'),
          legend: record('legend.'),
          setPosition: (from: string, to: string) => this.host.enqueue(40, () => (chart.position = [from, to])),
        };
      },
    };
  }
  get freezePanes() {
    return {
      freezeRows: (n: number) => this.host.enqueue(30, () => (this.s.freezeRows = n)),
      unfreeze: () => this.host.enqueue(30, () => (this.s.freezeRows = 0)),
    };
  }
  get horizontalPageBreaks() {
    if (!this.host.supports('1.9')) throw new FakeExcelError('ApiNotFound', 'page breaks need ExcelApi 1.9');
    return {
      add: (ref: string) => this.host.enqueue(30, () => this.s.pageBreaks.push(ref)),
      removePageBreaks: () => this.host.enqueue(30, () => (this.s.pageBreaks.length = 0)),
    };
  }
  get pageLayout() {
    if (!this.host.supports('1.9')) throw new FakeExcelError('ApiNotFound', 'pageLayout needs ExcelApi 1.9');
    const set = (prop: string, v: unknown) => this.host.enqueue(40 + JSON.stringify(v ?? null).length, () => (this.s.pageLayout[prop] = v));
    const target: Record<string, unknown> = {
      setPrintTitleRows: (rows: string) => set('printTitleRows', rows),
      headersFooters: { defaultForAllPages: new Proxy1(set, 'footer.') },
    };
    return new globalThis.Proxy(target, {
      set: (_t, prop: string, v) => (set(prop, v), true),
      get: (t, prop: string) => t[prop],
    });
  }
}

/** Records assignments of a nested property object (headers and footers). */
class Proxy1 {
  constructor(set: (prop: string, v: unknown) => void, prefix: string) {
    return new globalThis.Proxy({}, { set: (_t, prop: string, v) => (set(prefix + prop, v), true) });
  }
}

class FakeRange extends Proxy {
  private data: { address: string; values: unknown[][]; numberFormat: string[][]; text: string[][] } | null = null;
  private nullRange = false;

  constructor(
    host: FakeExcel,
    private readonly ws: FakeWorksheet,
    private r0: number,
    private c0: number,
    private rows: number,
    private cols: number,
  ) {
    super(host);
  }

  private get sheet(): FakeSheet {
    return (this.ws as unknown as { s: FakeSheet }).s;
  }

  a1(): string {
    return `${colName(this.c0)}${this.r0 + 1}:${colName(this.c0 + this.cols - 1)}${this.r0 + this.rows}`;
  }

  absoluteFormula(): string {
    return `=${quoteName(this.sheet.name)}!$${colName(this.c0)}$${this.r0 + 1}${this.rows * this.cols > 1 ? `:$${colName(this.c0 + this.cols - 1)}$${this.r0 + this.rows}` : ''}`;
  }

  get isNullObject(): boolean {
    this.need('isNullObject');
    return this.nullRange;
  }

  /** Office.js: the client keeps no reference to this range (nothing for the fake to do). */
  untrack(): this {
    return this;
  }

  load(props: string) {
    this.host.onLoad(() => {
      const sheet = this.ws.resolve();
      if (!sheet) {
        this.nullRange = true;
        this.loaded.add('isNullObject');
        return 10;
      }
      if (this.r0 < 0) {
        // the used range (values only)
        let r0 = Infinity,
          c0 = Infinity,
          r1 = -1,
          c1 = -1;
        for (const [k, cell] of sheet.cells) {
          if (cell.value === '' && !cell.formula) continue; // values only: formatted empty cells do not count
          const [r, c] = k.split(',').map(Number);
          r0 = Math.min(r0, r);
          c0 = Math.min(c0, c);
          r1 = Math.max(r1, r);
          c1 = Math.max(c1, c);
        }
        if (r1 < 0) {
          this.nullRange = true;
          this.loaded.add('isNullObject');
          return 10;
        }
        Object.assign(this, { r0, c0, rows: r1 - r0 + 1, cols: c1 - c0 + 1 });
      }
      const matrix = <T>(f: (cell: Cell | undefined) => T) =>
        Array.from({ length: this.rows }, (_, r) => Array.from({ length: this.cols }, (_, c) => f(sheet.cells.get(key(this.r0 + r, this.c0 + c)))));
      const values = matrix((cell) => cell?.value ?? '');
      const numberFormat = matrix((cell) => cell?.numberFormat ?? 'General');
      // the text Excel shows: numbers as typed; enough for the date-system check of the tests
      const text = matrix((cell) => String(cell?.value ?? ''));
      const address = `${quoteName(sheet.name)}!${colName(this.c0)}${this.r0 + 1}:${colName(this.c0 + this.cols - 1)}${this.r0 + this.rows}`;
      this.data = { address, values, numberFormat, text };
      const wanted = props.split(',').map((p) => p.trim());
      for (const p of ['isNullObject', ...wanted]) this.loaded.add(p);
      const sizes: Record<string, number> = {
        values: JSON.stringify(values).length,
        numberFormat: JSON.stringify(numberFormat).length,
        text: JSON.stringify(text).length,
      };
      return address.length + wanted.reduce((n, p) => n + (sizes[p] ?? 0), 0);
    });
    return this;
  }

  get address(): string {
    this.need('address');
    return this.data!.address;
  }

  get values(): unknown[][] {
    this.need('values');
    return this.data!.values;
  }

  get rowCount(): number {
    this.need('rowCount');
    return this.rows;
  }

  get columnCount(): number {
    this.need('columnCount');
    return this.cols;
  }

  get text(): string[][] {
    this.need('text');
    return this.data!.text;
  }

  /** The merged areas within this range (ExcelApi 1.13); Excel refuses more than 512. */
  getMergedAreasOrNullObject() {
    if (!this.host.supports('1.13')) throw new FakeExcelError('ApiNotFound', 'getMergedAreasOrNullObject needs ExcelApi 1.13');
    let found: string[] | null = null;
    const host = this.host;
    const { r0, c0, rows, cols } = this;
    const sheetOf = () => this.sheet;
    const result = {
      load(_props: string) {
        host.onLoad(() => {
          const sheet = sheetOf();
          const inside = sheet.merges.filter((m) => {
            const [a, b] = m.split(':').map(parseCell);
            return a[0] >= r0 && b[0] < r0 + rows && a[1] >= c0 && b[1] < c0 + cols;
          });
          if (inside.length > 512) throw new FakeExcelError('GeneralException', 'more than 512 merged areas');
          found = inside.map((m) => `${quoteName(sheet.name)}!${m}`);
          return JSON.stringify(found).length;
        });
        return result;
      },
      get isNullObject() {
        if (found === null) throw new FakeExcelError('PropertyNotLoaded', 'isNullObject not loaded');
        return found.length === 0;
      },
      get areas() {
        if (found === null) throw new FakeExcelError('PropertyNotLoaded', 'areas not loaded');
        return { items: found.map((address) => ({ address })) };
      },
    };
    return result;
  }

  private checkShape(m: unknown[][], what: string): void {
    if (!Array.isArray(m) || m.length !== this.rows || m.some((row) => !Array.isArray(row) || row.length !== this.cols)) {
      throw new FakeExcelError(
        'InvalidArgument',
        `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${what}).`,
      );
    }
  }

  private each(fn: (cell: Cell, r: number, c: number) => void): void {
    const sheet = this.sheet;
    for (let r = 0; r < this.rows; r++) {
      for (let c = 0; c < this.cols; c++) {
        const k = key(this.r0 + r, this.c0 + c);
        let cell = sheet.cells.get(k);
        if (!cell) sheet.cells.set(k, (cell = { value: '', numberFormat: 'General', style: {} }));
        fn(cell, r, c);
      }
    }
  }

  set values(m: unknown[][]) {
    this.checkShape(m, 'values');
    this.host.enqueue(JSON.stringify(m).length + 40, () =>
      this.each((cell, r, c) => {
        const v = m[r][c] as string | number | boolean;
        if (typeof v === 'string' && /^[=+\-@]/.test(v) && cell.numberFormat !== '@') {
          cell.formula = v;
          cell.value = '#NAME?';
        } else {
          delete cell.formula;
          cell.value = v;
        }
      }),
    );
  }

  get numberFormat(): string[][] {
    this.need('numberFormat');
    return this.data!.numberFormat;
  }

  set hyperlink(v: { documentReference?: string }) {
    this.host.enqueue(60 + JSON.stringify(v).length, () => this.each((cell) => (cell.hyperlink = v.documentReference)));
  }

  set numberFormat(m: string[][]) {
    this.checkShape(m, 'numberFormat');
    this.host.enqueue(JSON.stringify(m).length + 40, () => this.each((cell, r, c) => (cell.numberFormat = m[r][c])));
  }

  private styleSetter(prop: string) {
    return (v: unknown) => this.host.enqueue(40 + prop.length + JSON.stringify(v).length, () => this.each((cell) => (cell.style[prop] = v)));
  }

  get format() {
    const style = (prefix: string) => new globalThis.Proxy({}, { set: (_t, p: string, v) => (this.styleSetter(prefix + p)(v), true) });
    const sheet = () => this.sheet;
    const host = this.host;
    const r0 = this.r0;
    const c0 = this.c0;
    return new globalThis.Proxy(
      {
        font: style('font.'),
        fill: style('fill.'),
        borders: { getItem: (edge: string) => style(`border.${edge}.`) },
      } as Record<string, unknown>,
      {
        set: (_t, p: string, v) => {
          if (p === 'columnWidth') host.enqueue(40, () => sheet().columnWidths.set(c0, v));
          else if (p === 'rowHeight') host.enqueue(40, () => sheet().rowHeights.set(r0, v));
          else if (p === 'useStandardWidth') host.enqueue(40, () => sheet().columnWidths.clear());
          else if (p === 'useStandardHeight') host.enqueue(40, () => sheet().rowHeights.clear());
          else this.styleSetter(p)(v);
          return true;
        },
        get: (t, p: string) => t[p],
      },
    );
  }

  /** Clears contents and formats (merges included) of the cells in the range. */
  clear(_what?: string): void {
    this.host.enqueue(30, () => {
      const sheet = this.sheet;
      for (const k of [...sheet.cells.keys()]) {
        const [r, c] = k.split(',').map(Number);
        if (r >= this.r0 && r < this.r0 + this.rows && c >= this.c0 && c < this.c0 + this.cols) sheet.cells.delete(k);
      }
      sheet.merges.length = 0;
    });
  }

  unmerge(): void {
    this.host.enqueue(30, () => (this.sheet.merges.length = 0));
  }

  merge(_across?: boolean): void {
    const address = `${colName(this.c0)}${this.r0 + 1}:${colName(this.c0 + this.cols - 1)}${this.r0 + this.rows}`;
    this.host.enqueue(40, () => this.sheet.merges.push(address));
  }

  select(): void {
    this.host.enqueue(30, () => (this.host.selection = `${this.sheet.name}!${colName(this.c0)}${this.r0 + 1}`));
  }

  get conditionalFormats() {
    const host = this.host;
    const sheetOf = () => this.sheet;
    let items: unknown[] | null = null;
    return {
      clearAll: () => host.enqueue(30, () => (sheetOf().conditionalFormats.length = 0)),
      add: (type: string) => {
        const dataBar: Record<string, unknown> = {};
        const custom: Record<string, unknown> = {};
        const address = `${colName(this.c0)}${this.r0 + 1}:${colName(this.c0 + this.cols - 1)}${this.r0 + this.rows}`;
        this.host.enqueue(60, () => this.sheet.conditionalFormats.push({ address, type, dataBar, custom }));
        const record = (target: Record<string, unknown>, prefix: string) =>
          new globalThis.Proxy({}, { set: (_t, p: string, v) => (host.enqueue(40, () => (target[prefix + p] = v)), true) });
        const positiveFormat = record(dataBar, 'positiveFormat.');
        return {
          dataBar: new globalThis.Proxy({ positiveFormat } as Record<string, unknown>, {
            set: (_t, p: string, v) => (host.enqueue(40, () => (dataBar[p] = v)), true),
            get: (t, p: string) => t[p],
          }),
          custom: { rule: record(custom, 'rule.'), format: { fill: record(custom, 'fill.') } },
        };
      },
      load(_props: string) {
        host.onLoad(() => {
          const sheet = sheetOf();
          items = sheet.conditionalFormats.map((entry) => ({
            type: entry.type,
            custom: {
              rule: {
                load() {
                  host.onLoad(() => 20);
                  return {
                    get formula() {
                      return entry.custom['rule.formula'];
                    },
                  };
                },
              },
            },
            delete: () => host.enqueue(30, () => sheet.conditionalFormats.splice(sheet.conditionalFormats.indexOf(entry), 1)),
          }));
          return 20 * items.length;
        });
        return {
          get items() {
            if (!items) throw new FakeExcelError('PropertyNotLoaded', 'items not loaded');
            return items;
          },
        };
      },
    };
  }

  get dataValidation() {
    if (!this.host.supports('1.8')) throw new FakeExcelError('ApiNotFound', 'dataValidation needs ExcelApi 1.8');
    const address = `${colName(this.c0)}${this.r0 + 1}:${colName(this.c0 + this.cols - 1)}${this.r0 + this.rows}`;
    const entry = () => {
      let v = this.sheet.validations.find((x) => x.address === address);
      if (!v) this.sheet.validations.push((v = { address, rule: null, errorAlert: null }));
      return v;
    };
    const clear = () => this.host.enqueue(30, () => (this.sheet.validations.length = 0));
    return new globalThis.Proxy({ clear } as Record<string, unknown>, {
      set: (_t, p: string, v) => (this.host.enqueue(100, () => ((entry() as Record<string, unknown>)[p] = v)), true),
      get: (t, p: string) => t[p],
    });
  }
}

/**
 * Seeds a sheet read by the .xlsx host into the fake as Excel holds it: percents and dates as
 * numbers with a percent or date format; formulas without a value and errors as blanks.
 */
export function seedFake(
  fake: FakeExcel,
  sheet: { name: string; rows: readonly (readonly unknown[])[]; merges?: readonly { r0: number; c0: number; r1: number; c1: number }[] },
): void {
  const serial = (iso: string) => (Date.parse(`${iso.slice(0, 10)}T${iso.slice(11) || '00:00'}Z`) - Date.UTC(1899, 11, 30)) / 86_400_000;
  const plain = (v: unknown) => {
    if (v === null || typeof v !== 'object') return v;
    if ('percent' in v) return (v as { percent: number }).percent;
    if ('date' in v) return serial((v as { date: string }).date);
    return null;
  };
  fake.seed(sheet.name, sheet.rows.map((row) => row.map(plain)) as never);
  for (const m of sheet.merges ?? []) fake.sheet(sheet.name).merges.push(`${colName(m.c0)}${m.r0 + 1}:${colName(m.c1)}${m.r1 + 1}`);
  sheet.rows.forEach((row, r) =>
    row.forEach((v, c) => {
      if (v !== null && typeof v === 'object') {
        const format = 'percent' in v ? '0%' : 'date' in v ? 'yyyy-mm-dd' : null;
        if (format) fake.seedFormat(sheet.name, `${colName(c)}${r + 1}`, format);
      }
    }),
  );
}
