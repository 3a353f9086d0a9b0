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
  });
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
