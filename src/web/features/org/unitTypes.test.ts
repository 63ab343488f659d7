import { describe, expect, it } from 'vitest';
import { typeShortLabel, typeValidOn } from './unitTypes.js';

describe('unit type labels', () => {
  it('knows when a type is in force (validTo is the first day it is not)', () => {
    const t = {
      code: 'LDLD_HUYEN',
      nameVi: '',
      nameEn: '',
      shortVi: 'LĐLĐ huyện',
      shortEn: 'District',
      level: 3,
      grassroots: false,
      allowedParents: [],
      validFrom: '1929-07-28',
      validTo: '2025-07-01',
    };
    expect(typeValidOn(t, '2025-06-30')).toBe(true);
    expect(typeValidOn(t, '2025-07-01')).toBe(false);
    expect(typeShortLabel(t, 'vi')).toBe('LĐLĐ huyện');
    expect(typeShortLabel(t, 'en')).toBe('District');
  });
});
