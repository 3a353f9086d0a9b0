// Renders .xlsx files as printed pages with LibreOffice, and reads them back with poppler.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './helpers';

export const PRINT_OUTPUT = join(ROOT, 'test-output', 'print');

function has(cmd: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
}

/** Whether LibreOffice and poppler are here; in CI their absence is a failure, never a skip. */
export function printToolsPresent(): boolean {
  const ok = has('soffice') && has('pdftotext') && has('pdfinfo') && has('pdftoppm');
  if (!ok && process.env.CI) throw new Error('CI needs soffice (libreoffice-calc) and poppler-utils for the print tests');
  return ok;
}

export interface Rendered {
  readonly pdf: string;
  /** text of each page */
  readonly pages: string[];
  /** [width, height] in points of each page */
  readonly sizes: [number, number][];
}

/** Converts xlsx bytes to PDF; PNGs of the first pages go to test-output/print/<name>-N.png. */
export function render(bytes: Uint8Array, name: string, pngPages = 3): Rendered {
  const dir = mkdtempSync(join(tmpdir(), 'kaoping-print-'));
  const xlsx = join(dir, `${name}.xlsx`);
  writeFileSync(xlsx, bytes);
  const profile = join(dir, 'profile');
  execFileSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, xlsx], {
    stdio: 'ignore',
    timeout: 120000,
  });
  const pdf = join(dir, `${name}.pdf`);
  const info = execFileSync('pdfinfo', ['-f', '1', '-l', '9999', pdf], { encoding: 'utf8' });
  const sizes = [...info.matchAll(/Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)/g)].map((m) => [Number(m[1]), Number(m[2])] as [number, number]);
  const pages = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
    .split('\f')
    .slice(0, sizes.length);
  mkdirSync(PRINT_OUTPUT, { recursive: true });
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', String(Math.min(pngPages, sizes.length)), pdf, join(PRINT_OUTPUT, name)]);
  return { pdf, pages, sizes };
}

/** A4 in points, either way round. */
export function isA4([w, h]: [number, number]): boolean {
  const near = (a: number, b: number) => Math.abs(a - b) < 2;
  return (near(w, 595.3) && near(h, 841.9)) || (near(w, 841.9) && near(h, 595.3));
}
