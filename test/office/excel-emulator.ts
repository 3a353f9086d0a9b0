// The Excel side of Office.js requests, for tests: it applies each serialized action (the JSON
// Microsoft's client sends: ObjectPaths and Actions) to an in-memory workbook with Excel's
// documented rules, and answers what the client loaded. It measures every request and response
// in real UTF-8 bytes (the release request at the end of each Excel.run included) and refuses
// what Excel on the web refuses (over 5 MB). Anything it does not know fails loudly, by name.
import { columnLetters } from '../../src/engine/cells';
import { FakeExcel, FakeExcelError, type FakeSheet } from '../fake-excel';

export const PAYLOAD_LIMIT = 5 * 1024 * 1024;

interface PathInfo {
  Id: number;
  ObjectPathType: number;
  Name: string;
  ParentObjectPathId?: number;
  ArgumentInfo?: { Arguments?: unknown[]; ReferencedObjectPathIds?: number[] };
}

interface ActionInfo {
  Id: number;
  ActionType: number;
  Name: string;
  ObjectPathId: number;
  ArgumentInfo?: { Arguments?: unknown[]; ReferencedObjectPathIds?: number[] };
  QueryInfo?: { Select?: string[]; Expand?: string[] };
}

export interface RequestRecord {
  readonly requestBytes: number;
  readonly responseBytes: number;
  readonly actions: number;
  /** the request only releases kept references (sent by Office.js at the end of Excel.run) */
  readonly release: boolean;
}

type Range = { t: 'range'; s: FakeSheet; r0: number; c0: number; rows: number; cols: number };
type CfEntry = FakeSheet['conditionalFormats'][number];
type Chart = FakeSheet['charts'][number];
type Node =
  | { t: 'workbook' }
  | { t: 'worksheets' }
  | { t: 'worksheet'; s: FakeSheet }
  | Range
  | { t: 'format' | 'font' | 'fill' | 'borders'; rs: Range[] }
  | { t: 'cfs' | 'dataValidation'; r: Range }
  | { t: 'border'; rs: Range[]; edge: string }
  | { t: 'names'; s: FakeSheet | null }
  | { t: 'name'; s: FakeSheet | null; name: string }
  | { t: 'freezePanes' | 'pageBreaks' | 'pageLayout' | 'headersFooters' | 'hfPage' | 'charts'; s: FakeSheet }
  | { t: 'cf' | 'dataBar' | 'positiveFormat' | 'custom' | 'rule' | 'cfFormat' | 'cfFill'; e: CfEntry; s: FakeSheet }
  | { t: 'chart' | 'series' | 'seriesItem' | 'chartTitle' | 'legend'; c: Chart }
  | { t: 'areas'; list: Range[] }
  | { t: 'rangeCollection'; list: Range[] };

const key = (r: number, c: number) => `${r},${c}`;
const EDGES = new Set(['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight', 'InsideHorizontal', 'InsideVertical', 'DiagonalDown', 'DiagonalUp']);

function unknown(what: string): never {
  throw new Error(`Excel emulator: ${what} is not emulated`);
}

function parseRef(ref: string): [number, number] {
  const m = /^\$?([A-Z]{1,3})\$?(\d+)$/.exec(ref.trim());
  if (!m) throw new FakeExcelError('InvalidArgument', `The argument is invalid or missing or has an incorrect format (${ref}).`);
  let c = 0;
  for (const ch of m[1]) c = c * 26 + ch.charCodeAt(0) - 64;
  return [Number(m[2]) - 1, c - 1];
}

function quote(name: string): string {
  return /^[\p{L}\p{N}_]+$/u.test(name) && !/^\d/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

function a1(r: Range): string {
  const from = `${columnLetters(r.c0)}${r.r0 + 1}`;
  const to = `${columnLetters(r.c0 + r.cols - 1)}${r.r0 + r.rows}`;
  return from === to ? from : `${from}:${to}`;
}

/** Text a user would type: Excel turns it into a number or a formula unless the cell is formatted as text. */
function typed(v: unknown, format: string): { value: string | number | boolean; formula?: string } {
  if (typeof v !== 'string' || format === '@') return { value: v as string | number | boolean };
  if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(v.trim())) return { value: Number(v) };
  if (/^[=+\-@]/.test(v)) return { value: '#NAME?', formula: v };
  return { value: v };
}

