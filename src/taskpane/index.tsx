// Entry: find out whether we run inside Excel (never waiting more than ~3 s), then render the pane.
import { FluentProvider, webDarkTheme, webLightTheme } from '@fluentui/react-components';
import { createRoot } from 'react-dom/client';
import { langOf } from '../i18n/messages';
import { App } from './App';
import { blankInBrowser, combineInBrowser, downloadBlob, openFileSession } from './file-session';
import { detectHost } from './office-loader';

/** Set by the build: kaoping.html, the single file that runs from disk, carries the example inside. */
declare const SINGLE_FILE: boolean;
declare const EXAMPLE_DATA_URL: string;
const EXAMPLE_NAME = 'ex1-departments-30.xlsx';
const EXAMPLE = { url: SINGLE_FILE ? EXAMPLE_DATA_URL : `examples/${EXAMPLE_NAME}`, name: EXAMPLE_NAME };

async function boot(): Promise<void> {
  const params = new URLSearchParams(location.search);
  // kaoping.html is the page for working without Office: it never loads office.js
  const info = await detectHost(SINGLE_FILE ? new URLSearchParams('standalone') : params);
  const lang = langOf(params.get('lang') ?? info.language ?? navigator.language);
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  const excel = info.host === 'excel' ? await import(/* webpackChunkName: "excel-host" */ './excel-session') : null;
  const session = excel ? await excel.openExcelSession() : null;
  createRoot(document.getElementById('root')!).render(
    <FluentProvider theme={info.dark ? webDarkTheme : webLightTheme} style={{ minHeight: '100vh' }}>
      <App
        lang={lang}
        initialSession={session}
        openFile={session || info.host ? undefined : (bytes, name) => openFileSession(bytes, name, downloadBlob)}
        example={session || info.host ? undefined : EXAMPLE}
        combine={excel ? excel.excelCombine() : info.host ? undefined : combineInBrowser(downloadBlob)}
        blank={session || info.host ? undefined : (preset) => blankInBrowser(preset, downloadBlob)}
        hostProblem={
          info.host === 'office-unavailable' || info.host === 'excel-too-old'
            ? { kind: info.host, officeJs: info.officeJs, browserPage: `${location.origin}${location.pathname}?standalone` }
            : undefined
        }
      />
    </FluentProvider>,
  );
}

void boot();
