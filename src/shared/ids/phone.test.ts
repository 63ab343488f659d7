import { describe, expect, it } from 'vitest';
import { formatPhone, normalisePhone, validatePhone } from './index.js';

describe('normalisePhone', () => {
  it('turns every usual way of writing a mobile into the national form', () => {
    for (const raw of [
      '0912345678',
      '0912 345 678',
      '0912.345.678',
      '0912-345-678',
      '+84 912 345 678',
      '+84912345678',
      '84912345678',
      '(+84) 912345678',
      '(+84) 912 345 678',
      '+84 (0) 912 345 678',
      '+84 0912 345 678',
      '0084 912 345 678',
      ' 0912\u00a0345\u00a0678 ',
      "'0912345678",
      912345678,
      84912345678,
    ]) {
      expect(normalisePhone(raw), String(raw)).toBe('0912345678');
    }
  });

  it('keeps the 0 of a national number whose prefix is 084', () => {
    expect(normalisePhone('0841234567')).toBe('0841234567');
    expect(normalisePhone(841234567)).toBe('0841234567');
    expect(normalisePhone('+84 84 123 4567')).toBe('0841234567');
  });

  it('normalises landlines the same way', () => {
    expect(normalisePhone('+84 271 3123 456')).toBe('02713123456');
    expect(normalisePhone('842513822123')).toBe('02513822123');
    expect(normalisePhone(2438251234)).toBe('02438251234');
  });

  it('leaves foreign numbers and garbage recognisable', () => {
    expect(normalisePhone('+1 202 555 0123')).toBe('+12025550123');
    expect(normalisePhone('không có')).toBe('khôngcó');
  });
});

describe('validatePhone: mobiles', () => {
  // Restated from union-rules.md §5, independently of the table in phone.ts.
  const byCarrier = {
    Viettel: ['032', '033', '034', '035', '036', '037', '038', '039', '086', '096', '097', '098'],
    Vinaphone: ['081', '082', '083', '084', '085', '088', '091', '094'],
    Mobifone: ['070', '076', '077', '078', '079', '089', '090', '093'],
    Vietnamobile: ['052', '056', '058', '092'],
    Gmobile: ['059', '099'],
    iTel: ['087'],
    Reddi: ['055'],
  } as const;

  it('knows every carrier prefix', () => {
    for (const [carrier, prefixes] of Object.entries(byCarrier)) {
      for (const prefix of prefixes) {
        const value = `${prefix}4567890`;
        expect(validatePhone(value), value).toEqual({ ok: true, value, carrier, kind: 'mobile' });
      }
    }
  });

  it('realistic numbers in their usual written forms', () => {
    expect(validatePhone('0987 654 321')).toEqual({
      ok: true,
      value: '0987654321',
      carrier: 'Viettel',
      kind: 'mobile',
    });
    expect(validatePhone('+84 912 345 678')).toEqual({
      ok: true,
      value: '0912345678',
      carrier: 'Vinaphone',
      kind: 'mobile',
    });
    expect(validatePhone('(+84) 901234567')).toEqual({
      ok: true,
      value: '0901234567',
      carrier: 'Mobifone',
      kind: 'mobile',
    });
    expect(validatePhone('84923456789')).toEqual({
      ok: true,
      value: '0923456789',
      carrier: 'Vietnamobile',
      kind: 'mobile',
    });
    expect(validatePhone('0993.123.456')).toEqual({
      ok: true,
      value: '0993123456',
      carrier: 'Gmobile',
      kind: 'mobile',
    });
    expect(validatePhone('0877 123 456')).toEqual({ ok: true, value: '0877123456', carrier: 'iTel', kind: 'mobile' });
    expect(validatePhone('0559 123 456')).toEqual({ ok: true, value: '0559123456', carrier: 'Reddi', kind: 'mobile' });
    expect(validatePhone(356789012)).toEqual({ ok: true, value: '0356789012', carrier: 'Viettel', kind: 'mobile' });
  });

  it('rejects 10-digit numbers with a prefix no carrier uses', () => {
    for (const raw of ['0101234567', '0311234567', '0401234567', '0601234567', '0801234567', '0951234567']) {
      const result = validatePhone(raw);
      expect(result.ok, raw).toBe(false);
      if (!result.ok) expect(result.message).toContain(`Đầu số ${raw.slice(0, 3)}`);
    }
  });
});

