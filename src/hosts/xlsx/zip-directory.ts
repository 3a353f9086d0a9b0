// Where each deflated part's bytes lie in a package, from its central directory: what lets a part
// the tool does not change be copied into the new package as it is, never inflated and deflated
// again. fflate lists the parts but not their CRC or offset. Anything unusual (ZIP64, encryption,
// another compression method, a header that does not match) leaves a part out of this map, and
// it is then inflated and deflated as before.

/** A deflated part's compressed bytes in the package and what its zip headers must say. */
export interface CompressedPart {
  readonly start: number;
  readonly end: number;
  readonly crc: number;
  /** inflated size */
  readonly size: number;
}

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
const DEFLATE = 8;
const ENCRYPTED = 1;
const UTF8_NAME = 0x800;
const ZIP64_MARK = 0xffffffff;

/** The package's deflated parts by name as fflate reads it (UTF-8 when flagged, else Latin-1). */
export function compressedParts(data: Uint8Array): Map<string, CompressedPart> {
  const parts = new Map<string, CompressedPart>();
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const u16 = (at: number) => view.getUint16(at, true);
  const u32 = (at: number) => view.getUint32(at, true);
  let end = -1;
  // the end record is the last 22 bytes, unless a comment (up to 64 KB) follows it
  for (let at = data.length - 22; at >= Math.max(0, data.length - 22 - 0xffff); at--) {
    if (u32(at) === END_OF_DIRECTORY) {
      end = at;
      break;
    }
  }
  if (end < 0) return parts;
  const count = u16(end + 10);
  let at = u32(end + 16);
  if (count === 0xffff || at === ZIP64_MARK) return parts;
  const utf8 = new TextDecoder();
  for (let k = 0; k < count; k++) {
    if (at + 46 > data.length || u32(at) !== DIRECTORY_ENTRY) return new Map();
    const flags = u16(at + 8);
    const method = u16(at + 10);
    const crc = u32(at + 16);
    const compressed = u32(at + 20);
    const size = u32(at + 24);
    const nameLength = u16(at + 28);
    const next = at + 46 + nameLength + u16(at + 30) + u16(at + 32);
    const header = u32(at + 42);
    const nameBytes = data.subarray(at + 46, at + 46 + nameLength);
    const name = flags & UTF8_NAME ? utf8.decode(nameBytes) : String.fromCharCode(...nameBytes);
    at = next;
    if (flags & ENCRYPTED || method !== DEFLATE || compressed === ZIP64_MARK || size === ZIP64_MARK || header === ZIP64_MARK) continue;
    if (header + 30 > data.length || u32(header) !== LOCAL_HEADER) continue;
    const start = header + 30 + u16(header + 26) + u16(header + 28);
    if (start + compressed > data.length) continue;
    parts.set(name.toLowerCase(), { start, end: start + compressed, crc, size });
  }
  return parts;
}
