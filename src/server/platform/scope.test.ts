import { describe, expect, it } from 'vitest';
import { normalisePrefixes, prefixRange } from './scope.js';

describe('path ranges', () => {
  it('a prefix covers exactly its subtree', () => {
    const r = prefixRange('/1/5/');
    const inside = (p: string) => p >= r.from && p < r.to;
    expect(inside('/1/5/')).toBe(true);
    expect(inside('/1/5/17/')).toBe(true);
    expect(inside('/1/5/17/9999/')).toBe(true);
    expect(inside('/1/50/')).toBe(false);
    expect(inside('/1/51/')).toBe(false);
    expect(inside('/1/4/')).toBe(false);
    expect(inside('/1/')).toBe(false);
  });

  it('drops prefixes covered by a shorter one', () => {
    expect(normalisePrefixes(['/1/5/17/', '/1/5/', '/1/50/', '/1/5/'])).toEqual(['/1/5/', '/1/50/']);
  });
});
