import { describe, expect, it } from 'vitest';
import { reachBlocks } from './metrics.facts.js';
import { blocksOf, repeatKeys } from './metrics.figures.js';

const day = (month: string, offset: number) => `${month}-${String(offset + 1).padStart(2, '0')}`;

describe('reach repeats by aligned blocks of days', () => {
  it('covers exactly the days asked, with at most five blocks to a month end and ten inside a month', () => {
    for (let lo = 0; lo <= 30; lo++)
      for (let hi = lo; hi <= 31; hi++) {
        const blocks = blocksOf(lo, hi);
        const days = blocks.flatMap(({ k, i }) => Array.from({ length: 2 ** k }, (_, j) => i * 2 ** k + j));
        // hi 31 = to the month's end: a block may run past the last day there, never elsewhere.
        const want = Array.from({ length: hi - lo + 1 }, (_, i) => lo + i);
        expect(days.filter((d) => hi < 31 || d <= 31)).toEqual(want);
        expect(blocks.length).toBeLessThanOrEqual(hi === 31 ? 5 : 10);
      }
  });

  it('counts a repeat once when its previous reach is on or after the start, and never before it', () => {
    for (const month of ['2024-02', '2024-04', '2024-05']) {
      const days = month === '2024-02' ? 29 : month === '2024-04' ? 30 : 31;
      for (let p = 0; p < days; p++) {
        const own = new Set([`rqd:${day(month, p)}`, `rqm:${month}`, ...reachBlocks(day(month, p))]);
        for (let f = 0; f < days; f++)
          for (const end of [day(month, Math.max(f, p)), day(month, days - 1), '2024-12-31']) {
            const hits = repeatKeys(day(month, f), end).filter((k) => own.has(k)).length;
            expect(hits, `previous ${day(month, p)}, from ${day(month, f)} to ${end}`).toBe(
              p >= f && day(month, p) <= end ? 1 : 0,
            );
          }
        // A previous reach in a later month than the start's is counted by its month's key.
        expect(repeatKeys('2024-01-20', '2024-12-31').filter((k) => own.has(k)).length).toBe(1);
      }
    }
  });
});
