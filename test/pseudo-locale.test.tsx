/** @jest-environment jsdom */
// A pseudo-locale: every English word the pane has is wrapped in ⟦ ⟧. Walking the pane through
// check, compute and write on a workbook written in English, every text on the screen must be
// either wrapped (it came from the word tables) or the workbook's own text: a string that reaches
// the screen without passing through the tables fails, as does any Chinese word.
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { ADJUSTMENTS_SHEET } from '../src/engine/adjustments';
import { SCHEME_SHEET } from '../src/engine/scheme';
import { SCORES_SHEET } from '../src/engine/scores';
import { ExcelWorkbook } from '../src/hosts/excel/excel-workbook';
import { ISSUE_MESSAGES, NOTE_MESSAGES, REASON_MESSAGES } from '../src/i18n/messages';
import { UI_TEXT } from '../src/i18n/ui';
import { RESULT_SHEETS } from '../src/report/spec';
import { App } from '../src/taskpane/App';
import { onPage, type PaneSession } from '../src/taskpane/session';
import { FakeExcel } from './fake-excel';

class NoObserver {
  observe() {}
  unobserve() {}
  disconnect() {}
}
Object.assign(globalThis, { ResizeObserver: NoObserver, IntersectionObserver: NoObserver });

const OPEN = '⟦';
const CLOSE = '⟧';
type Words = { [key: string]: unknown };

/** Wraps every string and every string a function returns, in place (the tables are plain objects). */
function pseudo(words: Words): void {
  for (const [key, value] of Object.entries(words)) {
    if (typeof value === 'string') words[key] = `${OPEN}${value}${CLOSE}`;
    else if (typeof value === 'function') {
      const f = value as (...a: unknown[]) => string;
      words[key] = (...a: unknown[]) => `${OPEN}${f(...a)}${CLOSE}`;
    } else if (value && typeof value === 'object') pseudo(value as Words);
  }
}

const SCHEME: (string | number | null)[][] = [
  ['[Settings]'],
  ['Item', 'Value'],
  ['Title', 'Pseudo test'],
  ['Decimals', 2],
  ['Colour', 'blue'],
  [null],
  ['[Indicators]'],
  ['Indicator', 'Points'],
  ['Quality', 60],
  ['Speed', 40],
  [null],
  ['[Grades]'],
  ['Grade', 'Max %'],
  ['A', 40],
  ['B', null],
];
const SCORES: (string | number | null)[][] = [
  ['Name', 'Quality', 'Speed'],
  ['Alpha', 55, 38],
  ['Bravo', 50, 30],
  ['Charlie', 48, 39],
  ['Delta', 58, 35],
  ['Echo', 40, 20],
];
const ADJUSTMENTS: (string | number | null)[][] = [
  ['Name', 'Type', 'Points', 'Reason'],
  ['Bravo', 'Bonus', 2, 'award'],
  ['Echo', 'Veto', null, 'breach'],
];

/** The workbook's own texts, which are shown as they are. */
const OWN = new Set([...[SCHEME, SCORES, ADJUSTMENTS].flat(2).map((v) => String(v)), ...RESULT_SHEETS.map((r) => r.name), 'Scheme', 'Scores', 'Adjustments']);

function session(): PaneSession {
  const fake = new FakeExcel();
  fake.seed('Scheme', SCHEME);
  fake.seed('Scores', SCORES);
  fake.seed('Adjustments', ADJUSTMENTS);
  const book = new ExcelWorkbook(fake.run, fake.supports);
  return {
    mode: 'excel',
    title: 'Book1',
    port: book,
    ...onPage(book, 'Book1', async () => ''),
    selectCell: (sheet, cell) => book.select(sheet, cell),
    markCells: (cells) => book.markCells(cells),
  };
}

/** Texts on the screen that came neither from the word tables nor from the workbook. */
function untranslated(): string[] {
  const out: string[] = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const text = (n.textContent ?? '').trim();
    if (text === '' || text.includes(OPEN) || text.includes(CLOSE)) continue;
    if (OWN.has(text) || /^[\d\s.,%…/()!:A-Z-]*$/.test(text.replace(/[A-Z]+\d+/g, ''))) continue; // values, places, numbers
    if (text.split(/[!、,]\s*/).every((part) => OWN.has(part) || /^[A-Z]+\d+$/.test(part))) continue; // Sheet!A1, lists of sheets
    out.push(text);
  }
  return out;
}

const CJK = /[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/;
/** Sheet names the contract gives in Chinese: the English words name them as they are. */
const SHEET_NAMES = [SCHEME_SHEET, SCORES_SHEET, ADJUSTMENTS_SHEET, ...RESULT_SHEETS.map((r) => r.name)];

/** Chinese on the screen other than sheet names. */
function chinese(): string[] {
  let text = document.body.textContent ?? '';
  for (const name of SHEET_NAMES) text = text.split(name).join('');
  return [...text].filter((c) => CJK.test(c));
}

beforeAll(() => {
  pseudo(UI_TEXT.en as unknown as Words);
  for (const table of [ISSUE_MESSAGES, NOTE_MESSAGES, REASON_MESSAGES] as unknown as Record<string, { en: string }>[]) {
    for (const entry of Object.values(table)) entry.en = `${OPEN}${entry.en}${CLOSE}`;
  }
});

it('every word on the pane comes from the word tables (pseudo-locale), none in Chinese', async () => {
  render(
    <FluentProvider theme={webLightTheme}>
      <App lang="en" initialSession={session()} />
    </FluentProvider>,
  );
  const seen = () => {
    expect(untranslated()).toEqual([]);
    expect(chinese()).toEqual([]);
  };
  await act(async () => {});
  seen();
  fireEvent.click(await screen.findByRole('button', { name: /Start/ }));
  await screen.findByRole('tab', { name: /Compute/ });
  seen(); // 校验: a warning for the unknown setting
  fireEvent.click(screen.getByRole('tab', { name: /Compute/ }));
  await screen.findAllByText('Echo');
  seen(); // 计算: ranks, grades, quotas, the veto explained
  fireEvent.click(screen.getByRole('tab', { name: /Output/ }));
  fireEvent.click(await screen.findByRole('button', { name: /Write/ }));
  await screen.findByText(/^⟦Written: /);
  await waitFor(() => expect(screen.queryByRole('progressbar')).toBeNull());
  seen(); // written, and checked again
});