export class ExcelEmulator {
  readonly log: RequestRecord[] = [];
  /** ExcelApi version this Excel supports */
  apiVersion = '1.13';
  /** fail the request with this number (1-based) before applying anything, to test recovery */
  failAtRequest: number | null = null;
  private readonly refs = new Map<string, Node>();
  private nextRef = 1;
  private nextSheetId = 1;
  private readonly sheetIds = new Map<FakeSheet, string>();

  constructor(readonly book: FakeExcel = new FakeExcel()) {}

  supports = (version: string): boolean => {
    const [a, b] = version.split('.').map(Number);
    const [x, y] = this.apiVersion.split('.').map(Number);
    return x > a || (x === a && y >= b);
  };

  get requests(): number {
    return this.log.length;
  }

  /** Answers one request body (as Microsoft's client serialized it) with the response body text. */
  respond = (body: { Actions: ActionInfo[]; ObjectPaths: Record<string, PathInfo> }): string => {
    const requestBytes = Buffer.byteLength(JSON.stringify(body));
    if (process.env.KAOPING_EMULATOR_PROFILE && requestBytes > 2e6) {
      const by = new Map<string, number>();
      for (const a of body.Actions) by.set(`action ${a.ActionType} ${a.Name}`, (by.get(`action ${a.ActionType} ${a.Name}`) ?? 0) + JSON.stringify(a).length);
      for (const p of Object.values(body.ObjectPaths))
        by.set(`path ${p.ObjectPathType} ${p.Name}`, (by.get(`path ${p.ObjectPathType} ${p.Name}`) ?? 0) + JSON.stringify(p).length);
      console.log(requestBytes, [...by].sort((x, y) => y[1] - x[1]).slice(0, 12));
    }
    const release = body.Actions.every((a) => a.ActionType === 1 || a.Name === '_RemoveReference');
    const record = (responseText: string) => {
      this.log.push({ requestBytes, responseBytes: Buffer.byteLength(responseText), actions: body.Actions.length, release });
      return responseText;
    };
    if (requestBytes > PAYLOAD_LIMIT)
      return record(
        JSON.stringify({
          Error: {
            Code: 'RequestPayloadSizeLimitExceeded',
            Message: `The request payload size has exceeded the limit (${requestBytes} bytes).`,
            HttpStatusCode: 413,
          },
        }),
      );
    if (this.failAtRequest === this.log.length + 1)
      return record(JSON.stringify({ Error: { Code: 'GeneralException', Message: 'injected failure', HttpStatusCode: 500 } }));
    const results: { ActionId: number; Value: unknown }[] = [];
    const paths = new Map<number, Node | null>();
    const kept = new Set<number>();
    let error: { Code: string; Message: string; HttpStatusCode: number } | null = null;
    for (const action of body.Actions) {
      try {
        const value = this.act(action, body.ObjectPaths, paths, kept);
        if (value !== undefined) results.push({ ActionId: action.Id, Value: value });
      } catch (e) {
        if (!(e instanceof FakeExcelError)) throw e;
        error = { Code: e.code, Message: e.message, HttpStatusCode: e.code === 'ItemNotFound' ? 404 : 400 };
        break;
      }
    }
    const text = JSON.stringify(error ? { Results: results, Error: error } : { Results: results });
    if (Buffer.byteLength(text) > PAYLOAD_LIMIT)
      return record(
        JSON.stringify({
          Error: { Code: 'ResponsePayloadSizeLimitExceeded', Message: 'The response payload size has exceeded the limit.', HttpStatusCode: 413 },
        }),
      );
    return record(text);
  };

  private resolve(id: number, all: Record<string, PathInfo>, paths: Map<number, Node | null>): Node | null {
    if (paths.has(id)) return paths.get(id)!;
    const info = all[String(id)];
    if (!info) unknown(`object path ${id}`);
    let node: Node | null;
    if (info.ObjectPathType === 1) node = { t: 'workbook' };
    else if (info.ObjectPathType === 6) {
      node = this.refs.get(info.Name) ?? null;
      if (!node) throw new FakeExcelError('InvalidObjectPath', `reference ${info.Name} is not known`);
    } else {
      const parent = this.resolve(info.ParentObjectPathId!, all, paths);
      const args = this.args(info.ArgumentInfo, all, paths);
      node =
        parent === null
          ? null
          : info.ObjectPathType === 4
            ? this.property(parent, info.Name)
            : info.ObjectPathType === 5
              ? this.indexer(parent, args[0])
              : (this.method(parent, info.Name, args, true) as Node | null);
    }
    paths.set(id, node);
    return node;
  }

