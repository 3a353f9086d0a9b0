import { readFileSync } from 'node:fs';
import JSZip from 'jszip';
import { SaxesParser } from 'saxes';
(async () => {
  const zip = await JSZip.loadAsync(readFileSync('/tmp/b5000.xlsx'));
  const names = Object.keys(zip.files); console.log(names);
  const part = names.find((n) => /sheet2\.xml$/.test(n))!;
  let t = Date.now();
  const text = await zip.file(part)!.async('string'); console.log('inflate+decode whole', Date.now() - t, text.length);
  t = Date.now();
  let n = 0;
  await new Promise<void>((res) => (zip.file(part) as any).internalStream('uint8array').on('data', (c: Uint8Array) => (n += c.length)).on('end', res).resume());
  console.log('stream inflate', Date.now() - t, n);
  for (const xmlns of [true, false]) {
    t = Date.now();
    const p = new SaxesParser({ xmlns, position: false });
    let k = 0;
    p.on('opentag', () => k++);
    p.on('text', () => k++);
    p.write(text).close();
    console.log('saxes xmlns', xmlns, Date.now() - t, k);
  }
})();
