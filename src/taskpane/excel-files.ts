// Whole workbooks in Excel: the open workbook as .xlsx bytes (Office's File API), and a new
// workbook opened from bytes (Excel.createWorkbook, ExcelApi 1.8). The pane makes the next
// period's and the combined annual workbooks from bytes with the same code as the browser page.

/** Office hands a file over in slices of at most 4 MB. */
const SLICE_BYTES = 4 * 1024 * 1024;

/**
 * Largest workbook opened in a new window: Excel on the web takes at most 5 MB per request, and
 * Base64 makes 3 bytes 4 characters.
 */
export const NEW_WORKBOOK_BYTES = 3_500_000;

/** A workbook over NEW_WORKBOOK_BYTES, which Excel would refuse. */
export class TooLargeForNewWorkbook extends Error {
  constructor(readonly bytes: number) {
    super(`${bytes} bytes`);
  }
}

/** Office's callbacks as a promise; a failure keeps Office's code and message. */
function officeCall<T>(start: (callback: (result: Office.AsyncResult<T>) => void) => void): Promise<T> {
  return new Promise((resolve, reject) =>
    start((result) => {
      if (result.status === Office.AsyncResultStatus.Succeeded) resolve(result.value);
      else reject(Object.assign(new Error(result.error.message), { code: String(result.error.code) }));
    }),
  );
}

/** The open workbook as it is now, as .xlsx bytes. */
export async function documentBytes(document: Office.Document = Office.context.document): Promise<Uint8Array> {
  const file = await officeCall<Office.File>((done) => document.getFileAsync(Office.FileType.Compressed, { sliceSize: SLICE_BYTES }, done));
  try {
    const slices: Uint8Array[] = [];
    for (let i = 0; i < file.sliceCount; i++) {
      const slice = await officeCall<Office.Slice>((done) => file.getSliceAsync(i, done));
      slices.push(Uint8Array.from(slice.data as ArrayLike<number>));
    }
    const out = new Uint8Array(slices.reduce((n, s) => n + s.length, 0));
    let at = 0;
    for (const s of slices) {
      out.set(s, at);
      at += s.length;
    }
    return out;
  } finally {
    // Office keeps at most two files open for an add-in
    await officeCall<void>((done) => file.closeAsync(done)).catch(() => undefined);
  }
}

/** Bytes as Base64, a block at a time (one call with every byte as an argument would overflow the stack). */
export function toBase64(bytes: Uint8Array): string {
  const pieces: string[] = [];
  for (let at = 0; at < bytes.length; at += 0x8000) pieces.push(String.fromCharCode(...bytes.subarray(at, at + 0x8000)));
  return btoa(pieces.join(''));
}

/** Opens bytes as a new workbook in a window of its own. */
export async function openAsNewWorkbook(bytes: Uint8Array, create: (base64: string) => Promise<void> = (b) => Excel.createWorkbook(b)): Promise<void> {
  if (bytes.length > NEW_WORKBOOK_BYTES) throw new TooLargeForNewWorkbook(bytes.length);
  await create(toBase64(bytes));
}