describe('validatePhone: landlines', () => {
  it('accepts 11 digits starting 02', () => {
    expect(validatePhone('0271 3123 456')).toEqual({ ok: true, value: '02713123456', kind: 'landline' });
    expect(validatePhone('0251 3822 123')).toEqual({ ok: true, value: '02513822123', kind: 'landline' });
    expect(validatePhone('024 3825 1234')).toEqual({ ok: true, value: '02438251234', kind: 'landline' });
    expect(validatePhone('+84 28 3829 1234')).toEqual({ ok: true, value: '02838291234', kind: 'landline' });
    expect(validatePhone('(0271) 3.123.456')).toEqual({ ok: true, value: '02713123456', kind: 'landline' });
  });

  it('has no carrier for a landline', () => {
    expect(validatePhone('02513822123')).not.toHaveProperty('carrier');
  });

  it('rejects a 10-digit number starting 02 (an old area code) with a hint', () => {
    expect(validatePhone('0613822123')).toMatchObject({ ok: false });
    const result = validatePhone('0251382212');
    expect(result).toMatchObject({ ok: false });
    if (!result.ok) expect(result.message).toContain('11 chữ số');
  });
});

describe('validatePhone: old 11-digit mobiles (before 2018)', () => {
  it('refuses them and names the new number', () => {
    expect(validatePhone('01689 123 456')).toEqual({
      ok: false,
      message:
        'Số di động 11 chữ số đầu 0168 đã đổi sang đầu số mới 038 từ năm 2018 — cần nhập số mới (có thể là 0389 123 456)',
      suggestion: '0389123456',
    });
  });

  it('maps each carrier’s old prefixes', () => {
    const cases = [
      ['01621234567', '0321234567'],
      ['01691234567', '0391234567'],
      ['01201234567', '0701234567'],
      ['01211234567', '0791234567'],
      ['01221234567', '0771234567'],
      ['01261234567', '0761234567'],
      ['01281234567', '0781234567'],
      ['01231234567', '0831234567'],
      ['01241234567', '0841234567'],
      ['01251234567', '0851234567'],
      ['01271234567', '0811234567'],
      ['01291234567', '0821234567'],
      ['01861234567', '0561234567'],
      ['01881234567', '0581234567'],
      ['01991234567', '0591234567'],
    ] as const;
    for (const [old, fresh] of cases) {
      const result = validatePhone(old);
      expect(result, old).toMatchObject({ ok: false, suggestion: fresh });
      // The suggestion itself is a valid mobile.
      expect(validatePhone(fresh)).toMatchObject({ ok: true, kind: 'mobile' });
    }
  });

  it('recognises them in +84 form and from a numeric cell', () => {
    expect(validatePhone('+84 168 912 3456')).toMatchObject({ ok: false, suggestion: '0389123456' });
    expect(validatePhone(1689123456)).toMatchObject({ ok: false, suggestion: '0389123456' });
  });

  it('still asks for the new prefix when the old one is not in the conversion table', () => {
    const result = validatePhone('01001234567');
    expect(result).toMatchObject({ ok: false });
    expect(result).not.toHaveProperty('suggestion');
    if (!result.ok) expect(result.message).toContain('đầu số mới');
  });
});

describe('validatePhone: garbage', () => {
  it('rejects with a Vietnamese message', () => {
    expect(validatePhone('')).toEqual({ ok: false, message: 'Chưa nhập số điện thoại' });
    expect(validatePhone(' - ')).toEqual({ ok: false, message: 'Chưa nhập số điện thoại' });
    expect(validatePhone('+1 202 555 0123')).toEqual({ ok: false, message: 'Chỉ nhận số điện thoại Việt Nam (+84)' });
    expect(validatePhone('không có')).toEqual({ ok: false, message: 'Số điện thoại chỉ được gồm chữ số' });
    expect(validatePhone('0912 345 67x')).toEqual({ ok: false, message: 'Số điện thoại chỉ được gồm chữ số' });
    for (const raw of ['12345', '091234567', '09123456789', '091234567890', '0000000000', 1.5, -912345678]) {
      expect(validatePhone(raw), String(raw)).toMatchObject({ ok: false });
    }
  });
});

describe('formatPhone', () => {
  it('groups a mobile 4-3-3', () => {
    expect(formatPhone('0912345678')).toBe('0912 345 678');
    expect(formatPhone('+84912345678')).toBe('0912 345 678');
  });

  it('groups a landline after its area code', () => {
    expect(formatPhone('02713123456')).toBe('0271 3123 456');
    expect(formatPhone('02513822123')).toBe('0251 3822 123');
    expect(formatPhone('02438251234')).toBe('024 3825 1234');
    expect(formatPhone('02838291234')).toBe('028 3829 1234');
  });

  it('returns anything else cleaned but unchanged', () => {
    expect(formatPhone('01689123456')).toBe('01689123456');
    expect(formatPhone('12345')).toBe('12345');
  });
});
