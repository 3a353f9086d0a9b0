import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { generate, toXlsx } from '../bench/generate';
import { examplePath, expected, ROOT } from './helpers';

const BIN = join(ROOT, 'bin', 'kaoping.js');
const dir = mkdtempSync(join(tmpdir(), 'kaoping-cli-'));

function kaoping(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, LANG: 'zh_CN.UTF-8', LC_ALL: '', ...env } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}
const sha = (p: string) => createHash('sha256').update(readFileSync(p)).digest('hex');
const copy = (name: string) => {
  const p = join(dir, `${name}.xlsx`);
  copyFileSync(examplePath(name), p);
  return p;
};

beforeAll(() => {
  if (!existsSync(join(ROOT, 'build', 'src', 'cli', 'main.js'))) throw new Error('run `npm run build:cli` first (npm test does)');
});

describe('kaoping score', () => {
  it.each(['ex1-departments-30', 'ex2-staff-weighted-12', 'ex3-units-grouped-9'])('scores %s: exit 0, contract JSON, input bytes unchanged', (name) => {
    const input = copy(name);
    const before = sha(input);
    const r = kaoping(['score', input, '--json', `${name}.json`]);
    expect(r.code).toBe(0);
    expect(sha(input)).toBe(before);
    expect(existsSync(join(dir, `${name}-结果.xlsx`))).toBe(true);
    const json = JSON.parse(readFileSync(join(dir, `${name}.json`), 'utf8'));
    const want = expected(name);
    expect(Object.keys(json).sort()).toEqual(['grades', 'issues', 'ok', 'subjects']);
    expect(json.ok).toBe(true);
    expect(json.subjects.map(({ notes, ...s }: { notes: string[] }) => s)).toEqual(want.subjects);
    expect(json.grades).toEqual(want.grades);
    for (const s of json.subjects) expect(Array.isArray(s.notes)).toBe(true);
    for (const i of json.issues) expect(Object.keys(i).sort()).toEqual(['cell', 'code', 'message', 'severity', 'sheet', 'value']);
  });

  it('exits 1 on a workbook with errors, writing only 校验报告 and no results', async () => {
    const input = copy('ex4-bad-input');
    const r = kaoping(['score', input, '-o', 'bad-out.xlsx', '--json', 'bad.json']);
    expect(r.code).toBe(1);
    expect(r.err).toContain('评分表!C3');
    expect(r.err).not.toMatch(/\n\s+at /);
    const json = JSON.parse(readFileSync(join(dir, 'bad.json'), 'utf8'));
    expect(json.ok).toBe(false);
    expect(json.subjects).toEqual([]);
    expect(json.issues.filter((i: { severity: string }) => i.severity === 'error')).toHaveLength(5);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, 'bad-out.xlsx'));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['考核方案', '评分表', '加减分', '校验报告']);
  });

  it.each([
    [['score', 'nope.xlsx'], /找不到文件/],
    [['score', 'notes.txt'], /不是 \.xlsx/],
    [['score', 'fake.xlsx'], /不是 \.xlsx/],
    [['score', 'locked.xlsx'], /加密/],
    [['score', 'broken.xlsx'], /损坏/],
    [['score', 'good.xlsx', '-o', 'good.xlsx'], /不能与输入文件相同/],
    [['score', 'good.xlsx', '--bogus'], /unknown option/],
    [['frobnicate'], /unknown command/],
  ])('exits 2 with one line and no stack trace: %j', (args, message) => {
    writeFileSync(join(dir, 'notes.txt'), 'hello');
    writeFileSync(join(dir, 'fake.xlsx'), 'name,score\n');
    writeFileSync(join(dir, 'locked.xlsx'), Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]));
    writeFileSync(join(dir, 'broken.xlsx'), Buffer.from([0x50, 0x4b, 3, 4, 9, 9, 9]));
    copyFileSync(examplePath('ex1-departments-30'), join(dir, 'good.xlsx'));
    const before = sha(join(dir, 'good.xlsx'));
    const r = kaoping(args as string[]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).not.toMatch(/\n\s+at |Error:/);
    expect(sha(join(dir, 'good.xlsx'))).toBe(before);
  });

  it('shows a progress bar on stderr above 1,000 subjects', async () => {
    const g = generate({ subjects: 1200, indicators: 6, dimensions: 2, groups: 3, perGroup: true, seed: 7 });
    writeFileSync(join(dir, 'big.xlsx'), await toXlsx(g));
    const r = kaoping(['score', 'big.xlsx']);
    expect(r.code).toBe(0);
    expect(r.err).toContain('100%');
    const small = kaoping(['score', copy('ex2-staff-weighted-12')]);
    expect(small.err).not.toContain('%');
  });
});

describe('kaoping validate', () => {
  it('lists issues with the same exit codes and writes nothing', () => {
    const good = copy('ex2-staff-weighted-12');
    expect(kaoping(['validate', good]).code).toBe(0);
    const bad = copy('ex4-bad-input');
    const r = kaoping(['validate', bad, '--lang', 'en']);
    expect(r.code).toBe(1);
    expect(r.err).toContain('评分表!D4');
    expect(r.err).toContain('must be between 0 and 40');
    expect(existsSync(join(dir, 'ex4-bad-input-结果.xlsx'))).toBe(false);
  });
});

