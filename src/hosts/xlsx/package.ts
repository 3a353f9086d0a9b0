// The zip package of an .xlsx: parts found by name case-insensitively (OPC part names are),
// inflated as a stream under limits, so no file can make the reader run out of memory.
import JSZip from 'jszip';
import { WorkbookOpenError, type LimitKind } from './open-error';
import { PartDecoder } from './xml';

const MiB = 1024 * 1024;

/** JSZip's chunked inflater (public API, absent from its typings). */
interface StreamHelper {
  on(event: 'data', f: (chunk: Uint8Array) => void): StreamHelper;
  on(event: 'error', f: (e: unknown) => void): StreamHelper;
  on(event: 'end', f: () => void): StreamHelper;
  resume(): StreamHelper;
  pause(): StreamHelper;
}
type Streamable = { internalStream(type: 'uint8array'): StreamHelper };

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

export class ZipPackage {
  private readonly byLowerName = new Map<string, string>();
  private inflated = 0;

  constructor(readonly zip: JSZip) {
    zip.forEach((path) => this.byLowerName.set(path.toLowerCase(), path));
  }

  /** The stored name of a part, matched case-insensitively; undefined when absent. */
  find(path: string): string | undefined {
    return this.byLowerName.get(path.replace(/^\//, '').toLowerCase());
  }

  has(path: string): boolean {
    return this.find(path) !== undefined;
  }

  /**
   * Streams a part's inflated bytes to `onChunk` (which may return false: enough read); false
   * when there is no such part.
   */
  async stream(path: string, limit: number, onChunk: (bytes: Uint8Array) => void | boolean): Promise<boolean> {
    const name = this.find(path);
    const file = name === undefined ? null : this.zip.file(name);
    if (!file) return false;
    let partBytes = 0;
    await new Promise<void>((resolve, reject) => {
      let done = false;
      const stop = (e: unknown) => {
        if (done) return;
        done = true;
        helper.pause();
        reject(e instanceof WorkbookOpenError ? e : new WorkbookOpenError('corrupt', `${name}: ${e instanceof Error ? e.message : String(e)}`));
      };
      const helper = (file as unknown as Streamable).internalStream('uint8array');
      helper
        .on('data', (chunk: Uint8Array) => {
          if (done) return;
          partBytes += chunk.length;
          this.inflated += chunk.length;
          try {
            if (partBytes > limit) throw tooLarge('part-size', name!, limit);
            if (this.inflated > LIMITS.totalBytes) throw tooLarge('total-size', name!, LIMITS.totalBytes);
            if (onChunk(chunk) === false) {
              done = true;
              helper.pause();
              resolve();
            }
          } catch (e) {
            stop(e);
          }
        })
        .on('error', stop)
        .on('end', () => {
          if (done) return;
          done = true;
          resolve();
        })
        .resume();
    });
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

  /** Writes a part, replacing one of the same name in any letter case. */
  write(path: string, data: string | Uint8Array): void {
    const existing = this.find(path);
    const name = existing ?? path;
    // a fixed date: the same input gives the same output bytes; level 1 deflates several times
    // faster than the default and the result sheets are only a little larger
    this.zip.file(name, data, { date: FIXED_DATE, compression: 'DEFLATE', compressionOptions: { level: 1 } });
    this.byLowerName.set(name.toLowerCase(), name);
  }

  remove(path: string): void {
    const name = this.find(path);
    if (name === undefined) return;
    this.zip.remove(name);
    this.byLowerName.delete(name.toLowerCase());
  }
}

const FIXED_DATE = new Date(Date.UTC(2020, 0, 1));
