import { describe, expect, it } from 'vitest';
import { countryName, countryOptions } from './countries.js';

describe('the nationality picker', () => {
  it('lists countries by their Vietnamese names, Việt Nam first, codes as values', () => {
    const list = countryOptions('vi');
    expect(list[0]).toEqual({ value: 'VN', label: 'Việt Nam' });
    expect(list.find((c) => c.value === 'KR')?.label).toBe('Hàn Quốc');
    expect(list.length).toBeGreaterThan(200);
    expect(list.some((c) => c.value === 'ZZ' || c.value === 'EU')).toBe(false);
    expect(countryName('CN', 'vi')).toBe('Trung Quốc');
  });
});
