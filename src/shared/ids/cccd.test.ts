import { describe, expect, it } from 'vitest';
import { CCCD_PROVINCES, cccdProvinceName, decodeCccd, maskCccd, normaliseCccd, validateCccd } from './index.js';

describe('validateCccd: decoding a 12-digit number', () => {
  it('079090001234 is Hồ Chí Minh, male, born 1990', () => {
    expect(validateCccd('079090001234')).toEqual({
      ok: true,
      value: '079090001234',
      kind: 'cccd',
      warnings: [],
      decoded: { provinceCode: '079', provinceName: 'Hồ Chí Minh', gender: 'male', birthYear: 1990 },
    });
  });

  it('001305012345 is Hà Nội, female, born 2005', () => {
    expect(validateCccd('001305012345')).toEqual({
      ok: true,
      value: '001305012345',
      kind: 'cccd',
      warnings: [],
      decoded: { provinceCode: '001', provinceName: 'Hà Nội', gender: 'female', birthYear: 2005 },
    });
  });

  it('decodes digit 4 as gender and century for every value 0–9', () => {
    const expected = [
      ['male', 1985],
      ['female', 1985],
      ['male', 2085],
      ['female', 2085],
      ['male', 2185],
      ['female', 2185],
      ['male', 2285],
      ['female', 2285],
      ['male', 2385],
      ['female', 2385],
    ] as const;
    expected.forEach(([gender, birthYear], digit) => {
      expect(decodeCccd(`075${digit}85123456`)).toEqual({
        provinceCode: '075',
        provinceName: 'Đồng Nai',
        gender,
        birthYear,
      });
    });
  });

  it('reads the century boundaries: 1900, 1999, 2000', () => {
    expect(decodeCccd('070000123456')?.birthYear).toBe(1900);
    expect(decodeCccd('070199123456')?.birthYear).toBe(1999);
    expect(decodeCccd('070200123456')).toMatchObject({ gender: 'male', birthYear: 2000 });
  });

  it('has no check digit: any last six digits are accepted', () => {
    for (const tail of ['000000', '999999', '123456', '654321']) {
      expect(validateCccd(`038190${tail}`)).toMatchObject({ ok: true, kind: 'cccd', warnings: [] });
    }
  });

  it('warns about, but accepts, a prefix outside the 63 provinces', () => {
    const result = validateCccd('003190123456');
    expect(result).toMatchObject({
      ok: true,
      value: '003190123456',
      kind: 'cccd',
      decoded: { provinceCode: '003', gender: 'female', birthYear: 1990 },
    });
    if (!result.ok) throw new Error('expected ok');
    expect(result.decoded).not.toHaveProperty('provinceName');
    expect(result.warnings.map((w) => w.code)).toEqual(['UNKNOWN_PROVINCE']);
    expect(result.warnings[0]?.message).toContain('003');
  });
});

