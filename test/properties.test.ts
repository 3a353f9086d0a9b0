import fc from 'fast-check';
import { generate, toXlsx, type GenOptions } from '../bench/generate';
import { workbookOptions } from './arbitraries';
import { resultJson } from '../src/app/result-json';
import { scoreWorkbook } from '../src/app/score-workbook';
import { assess, findInputSheets } from '../src/engine/assess';
import { XlsxWorkbook } from '../src/hosts/xlsx/xlsx-workbook';

const options = workbookOptions(
  { subjects: 80, indicators: 8, dimensions: 3, groups: 4 },
  fc
    .tuple(
      fc.constantFrom('竞争排名', '中国式排名'),
      fc.constantFrom('同分同等次', '同分均降', '待定'),
      fc.constantFrom('四舍五入', '向下取整', '向上取整'),
      fc.constantFrom(0, 1, 2),
    )
    .map(
      ([r, t, q, d]) =>
        [
          ['排名方式', r],
          ['同分处理', t],
          ['名额取整', q],
          ['小数位数', d],
        ] as [string, string | number][],
    ),
);

const assessGenerated = (o: GenOptions) => {
  const g = generate(o);
  return assess({ fileTitle: 'gen', sheetNames: g.sheetNames, sheets: g.sheets });
};

describe('properties over random workbooks', () => {
  it('rank order agrees with the totals', () => {
    fc.assert(
      fc.property(options, (o) => {
        const a = assessGenerated(o);
        expect(a.ok).toBe(true);
        const dense = o.settings![0][1] === '中国式排名';
        // the rank key: the total, then 同分依据 (with variety: the first dimension, then the first
        // indicator), each as published; worked out here from the published numbers and the input
        const decimals = a.scheme!.settings.decimals;
        const keyOf = (s: (typeof a.subjects)[number]): number[] => [
          s.totalUnits,
          ...(o.variety ? [...(o.dimensions > 0 ? [s.score.dimensionScores[0].units] : []), Math.round((s.input.scores[0] as number) * 10 ** decimals)] : []),
        ];
        const compare = (p: number[], q: number[]) => p.reduce((c, x, k) => c || x - q[k], 0);
        const keys = a.subjects.map(keyOf);
        a.subjects.forEach((s, i) => {
          if (i > 0) expect(compare(keys[i], keys[i - 1])).toBeLessThanOrEqual(0);
          const better = keys.filter((k) => compare(k, keys[i]) > 0);
          expect(s.rank).toBe(dense ? new Set(better.map(String)).size + 1 : better.length + 1);
        });
      }),
      { numRuns: 150 },
    );
  });

  it('no quota is exceeded except by totals tied at its boundary under 同分同等次, or by forced grades', () => {
    fc.assert(
      fc.property(options, (o) => {
        const a = assessGenerated(o);
        const policy = o.settings!.find(([key]) => key === '同分处理')![1];
        const perGroup = a.scheme!.settings.gradeScope === 'group';
        for (const scope of a.scopes) {
          const members = a.subjects.filter((s) => !perGroup || s.group === scope.scope);
          expect(members.length).toBeGreaterThan(0);
          for (const g of scope.grades) {
            if (g.quota === null) continue;
            // holders on their totals: grades fixed by an event (定等, 一票否决…) or lowered by 降等 are not placed by the quota
            const holders = members
              .filter((s) => s.outcome.grade === g.grade && s.constraints.forced === null && s.outcome.demotedFrom === null)
              .sort((p, q) => q.totalUnits - p.totalUnits);
            if (holders.length <= g.quota) continue;
            // more than the quota: only under 同分同等次, and only those tied with the last place inside it
            expect(policy).toBe('同分同等次');
            expect(g.quota).toBeGreaterThan(0);
            const boundary = holders[g.quota - 1].totalUnits;
            for (const s of holders.slice(g.quota)) expect(s.totalUnits).toBe(boundary);
          }
        }
      }),
      { numRuns: 150 },
    );
  });

  it('scoring the output workbook again gives the same results, and its input sheets equal the input', async () => {
    await fc.assert(
      fc.asyncProperty(options, async (o) => {
        const g = generate({ ...o, subjects: Math.min(o.subjects, 30) });
        const bytes = await toXlsx(g);
        const first = await XlsxWorkbook.load(bytes);
        const run1 = await scoreWorkbook(first, { fileTitle: 'gen', date: '2026-01-01' });
        const output = await first.toBytes();
        const second = await XlsxWorkbook.load(output);
        const run2 = await scoreWorkbook(second, { fileTitle: 'gen', date: '2026-01-01' });
        expect(resultJson(run2, 'zh')).toEqual(resultJson(run1, 'zh'));
        // input sheets, cell for cell
        const input = await XlsxWorkbook.load(bytes);
        const names = Object.values(findInputSheets(input.sheetNames()));
        const before = await input.read(() => names);
        const after = await (await XlsxWorkbook.load(output)).read(() => names);
        expect(after.sheets).toEqual(before.sheets);
        // the second run replaced its own sheets rather than adding more
        expect(second.sheetNames()).toEqual((await XlsxWorkbook.load(output)).sheetNames());
      }),
      { numRuns: 12 },
    );
  });
});
