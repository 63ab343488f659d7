import { describe, expect, it } from 'vitest';
import { formatMst, mstCheckDigit, normaliseMst, validateMst } from './index.js';

const WEIGHTS = [31, 29, 23, 19, 17, 13, 7, 5, 3];

/** Independent re-statement of the rule, so the pinned literals below are checked against more than the code under test. */
function bruteForceValid(prefix9: string): string[] {
  const sum = WEIGHTS.reduce((acc, w, i) => acc + w * Number(prefix9[i]), 0);
  const out: string[] = [];
  for (let d = 0; d <= 9; d++) if (sum % 11 !== 0 && 10 - (sum % 11) === d) out.push(`${prefix9}${d}`);
  return out;
}

// Computed once with bruteForceValid and pinned; the test below re-derives them.
const VALID = ['0312345673', '0301234562', '7901234567', '4801234568', '0101234565', '0100109106', '0312345680'];

describe('MST check digit', () => {
  it('pinned literals agree with an independent brute force', () => {
    for (const mst of VALID) expect(bruteForceValid(mst.slice(0, 9))).toEqual([mst]);
  });

  it('accepts valid numbers, including ones starting with 0 and check digit 0 (remainder 10)', () => {
    for (const mst of VALID)
      expect(validateMst(mst)).toEqual({ ok: true, value: mst, branch: false, leadingZeroRestored: false });
    expect(mstCheckDigit('031234568')).toBe(0);
  });

  it('rejects every other check digit', () => {
    for (const mst of VALID) {
      for (let d = 0; d <= 9; d++) {
        if (String(d) === mst[9]) continue;
        expect(validateMst(`${mst.slice(0, 9)}${d}`)).toEqual({ ok: false, reason: 'checksum' });
      }
    }
  });

  it('treats remainder 0 as never issued: no check digit is valid', () => {
    // Find a prefix whose weighted sum is a multiple of 11.
    let prefix = '';
    for (let n = 1_000_000; n < 2_000_000 && !prefix; n++) {
      const p = `03${String(n).padStart(7, '0')}`;
      if (WEIGHTS.reduce((acc, w, i) => acc + w * Number(p[i]), 0) % 11 === 0) prefix = p;
    }
    expect(prefix).not.toBe('');
    expect(mstCheckDigit(prefix)).toBeNull();
    for (let d = 0; d <= 9; d++) expect(validateMst(`${prefix}${d}`)).toEqual({ ok: false, reason: 'checksum' });
  });

  it('rejects an all-zero sequence even when the check digit fits', () => {
    const check = mstCheckDigit('010000000');
    expect(check).not.toBeNull();
    expect(validateMst(`010000000${check}`)).toEqual({ ok: false, reason: 'sequence' });
  });
});

describe('normalisation', () => {
  it('puts back the leading zero a numeric cell dropped', () => {
    expect(normaliseMst(312345673)).toBe('0312345673');
    expect(normaliseMst('312345673')).toBe('0312345673');
    expect(validateMst(312345673)).toEqual({ ok: true, value: '0312345673', branch: false, leadingZeroRestored: true });
  });

  it('strips spaces, dots, no-break spaces and a text apostrophe', () => {
    expect(normaliseMst('  0312 345 673 ')).toBe('0312345673');
    expect(normaliseMst('0312.345.673')).toBe('0312345673');
    expect(normaliseMst('0312\u00a0345673')).toBe('0312345673');
    expect(normaliseMst("'0312345673")).toBe('0312345673');
  });

  it('does not invent zeros for other lengths', () => {
    expect(normaliseMst('12345678')).toBe('12345678');
    expect(validateMst('12345678')).toEqual({ ok: false, reason: 'format' });
    expect(validateMst('03123456730')).toEqual({ ok: false, reason: 'format' });
  });
});

describe('branches', () => {
  it('accepts XXXXXXXXXX-YYY with or without the dash, and en dashes', () => {
    const expected = { ok: true, value: '0312345673-001', branch: true, leadingZeroRestored: false };
    expect(validateMst('0312345673-001')).toEqual(expected);
    expect(validateMst('0312345673001')).toEqual(expected);
    expect(validateMst('0312345673 - 001')).toEqual(expected);
    expect(validateMst('0312345673–001')).toEqual(expected);
    expect(validateMst('7901234567-999')).toMatchObject({ ok: true, value: '7901234567-999' });
  });

  it('restores a lost zero on a 13-digit number', () => {
    expect(validateMst(312345673001)).toEqual({
      ok: true,
      value: '0312345673-001',
      branch: true,
      leadingZeroRestored: true,
    });
  });

  it('needs a valid parent and a suffix from 001', () => {
    expect(validateMst('0312345674-001')).toEqual({ ok: false, reason: 'checksum' });
    expect(validateMst('0312345673-000')).toEqual({ ok: false, reason: 'sequence' });
    expect(validateMst('0312345673-01')).toEqual({ ok: false, reason: 'format' });
  });
});

describe('garbage', () => {
  it.each(['', '   ', 'abc', 'MST: 0312345673', '0312345673x', '0312-345673', '031234567a'])(
    '%j is a format error',
    (raw) => {
      expect(validateMst(raw)).toEqual({ ok: false, reason: 'format' });
    },
  );

  it('rejects non-integer, negative and huge numbers', () => {
    expect(validateMst(312345673.5)).toEqual({ ok: false, reason: 'format' });
    expect(validateMst(-312345673)).toEqual({ ok: false, reason: 'format' });
    expect(validateMst(1e20)).toEqual({ ok: false, reason: 'format' });
    expect(validateMst(Number.NaN)).toEqual({ ok: false, reason: 'format' });
  });
});

describe('formatMst', () => {
  it('writes the display form', () => {
    expect(formatMst('0312345673')).toBe('0312345673');
    expect(formatMst('0312345673001')).toBe('0312345673-001');
    expect(formatMst(312345673)).toBe('0312345673');
    expect(formatMst('garbage')).toBe('garbage');
  });
});
