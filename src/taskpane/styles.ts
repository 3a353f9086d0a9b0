// The pane's shared layout: designed for a 350 px task pane.
import { makeStyles, tokens } from '@fluentui/react-components';

export const usePaneStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: '12px', padding: '12px', minWidth: '280px', maxWidth: '520px', boxSizing: 'border-box' },
  header: { display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: '8px' },
  row: { display: 'flex', gap: '8px', flexWrap: 'wrap', alignItems: 'center' },
  list: { display: 'flex', flexDirection: 'column', gap: '6px' },
  issue: {
    display: 'flex',
    flexDirection: 'column',
    gap: '2px',
    padding: '6px 8px',
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
    border: 'none',
    textAlign: 'left',
    color: 'inherit',
    font: 'inherit',
  },
  clickable: { cursor: 'pointer', ':hover': { backgroundColor: tokens.colorNeutralBackground2Hover } },
  place: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground3 },
  num: { textAlign: 'right', fontVariantNumeric: 'tabular-nums' },
  muted: { color: tokens.colorNeutralForeground3 },
  hidden: { display: 'none' },
  /** 合并各期's files, numbered in period order */
  fileList: { margin: 0, padding: 0, listStyleType: 'none', display: 'flex', flexDirection: 'column', gap: '2px' },
  fileRow: { display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: '4px' },
  /** the small ↑ ↓ 移除 buttons beside a file */
  compact: { minWidth: 'auto', paddingLeft: '6px', paddingRight: '6px' },
  tight: { display: 'flex', gap: '0', flexShrink: 0 },
  /** the browser page: the steps in a pane's width, the work area beside them (below on a narrow screen) */
  page: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1fr)',
    gap: '0 16px',
    '@media (min-width: 960px)': { gridTemplateColumns: '380px minmax(0, 1fr)', alignItems: 'start', paddingRight: '16px' },
  },
  workspace: {
    display: 'flex',
    flexDirection: 'column',
    gap: '8px',
    padding: '12px',
    minWidth: 0,
    '@media (min-width: 960px)': { paddingTop: '16px' },
  },
  /** shown only beside the steps (desktop widths) */
  wideOnly: { display: 'none', '@media (min-width: 960px)': { display: 'flex' } },
  steps: { margin: 0, paddingLeft: '20px', display: 'flex', flexDirection: 'column', gap: '8px', maxWidth: '720px' },
  sheetList: { margin: 0, display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(220px, 1fr))', gap: '8px', maxWidth: '900px' },
  sheetItem: {
    padding: '8px 10px',
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
    '& dd': { margin: 0 },
  },
  /** a sheet preview on a grey desk, like a page */
  paper: { padding: '12px', backgroundColor: tokens.colorNeutralBackground3, borderRadius: tokens.borderRadiusMedium, overflow: 'auto', maxHeight: '75vh' },
  scroll: { overflow: 'auto', maxHeight: '75vh' },
  /** the result table sizes its columns to their contents: names on one line, 备注 wrapping */
  wideTable: { tableLayout: 'auto', width: '100%' },
  oneLine: { whiteSpace: 'nowrap' },
  note: { whiteSpace: 'normal', minWidth: '120px' },
  /** 输出's choice of result sheets: two columns of check boxes */
  choices: { border: 'none', margin: 0, padding: 0, display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(140px, 1fr))' },
  /** long addresses break anywhere rather than widen a 350 px pane */
  wrapAnywhere: { overflowWrap: 'anywhere', wordBreak: 'break-word' },
});

/** Rows shown in the pane's lists; the result sheets have them all. */
export const GRID_ROWS = 300;
