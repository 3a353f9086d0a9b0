// Random generated workbooks for property tests (fast-check), within the bounds a test asks.
import fc from 'fast-check';
import type { GenOptions } from '../bench/generate';

export function workbookOptions(
  max: { subjects: number; indicators: number; dimensions: number; groups: number },
  settings?: fc.Arbitrary<GenOptions['settings']>,
): fc.Arbitrary<GenOptions> {
  return fc
    .record<GenOptions>({
      subjects: fc.integer({ min: 1, max: max.subjects }),
      indicators: fc.integer({ min: 1, max: max.indicators }),
      dimensions: fc.integer({ min: 0, max: max.dimensions }),
      groups: fc.integer({ min: 1, max: max.groups }),
      perGroup: fc.boolean(),
      seed: fc.integer(),
      eventShare: fc.double({ min: 0, max: 0.4, noNaN: true }),
      variety: fc.boolean(),
      ...(settings ? { settings } : {}),
    })
    .filter((o) => o.dimensions <= o.indicators);
}
