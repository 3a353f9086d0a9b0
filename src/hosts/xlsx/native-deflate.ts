// The command's compressor: Node's native zlib, several times faster than deflate and CRC-32 in
// JavaScript. Each pushed block is deflated on its own and ended with a sync flush (byte-aligned,
// not final); such pieces joined are one valid deflate stream, and the last piece ends it. The
// package is still framed by fflate's Zip. (Deflating on libuv's threads instead was measured:
// no faster on two cores, and blocks waiting for the threads held more memory.)
import * as zlib from 'node:zlib';
import { ZipPassThrough } from 'fflate';
import type { EntryMaker } from './package';

/** zlib.crc32 arrived in Node 20.15; before it, fflate's own CRC. */
const nativeCrc = (zlib as { crc32?: typeof zlib.crc32 }).crc32;

class NativeZipDeflate extends ZipPassThrough {
  private runningCrc = 0;

  constructor(
    filename: string,
    private readonly level: number,
  ) {
    super(filename);
    this.compression = 8;
  }

  override push(chunk: Uint8Array, final = false): void {
    if (!nativeCrc) return super.push(chunk, final);
    this.runningCrc = nativeCrc(chunk, this.runningCrc);
    this.size += chunk.length;
    if (final) this.crc = this.runningCrc;
    this.process(chunk as Uint8Array<ArrayBuffer>, final);
  }

  protected override process(chunk: Uint8Array<ArrayBuffer>, final: boolean): void {
    const out = zlib.deflateRawSync(chunk, { level: this.level, finishFlush: final ? zlib.constants.Z_FINISH : zlib.constants.Z_SYNC_FLUSH });
    this.ondata(null, new Uint8Array(out.buffer as ArrayBuffer, out.byteOffset, out.length), final);
  }
}

export const nativeEntry: EntryMaker = (name, level) => new NativeZipDeflate(name, level);
