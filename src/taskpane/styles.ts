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
  /** long addresses break anywhere rather than widen a 350 px pane */
  wrapAnywhere: { overflowWrap: 'anywhere', wordBreak: 'break-word' },
});

/** Rows shown in the pane's lists; the result sheets have them all. */
export const GRID_ROWS = 300;
