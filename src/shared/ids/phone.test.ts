import { isValidPhoneNumber, parsePhoneNumberFromString } from 'libphonenumber-js/max';
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

  // Only some blocks of these prefixes are allocated (Google's metadata): 0522/0523/0528, 0559, 0896–0899.
  const allocated: Record<string, string> = { '052': '0528', '055': '0559', '089': '0896' };

  it('knows every carrier prefix', () => {
    for (const [carrier, prefixes] of Object.entries(byCarrier)) {
      for (const prefix of prefixes) {
        const value = `${allocated[prefix] ?? `${prefix}4`}567890`;
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
    for (const raw of ['0101234567', '0111234567', '0401234567', '0601234567', '0801234567', '0501234567']) {
      const result = validatePhone(raw);
      expect(result.ok, raw).toBe(false);
      if (!result.ok) expect(result.message).toContain(`Đầu số ${raw.slice(0, 3)}`);
    }
  });

  it('rejects a number of a known prefix in a block that is not allocated', () => {
    for (const raw of ['0524567890', '0553464824', '0890326260']) {
      const result = validatePhone(raw);
      expect(result.ok, raw).toBe(false);
      if (!result.ok) expect(result.message).toContain('chưa được cấp');
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

  it('rejects area codes that are not in use', () => {
    for (const raw of ['02006846628', '02016666820', '02174640022', '02236782228']) {
      const result = validatePhone(raw);
      expect(result.ok, raw).toBe(false);
      if (!result.ok) expect(result.message).toContain(`mã vùng ${raw.slice(0, 4)}`);
    }
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

describe('validatePhone: service numbers', () => {
  it('refuses valid numbers that are nobody’s own phone', () => {
    for (const raw of ['1800 1234', '1900 1234', '0672 123 456']) {
      expect(parsePhoneNumberFromString(raw, 'VN')?.isValid(), raw).toBe(true);
      const result = validatePhone(raw);
      expect(result.ok, raw).toBe(false);
      if (!result.ok && raw.startsWith('0')) expect(result.message).toContain('không phải số di động hay máy bàn');
    }
  });
});

describe('validatePhone agrees with libphonenumber', () => {
  // Every 3-digit prefix with every 4th digit (blocks are allocated by 4-digit prefix), every 4-digit area code
  // with every 5th digit, and old 11-digit mobiles; the rest of each number from a fixed pseudo-random sequence.
  let x = 20180915;
  const digits = (n: number) => {
    let out = '';
    for (let i = 0; i < n; i++) {
      x = (x * 1103515245 + 12345) >>> 0;
      out += String((x >>> 16) % 10);
    }
    return out;
  };
  const numbers: string[] = [];
  for (let p = 10; p <= 99; p++) for (let d = 0; d <= 9; d++) numbers.push(`0${p}${d}${digits(6)}`);
  for (let a = 200; a <= 299; a++) for (let d = 0; d <= 9; d++) numbers.push(`0${a}${d}${digits(6)}`);
  for (let p = 100; p <= 199; p++) numbers.push(`0${p}${digits(7)}`);

  it('accepts exactly the valid Vietnamese mobile and landline numbers', () => {
    const kinds = new Map<string, number>();
    for (const n of numbers) {
      const type = isValidPhoneNumber(n, 'VN') ? parsePhoneNumberFromString(n, 'VN')?.getType() : undefined;
      kinds.set(String(type), (kinds.get(String(type)) ?? 0) + 1);
      const result = validatePhone(n);
      if (type === 'MOBILE' || type === 'FIXED_LINE') {
        expect(result, n).toMatchObject({ ok: true, value: n, kind: type === 'MOBILE' ? 'mobile' : 'landline' });
      } else if (type !== undefined) {
        // The one rule added to libphonenumber's: a valid service number (1800…, VoIP) is not a person's phone.
        expect(result, n).toMatchObject({ ok: false, message: expect.stringContaining('không phải số di động') });
      } else {
        expect(result.ok, n).toBe(false);
      }
    }
    // The sample reaches every kind it is meant to: allocated and unallocated numbers of both sorts.
    expect(kinds.get('MOBILE')).toBeGreaterThan(300);
    expect(kinds.get('FIXED_LINE')).toBeGreaterThan(600);
    expect(kinds.get('undefined')).toBeGreaterThan(600);
  });

  it('adds only the 2018 conversion to the answer for old 11-digit mobiles', () => {
    for (const n of numbers.filter((v) => v.length === 11 && v.startsWith('01'))) {
      expect(isValidPhoneNumber(n, 'VN'), n).toBe(false);
      const result = validatePhone(n);
      expect(result.ok, n).toBe(false);
      if (!result.ok && result.suggestion) expect(isValidPhoneNumber(result.suggestion, 'VN'), n).toBe(true);
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