describe('validateCccd: cross-checks against the record are warnings', () => {
  it('no warning when date of birth and gender agree', () => {
    const result = validateCccd('079090001234', { birthDate: '1990-03-15', gender: 'male' });
    expect(result).toMatchObject({ ok: true, warnings: [] });
  });

  it('birth year mismatch', () => {
    const result = validateCccd('079090001234', { birthDate: '1991-05-12' });
    expect(result).toMatchObject({
      ok: true,
      warnings: [{ code: 'BIRTH_YEAR_MISMATCH', message: 'Số CCCD cho năm sinh 1990 nhưng ngày sinh là 12/05/1991' }],
    });
  });

  it('birth year mismatch across the century (digit 4 says 2000s, record says 1900s)', () => {
    const result = validateCccd('001305012345', { birthDate: '1905-01-01' });
    expect(result).toMatchObject({
      ok: true,
      warnings: [{ code: 'BIRTH_YEAR_MISMATCH', message: 'Số CCCD cho năm sinh 2005 nhưng ngày sinh là 01/01/1905' }],
    });
  });

  it('accepts an ISO timestamp, a year-month or a bare year as the date of birth', () => {
    expect(validateCccd('079090001234', { birthDate: '1990-03-15T00:00:00.000Z' })).toMatchObject({ warnings: [] });
    expect(validateCccd('079090001234', { birthDate: '1992-07' })).toMatchObject({
      warnings: [{ code: 'BIRTH_YEAR_MISMATCH', message: 'Số CCCD cho năm sinh 1990 nhưng ngày sinh là 07/1992' }],
    });
    expect(validateCccd('079090001234', { birthDate: '1992' })).toMatchObject({
      warnings: [{ code: 'BIRTH_YEAR_MISMATCH', message: 'Số CCCD cho năm sinh 1990 nhưng ngày sinh là 1992' }],
    });
  });

  it('ignores a date of birth it cannot read rather than inventing a mismatch', () => {
    expect(validateCccd('079090001234', { birthDate: 'không rõ' })).toMatchObject({ ok: true, warnings: [] });
    expect(validateCccd('079090001234', { birthDate: '15/03/1990' })).toMatchObject({ ok: true, warnings: [] });
  });

  it('gender mismatch, both ways', () => {
    expect(validateCccd('001305012345', { gender: 'male' })).toMatchObject({
      ok: true,
      warnings: [{ code: 'GENDER_MISMATCH', message: 'Số CCCD ứng với giới tính nữ nhưng hồ sơ ghi nam' }],
    });
    expect(validateCccd('079090001234', { gender: 'female' })).toMatchObject({
      ok: true,
      warnings: [{ code: 'GENDER_MISMATCH', message: 'Số CCCD ứng với giới tính nam nhưng hồ sơ ghi nữ' }],
    });
  });

  it('reports both mismatches together, and keeps the decoded values', () => {
    const result = validateCccd('001305012345', { birthDate: '2004-11-30', gender: 'male' });
    expect(result).toMatchObject({ ok: true, decoded: { gender: 'female', birthYear: 2005 } });
    if (!result.ok) throw new Error('expected ok');
    expect(result.warnings.map((w) => w.code)).toEqual(['BIRTH_YEAR_MISMATCH', 'GENDER_MISMATCH']);
  });
});

describe('legacy CMND', () => {
  it('accepts 9 digits with a LEGACY_CMND warning and nothing decoded', () => {
    const result = validateCccd('281234567');
    expect(result).toEqual({
      ok: true,
      value: '281234567',
      kind: 'cmnd',
      warnings: [{ code: 'LEGACY_CMND', message: 'Số CMND 9 chữ số (cũ) — nên cập nhật số CCCD' }],
    });
  });

  it('cannot cross-check a CMND against the record', () => {
    const result = validateCccd('281 234 567', { birthDate: '1970-01-01', gender: 'female' });
    if (!result.ok) throw new Error('expected ok');
    expect(result.warnings.map((w) => w.code)).toEqual(['LEGACY_CMND']);
  });

  it('puts back the zero a numeric cell dropped from a CMND', () => {
    const result = validateCccd(12345678);
    expect(result).toMatchObject({ ok: true, value: '012345678', kind: 'cmnd' });
    if (!result.ok) throw new Error('expected ok');
    expect(result.warnings.map((w) => w.code)).toEqual(['LEADING_ZERO_RESTORED', 'LEGACY_CMND']);
  });
});

