// The whole result table (结果汇总's columns, as published) with sorting by any column and a group
// filter: the browser page's answer to "where does each unit stand".
import { Button, Caption1, Select, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@fluentui/react-components';
import { memo, useMemo, useState } from 'react';
import type { ResultTableView } from '../app/sheet-preview';
import type { Lang } from '../i18n/messages';
import { UI_TEXT } from '../i18n/ui';
import { usePaneStyles } from './styles';

/** Rows drawn at first and added by 显示更多; the sort and the filter work on all of them. */
const PAGE_ROWS = 100;
const GROUP_HEADER = '分组';
const NOTE_HEADER = '备注';

type Row = ResultTableView['rows'][number];

/** Numbers by value, before text; text in Chinese order. */
function compare(a: Row, b: Row, col: number): number {
  const x = a.values[col];
  const y = b.values[col];
  if (x !== null && y !== null) return x - y;
  if (x !== null || y !== null) return x !== null ? -1 : 1;
  return a.texts[col].localeCompare(b.texts[col], 'zh-CN');
}

/** Drawn again only when its table changes (not on every progress step of a write). */
export const ResultTable = memo(function ResultTable({ lang, table }: { lang: Lang; table: ResultTableView }) {
  const t = UI_TEXT[lang].workspace;
  const styles = usePaneStyles();
  const { headers, rows } = table;
  const [sort, setSort] = useState<{ col: number; dir: 'ascending' | 'descending' }>({ col: 0, dir: 'ascending' });
  const [group, setGroup] = useState('');
  const [drawn, setDrawn] = useState(PAGE_ROWS);
  const groupCol = headers.indexOf(GROUP_HEADER);
  const groups = useMemo(() => (groupCol < 0 ? [] : [...new Set(rows.map((r) => r.texts[groupCol]))].filter(Boolean)), [rows, groupCol]);
  const shown = useMemo(() => {
    const kept = group && groupCol >= 0 ? rows.filter((r) => r.texts[groupCol] === group) : [...rows];
    const sign = sort.dir === 'ascending' ? 1 : -1;
    // a stable sort: equal values keep the published order
    return kept.sort((a, b) => sign * compare(a, b, sort.col));
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
        <Caption1 className={styles.muted}>{t.rowsShown(Math.min(drawn, shown.length), shown.length)}</Caption1>
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
            {shown.slice(0, drawn).map((r, k) => (
              <TableRow key={k}>
                {r.texts.map((text, c) => (
                  <TableCell key={c} className={r.values[c] !== null ? styles.num : headers[c] === NOTE_HEADER ? styles.note : undefined}>
                    {text}
                  </TableCell>
                ))}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
      {shown.length > drawn && (
        <div className={styles.row}>
          <Button size="small" onClick={() => setDrawn((n) => n + PAGE_ROWS)}>
            {t.more(Math.min(PAGE_ROWS, shown.length - drawn))}
          </Button>
        </div>
      )}
    </div>
  );
});