  private args(info: ActionInfo['ArgumentInfo'], all: Record<string, PathInfo>, paths: Map<number, Node | null>): unknown[] {
    const args = [...(info?.Arguments ?? [])];
    info?.ReferencedObjectPathIds?.forEach((ref, i) => {
      if (ref) args[i] = this.resolve(ref, all, paths);
    });
    return args;
  }

  private act(a: ActionInfo, all: Record<string, PathInfo>, paths: Map<number, Node | null>, kept: Set<number>): unknown {
    if (a.ActionType === 5) return undefined; // trace
    const node = this.resolve(a.ObjectPathId, all, paths);
    switch (a.ActionType) {
      case 1: {
        if (node === null) return null;
        if (kept.has(a.ObjectPathId)) {
          const ref = `ref${this.nextRef++}`;
          this.refs.set(ref, node);
          return { _ReferenceId: ref };
        }
        return {};
      }
      case 2:
        if (node === null) return null;
        return this.query(node, a.QueryInfo?.Select ?? []);
      case 3: {
        if (a.Name === '_KeepReference') {
          kept.add(a.ObjectPathId);
          return undefined;
        }
        if (a.Name === '_RemoveReference') {
          this.refs.delete(String((a.ArgumentInfo?.Arguments ?? [])[0]));
          return null;
        }
        if (node === null) throw new FakeExcelError('InvalidObjectPath', `${a.Name} on a null object`);
        const value = this.method(node, a.Name, this.args(a.ArgumentInfo, all, paths), false);
        return value === undefined || (typeof value === 'object' && value !== null && 't' in value) ? null : value;
      }
      case 4: {
        if (node === null) throw new FakeExcelError('InvalidObjectPath', `${a.Name} on a null object`);
        this.set(node, a.Name, (a.ArgumentInfo?.Arguments ?? [])[0]);
        return undefined;
      }
      default:
        return unknown(`action type ${a.ActionType} (${a.Name})`);
    }
  }

  // ---- navigation -------------------------------------------------------------------------

  private property(p: Node, name: string): Node {
    switch (`${p.t}.${name}`) {
      case 'workbook.Worksheets':
        return { t: 'worksheets' };
      case 'workbook.Names':
        return { t: 'names', s: null };
      case 'worksheet.Names':
        return { t: 'names', s: (p as { s: FakeSheet }).s };
      case 'worksheet.FreezePanes':
      case 'worksheet.HorizontalPageBreaks':
      case 'worksheet.PageLayout':
      case 'worksheet.Charts': {
        const s = (p as { s: FakeSheet }).s;
        if ((name === 'PageLayout' || name === 'HorizontalPageBreaks') && !this.supports('1.9'))
          throw new FakeExcelError('ApiNotFound', `${name} needs ExcelApi 1.9`);
        return {
          t: ({ FreezePanes: 'freezePanes', HorizontalPageBreaks: 'pageBreaks', PageLayout: 'pageLayout', Charts: 'charts' } as const)[name as 'Charts'],
          s,
        };
      }
      case 'pageLayout.HeadersFooters':
        return { t: 'headersFooters', s: (p as { s: FakeSheet }).s };
      case 'headersFooters.DefaultForAllPages':
        return { t: 'hfPage', s: (p as { s: FakeSheet }).s };
      case 'range.Format':
        return { t: 'format', rs: [p as Range] };
      case 'areas.Format':
        return { t: 'format', rs: (p as { list: Range[] }).list };
      case 'range.ConditionalFormats':
        return { t: 'cfs', r: p as Range };
      case 'range.DataValidation':
        if (!this.supports('1.8')) throw new FakeExcelError('ApiNotFound', 'dataValidation needs ExcelApi 1.8');
        return { t: 'dataValidation', r: p as Range };
      case 'format.Font':
      case 'format.Fill':
      case 'format.Borders':
        return { t: name.toLowerCase() as 'font' | 'fill' | 'borders', rs: (p as { rs: Range[] }).rs };
      case 'cf.DataBar':
      case 'cf.Custom':
      case 'dataBar.PositiveFormat':
      case 'custom.Rule':
      case 'custom.Format':
      case 'cfFormat.Fill': {
        const t = ({ DataBar: 'dataBar', Custom: 'custom', PositiveFormat: 'positiveFormat', Rule: 'rule', Format: 'cfFormat', Fill: 'cfFill' } as const)[
          name as 'Rule'
        ];
        return { t, e: (p as { e: CfEntry }).e, s: (p as { s: FakeSheet }).s };
      }
      case 'chart.Series':
      case 'chart.Title':
      case 'chart.Legend':
        return { t: ({ Series: 'series', Title: 'chartTitle', Legend: 'legend' } as const)[name as 'Series'], c: (p as { c: Chart }).c };
      case 'areas.Areas':
        return { t: 'rangeCollection', list: (p as { list: Range[] }).list };
      default:
        return unknown(`property ${p.t}.${name}`);
    }
  }

