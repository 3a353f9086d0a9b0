// The whole result table (结果汇总's columns, as published) with sorting by any column and a group
// filter: the browser page's answer to "where does each unit stand". The worker sorts and filters;
// only the rows drawn cross to the page, so the page stays quick at any size.
import { Button, Caption1, Select, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@fluentui/react-components';
import { memo, startTransition, useEffect, useState } from 'react';
import type { CheckView } from '../app/check-view';
import type { TablePage, TableQuery } from '../app/sheet-preview';
import type { Lang } from '../i18n/messages';
import { UI_TEXT } from '../i18n/ui';
import type { PaneSession } from './session';
import { usePaneStyles } from './styles';

/** Rows drawn at first and added by 再显示. */
const PAGE_ROWS = 100;
const NOTE_HEADER = '备注';
const FIRST_QUERY: TableQuery = { sort: 0, descending: false, group: '', limit: PAGE_ROWS };

export interface ResultTableProps {
  readonly lang: Lang;
  readonly session: PaneSession;
  /** the check whose table this is */
  readonly checked: CheckView;
}

/** Drawn again only when its check or its query changes (not on every progress step of a write). */
export const ResultTable = memo(function ResultTable({ lang, session, checked }: ResultTableProps) {
  const t = UI_TEXT[lang].workspace;
  const styles = usePaneStyles();
  const [query, setQuery] = useState(FIRST_QUERY);
  /** the page read, with the check and query it answers */
  const [read, setRead] = useState<{ readonly checked: CheckView; readonly query: TableQuery; readonly page: TablePage | null } | null>(null);

  useEffect(() => {
    let live = true;
    // drawn as a transition: React yields to the page between rows, so no long task
    void session.resultTable?.(query).then((page) => live && startTransition(() => setRead({ checked, query, page })));
    return () => void (live = false);
  }, [session, checked, query]);

  // the last page stays on screen while the next is read (a sort, a filter, more rows)
  const page = read?.checked === checked ? read.page : null;
  if (!page) return <Caption1 className={styles.muted}>{t.noPreview}</Caption1>;
  const { headers, groups, total, rows } = page;
  const sortBy = (col: number) => setQuery((q) => ({ ...q, sort: col, descending: q.sort === col && !q.descending, limit: PAGE_ROWS }));
  return (
    <div className={styles.list}>
      <div className={styles.row}>
        {groups.length > 0 && (
          <Select aria-label={t.group} value={query.group} onChange={(_, d) => setQuery((q) => ({ ...q, group: d.value, limit: PAGE_ROWS }))} size="small">
            <option value="">{t.allGroups}</option>
            {groups.map((g) => (
              <option key={g} value={g}>
                {g}
              </option>
            ))}
          </Select>
        )}
        <Caption1 className={styles.muted}>{t.rowsShown(rows.length, total)}</Caption1>
      </div>
      <div className={styles.scroll}>
        <Table size="extra-small" sortable aria-label={t.tabs.table} className={styles.wideTable}>
          <TableHeader>
            <TableRow>
              {headers.map((h, c) => (
                <TableHeaderCell
                  key={c}
                  // two-character headers (排名, 总分) stay whole; longer ones may wrap to leave 备注 room
                  className={[...h].length <= 2 ? styles.oneLine : undefined}
                  sortDirection={query.sort === c ? (query.descending ? 'descending' : 'ascending') : undefined}
                  onClick={() => sortBy(c)}
                  title={t.sortBy(h)}
                >
                  {h}
                </TableHeaderCell>
              ))}
            </TableRow>
          </TableHeader>
          <TableBody>
            {rows.map((r, k) => (
              <TableRow key={k}>
                {r.texts.map((text, c) => (
                  <TableCell
                    key={c}
                    className={headers[c] === NOTE_HEADER ? styles.note : r.values[c] !== null ? `${styles.num} ${styles.oneLine}` : styles.oneLine}
                  >
                    {text}
                  </TableCell>
                ))}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
      {total > rows.length && (
        <div className={styles.row}>
          <Button size="small" onClick={() => setQuery((q) => ({ ...q, limit: q.limit + PAGE_ROWS }))}>
            {t.more(Math.min(PAGE_ROWS, total - rows.length))}
          </Button>
        </div>
      )}
    </div>
  );
});