describe('normalisation', () => {
  it('strips spaces, dots, dashes and the Excel apostrophe', () => {
    for (const raw of [
      '079090001234',
      ' 079 090 001 234 ',
      '079.090.001.234',
      '079-090-001-234',
      '079–090–001–234',
      "'079090001234",
      '079\u00a0090\u00a0001\u00a0234',
    ]) {
      expect(normaliseCccd(raw)).toEqual({ value: '079090001234', leadingZeroRestored: false });
    }
  });

  it('puts back a leading zero lost to a numeric Excel cell (11 digits)', () => {
    expect(normaliseCccd(79090001234)).toEqual({ value: '079090001234', leadingZeroRestored: true });
    expect(normaliseCccd('79090001234')).toEqual({ value: '079090001234', leadingZeroRestored: true });
    const result = validateCccd(79090001234, { birthDate: '1990-06-01', gender: 'male' });
    expect(result).toMatchObject({
      ok: true,
      value: '079090001234',
      kind: 'cccd',
      decoded: { provinceCode: '079', provinceName: 'Hồ Chí Minh', gender: 'male', birthYear: 1990 },
    });
    if (!result.ok) throw new Error('expected ok');
    expect(result.warnings.map((w) => w.code)).toEqual(['LEADING_ZERO_RESTORED']);
    expect(result.warnings[0]?.message).toContain('079090001234');
  });

  it('puts back both zeros of a 00x province (Hà Nội … Tuyên Quang), and only for those', () => {
    expect(normaliseCccd(1305012345)).toEqual({ value: '001305012345', leadingZeroRestored: true });
    expect(validateCccd(8190123456)).toMatchObject({
      ok: true,
      value: '008190123456',
      decoded: { provinceName: 'Tuyên Quang' },
    });
    // 003, 005, 007, 009 are not provinces: a 10-digit value there is more likely a phone number or a tax code.
    expect(normaliseCccd('3305012345')).toEqual({ value: '3305012345', leadingZeroRestored: false });
    expect(validateCccd('3305012345')).toMatchObject({ ok: false, reason: 'format' });
  });

  it('leaves a 12-digit number alone even when it does not start with 0', () => {
    expect(normaliseCccd('179090001234')).toEqual({ value: '179090001234', leadingZeroRestored: false });
  });
});

describe('format errors', () => {
  it('rejects wrong shapes with a Vietnamese message', () => {
    expect(validateCccd('')).toEqual({ ok: false, reason: 'format', message: 'Chưa nhập số CCCD' });
    expect(validateCccd('   ')).toEqual({ ok: false, reason: 'format', message: 'Chưa nhập số CCCD' });
    expect(validateCccd('CCCD079090001234')).toEqual({
      ok: false,
      reason: 'format',
      message: 'Số CCCD chỉ được gồm chữ số',
    });
    expect(validateCccd('0790900012345')).toEqual({
      ok: false,
      reason: 'format',
      message: 'Số CCCD phải có 12 chữ số (hoặc 9 chữ số với CMND cũ), số đã nhập có 13 chữ số',
    });
    for (const raw of ['07909000123', '0790900012', '12345', '0281234567', '07909O001234']) {
      expect(validateCccd(raw)).toMatchObject({ ok: false, reason: 'format' });
    }
  });

  it('rejects numbers that cannot be an identity number', () => {
    for (const raw of [7.909e10 + 0.5, -79090001234, Number.NaN, 1e21]) {
      expect(validateCccd(raw)).toMatchObject({ ok: false, reason: 'format' });
    }
  });
});

describe('maskCccd', () => {
  it('shows the first 4 and last 3 digits of a CCCD', () => {
    expect(maskCccd('079090001234')).toBe('0790•••••234');
    expect(maskCccd('079 090 001 234')).toBe('0790•••••234');
    expect(maskCccd(79090001234)).toBe('0790•••••234');
  });

  it('shows the first 3 and last 2 digits of a CMND', () => {
    expect(maskCccd('281234567')).toBe('281••••67');
  });

  it('hides anything else completely', () => {
    expect(maskCccd('12345')).toBe('•••••');
    expect(maskCccd('')).toBe('');
  });
});

describe('province table', () => {
  const entries = Object.entries(CCCD_PROVINCES);

  it('has the 63 pre-2025 provinces, each 0 + a 2-digit statistics-office code, with unique names', () => {
    expect(entries).toHaveLength(63);
    for (const [code] of entries) expect(code).toMatch(/^0\d{2}$/);
    expect(new Set(entries.map(([, name]) => name)).size).toBe(63);
    expect(entries[0]).toEqual(['001', 'Hà Nội']);
    expect(entries.at(-1)).toEqual(['096', 'Cà Mau']);
  });

  it('spot checks', () => {
    expect(cccdProvinceName('079')).toBe('Hồ Chí Minh');
    expect(cccdProvinceName('070')).toBe('Bình Phước');
    expect(cccdProvinceName('075')).toBe('Đồng Nai');
    expect(cccdProvinceName('048')).toBe('Đà Nẵng');
    expect(cccdProvinceName('031')).toBe('Hải Phòng');
    expect(cccdProvinceName('092')).toBe('Cần Thơ');
    expect(cccdProvinceName('003')).toBeUndefined();
    expect(cccdProvinceName('toString')).toBeUndefined();
  });
});
