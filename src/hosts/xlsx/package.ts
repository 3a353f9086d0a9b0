// The zip package of an .xlsx, over fflate: part names found case-insensitively (OPC part names
// are), parts inflated under limits, and a writer that streams every part into the new package
// as it is produced, so a result sheet is never held whole, neither as text nor as bytes.
import { unzipSync, Zip, ZipDeflate, ZipPassThrough, type UnzipFileInfo } from 'fflate';
import { WorkbookOpenError, type LimitKind } from './open-error';
import { PartDecoder } from './xml';
import { compressedParts, type CompressedPart } from './zip-directory';

const MiB = 1024 * 1024;

/** The reader's limits; each one passed is a clear message and exit 2, never a crash. */
export const LIMITS = {
  /** inflated bytes of one part (a worksheet of 100,000 rows × 40 scores is about 150 MB) */
  partBytes: 256 * MiB,
  /** inflated bytes of all parts read */
  totalBytes: 512 * MiB,
  /** the parts read whole into a document model: workbook, relationships, content types, styles */
  smallPartBytes: 40 * MiB,
  /** rows of one input sheet, up to its last row with a value */
  rows: 100_000,
  /** cells with a value kept from all input sheets */
  cells: 8_000_000,
} as const;

export function tooLarge(kind: LimitKind, where: string, max: number): WorkbookOpenError {
  return new WorkbookOpenError('too-large', `${where}: over the limit of ${max} (${kind})`, { kind, where, max });
}

/**
 * What a part's content is written from: text, bytes, or chunks produced while the package is
 * saved (a chunk is the producer's again once `emit` returns: its bytes are used at once).
 */
export type PartSource = string | Uint8Array | ((emit: (chunk: Uint8Array) => void) => void);

/** A zip entry that deflates what is pushed into it (fflate's interface for a custom compressor). */
export type ZipEntry = ZipPassThrough | ZipDeflate;

/** Makes the entry that compresses a part; a host can bring a faster compressor (the command: native zlib). */
export type EntryMaker = (name: string, level: DeflateLevel) => ZipEntry;
export type DeflateLevel = 1 | 6;

/** fflate's own deflate: the same in Node and in the browser. */
export const fflateEntry: EntryMaker = (name, level) => new ZipDeflate(name, { level });

/**
 * Parts written into a package in the order given; `last` ones after all others (styles.xml: it
 * gains the formats of the sheets while they are written).
 */
interface Written {
  readonly name: string;
  readonly source: PartSource;
  readonly level: DeflateLevel;
  readonly last: boolean;
}

/** Bytes of text or of chunks are pushed in blocks of this size. */
const BLOCK = MiB;

export class ZipPackage {
  /** stored parts by lower-case name */
  private readonly stored = new Map<string, UnzipFileInfo>();
  /** the package's parts as they will be saved, by lower-case name, in order */
  private readonly parts = new Map<string, Written | UnzipFileInfo>();
  /** inflated bytes of the parts read, against LIMITS.totalBytes */
  private readonly reading = { inflated: 0 };
  /** where the deflated parts' bytes lie: a part left as it is is copied, not deflated again */
  private readonly compressed: Map<string, CompressedPart>;

  private constructor(
    private readonly data: Uint8Array,
    private readonly entry: EntryMaker,
  ) {
    this.compressed = data.length === 0 ? new Map() : compressedParts(data);
    if (data.length === 0) return;
    try {
      unzipSync(data, {
        filter: (info) => {
          if (!info.name.endsWith('/')) {
            this.stored.set(info.name.toLowerCase(), info);
            this.parts.set(info.name.toLowerCase(), info);
          }
          return false;
        },
      });
    } catch (e) {
      throw new WorkbookOpenError('corrupt', e instanceof Error ? e.message : String(e));
    }
  }

  /** The package in `data` (its central directory only; parts are inflated when read). */
  static open(data: Uint8Array, entry: EntryMaker = fflateEntry): ZipPackage {
    return new ZipPackage(data, entry);
  }

  static empty(entry: EntryMaker = fflateEntry): ZipPackage {
    return new ZipPackage(new Uint8Array(0), entry);
  }

