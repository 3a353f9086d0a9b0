import { assessFile, EXAMPLES, examplePath, expected } from './helpers';

describe.each(EXAMPLES.filter((e) => e !== 'ex4-bad-input'))('example %s', (name) => {
  it('matches the expected results', async () => {
    const a = await assessFile(examplePath(name));
    const want = expected(name);
    expect(a.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(a.ok).toBe(want.ok);
    const got = a.subjects.map((s) => ({
      name: s.name,
      group: s.group,
      base: s.score.base.value,
      bonus: s.score.bonus.published.value,
      deduction: s.score.deduction.published.value,
      total: s.score.total.value,
      rank: s.rank,
      groupRank: s.groupRank,
      grade: s.grade,
      vetoed: s.score.vetoed,
    }));
    expect(got).toEqual(want.subjects.map(({ notes, ...rest }: any) => rest));
    const grades = a.scopes.flatMap((sc) => sc.grades.map((g) => ({ scope: sc.scope, grade: a.scheme!.grades[g.grade].name, quota: g.quota, count: g.count })));
    expect(grades).toEqual(want.grades);
    // an annual example: each period's published total too
    if (want.periods)
      expect(a.subjects.map((s) => ({ name: s.name, totals: s.periods!.results.map((r) => r?.score.total.value ?? null) }))).toEqual(want.periods);
  });
});

it('ex5: the year is the mean of the published quarters, rounded once (checked by hand)', async () => {
  const a = await assessFile(examplePath('ex5-annual-4-quarters'));
  const total = (name: string) => a.subjects.find((s) => s.name === name)!.score.total.value;
  // (89 + 88 + 90.5 + 83) / 4 = 87.625 → 87.63; (84 + 83.5 + 88 + 89) / 4 = 86.125 → 86.13
  expect(total('市政府办公室')).toBe(87.63);
  expect(total('市教育局')).toBe(86.13);
  // set up in Q3: the mean of Q3 and Q4, (85 + 88) / 2
  expect(total('市数据局')).toBe(86.5);
});

it('finds every mistake in ex4 at the cells its expected results name', async () => {
  const a = await assessFile(examplePath('ex4-bad-input'));
  const want = expected('ex4-bad-input');
  expect(a.ok).toBe(want.ok);
  expect(a.subjects).toEqual(want.subjects);
  // the fixture names a cell ("C3") or a row ("row 7 (duplicate name)")
  const at =
    ([sheet, where]: [string, string]) =>
    (i: { sheet: string; cell: string }) =>
      i.sheet === sheet && (/^[A-Z]+\d+$/.test(where) ? i.cell === where : /^[A-Z]+(\d+)$/.exec(i.cell)?.[1] === /row (\d+)/.exec(where)?.[1]);
  const matches = (severity: 'error' | 'warning', places: [string, string][]) => {
    const found = a.issues.filter((i) => i.severity === severity);
    expect(found.length).toBe(places.length);
    for (const place of places) expect(found.filter(at(place)).length).toBe(1);
  };
  matches('error', want.errors_at);
  matches('warning', want.warnings_at);
});

it('ex6: raters, layers, ballots and the heads, checked by hand', async () => {
  const a = await assessFile(examplePath('ex6-staff-raters-10'));
  if (!a.ok) throw new Error('ex6 has no errors');
  const who = (name: string) => a.subjects.find((s) => s.name === name)!;
  // 张丽: 工作业绩 36 (only 自评 filled) + 工作作风 19.1 (peers 15, 20, 19, 18 less 20 and 15: 18.5 × 60%
  // + leader 20 × 40%) + 廉洁自律 10 + 民主测评 26.85 (19 × 100 + 21 × 80 over 40 = 89.5, × 30 ÷ 100)
  expect(who('张丽').score.total.value).toBe(91.95);
  expect(who('张丽').input.scores[1]).toBe(19.1);
  // 李明: 复评 35.5 counts over 初评 35 and 自评 37
  expect(who('李明').input.scores[0]).toBe(35.5);
  // 刘洋 heads 纳税服务科: 91.05 × 50% + (90.25 + 91.80 + 87.60 + 88.30) ÷ 4 × 50% = 90.26875 → 90.27
  expect(who('刘洋').score.total.value).toBe(90.27);
  expect(who('刘洋').derived.head!.staff.map((s) => s.total)).toEqual([90.25, 91.8, 87.6, 88.3]);
});
