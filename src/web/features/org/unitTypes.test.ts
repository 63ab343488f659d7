import { describe, expect, it } from 'vitest';
import { deriveShortLabel, typeValidOn } from './unitTypes.js';

describe('unit type labels', () => {
  it('abbreviates Vietnamese names by syllable initials, keeping Đ', () => {
    expect(deriveShortLabel('Công đoàn cơ sở', 'vi')).toBe('CĐCS');
    expect(deriveShortLabel('Tổng Liên đoàn Lao động Việt Nam', 'vi')).toBe('TLĐLĐVN');
    expect(deriveShortLabel('Công đoàn xã, phường, đặc khu', 'vi')).toBe('CĐX');
  });

  it('abbreviates English names by word initials', () => {
    expect(deriveShortLabel('Grassroots trade union', 'en')).toBe('GTU');
    expect(deriveShortLabel('Provincial / municipal labour federation', 'en')).toBe('PMLF');
    expect(deriveShortLabel('Viet Nam General Confederation of Labour', 'en')).toBe('VNGCL');
    expect(deriveShortLabel('Grassroots occupational union (informal workers)', 'en')).toBe('GOU');
  });

  it('knows when a type is in force (validTo is the first day it is not)', () => {
    const t = {
      code: 'LDLD_HUYEN',
      nameVi: '',
      nameEn: '',
      level: 3,
      grassroots: false,
      allowedParents: [],
      validFrom: '1929-07-28',
      validTo: '2025-07-01',
    };
    expect(typeValidOn(t, '2025-06-30')).toBe(true);
    expect(typeValidOn(t, '2025-07-01')).toBe(false);
  });
});
