import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './helpers';

// The Microsoft validator needs the internet; this checks what can be checked offline.
const { withBaseUrl } = require('../scripts/manifest-url');
const xml = readFileSync(join(ROOT, 'manifest.xml'), 'utf8');
const top = xml.replace(/<!--[\s\S]*?-->/g, '');

function wellFormed(text: string): void {
  const stack: string[] = [];
  for (const m of text.matchAll(/<(\/?)([\w:.-]+)(?:\s[^>]*?)?(\/?)>/g)) {
    if (m[3] === '/') continue;
    if (m[1] === '/') expect(stack.pop()).toBe(m[2]);
    else stack.push(m[2]);
  }
  expect(stack).toEqual([]);
  expect(text.replace(/&(amp|lt|gt|quot|apos);/g, '')).not.toMatch(/&/);
}

describe('manifest.xml', () => {
  it('is well formed', () => wellFormed(top.replace(/<\?xml[^>]*\?>/, '')));

  it('has the required elements in schema order', () => {
    const order = [
      'Id',
      'Version',
      'ProviderName',
      'DefaultLocale',
      'DisplayName',
      'Description',
      'IconUrl',
      'HighResolutionIconUrl',
      'SupportUrl',
      'AppDomains',
      'Hosts',
      'Requirements',
      'DefaultSettings',
      'Permissions',
      'VersionOverrides',
    ];
    const positions = order.map((name) => top.search(new RegExp(`<${name}[\\s>/]`)));
    for (const p of positions) expect(p).toBeGreaterThan(0);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    const inDesktop = ['GetStarted', 'FunctionFile', 'ExtensionPoint'].map((n) => top.indexOf(`<${n}`));
    expect([...inDesktop].sort((a, b) => a - b)).toEqual(inDesktop);
  });

  // ExcelApi 1.1 in the manifest, so an older Excel still opens the pane and hears why it cannot work (the pane checks 1.7)
  it('has a GUID Id, a four-part version, https URLs, Workbook host, ExcelApi 1.1 and ReadWriteDocument', () => {
    expect(top).toMatch(/<Id>[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}<\/Id>/i);
    expect(top).toMatch(/<Version>\d+\.\d+\.\d+\.\d+<\/Version>/);
    for (const url of top.matchAll(/(?:DefaultValue|Value)="(https?:[^"]+)"/g)) expect(url[1]).toMatch(/^https:\/\//);
    for (const url of top.matchAll(/<AppDomain>([^<]+)<\/AppDomain>/g)) expect(url[1]).toMatch(/^https:\/\//);
    expect(top).toContain('<Host Name="Workbook"/>');
    expect(top).toMatch(/<Set Name="ExcelApi" MinVersion="1\.1"\/>/);
    expect(top).toContain('<Permissions>ReadWriteDocument</Permissions>');
  });

  it('puts a button in a group 考核 on the Home tab, with zh-CN overrides for every string', () => {
    expect(top).toMatch(/<OfficeTab id="TabHome">\s*<Group id="Kaoping.Group">/);
    expect(top).toMatch(/<bt:String id="Group.Label" DefaultValue="Assessment">\s*<bt:Override Locale="zh-CN" Value="考核"\/>/);
    expect(top).toMatch(/<Action xsi:type="ShowTaskpane">/);
    const strings = [...top.matchAll(/<bt:String id="([^"]+)"[^>]*>([\s\S]*?)<\/bt:String>/g)];
    expect(strings.length).toBeGreaterThanOrEqual(5);
    for (const s of strings) expect(s[2]).toMatch(/<bt:Override Locale="zh-CN" Value="[^"]+"\/>/);
    expect(top).toMatch(/<DisplayName[^>]*>\s*<Override Locale="zh-CN"/);
    expect(top).toMatch(/<Description[^>]*>\s*<Override Locale="zh-CN"/);
  });

  it('resolves every resid', () => {
    const ids = new Set([...top.matchAll(/<bt:(?:Image|Url|String) id="([^"]+)"/g)].map((m) => m[1]));
    const resids = [...top.matchAll(/resid="([^"]+)"/g)].map((m) => m[1]);
    expect(resids.length).toBeGreaterThan(8);
    for (const r of resids) expect(ids).toContain(r);
  });

  it('points at icons of 16, 32, 64 and 80 px that exist', () => {
    for (const size of [16, 32, 64, 80]) {
      const file = join(ROOT, 'assets', `icon-${size}.png`);
      expect(existsSync(file)).toBe(true);
      const png = readFileSync(file);
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([size, size]);
    }
    for (const m of top.matchAll(/\/assets\/([\w.-]+\.png)/g)) expect(existsSync(join(ROOT, 'assets', m[1]))).toBe(true);
  });

  it('takes every URL from one base URL at build time', () => {
    const built = withBaseUrl(xml, 'https://kaohe.example.gov.cn/addin/');
    expect(built).not.toContain('localhost');
    for (const url of built.matchAll(/"(https:[^"]+)"|<AppDomain>([^<]+)</g)) expect(url[1] ?? url[2]).toMatch(/^https:\/\/kaohe\.example\.gov\.cn\/addin/);
    expect(withBaseUrl(xml, undefined)).toBe(xml);
    expect(() => withBaseUrl(xml, 'http://insecure.example')).toThrow('https');
    wellFormed(built.replace(/<!--[\s\S]*?-->/g, '').replace(/<\?xml[^>]*\?>/, ''));
  });
});

describe('office.js for the pane', () => {
  const load = async (env: Record<string, string | undefined>) => {
    const saved = { ...process.env };
    for (const [k, v] of Object.entries(env)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
    jest.resetModules();
    const configs = await require('../webpack.config.js')({}, { mode: 'production' });
    const config = configs.find((c: { name: string }) => c.name === 'pane');
    process.env = saved;
    const define = config.plugins.find((p: { definitions?: Record<string, string> }) => p.definitions?.OFFICE_JS_URL);
    const copy = config.plugins.find((p: { patterns?: unknown[] }) => p.patterns);
    return { url: JSON.parse(define.definitions.OFFICE_JS_URL), patterns: copy.patterns as { from: string }[] };
  };

  it('comes from Microsoft’s CDN by default, from the add-in’s own copy with OFFICE_JS=self, or from a given address', async () => {
    expect((await load({ OFFICE_JS: undefined, OFFICE_JS_URL: undefined })).url).toBe('https://appsforoffice.microsoft.com/lib/1/hosted/office.js');
    const self = await load({ OFFICE_JS: 'self', OFFICE_JS_URL: undefined });
    expect(self.url).toBe('office-js/office.js');
    expect(self.patterns.map((p) => p.from)).toEqual(
      expect.arrayContaining(['node_modules/@microsoft/office-js/dist/office.js', 'node_modules/@microsoft/office-js/dist/excel-*.js']),
    );
    expect((await load({ OFFICE_JS_URL: 'https://appsforoffice.cdn.partner.office365.cn/appsforoffice/lib/1/hosted/office.js' })).url).toContain(
      'office365.cn',
    );
  });

  it('npm start serves over HTTPS with the localhost certificate of office-addin-dev-certs, made here', async () => {
    jest.resetModules();
    const config = await require('../webpack.config.js')({ https: true }, { mode: 'development' });
    expect(config.devServer.port).toBe(3000);
    expect(config.devServer.server.type).toBe('https');
    expect(config.devServer.server.options.cert.toString()).toContain('BEGIN CERTIFICATE');
  });
});
