// Start without a 考核方案: 新建考核 from a preset, or 识别现有评分表 (Excel only: it renames the sheet).
import { Body1, Button, Caption1, Checkbox, Field, Input, makeStyles, Select, Subtitle2, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { findInputSheets } from '../engine/assess';
import { recogniseScores, type ColumnGuess, type Recognised } from '../engine/recognise';
import { GROUP_HEADERS, NAME_HEADERS, SCORES_SHEET } from '../engine/scores';
import { splitHeader } from '../engine/text';
import type { Lang } from '../i18n/messages';
import { UI_TEXT } from '../i18n/ui';
import { RESULT_SHEETS } from '../report/spec';
import { PRESETS, recognisedScheme, templateSheets } from '../report/templates';
import type { PaneSession } from './session';

const useStyles = makeStyles({
  box: {
    display: 'flex',
    flexDirection: 'column',
    gap: '8px',
    padding: '10px',
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  row: { display: 'flex', gap: '8px', alignItems: 'center' },
  points: { width: '72px' },
  grow: { flexGrow: 1, minWidth: 0 },
});

export interface SetupProps {
  readonly lang: Lang;
  readonly session: PaneSession;
  readonly sheetNames: readonly string[];
  /** runs a step with the pane's spinner and error handling */
  readonly work: (label: string, job: () => Promise<void>) => Promise<void>;
  /** after writing: check the workbook again */
  readonly recheck: () => Promise<void>;
  readonly say: (message: string) => void;
}

const headerIs = (header: string, names: readonly string[]) => names.some((n) => splitHeader(n).key === splitHeader(header).key);

export function Setup({ lang, session, sheetNames, work, recheck, say }: SetupProps) {
  const t = UI_TEXT[lang].setup;
  const { listSeparator } = UI_TEXT[lang];
  const styles = useStyles();
  const inputs = findInputSheets(sheetNames);
  const results = new Set(RESULT_SHEETS.map((r) => r.name));
  const candidates = sheetNames.filter((n) => !results.has(n));
  const [preset, setPreset] = useState(PRESETS[0].id);
  const [sheet, setSheet] = useState(inputs.scores ?? candidates[0] ?? '');
  const [found, setFound] = useState<Recognised | null>(null);
  const [columns, setColumns] = useState<ColumnGuess[]>([]);
  const [points, setPoints] = useState<Record<number, string>>({});
  const [problem, setProblem] = useState<string | null>(null);

  const create = () =>
    work(t.create, async () => {
      const specs = templateSheets(PRESETS.find((p) => p.id === preset)!);
      const fresh = specs.filter((s) => !sheetNames.includes(s.name));
      await session.port.addSheets(fresh);
      const kept = specs.filter((s) => sheetNames.includes(s.name)).map((s) => s.name);
      say([t.created(fresh.map((s) => s.name).join(listSeparator)), kept.length ? t.exists(kept.join(listSeparator)) : ''].filter(Boolean).join(' '));
      await recheck();
    });

  const recognise = () =>
    work(t.recognise, async () => {
      const snap = await session.port.read(() => [sheet]);
      const rec = snap.sheets[0] ? recogniseScores(snap.sheets[0]) : null;
      setFound(rec);
      setColumns(rec ? [...rec.columns] : []);
      setPoints(Object.fromEntries((rec?.columns ?? []).map((c) => [c.col, c.points === null ? '' : String(c.points)])));
      setProblem(rec ? null : t.notFound);
    });

  const setRole = (col: number, role: ColumnGuess['role']) =>
    setColumns((cs) =>
      cs.map((c) => (c.col === col ? { ...c, role } : role === 'name' || role === 'group' ? (c.role === role ? { ...c, role: 'ignore' } : c) : c)),
    );

  const write = () => {
    const nameCol = columns.find((c) => c.role === 'name');
    const groupCol = columns.find((c) => c.role === 'group');
    const indicators = columns.filter((c) => c.role === 'indicator').map((c) => ({ name: c.name, points: Number(points[c.col]) }));
    if (!nameCol || !headerIs(nameCol.header, NAME_HEADERS))
      return setProblem(t.badHeader(nameCol?.header ?? '', NAME_HEADERS.slice(0, 4).join(listSeparator)));
    if (groupCol && !headerIs(groupCol.header, GROUP_HEADERS)) return setProblem(t.badHeader(groupCol.header, GROUP_HEADERS.join(listSeparator)));
    if (indicators.length === 0 || indicators.some((i) => !(i.points > 0))) return setProblem(t.needPoints);
    setProblem(null);
    return work(t.write, async () => {
      await session.port.addSheets([recognisedScheme(session.title, indicators)]);
      const messages = [t.written];
      if (!findInputSheets([sheet]).scores && session.renameSheet) {
        await session.renameSheet(sheet, SCORES_SHEET);
        messages.push(t.renamed(sheet));
      }
      say(messages.join(' '));
      await recheck();
    });
  };

  const options = (role: 'name' | 'group') => (
    <Select
      value={String(columns.find((c) => c.role === role)?.col ?? '')}
      onChange={(_, d) =>
        d.value === '' ? setColumns((cs) => cs.map((c) => (c.role === role ? { ...c, role: 'ignore' } : c))) : setRole(Number(d.value), role)
      }
    >
      {role === 'group' && <option value="">{t.none}</option>}
      {columns.map((c) => (
        <option key={c.col} value={c.col}>
          {c.header}
        </option>
      ))}
    </Select>
  );

  return (
    <>
      <Body1>{session.renameSheet ? t.missing : t.missingNew}</Body1>
      {!inputs.scores && (
        <div className={styles.box}>
          <Subtitle2>{t.newTitle}</Subtitle2>
          <Field label={t.preset}>
            <Select value={preset} onChange={(_, d) => setPreset(d.value)}>
              {PRESETS.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </Select>
          </Field>
          <Caption1>{PRESETS.find((p) => p.id === preset)!.description[lang]}</Caption1>
          <div className={styles.row}>
            <Button appearance="primary" onClick={() => void create()}>
              {t.create}
            </Button>
          </div>
        </div>
      )}
      {session.renameSheet && candidates.length > 0 && (
        <div className={styles.box}>
          <Subtitle2>{t.recogniseTitle}</Subtitle2>
          <Field label={t.sheet}>
            <Select value={sheet} onChange={(_, d) => setSheet(d.value)}>
              {candidates.map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
            </Select>
          </Field>
          <div className={styles.row}>
            <Button onClick={() => void recognise()}>{t.recognise}</Button>
          </div>
          {found && (
            <>
              <Caption1>{t.subjects(found.subjects)}</Caption1>
              <Field label={t.nameColumn}>{options('name')}</Field>
              <Field label={t.groupColumn}>{options('group')}</Field>
              <Caption1>{t.indicators}</Caption1>
              {columns
                .filter((c) => c.role !== 'name' && c.role !== 'group')
                .map((c) => (
                  <div key={c.col} className={styles.row}>
                    <Checkbox
                      className={styles.grow}
                      checked={c.role === 'indicator'}
                      onChange={(_, d) => setRole(c.col, d.checked ? 'indicator' : 'ignore')}
                      label={c.name}
                    />
                    <Input
                      className={styles.points}
                      type="number"
                      aria-label={`${c.name} ${t.points}`}
                      value={points[c.col] ?? ''}
                      disabled={c.role !== 'indicator'}
                      onChange={(_, d) => setPoints((p) => ({ ...p, [c.col]: d.value }))}
                    />
                  </div>
                ))}
              <div className={styles.row}>
                <Button appearance="primary" onClick={() => void write()}>
                  {t.write}
                </Button>
              </div>
            </>
          )}
          {problem && <Caption1>{problem}</Caption1>}
        </div>
      )}
    </>
  );
}
