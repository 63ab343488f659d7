import { describe, expect, it } from 'vitest';
import { foldedSearch } from './foldedSearch.js';
import { viDate, viPercent } from './format.js';

describe('viPercent', () => {
  it('writes shares the Vietnamese way, and a dash when there is nothing to divide by', () => {
    expect(viPercent(1, 5)).toBe('20%');
    expect(viPercent(1, 6)).toBe('16,7%');
    expect(viPercent(0, 5)).toBe('0%');
    expect(viPercent(0, 0)).toBe('—');
  });
});

describe('viDate', () => {
  it('shows ISO dates as dd/mm/yyyy and a dash for none', () => {
    expect(viDate('2026-04-20')).toBe('20/04/2026');
    expect(viDate(null)).toBe('—');
  });
});

describe('foldedSearch', () => {
  it('finds options typed without accents', () => {
    expect(foldedSearch.filterOption('quan so', { label: 'Cột H: Quân số' })).toBe(true);
    expect(foldedSearch.filterOption('xa phu rieng', { label: 'Xã Phú Riềng (25252)' })).toBe(true);
    expect(foldedSearch.filterOption('binh tan', { label: 'Xã Phú Riềng' })).toBe(false);
  });
});