  private sheetById(id: unknown): FakeSheet | undefined {
    for (const [s, sid] of this.sheetIds) if (sid === id && this.book.sheets.includes(s)) return s;
    return undefined;
  }

  private idOf(s: FakeSheet): string {
    let id = this.sheetIds.get(s);
    if (!id) this.sheetIds.set(s, (id = `{00000000-0001-0000-${String(this.nextSheetId++).padStart(4, '0')}-000000000000}`));
    return id;
  }

  private indexer(p: Node, arg: unknown): Node {
    switch (p.t) {
      case 'worksheets': {
        const s = this.sheetById(arg) ?? this.book.sheets.find((x) => x.name.toLowerCase() === String(arg).toLowerCase());
        if (!s) throw new FakeExcelError('ItemNotFound', `The requested resource doesn't exist (${String(arg)}).`);
        return { t: 'worksheet', s };
      }
      case 'names': {
        const map = p.s ? p.s.names : this.book.names;
        if (!map.has(String(arg))) throw new FakeExcelError('ItemNotFound', `The requested resource doesn't exist (${String(arg)}).`);
        return { t: 'name', s: p.s, name: String(arg) };
      }
      case 'borders':
        if (!EDGES.has(String(arg))) throw new FakeExcelError('InvalidArgument', `bad border ${String(arg)}`);
        return { t: 'border', rs: p.rs, edge: String(arg) };
      default:
        return unknown(`indexer on ${p.t}`);
    }
  }

  private range(s: FakeSheet, r0: number, c0: number, rows: number, cols: number): Range {
    if (rows < 1 || cols < 1 || r0 < 0 || c0 < 0 || r0 + rows > 1048576 || c0 + cols > 16384)
      throw new FakeExcelError('InvalidArgument', 'The argument is invalid or missing or has an incorrect format.');
    return { t: 'range', s, r0, c0, rows, cols };
  }

