// The whole result table (结果汇总's columns, as published) with sorting by any column and a group
// filter: the browser page's answer to "where does each unit stand".
import { Caption1, Select, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import type { PreviewCell, SheetPreview } from '../app/sheet-preview';
import type { Lang } from '../i18n/messages';
import { UI_TEXT } from '../i18n/ui';
import { usePaneStyles } from './styles';

/** Rows drawn at once; the sort and the filter work on all of them. */
const SHOWN_ROWS = 500;
const GROUP_HEADER = '分组';

/** 结果汇总's table: the header row ends the title rows; the subjects' rows follow, each led by its rank. */
export function summaryTable(summary: SheetPreview): { headers: string[]; rows: (readonly PreviewCell[])[] } {
  const headerRow = summary.print.titleRows?.[1] ?? 0;
  const headers = summary.rows[headerRow]?.cells.map((c) => c.text) ?? [];
  const rows: (readonly PreviewCell[])[] = [];
  for (let r = headerRow + 1; r < summary.rows.length && summary.rows[r].cells[0]?.value != null; r++) rows.push(summary.rows[r].cells);
  return { headers, rows };
}

const compare = (a: PreviewCell, b: PreviewCell) =>
  a.value !== null && b.value !== null ? a.value - b.value : a.value !== null ? -1 : b.value !== null ? 1 : a.text.localeCompare(b.text, 'zh-CN');

export function ResultTable({ lang, summary }: { lang: Lang; summary: SheetPreview }) {
  const t = UI_TEXT[lang].workspace;
  const styles = usePaneStyles();
  const { headers, rows } = useMemo(() => summaryTable(summary), [summary]);
  const [sort, setSort] = useState<{ col: number; dir: 'ascending' | 'descending' }>({ col: 0, dir: 'ascending' });
  const [group, setGroup] = useState('');
  const groupCol = headers.indexOf(GROUP_HEADER);
  const groups = useMemo(() => (groupCol < 0 ? [] : [...new Set(rows.map((r) => r[groupCol].text))].filter(Boolean)), [rows, groupCol]);
  const shown = useMemo(() => {
    const kept = group && groupCol >= 0 ? rows.filter((r) => r[groupCol].text === group) : [...rows];
    const sign = sort.dir === 'ascending' ? 1 : -1;
    // a stable sort: equal values keep the published order
    return kept.sort((a, b) => sign * compare(a[sort.col], b[sort.col]));
  }, [rows, group, groupCol, sort]);
  const sortBy = (col: number) => setSort((s) => ({ col, dir: s.col === col && s.dir === 'ascending' ? 'descending' : 'ascending' }));
  return (
    <div className={styles.list}>
      <div className={styles.row}>
        {groupCol >= 0 && (
          <Select aria-label={t.group} value={group} onChange={(_, d) => setGroup(d.value)} size="small">
            <option value="">{t.allGroups}</option>
            {groups.map((g) => (
              <option key={g} value={g}>
                {g}
              </option>
            ))}
          </Select>
        )}
        <Caption1 className={styles.muted}>{t.rowsShown(Math.min(SHOWN_ROWS, shown.length), shown.length)}</Caption1>
      </div>
      <div className={styles.scroll}>
        <Table size="extra-small" sortable aria-label={t.tabs.table} className={styles.wideTable}>
          <TableHeader>
            <TableRow>
              {headers.map((h, c) => (
                <TableHeaderCell key={c} sortDirection={sort.col === c ? sort.dir : undefined} onClick={() => sortBy(c)} title={t.sortBy(h)}>
                  {h}
                </TableHeaderCell>
              ))}
            </TableRow>
          </TableHeader>
          <TableBody>
            {shown.slice(0, SHOWN_ROWS).map((r, k) => (
              <TableRow key={k}>
                {r.map((cell, c) => (
                  <TableCell key={c} className={cell.value !== null ? styles.num : headers[c] === '备注' ? styles.note : undefined}>
                    {cell.text}
                  </TableCell>
                ))}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
    </div>
  );
}
