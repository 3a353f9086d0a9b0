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