  /** Methods; `asPath` when the method's result is used as an object (an ObjectPath of type 3). */
  private method(p: Node, name: string, args: unknown[], asPath: boolean): Node | null | unknown {
    const book = this.book;
    const sig = `${p.t}.${name}`;
    switch (sig) {
      case 'worksheets.Add': {
        const s = book.addSheet(String(args[0]));
        return { t: 'worksheet', s };
      }
      case 'worksheets.GetItemOrNullObject': {
        const s = book.sheets.find((x) => x.name.toLowerCase() === String(args[0]).toLowerCase());
        return s ? { t: 'worksheet', s } : null;
      }
      case 'worksheets.GetItemAt':
        return { t: 'worksheet', s: book.sheets[Number(args[0])] };
      case 'worksheet.GetRange': {
        const s = (p as { s: FakeSheet }).s;
        if (args[0] === undefined || args[0] === null) return this.range(s, 0, 0, 1048576, 16384);
        const [from, to = from] = String(args[0]).split(':');
        const [r0, c0] = parseRef(from);
        const [r1, c1] = parseRef(to);
        return this.range(s, Math.min(r0, r1), Math.min(c0, c1), Math.abs(r1 - r0) + 1, Math.abs(c1 - c0) + 1);
      }
      case 'worksheet.GetRanges': {
        if (!this.supports('1.9')) throw new FakeExcelError('ApiNotFound', 'getRanges needs ExcelApi 1.9');
        const s = (p as { s: FakeSheet }).s;
        const list = String(args[0])
          .split(',')
          .map((part) => {
            const [from, to = from] = part.split(':');
            const [r0, c0] = parseRef(from);
            const [r1, c1] = parseRef(to);
            return this.range(s, Math.min(r0, r1), Math.min(c0, c1), Math.abs(r1 - r0) + 1, Math.abs(c1 - c0) + 1);
          });
        return { t: 'areas', list };
      }
      case 'worksheet.GetRangeByIndexes':
        return this.range((p as { s: FakeSheet }).s, Number(args[0]), Number(args[1]), Number(args[2]), Number(args[3]));
      case 'worksheet.GetUsedRangeOrNullObject':
      case 'worksheet.GetUsedRange': {
        const s = (p as { s: FakeSheet }).s;
        let r0 = Infinity,
          c0 = Infinity,
          r1 = -1,
          c1 = -1;
        for (const [k, cell] of s.cells) {
          if (args[0] === true && cell.value === '' && !cell.formula) continue;
          const [r, c] = k.split(',').map(Number);
          r0 = Math.min(r0, r);
          c0 = Math.min(c0, c);
          r1 = Math.max(r1, r);
          c1 = Math.max(c1, c);
        }
        if (r1 < 0) {
          if (name === 'GetUsedRange') return this.range(s, 0, 0, 1, 1);
          return null;
        }
        return this.range(s, r0, c0, r1 - r0 + 1, c1 - c0 + 1);
      }
      case 'worksheet.Delete': {
        const s = (p as { s: FakeSheet }).s;
        if (book.sheets.length === 1) throw new FakeExcelError('InvalidOperation', 'A workbook must contain at least one visible worksheet.');
        book.deleteSheet(s);
        return undefined;
      }
      case 'worksheet.Activate':
        book.activeSheet = (p as { s: FakeSheet }).s.name;
        return undefined;
      case 'names.Add': {
        const map = (p as { s: FakeSheet | null }).s ? (p as { s: FakeSheet }).s.names : book.names;
        const n = String(args[0]);
        if (map.has(n)) throw new FakeExcelError('ItemAlreadyExists', `The name ${n} already exists.`);
        const ref = args[1] as Node | string;
        const formula =
          typeof ref === 'string'
            ? ref
            : ref && ref.t === 'range'
              ? `=${quote(ref.s.name)}!$${columnLetters(ref.c0)}$${ref.r0 + 1}${ref.rows * ref.cols > 1 ? `:$${columnLetters(ref.c0 + ref.cols - 1)}$${ref.r0 + ref.rows}` : ''}`
              : unknown('a name reference');
        map.set(n, formula.startsWith('=') ? formula : `=${formula}`);
        return { t: 'name', s: (p as { s: FakeSheet | null }).s, name: n };
      }
      case 'names.GetItemOrNullObject': {
        const map = (p as { s: FakeSheet | null }).s ? (p as { s: FakeSheet }).s.names : book.names;
        return map.has(String(args[0])) ? { t: 'name', s: (p as { s: FakeSheet | null }).s, name: String(args[0]) } : null;
      }
      case 'names.GetItemAt': {
        const map = (p as { s: FakeSheet | null }).s ? (p as { s: FakeSheet }).s.names : book.names;
        return { t: 'name', s: (p as { s: FakeSheet | null }).s, name: [...map.keys()][Number(args[0])] };
      }
      case 'name.Delete': {
        const n = p as { s: FakeSheet | null; name: string };
        (n.s ? n.s.names : book.names).delete(n.name);
        return undefined;
      }
      case 'range.GetRow':
      case 'range.GetColumn':
      case 'range.GetCell':
      case 'range.GetOffsetRange':
      case 'range.GetResizedRange':
      case 'range.GetAbsoluteResizedRange': {
        const r = p as Range;
        const [x, y] = args.map(Number);
        if (name === 'GetRow') return this.range(r.s, r.r0 + x, r.c0, 1, r.cols);
        if (name === 'GetColumn') return this.range(r.s, r.r0, r.c0 + x, r.rows, 1);
        if (name === 'GetCell') return this.range(r.s, r.r0 + x, r.c0 + y, 1, 1);
        if (name === 'GetOffsetRange') return this.range(r.s, r.r0 + x, r.c0 + y, r.rows, r.cols);
        if (name === 'GetResizedRange') return this.range(r.s, r.r0, r.c0, r.rows + x, r.cols + y);
        return this.range(r.s, r.r0, r.c0, x, y);
      }
      case 'range.GetBoundingRect': {
        const a = p as Range;
        const b = args[0] as Range;
        const r0 = Math.min(a.r0, b.r0);
        const c0 = Math.min(a.c0, b.c0);
        return this.range(a.s, r0, c0, Math.max(a.r0 + a.rows, b.r0 + b.rows) - r0, Math.max(a.c0 + a.cols, b.c0 + b.cols) - c0);
      }
      case 'range._ValidateArraySize': {
        const r = p as Range;
        if (Number(args[0]) !== r.rows || Number(args[1]) !== r.cols)
          throw new FakeExcelError('InvalidArgument', "The number of rows or columns in the input array doesn't match the size or dimensions of the range.");
        return undefined;
      }
      case 'range.Clear': {
        const r = p as Range;
        for (const k of [...r.s.cells.keys()]) {
          const [i, j] = k.split(',').map(Number);
          if (i >= r.r0 && i < r.r0 + r.rows && j >= r.c0 && j < r.c0 + r.cols) r.s.cells.delete(k);
        }
        return undefined;
      }
      case 'range.Unmerge': {
        const r = p as Range;
        r.s.merges = r.s.merges.filter((m) => {
          const [a] = m.split(':').map(parseRef);
          return !(a[0] >= r.r0 && a[0] < r.r0 + r.rows && a[1] >= r.c0 && a[1] < r.c0 + r.cols);
        });
        return undefined;
      }
      case 'cfs.ClearAll': {
        const r = (p as { r: Range }).r;
        r.s.conditionalFormats.length = 0;
        return undefined;
      }
      case 'dataValidation.Clear':
        (p as { r: Range }).r.s.validations.length = 0;
        return undefined;
      case 'freezePanes.Unfreeze':
        (p as { s: FakeSheet }).s.freezeRows = 0;
        return undefined;
      case 'pageBreaks.RemovePageBreaks':
        (p as { s: FakeSheet }).s.pageBreaks.length = 0;
        return undefined;
      case 'charts.GetItemAt':
        return { t: 'chart', c: (p as { s: FakeSheet }).s.charts[Number(args[0])] };
      case 'chart.Delete': {
        const c = (p as { c: Chart }).c;
        for (const s of this.book.sheets) if (s.charts.includes(c)) s.charts.splice(s.charts.indexOf(c), 1);
        return undefined;
      }
      case 'range.Merge': {
        const r = p as Range;
        r.s.merges.push(a1(r));
        return undefined;
      }
      case 'range.Select':
        book.selection = `${(p as Range).s.name}!${a1(p as Range).split(':')[0]}`;
        return undefined;
      case 'range.GetMergedAreasOrNullObject': {
        if (!this.supports('1.13')) throw new FakeExcelError('ApiNotFound', 'getMergedAreasOrNullObject needs ExcelApi 1.13');
        const r = p as Range;
        const inside = r.s.merges
          .map((m) => {
            const [a, b = a] = m.split(':').map(parseRef);
            return this.range(r.s, a[0], a[1], b[0] - a[0] + 1, b[1] - a[1] + 1);
          })
          .filter((m) => m.r0 >= r.r0 && m.r0 + m.rows <= r.r0 + r.rows && m.c0 >= r.c0 && m.c0 + m.cols <= r.c0 + r.cols);
        if (inside.length > 512) throw new FakeExcelError('GeneralException', 'There are more than 512 merged areas in the range.');
        return inside.length === 0 ? null : { t: 'areas', list: inside };
      }
      case 'freezePanes.FreezeRows':
        (p as { s: FakeSheet }).s.freezeRows = Number(args[0]);
        return undefined;
      case 'pageLayout.SetPrintTitleRows':
        (p as { s: FakeSheet }).s.pageLayout.printTitleRows = args[0];
        return undefined;
      case 'pageBreaks.Add': {
        const ref = args[0] as Node | string;
        (p as { s: FakeSheet }).s.pageBreaks.push(typeof ref === 'string' ? ref : a1(ref as Range));
        return undefined;
      }
      case 'cfs.Add': {
        const r = (p as { r: Range }).r;
        const entry: CfEntry = { address: a1(r), type: String(args[0]), dataBar: {}, custom: {} };
        r.s.conditionalFormats.push(entry);
        return { t: 'cf', e: entry, s: r.s };
      }
      case 'cf.Delete': {
        const n = p as { e: CfEntry; s: FakeSheet };
        n.s.conditionalFormats.splice(n.s.conditionalFormats.indexOf(n.e), 1);
        return undefined;
      }
      case 'charts.Add': {
        const source = args[1] as Range;
        const chart: Chart = { type: String(args[0]), source: a1(source), seriesBy: String(args[2]), props: {} };
        (p as { s: FakeSheet }).s.charts.push(chart);
        return { t: 'chart', c: chart };
      }
      case 'series.GetItemAt':
        return { t: 'seriesItem', c: (p as { c: Chart }).c };
      case 'seriesItem.SetXAxisValues':
        (p as { c: Chart }).c.xValues = a1(args[0] as Range);
        return undefined;
      case 'chart.SetPosition':
        (p as { c: Chart }).c.position = [String(args[0]), String(args[1] ?? '')];
        return undefined;
      default:
        return unknown(`method ${sig}${asPath ? ' (as an object)' : ''}`);
    }
  }

