import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './helpers';

// The Microsoft validator needs the internet; this checks what can be checked offline.
const xml = readFileSync(join(ROOT, 'manifest.xml'), 'utf8');
const top = xml.replace(/<!--[\s\S]*?-->/g, '');

describe('manifest.xml', () => {
  it('is well formed (balanced elements)', () => {
    const stack: string[] = [];
    for (const m of top.matchAll(/<(\/?)([\w:]+)[^>]*?(\/?)>/g)) {
      if (m[0].startsWith('<?')) continue;
      if (m[3] === '/') continue;
      if (m[1] === '/') expect(stack.pop()).toBe(m[2]);
      else stack.push(m[2]);
    }
    expect(stack).toEqual([]);
  });

  it('has the required elements in schema order', () => {
    const order = ['Id', 'Version', 'ProviderName', 'DefaultLocale', 'DisplayName', 'Description', 'IconUrl', 'HighResolutionIconUrl', 'SupportUrl', 'AppDomains', 'Hosts', 'Requirements', 'DefaultSettings', 'Permissions'];
    const positions = order.map((name) => top.search(new RegExp(`<${name}[\\s>/]`)));
    for (const p of positions) expect(p).toBeGreaterThan(0);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it('has a GUID Id, a four-part version, https URLs, Workbook host, ExcelApi 1.7 and ReadWriteDocument', () => {
    expect(top).toMatch(/<Id>[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}<\/Id>/i);
    expect(top).toMatch(/<Version>\d+\.\d+\.\d+\.\d+<\/Version>/);
    for (const url of top.matchAll(/(?:DefaultValue|Value)="(https?:[^"]+)"/g)) expect(url[1]).toMatch(/^https:\/\//);
    expect(top).toContain('<Host Name="Workbook"/>');
    expect(top).toMatch(/<Set Name="ExcelApi" MinVersion="1\.7"\/>/);
    expect(top).toContain('<Permissions>ReadWriteDocument</Permissions>');
    expect(top).toMatch(/<Override Locale="zh-CN"/);
  });

  it('points at icons that exist', () => {
    for (const m of top.matchAll(/\/assets\/([\w.-]+\.png)/g)) expect(existsSync(join(ROOT, 'assets', m[1]))).toBe(true);
  });
});
