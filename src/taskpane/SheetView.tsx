// A sheet preview drawn as the sheet prints: column widths, merges, borders, fills, alignment,
// the title rows repeated on every printed page (a table head repeats), page breaks.
import { makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useRef, type CSSProperties } from 'react';
import type { PreviewCell, PreviewRow, SheetPreview } from '../app/sheet-preview';
import { FONT_NAME } from '../report/spec';

const useStyles = makeStyles({
  frame: { overflow: 'auto', maxWidth: '100%', backgroundColor: '#ffffff', color: '#000000' },
  table: { borderCollapse: 'collapse', tableLayout: 'fixed', fontFamily: `${FONT_NAME}, SimSun, "Noto Serif CJK SC", "Noto Sans CJK SC", serif` },
  cell: { padding: '1px 3px', overflow: 'hidden', lineHeight: 1.35, fontSize: '11pt' },
  focus: { outline: `3px solid ${tokens.colorPaletteRedBorder2}`, outlineOffset: '-2px', backgroundColor: '#fff4ce' },
});

/** Excel character widths to pixels (Calibri 11: 7 px a character and 5 px of padding). */
const px = (chars: number) => Math.round(chars * 7 + 5);

function cellStyle(cell: PreviewCell): CSSProperties {
  const s = cell.style;
  return {
    fontWeight: s.bold ? 700 : undefined,
    fontSize: s.size ? `${s.size}pt` : undefined,
    color: s.color ? `#${s.color}` : undefined,
    backgroundColor: s.fill ? `#${s.fill}` : undefined,
    textAlign: s.align ?? (cell.value !== null ? 'right' : 'left'),
    verticalAlign: s.valign === 'top' ? 'top' : 'middle',
    whiteSpace: s.wrap ? 'pre-wrap' : 'pre',
    border: s.border ? '1px solid #000' : undefined,
  };
}

export interface SheetViewProps {
  readonly preview: SheetPreview;
  /** for printing: columns share the page width as they share the sheet's */
  readonly fitWidth?: boolean;
}

export function SheetView({ preview, fitWidth = false }: SheetViewProps) {
  const styles = useStyles();
  const focusCell = useRef<HTMLTableCellElement>(null);
  useEffect(() => focusCell.current?.scrollIntoView({ block: 'center', inline: 'center' }), [preview]);
  const widths = preview.columnWidths;
  const total = widths.reduce((a, b) => a + b, 0) || 1;
  const titleEnd = preview.print.titleRows ? preview.print.titleRows[1] + 1 : 0;
  const row = (r: PreviewRow, i: number) => (
    <tr key={i} style={{ height: r.height ? `${r.height}pt` : undefined, breakBefore: r.breakBefore ? 'page' : undefined }}>
      {r.cells.map((cell, c) => {
        if (cell.covered) return null;
        const focused = preview.focus?.r === i && preview.focus.c === c;
        return (
          <td
            key={c}
            ref={focused ? focusCell : undefined}
            className={focused ? `${styles.cell} ${styles.focus}` : styles.cell}
            rowSpan={cell.span?.rows}
            colSpan={cell.span?.cols}
            style={cellStyle(cell)}
            data-cell={focused ? 'focus' : undefined}
          >
            {cell.text}
          </td>
        );
      })}
    </tr>
  );
  return (
    <div className={fitWidth ? undefined : styles.frame}>
      <table className={styles.table} style={{ width: fitWidth ? '100%' : `${widths.reduce((a, w) => a + px(w), 0)}px` }} aria-label={preview.name}>
        <colgroup>
          {widths.map((w, c) => (
            <col key={c} style={{ width: fitWidth ? `${(100 * w) / total}%` : `${px(w)}px` }} />
          ))}
        </colgroup>
        {titleEnd > 0 && <thead>{preview.rows.slice(0, titleEnd).map(row)}</thead>}
        <tbody>{preview.rows.slice(titleEnd).map((r, k) => row(r, k + titleEnd))}</tbody>
      </table>
    </div>
  );
}
