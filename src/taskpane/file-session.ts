// Standalone mode: an .xlsx file opened in the browser; the result workbook is downloaded.
import type { WorkbookPort } from '../hosts/port';
import type { PaneSession } from './session';

/** Opens bytes as a workbook. The .xlsx host is loaded only here, on first use. */
export async function openFileSession(bytes: Uint8Array, fileName: string, download: (blob: Blob, name: string) => void): Promise<PaneSession> {
  const { XlsxWorkbook } = await import(/* webpackChunkName: "xlsx-host" */ '../hosts/xlsx/xlsx-workbook');
  const book = await XlsxWorkbook.load(bytes);
  const title = fileName.replace(/\.xls[xm]$/i, '');
  const ext = /\.xlsm$/i.test(fileName) ? '.xlsm' : '.xlsx';
  const port: WorkbookPort = book;
  return {
    mode: 'file',
    title,
    port,
    async deliver() {
      const out = await book.toBytes();
      const name = `${title}-结果${ext}`;
      download(new Blob([out as BlobPart], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }), name);
      return name;
    },
  };
}

/** Saves a blob through a temporary link (works in every browser the pane supports). */
export function downloadBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60000);
}
