// Microsoft's own Office.js client (the excel-web runtime of @microsoft/office-js) loaded into
// Node: the host under test builds its requests with the real serializer, and every request
// body goes to an emulator of the Excel side instead of Excel on the web.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';
import type { ExcelRun } from '../../src/hosts/excel/excel-workbook';

/** What the emulator answers: the body of Excel's ProcessQuery response. */
export type Responder = (body: any) => unknown;

interface OfficeRuntime {
  Excel: { run: (context: unknown, batch: unknown) => Promise<unknown>; RequestContext: new (url: string) => unknown };
  OfficeExtension: { HttpUtility: { setCustomSendRequestFunc(f: (req: { body: unknown }) => Promise<unknown>): void } };
}

let runtime: OfficeRuntime | null = null;
let responder: Responder | null = null;

/** The runtime, loaded once per test process (it is 1.4 MB of JavaScript) with a small browser shim. */
function officeRuntime(): OfficeRuntime {
  if (runtime) return runtime;
  const file = join(__dirname, '..', '..', 'node_modules', '@microsoft', 'office-js', 'dist', 'excel-web-16.00.js');
  const noop = () => undefined;
  const storage = { getItem: () => null, setItem: noop, removeItem: noop };
  const element = () => ({ style: {}, setAttribute: noop, appendChild: noop });
  const document = {
    readyState: 'complete',
    addEventListener: noop,
    removeEventListener: noop,
    getElementsByTagName: () => [],
    createElement: element,
    cookie: '',
    documentElement: {},
    head: { appendChild: noop },
    body: { appendChild: noop },
  };
  const window: Record<string, unknown> = {
    document,
    navigator: { userAgent: 'node', language: 'zh-CN' },
    location: { href: 'https://localhost:3000/taskpane.html', search: '', hash: '', protocol: 'https:', hostname: 'localhost' },
    addEventListener: noop,
    removeEventListener: noop,
    setTimeout,
    clearTimeout,
    setInterval,
    clearInterval,
    localStorage: storage,
    sessionStorage: storage,
    console: { ...console, log: noop, info: noop, warn: noop },
  };
  window.window = window;
  window.self = window;
  window.top = window;
  window.parent = window;
  const context = vm.createContext(window);
  vm.runInContext(readFileSync(file, 'utf8'), context, { filename: 'excel-web-16.00.js' });
  runtime = context as unknown as OfficeRuntime;
  runtime.OfficeExtension.HttpUtility.setCustomSendRequestFunc(async (req) => {
    if (!responder) throw new Error('no Excel emulator is listening');
    const answer = responder(req.body as never);
    return { statusCode: 200, headers: {}, body: typeof answer === 'string' ? answer : JSON.stringify(answer) };
  });
  return runtime;
}

/** Excel.run through Microsoft's client, with `answer` as the Excel side. */
export function officeRun(answer: Responder): ExcelRun {
  const office = officeRuntime();
  return (batch) => {
    responder = answer;
    return office.Excel.run(new office.Excel.RequestContext('https://emulator/'), batch) as never;
  };
}