  /** The name of a part, matched case-insensitively; undefined when absent. */
  find(path: string): string | undefined {
    return this.parts.get(path.replace(/^\//, '').toLowerCase())?.name;
  }

  /** A stored part's inflated size as its package declares it (0 for a written or absent part). */
  size(path: string): number {
    const part = this.parts.get(path.replace(/^\//, '').toLowerCase());
    return part && 'originalSize' in part ? part.originalSize : 0;
  }

  has(path: string): boolean {
    return this.find(path) !== undefined;
  }

  /** The inflated bytes of a stored part, checked against the limits before inflating. */
  private inflate(info: UnzipFileInfo, limit: number, budget: { inflated: number }): Uint8Array {
    if (info.originalSize > limit) throw tooLarge('part-size', info.name, limit);
    if (budget.inflated + info.originalSize > LIMITS.totalBytes) throw tooLarge('total-size', info.name, LIMITS.totalBytes);
    budget.inflated += info.originalSize;
    try {
      // fflate inflates into a buffer of the declared size: a part that claims less than it holds
      // is cut there (and then is not well-formed XML), so no part can inflate past its limit
      const out = unzipSync(this.data, { filter: (f) => f.name === info.name })[info.name];
      if (!out) throw new Error('part not found');
      return out;
    } catch (e) {
      throw new WorkbookOpenError('corrupt', `${info.name}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  /**
   * Passes a part's bytes to `onChunk` a block at a time (it may return false: enough read);
   * false when there is no such part.
   */
  async stream(path: string, limit: number, onChunk: (bytes: Uint8Array) => void | boolean): Promise<boolean> {
    const part = this.parts.get(path.replace(/^\//, '').toLowerCase());
    if (!part) return false;
    let stop = false;
    const give = (chunk: Uint8Array) => {
      for (let at = 0; at < chunk.length && !stop; at += BLOCK) stop = onChunk(chunk.subarray(at, at + BLOCK)) === false;
    };
    if ('source' in part) sourceChunks(part.source, give);
    else give(this.inflate(part, limit, this.reading));
    return true;
  }

  /** A small part as text (decoded from UTF-8 or UTF-16); undefined when absent. */
  async text(path: string, limit: number = LIMITS.smallPartBytes): Promise<string | undefined> {
    const decoder = new PartDecoder(path);
    const pieces: string[] = [];
    const found = await this.stream(path, limit, (chunk) => {
      pieces.push(decoder.decode(chunk));
    });
    if (!found) return undefined;
    pieces.push(decoder.decode(new Uint8Array(0), true));
    return pieces.join('');
  }

  /**
   * Sets a part's content, replacing one of the same name in any letter case (in its place);
   * `last` parts are written after all others.
   */
  write(path: string, source: PartSource, options: { level?: DeflateLevel; last?: boolean } = {}): void {
    const name = this.find(path) ?? path;
    this.parts.set(name.toLowerCase(), { name, source, level: options.level ?? 6, last: options.last ?? false });
  }

  remove(path: string): void {
    this.parts.delete(path.replace(/^\//, '').toLowerCase());
  }

  /**
   * The package as zip bytes, passed to `sink` a piece at a time (the command writes them to the
   * file as they come). Parts produced by a function are produced now, straight into the zip; a
   * compressor may finish its work after `push` returns.
   */
  async saveTo(sink: (chunk: Uint8Array) => void): Promise<void> {
    let failure: unknown = null;
    let finish: () => void = () => undefined;
    const finished = new Promise<void>((resolve) => (finish = resolve));
    const zip = new Zip((err, chunk, final) => {
      if (err) failure ??= err;
      else if (failure === null) {
        try {
          sink(chunk);
        } catch (e) {
          failure = e; // a full disk: stop at the next part
        }
      }
      if (final || err) finish();
    });
    const saving = { inflated: 0 };
    const all = [...this.parts.values()];
    const ordered = [...all.filter((p) => !('last' in p && p.last)), ...all.filter((p) => 'last' in p && p.last)];
    for (const part of ordered) {
      // a stored part's deflated bytes are copied as they are; one the directory does not
      // describe plainly is inflated and deflated again: either way its content is the user's,
      // byte for byte
      const copied = 'source' in part ? undefined : this.compressed.get(part.name.toLowerCase());
      const entry = copied ? new CopiedPart(part.name, copied) : this.entry(part.name, 'source' in part ? part.level : 6);
      entry.mtime = FIXED_DATE; // the same input gives the same output bytes
      zip.add(entry);
      if (entry instanceof CopiedPart) entry.copyFrom(this.data);
      else {
        if ('source' in part) sourceChunks(part.source, (chunk) => entry.push(chunk, false));
        else entry.push(this.inflate(part, LIMITS.partBytes, saving), false);
        entry.push(new Uint8Array(0), true);
      }
      if (failure) throw failure;
    }
    zip.end();
    await finished;
    if (failure) throw failure;
  }
}

const FIXED_DATE = new Date(Date.UTC(2020, 0, 1));

/** A part whose deflated bytes go into the new package as they are, with its CRC and size. */
class CopiedPart extends ZipPassThrough {
  constructor(
    name: string,
    private readonly part: CompressedPart,
  ) {
    super(name);
    this.compression = 8;
  }

  copyFrom(data: Uint8Array): void {
    this.crc = this.part.crc;
    this.size = this.part.size;
    this.ondata(null, data.subarray(this.part.start, this.part.end) as Uint8Array<ArrayBuffer>, true);
  }
}
const encoder = new TextEncoder();

function sourceChunks(source: PartSource, emit: (chunk: Uint8Array) => void): void {
  if (typeof source === 'function') source(emit);
  else if (typeof source === 'string') {
    for (let at = 0; at < source.length;) {
      let end = Math.min(at + BLOCK, source.length);
      if (end < source.length && isHighSurrogate(source.charCodeAt(end - 1))) end--; // never split a character
      emit(encoder.encode(source.slice(at, end)));
      at = end;
    }
  } else emit(source);
}

export function utf8(text: string): Uint8Array {
  return encoder.encode(text);
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

export function concat(chunks: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
