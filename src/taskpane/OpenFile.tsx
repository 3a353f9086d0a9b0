// The browser page's start: open an .xlsx (or the bundled example); the file stays in the page.
import { Body1, Button, Caption1, Select, Subtitle2 } from '@fluentui/react-components';
import { useRef, useState, type ChangeEvent } from 'react';
import type { Lang } from '../i18n/messages';
import { UI_TEXT } from '../i18n/ui';
import { PRESETS } from '../report/templates';
import { usePaneStyles } from './styles';

export interface OpenFileProps {
  readonly lang: Lang;
  /** the title of the file open now, if any */
  readonly opened: string | null;
  readonly busy: boolean;
  readonly onFile: (file: File) => void;
  readonly onExample?: () => void;
  /** a blank workbook from a preset (by id) */
  readonly onBlank?: (preset: string) => void;
}

export function OpenFile({ lang, opened, busy, onFile, onExample, onBlank }: OpenFileProps) {
  const t = UI_TEXT[lang];
  const styles = usePaneStyles();
  const input = useRef<HTMLInputElement>(null);
  const [preset, setPreset] = useState(PRESETS[0].id);
  const chosen = (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = ''; // the same file can be chosen again
    if (file) onFile(file);
  };
  return (
    <div className={styles.list}>
      {opened === null ? <Body1>{t.intro}</Body1> : <Caption1 className={styles.muted}>{t.opened(opened)}</Caption1>}
      <div className={styles.row}>
        <Button appearance={opened === null ? 'primary' : 'secondary'} onClick={() => input.current?.click()} disabled={busy}>
          {opened === null ? t.open : t.another}
        </Button>
        {onExample && (
          <Button onClick={onExample} disabled={busy}>
            {t.example}
          </Button>
        )}
      </div>
      <input ref={input} className={styles.hidden} type="file" accept=".xlsx,.xlsm" onChange={chosen} data-testid="file-input" />
      <Caption1 className={styles.muted}>{t.workspace.local}</Caption1>
      {onBlank && opened === null && (
        <div className={styles.list}>
          <Subtitle2>{t.workspace.blankTitle}</Subtitle2>
          <Select aria-label={t.setup.preset} value={preset} onChange={(_, d) => setPreset(d.value)}>
            {PRESETS.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}：{p.description[lang]}
              </option>
            ))}
          </Select>
          <div className={styles.row}>
            <Button onClick={() => onBlank(preset)} disabled={busy}>
              {t.workspace.blank}
            </Button>
          </div>
          <Caption1 className={styles.muted}>{t.workspace.blankHint}</Caption1>
        </div>
      )}
    </div>
  );
}