describe('kaoping template', () => {
  it.each(['市直单位', '市直干部', 'bsc', '分组千分制', 'teachers'])('writes a ready-to-fill workbook for %s that scores once filled in', async (preset) => {
    const out = join(dir, `t-${preset}.xlsx`);
    expect(kaoping(['template', preset, '-o', out]).code).toBe(0);
    // blank scores are reported, not guessed
    expect(kaoping(['validate', out]).code).toBe(1);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    // every score sheet: 评分表, or with 【期间】 each period's (the 年度 one too)
    const scoreSheets = wb.worksheets.filter((ws) => !['考核方案', '加减分', '评议表', '测评票'].includes(ws.name));
    // 评议表: a rater for every row and each score; 测评票: votes for every option
    const ratings = wb.getWorksheet('评议表');
    ratings?.eachRow((row, r) => {
      if (r === 1) return;
      if (!row.getCell(2).value) row.getCell(2).value = `评议人${r}`;
      (ratings.getRow(1).values as unknown[]).slice(1).forEach((h, c) => {
        const points = /（(\d+)分）/.exec(String(h));
        if (points) row.getCell(c + 1).value = Math.round(Number(points[1]) * (0.75 + 0.02 * (r % 10)));
      });
    });
    const ballots = wb.getWorksheet('测评票');
    ballots?.eachRow((row, r) => {
      if (r === 1) return;
      const header = (ballots.getRow(1).values as unknown[]).slice(1).map(String);
      header.forEach((h, c) => {
        if (h !== '名称' && h !== '指标' && h !== '应到人数') row.getCell(c + 1).value = c === 1 ? 20 + r : 4;
      });
    });
    expect(Boolean(ratings)).toBe(preset === 'teachers');
    expect(Boolean(ballots)).toBe(preset === '市直单位' || preset === '市直干部');
    expect(scoreSheets.length).toBe(preset === 'bsc' ? 5 : preset === '分组千分制' ? 3 : 1);
    const names = new Set<string>();
    for (const ws of scoreSheets) {
      const header = (ws.getRow(1).values as unknown[]).slice(1).map(String);
      ws.eachRow((row, r) => {
        if (r === 1 || !row.getCell(2).value) return;
        names.add(String(row.getCell(2).value));
        header.forEach((h, c) => {
          const points = /（(\d+)分）/.exec(h);
          if (points) row.getCell(c + 1).value = Math.round(Number(points[1]) * (0.7 + 0.03 * r));
        });
      });
    }
    await wb.xlsx.writeFile(out);
    const r = kaoping(['score', out, '--json', 'tpl.json']);
    expect(r.code).toBe(0);
    const json = JSON.parse(readFileSync(join(dir, 'tpl.json'), 'utf8')) as { subjects: { name: string; total: number; rank: number }[] };
    // every filled-in row is scored, ranked by its total, and the written 结果汇总 says the same
    expect(json.subjects.map((s) => s.name).sort()).toEqual([...names].sort());
    json.subjects.forEach((s, i) => {
      expect(s.total).toBeGreaterThan(0);
      if (i > 0) expect(s.total).toBeLessThanOrEqual(json.subjects[i - 1].total);
      expect(s.rank).toBe(json.subjects.filter((o) => o.total > s.total).length + 1);
    });
    const scored = new ExcelJS.Workbook();
    await scored.xlsx.readFile(join(dir, `t-${preset}-结果.xlsx`));
    const summary = scored.getWorksheet('结果汇总')!;
    const head = (summary.getRow(3).values as unknown[]).map(String);
    const [nameCol, totalCol] = [head.indexOf('名称'), head.indexOf('总分')];
    const written: [string, number][] = [];
    summary.eachRow(
      (row, r) =>
        r > 3 && typeof row.getCell(totalCol).value === 'number' && written.push([String(row.getCell(nameCol).value), row.getCell(totalCol).value as number]),
    );
    expect(written).toEqual(json.subjects.map((s) => [s.name, s.total]));
  });

  it('refuses to overwrite a file and names the presets when one is unknown', () => {
    writeFileSync(join(dir, 'mine.xlsx'), 'x');
    expect(kaoping(['template', 'bsc', '-o', 'mine.xlsx']).code).toBe(2);
    expect(readFileSync(join(dir, 'mine.xlsx'), 'utf8')).toBe('x');
    const r = kaoping(['template', '不存在', '-o', 'new.xlsx']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('平衡计分卡');
  });
});

describe('help', () => {
  it('speaks Chinese or English after --lang or the environment', () => {
    const zh = kaoping(['--help']);
    expect(zh.code).toBe(0);
    expect(zh.out).toContain('用法：');
    expect(zh.out).toContain('校验并计算');
    const en = kaoping(['score', '--help'], { LANG: 'en_US.UTF-8' });
    expect(en.out).toContain('Usage:');
    expect(en.out).toContain('never changed');
    expect(kaoping(['score', '--help', '--lang', 'en']).out).toContain('Usage:');
  });
});
