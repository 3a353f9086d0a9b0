// 计算: ranks, totals and grades, the grades against their quotas, and why some subjects got
// what they got.
import { Badge, Body1, Caption1, Subtitle2, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@fluentui/react-components';
import type { CheckView, SubjectView } from '../../app/check-view';
import type { NoteCode } from '../../i18n/messages';
import { noteText } from '../../i18n/format';
import type { Lang } from '../../i18n/messages';
import { UI_TEXT } from '../../i18n/ui';
import { GRID_ROWS, usePaneStyles } from '../styles';

/** Notes worth explaining in plain words on this step. */
const EXPLAINED = new Set<NoteCode>([
  'note-veto',
  'note-veto-line',
  'note-veto-overrides',
  'note-set',
  'note-affirm',
  'note-cap',
  'note-demoted',
  'note-tie-admitted',
  'note-tie-demoted',
  'note-tie-pending',
  'note-tie-broken',
  'note-periods-average',
  'note-periods-zero',
  'note-period-veto-kept',
  'note-period-veto-line-kept',
]);

export function ComputeStep({ lang, checked }: { lang: Lang; checked: CheckView }) {
  const t = UI_TEXT[lang];
  const styles = usePaneStyles();
  const { decimals, subjects, scopes } = checked;
  const explained = subjects.filter((s) => s.notes.some((n) => EXPLAINED.has(n.code)));
  const explain = (s: SubjectView) =>
    s.notes
      .filter((n) => EXPLAINED.has(n.code))
      .map((n) => noteText(n, lang))
      .join(t.noteSeparator);
  return (
    <div className={styles.list}>
      <Body1>{t.subjects(subjects.length)}</Body1>
      <Table size="extra-small" aria-label={t.steps.compute}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell style={{ width: '40px' }}>{t.rank}</TableHeaderCell>
            <TableHeaderCell>{t.name}</TableHeaderCell>
            <TableHeaderCell style={{ width: '60px' }}>{t.total}</TableHeaderCell>
            <TableHeaderCell style={{ width: '48px' }}>{t.grade}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {subjects.slice(0, GRID_ROWS).map((s) => (
            <TableRow key={s.index}>
              <TableCell className={styles.num}>{s.rank}</TableCell>
              <TableCell>{s.name}</TableCell>
              <TableCell className={styles.num}>{s.total.toFixed(decimals)}</TableCell>
              <TableCell>{s.grade ?? t.pending}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {subjects.length > GRID_ROWS && <Caption1 className={styles.muted}>… {subjects.length - GRID_ROWS}</Caption1>}

      <Subtitle2>{t.gradesTitle}</Subtitle2>
      {scopes.map((scope) => (
        <div key={scope.scope ?? ''} className={styles.list}>
          <Caption1 className={styles.muted}>{t.scopeLine(scope.scope ?? t.allSubjects, scope.size)}</Caption1>
          <div className={styles.row}>
            {scope.grades.map((g) => (
              <Badge key={g.name} appearance="outline" color={g.quota !== null && g.count > g.quota ? 'warning' : 'informative'}>
                {g.name} {t.quotaLine(g.count, g.quota === null ? t.quotaNone : String(g.quota))}
              </Badge>
            ))}
            {scope.pending > 0 && (
              <Badge appearance="outline" color="danger">
                {t.pendingCount(scope.pending)}
              </Badge>
            )}
          </div>
        </div>
      ))}

      <Subtitle2>{t.explanations}</Subtitle2>
      {explained.length === 0 && <Caption1 className={styles.muted}>{t.noExplanations}</Caption1>}
      {explained.slice(0, GRID_ROWS).map((s) => (
        <Caption1 key={s.index}>
          <b>{s.name}</b>
          {t.explanation(s.grade ?? t.pending, explain(s))}
        </Caption1>
      ))}
      {explained.length > GRID_ROWS && <Caption1 className={styles.muted}>… {explained.length - GRID_ROWS}</Caption1>}
    </div>
  );
}
