// Loads office.js without ever blocking the page: async, with an error flag and a time limit.
// Outside Office (or when a network silently drops the request) the pane runs standalone.

export interface HostInfo {
  /** 'excel' inside Excel, null in a plain browser */
  readonly host: 'excel' | null;
  /** Office's display language, or null outside Office */
  readonly language: string | null;
  readonly dark: boolean;
}

declare const OFFICE_JS_URL: string;
const GUARD_MS = 3000;

function loadScript(src: string): Promise<boolean> {
  return new Promise((resolve) => {
    const s = document.createElement('script');
    s.src = src;
    s.async = true;
    s.onload = () => resolve(true);
    s.onerror = () => resolve(false);
    document.head.appendChild(s);
  });
}

const timeout = (ms: number) => new Promise<null>((resolve) => setTimeout(() => resolve(null), ms));

/** Finds out whether the page runs inside Excel. Resolves within about 3 s whatever happens. */
export async function detectHost(params: URLSearchParams): Promise<HostInfo> {
  const standalone: HostInfo = { host: null, language: null, dark: params.get('theme') === 'dark' };
  if (params.has('standalone')) return standalone;
  const ready = (async () => {
    if (!(await loadScript(OFFICE_JS_URL))) return null;
    return Office.onReady();
  })();
  const info = await Promise.race([ready, timeout(GUARD_MS)]);
  if (!info || info.host !== Office.HostType.Excel) return standalone;
  return {
    host: 'excel',
    language: Office.context.displayLanguage ?? null,
    dark: Boolean(Office.context.officeTheme?.isDarkTheme),
  };
}
