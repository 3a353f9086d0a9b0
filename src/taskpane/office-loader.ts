// Loads office.js without ever blocking the page: async, with an error flag and a time limit.
// Outside Office (or when a network silently drops the request) the pane runs standalone.

export interface HostInfo {
  /**
   * 'excel' inside Excel; 'office-unavailable' inside Office when office.js could not be loaded
   * (never a silent switch to the browser mode); 'excel-too-old' in an Excel without ExcelApi
   * 1.7; null in a plain browser
   */
  readonly host: 'excel' | 'office-unavailable' | 'excel-too-old' | null;
  /** where office.js was loaded from (for the message when it could not be) */
  readonly officeJs: string;
  /** Office's display language, or null outside Office */
  readonly language: string | null;
  readonly dark: boolean;
}

declare const OFFICE_JS_URL: string;
const GUARD_MS = 3000;
/** Inside Office even the page's own address says so: Office adds this parameter. */
const OFFICE_HOST_PARAM = '_host_Info';
/** The oldest Excel JavaScript API the pane works with. */
export const MIN_EXCEL_API = '1.7';

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
  const officeJs = new URL(OFFICE_JS_URL, location.href).href;
  const standalone: HostInfo = { host: null, officeJs, language: null, dark: params.get('theme') === 'dark' };
  if (params.has('standalone')) return standalone;
  const inOffice = params.has(OFFICE_HOST_PARAM);
  const ready = (async () => {
    if (!(await loadScript(officeJs))) return null;
    return Office.onReady();
  })();
  const info = await Promise.race([ready, timeout(inOffice ? GUARD_MS * 5 : GUARD_MS)]);
  if (!info) return inOffice ? { ...standalone, host: 'office-unavailable', language: navigator.language } : standalone;
  if (info.host !== Office.HostType.Excel) return standalone;
  const excel = {
    officeJs,
    language: Office.context.displayLanguage ?? null,
    dark: Boolean(Office.context.officeTheme?.isDarkTheme),
  };
  return { ...excel, host: Office.context.requirements.isSetSupported('ExcelApi', MIN_EXCEL_API) ? 'excel' : 'excel-too-old' };
}