  // ---- properties -------------------------------------------------------------------------

  private cells<T>(
    r: Range,
    f: (
      cell: { value: string | number | boolean; formula?: string; numberFormat: string; style: Record<string, unknown> } | undefined,
      row: number,
      col: number,
    ) => T,
  ): T[][] {
    return Array.from({ length: r.rows }, (_, i) => Array.from({ length: r.cols }, (_, j) => f(r.s.cells.get(key(r.r0 + i, r.c0 + j)), i, j)));
  }

  private each(
    r: Range,
    f: (
      cell: { value: string | number | boolean; formula?: string; numberFormat: string; style: Record<string, unknown>; hyperlink?: string },
      i: number,
      j: number,
    ) => void,
  ): void {
    for (let i = 0; i < r.rows; i++) {
      for (let j = 0; j < r.cols; j++) {
        const k = key(r.r0 + i, r.c0 + j);
        let cell = r.s.cells.get(k);
        if (!cell) r.s.cells.set(k, (cell = { value: '', numberFormat: 'General', style: {} }));
        f(cell, i, j);
      }
    }
  }

  private query(n: Node, select: readonly string[]): unknown {
    const pick = (props: Record<string, () => unknown>, wanted: readonly string[]) => {
      const out: Record<string, unknown> = {};
      for (const w of wanted.length > 0 ? wanted : Object.keys(props)) {
        const [head, ...rest] = w.split('/');
        const name = head[0].toUpperCase() + head.slice(1);
        const get = props[head];
        if (!get) unknown(`loading ${n.t}.${head}`);
        const v = get();
        out[name] = rest.length > 0 ? this.query(v as Node, [rest.join('/')]) : v;
      }
      return out;
    };
    switch (n.t) {
      case 'worksheets':
        return { _Items: this.book.sheets.map((s) => ({ ...pick(this.sheetProps(s), select), Id: this.idOf(s) })) };
      case 'worksheet':
        return pick(this.sheetProps(n.s), select);
      case 'names': {
        const map = n.s ? n.s.names : this.book.names;
        // items carry their name as their private id, so the client addresses them by name
        return { _Items: [...map].map(([name, formula]) => ({ ...pick(this.nameProps(name, formula), select), _Id: name })) };
      }
      case 'name': {
        const map = n.s ? n.s.names : this.book.names;
        return pick(this.nameProps(n.name, map.get(n.name) ?? ''), select);
      }
      case 'range': {
        const r = n;
        return pick(
          {
            address: () => `${quote(r.s.name)}!${a1(r)}`,
            values: () => this.cells(r, (c) => c?.value ?? ''),
            numberFormat: () => this.cells(r, (c) => c?.numberFormat ?? 'General'),
            text: () =>
              this.cells(r, (c) => (c === undefined ? '' : typeof c.value === 'number' && c.numberFormat !== 'General' ? String(c.value) : String(c.value))),
            rowCount: () => r.rows,
            columnCount: () => r.cols,
            rowIndex: () => r.r0,
            columnIndex: () => r.c0,
          },
          select,
        );
      }
      case 'rangeCollection':
        return { _Items: n.list.map((r) => this.query(r, select)) };
      case 'areas':
        return pick({ areas: () => ({ t: 'rangeCollection', list: n.list }), areaCount: () => n.list.length }, select);
      case 'cfs':
        return { _Items: n.r.s.conditionalFormats.map((e) => pick({ type: () => e.type }, select)) };
      case 'charts':
        return { _Items: n.s.charts.map((_, i) => pick({ name: () => `Chart ${i + 1}` }, select)) };
      case 'rule':
        return pick({ formula: () => n.e.custom['rule.formula'] ?? null }, select);
      default:
        return unknown(`loading ${n.t}`);
    }
  }

