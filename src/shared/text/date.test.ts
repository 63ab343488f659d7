import { describe, expect, it } from 'vitest';
import { addDays, compareIso, formatViDate, formatViDateLong, isIsoDate, parseViDate, todayIso } from './date.js';

describe('parseViDate', () => {
  it('accepts the Vietnamese day-first formats', () => {
    expect(parseViDate('5/1/2024')).toBe('2024-01-05');
    expect(parseViDate('05/01/2024')).toBe('2024-01-05');
    expect(parseViDate('05-01-2024')).toBe('2024-01-05');
    expect(parseViDate('05.01.2024')).toBe('2024-01-05');
    expect(parseViDate('31/12/1999')).toBe('1999-12-31');
  });

  it('accepts ISO', () => {
    expect(parseViDate('2024-01-05')).toBe('2024-01-05');
  });

  it('ignores surrounding whitespace', () => {
    expect(parseViDate('  15/4/2024 ')).toBe('2024-04-15');
  });

  it('rejects dates that do not exist', () => {
    expect(parseViDate('31/02/2024')).toBeNull();
    expect(parseViDate('31/04/2024')).toBeNull();
    expect(parseViDate('00/01/2024')).toBeNull();
    expect(parseViDate('01/13/2024')).toBeNull();
    expect(parseViDate('2024-02-30')).toBeNull();
    expect(parseViDate('2024-13-01')).toBeNull();
  });

  it('knows leap years', () => {
    expect(parseViDate('29/02/2024')).toBe('2024-02-29');
    expect(parseViDate('29/02/2023')).toBeNull();
    expect(parseViDate('29/02/2000')).toBe('2000-02-29');
    expect(parseViDate('29/02/1900')).toBeNull();
  });

  it('rejects malformed text', () => {
    for (const s of ['', 'abc', '05/01/24', '05/01-2024', '2024/01/05', '2024-1-5', '5 1 2024', '05/01/2024x']) {
      expect(parseViDate(s)).toBeNull();
    }
  });
});

describe('formatViDate', () => {
  it('formats as dd/mm/yyyy', () => {
    expect(formatViDate('2024-01-05')).toBe('05/01/2024');
    expect(formatViDate('2024-12-31')).toBe('31/12/2024');
  });

  it('round-trips with parseViDate', () => {
    expect(parseViDate(formatViDate('2024-02-29'))).toBe('2024-02-29');
  });

  it('throws on non-ISO input', () => {
    expect(() => formatViDate('05/01/2024')).toThrow(RangeError);
    expect(() => formatViDate('2023-02-29')).toThrow(RangeError);
  });
});

describe('formatViDateLong', () => {
  it('pads days below 10 and months 1-2 only (Decree 30/2020)', () => {
    expect(formatViDateLong('2024-01-05')).toBe('ngày 05 tháng 01 năm 2024');
    expect(formatViDateLong('2024-02-05')).toBe('ngày 05 tháng 02 năm 2024');
    expect(formatViDateLong('2024-03-09')).toBe('ngày 09 tháng 3 năm 2024');
    expect(formatViDateLong('2024-04-15')).toBe('ngày 15 tháng 4 năm 2024');
    expect(formatViDateLong('2024-10-10')).toBe('ngày 10 tháng 10 năm 2024');
    expect(formatViDateLong('2024-12-31')).toBe('ngày 31 tháng 12 năm 2024');
  });

  it('prefixes the place name', () => {
    expect(formatViDateLong('2024-01-05', 'Phú Riềng')).toBe('Phú Riềng, ngày 05 tháng 01 năm 2024');
    expect(formatViDateLong('2024-04-15', '  Bình  Phước ')).toBe('Bình Phước, ngày 15 tháng 4 năm 2024');
  });

  it('omits a blank place', () => {
    expect(formatViDateLong('2024-04-15', '  ')).toBe('ngày 15 tháng 4 năm 2024');
  });

  it('throws on non-ISO input', () => {
    expect(() => formatViDateLong('15/04/2024')).toThrow(RangeError);
  });
});

describe('isIsoDate', () => {
  it('accepts only real dates in exact ISO form', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('2024-2-9')).toBe(false);
    expect(isIsoDate('2024-02-09T00:00')).toBe(false);
    expect(isIsoDate('0000-01-01')).toBe(false);
  });
});

describe('todayIso', () => {
  it('uses the local calendar date, not UTC', () => {
    expect(todayIso(new Date(2024, 0, 5, 0, 0, 1))).toBe('2024-01-05');
    expect(todayIso(new Date(2024, 0, 5, 23, 59, 59))).toBe('2024-01-05');
  });

  it('returns a valid ISO date for the current time', () => {
    expect(isIsoDate(todayIso())).toBe(true);
  });
});

describe('addDays', () => {
  it('crosses month and year boundaries both ways', () => {
    expect(addDays('2024-01-31', 1)).toBe('2024-02-01');
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(addDays('2025-01-01', -1)).toBe('2024-12-31');
    expect(addDays('2024-01-05', 0)).toBe('2024-01-05');
  });

  it('handles leap years', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2023-02-28', 1)).toBe('2023-03-01');
    expect(addDays('2024-01-01', 366)).toBe('2025-01-01');
  });

  it('does not reinterpret two-digit years as 19xx', () => {
    expect(addDays('0050-03-01', -1)).toBe('0050-02-28');
    expect(addDays('0048-03-01', -1)).toBe('0048-02-29');
  });

  it('rejects bad input', () => {
    expect(() => addDays('2024-02-30', 1)).toThrow(RangeError);
    expect(() => addDays('2024-01-01', 1.5)).toThrow(RangeError);
    expect(() => addDays('9999-12-31', 1)).toThrow(RangeError);
  });
});

describe('compareIso', () => {
  it('orders dates chronologically', () => {
    expect(compareIso('2024-01-05', '2024-01-06')).toBe(-1);
    expect(compareIso('2024-12-31', '2024-01-01')).toBe(1);
    expect(compareIso('2024-01-05', '2024-01-05')).toBe(0);
    expect(['2024-03-01', '1999-12-31', '2024-02-29'].sort(compareIso)).toEqual([
      '1999-12-31',
      '2024-02-29',
      '2024-03-01',
    ]);
  });
});
