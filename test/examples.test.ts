import { assessFile, EXAMPLES, examplePath, expected } from './helpers';

describe.each(EXAMPLES.filter((e) => e !== 'ex4-bad-input'))('example %s', (name) => {
  it('matches the expected results', async () => {
    const a = await assessFile(examplePath(name));
    const want = expected(name);
    expect(a.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(a.ok).toBe(want.ok);
    const got = a.subjects.map((s) => ({
      name: s.name, group: s.group, base: s.score.base.value, bonus: s.score.bonus.published.value,
      deduction: s.score.deduction.published.value, total: s.score.total.value, rank: s.rank, groupRank: s.groupRank,
      grade: s.grade, vetoed: s.score.vetoed,
    }));
    expect(got).toEqual(want.subjects.map(({ notes, ...rest }: any) => rest));
    const grades = a.scopes.flatMap((sc) => sc.grades.map((g) => ({ scope: sc.scope, grade: a.scheme!.grades[g.grade].name, quota: g.quota, count: g.count })));
    expect(grades).toEqual(want.grades);
  });
});

it('finds every mistake in ex4 at the expected cells', async () => {
  const a = await assessFile(examplePath('ex4-bad-input'));
  const want = expected('ex4-bad-input');
  expect(a.ok).toBe(false);
  expect(a.subjects).toEqual([]);
  const errors = a.issues.filter((i) => i.severity === 'error').map((i) => [i.sheet, i.cell, i.code]);
  const warnings = a.issues.filter((i) => i.severity === 'warning').map((i) => [i.sheet, i.cell]);
  expect(errors).toEqual([
    ['评分表', 'C3', 'not-a-number'],
    ['评分表', 'D4', 'out-of-range'],
    ['评分表', 'C6', 'blank-score'],
    ['评分表', 'B7', 'duplicate-subject'],
    ['加减分', 'A2', 'unknown-subject'],
  ]);
  expect(errors.length).toBe(want.errors_at.length);
  expect(warnings).toEqual([['评分表', 'E5']]);
});