  private sheetProps(s: FakeSheet): Record<string, () => unknown> {
    return {
      name: () => s.name,
      id: () => this.idOf(s),
      position: () => this.book.sheets.indexOf(s),
      visibility: () => 'Visible',
      showGridlines: () => s.showGridlines,
    };
  }

  private nameProps(name: string, formula: string): Record<string, () => unknown> {
    return { name: () => name, formula: () => formula, value: () => formula, type: () => 'Range', visible: () => true };
  }

  private set(n: Node, name: string, v: unknown): void {
    const style = (rs: Range[], prop: string) => rs.forEach((r) => this.each(r, (cell) => (cell.style[prop] = v)));
    switch (`${n.t}.${name}`) {
      case 'range.Values': {
        const r = n as Range;
        this.checkShape(r, v, 'values');
        this.each(r, (cell, i, j) => {
          const t = typed((v as unknown[][])[i][j], cell.numberFormat);
          cell.value = t.value;
          if (t.formula) cell.formula = t.formula;
          else delete cell.formula;
        });
        return;
      }
      case 'range.Hyperlink': {
        const r = n as Range;
        this.each(r, (cell) => (cell.hyperlink = (v as { documentReference?: string }).documentReference));
        return;
      }
      case 'range.NumberFormat': {
        const r = n as Range;
        this.checkShape(r, v, 'numberFormat');
        this.each(r, (cell, i, j) => (cell.numberFormat = String((v as unknown[][])[i][j])));
        return;
      }
      case 'format.HorizontalAlignment':
      case 'format.VerticalAlignment':
      case 'format.WrapText':
        return style((n as { rs: Range[] }).rs, name[0].toLowerCase() + name.slice(1));
      case 'format.UseStandardWidth':
        for (const r of (n as { rs: Range[] }).rs) r.s.columnWidths.clear();
        return;
      case 'format.UseStandardHeight':
        for (const r of (n as { rs: Range[] }).rs) r.s.rowHeights.clear();
        return;
      case 'format.ColumnWidth':
        for (const r of (n as { rs: Range[] }).rs) for (let c = r.c0; c < r.c0 + r.cols; c++) r.s.columnWidths.set(c, Number(v));
        return;
      case 'format.RowHeight':
        for (const r of (n as { rs: Range[] }).rs) for (let i = r.r0; i < r.r0 + r.rows; i++) r.s.rowHeights.set(i, Number(v));
        return;
      case 'font.Bold':
      case 'font.Size':
      case 'font.Color':
      case 'font.Name':
      case 'fill.Color':
        return style((n as { rs: Range[] }).rs, `${n.t}.${name[0].toLowerCase()}${name.slice(1)}`);
      case 'border.Style':
      case 'border.Color':
      case 'border.Weight':
        return style((n as { rs: Range[] }).rs, `border.${(n as { edge: string }).edge}.${name.toLowerCase()}`);
      case 'worksheet.Name':
        return this.book.renameSheet((n as { s: FakeSheet }).s, String(v));
      case 'worksheet.ShowGridlines':
      case 'worksheet.Gridlines':
        (n as { s: FakeSheet }).s.showGridlines = Boolean(v);
        return;
      case 'worksheet.Position': {
        const list = this.book.sheets;
        const s = (n as { s: FakeSheet }).s;
        list.splice(Number(v), 0, ...list.splice(list.indexOf(s), 1));
        return;
      }
      case 'name.Visible':
        return;
      case 'hfPage.CenterFooter':
        (n as { s: FakeSheet }).s.pageLayout['footer.centerFooter'] = v;
        return;
      case 'dataBar.BarDirection':
      case 'dataBar.LowerBoundRule':
        (n as { e: CfEntry }).e.dataBar[name[0].toLowerCase() + name.slice(1)] = v;
        return;
      case 'positiveFormat.FillColor':
        (n as { e: CfEntry }).e.dataBar['positiveFormat.fillColor'] = v;
        return;
      case 'rule.Formula':
        (n as { e: CfEntry }).e.custom['rule.formula'] = v;
        return;
      case 'cfFill.Color':
        (n as { e: CfEntry }).e.custom['fill.color'] = v;
        return;
      case 'dataValidation.Rule':
      case 'dataValidation.ErrorAlert': {
        const r = (n as { r: Range }).r;
        let entry = r.s.validations.find((x) => x.address === a1(r));
        if (!entry) r.s.validations.push((entry = { address: a1(r), rule: null, errorAlert: null }));
        (entry as Record<string, unknown>)[name === 'Rule' ? 'rule' : 'errorAlert'] = v;
        return;
      }
      case 'chartTitle.Text':
      case 'legend.Visible':
        (n as { c: Chart }).c.props[`${n.t === 'chartTitle' ? 'title' : 'legend'}.${name[0].toLowerCase()}${name.slice(1)}`] = v;
        return;
      default:
        if (n.t === 'pageLayout') {
          (n as { s: FakeSheet }).s.pageLayout[name[0].toLowerCase() + name.slice(1)] = v;
          return;
        }
        unknown(`setting ${n.t}.${name}`);
    }
  }

  private checkShape(r: Range, m: unknown, what: string): void {
    if (!Array.isArray(m) || m.length !== r.rows || m.some((row) => !Array.isArray(row) || row.length !== r.cols)) {
      throw new FakeExcelError(
        'InvalidArgument',
        `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${what}).`,
      );
    }
  }
}
