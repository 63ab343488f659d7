import { describe, expect, it } from 'vitest';
import { fold, foldedContains, normalizeText, normalizeTonePlacement } from './fold.js';

const nfd = (s: string): string => s.normalize('NFD');

describe('normalizeText', () => {
  it('composes to NFC', () => {
    const out = normalizeText(nfd('Nguyễn Văn An'));
    expect(out).toBe('Nguyễn Văn An');
    expect(out).toBe(out.normalize('NFC'));
  });

  it('trims and collapses whitespace runs, including tabs and NBSP', () => {
    expect(normalizeText('  Công ty \t Cao\u00a0su  ')).toBe('Công ty Cao su');
  });

  it('keeps case and diacritics', () => {
    expect(normalizeText('ĐẶNG Thị Ánh')).toBe('ĐẶNG Thị Ánh');
  });
});

describe('fold', () => {
  it('strips tones and letter marks and maps đ', () => {
    expect(fold('Đặng')).toBe('dang');
    expect(fold('đường Trường Sơn')).toBe('duong truong son');
    expect(fold('ă â ê ô ơ ư')).toBe('a a e o o u');
  });

  it('gives the same result for NFD input', () => {
    expect(fold(nfd('Đặng Thị Ánh'))).toBe('dang thi anh');
    expect(fold(nfd('Phú Riềng'))).toBe(fold('Phú Riềng'));
  });

  it('folds old- and new-style tone placement equally, in NFC and NFD', () => {
    const variants = ['hoà', 'hòa', nfd('hoà'), nfd('hòa')];
    for (const v of variants) expect(fold(v)).toBe('hoa');
    expect(fold('Thúy')).toBe(fold('Thuý'));
  });

  it('lowercases', () => {
    expect(fold('ĐOÀN VIÊN')).toBe('doan vien');
    expect(fold('CÔNG TY CAO SU')).toBe('cong ty cao su');
  });

  it('trims and collapses extra spaces', () => {
    expect(fold('  Công   ty\tCao  su ')).toBe('cong ty cao su');
  });

  it('treats the legacy eth look-alike as đ', () => {
    expect(fold('\u00d0ồng Nai')).toBe('dong nai');
  });
});

describe('foldedContains', () => {
  it('matches regardless of diacritics, case and spacing', () => {
    expect(foldedContains('Công ty TNHH Cao su Phú Riềng', 'cao su phu rieng')).toBe(true);
    expect(foldedContains('Đặng Văn Đức', 'DUC')).toBe(true);
    expect(foldedContains('Lê Thị Hòa', 'hoà')).toBe(true);
  });

  it('does not match unrelated text', () => {
    expect(foldedContains('Nguyễn Văn An', 'binh')).toBe(false);
  });

  it('matches everything for an empty or blank needle', () => {
    expect(foldedContains('Nguyễn Văn An', '')).toBe(true);
    expect(foldedContains('Nguyễn Văn An', '   ')).toBe(true);
  });
});

describe('normalizeTonePlacement', () => {
  it('moves old-style tones onto the main vowel', () => {
    expect(normalizeTonePlacement('Hòa')).toBe('Hoà');
    expect(normalizeTonePlacement('khỏe')).toBe('khoẻ');
    expect(normalizeTonePlacement('Thúy')).toBe('Thuý');
    expect(normalizeTonePlacement('Ủy ban')).toBe('Uỷ ban');
    expect(normalizeTonePlacement('HÒA')).toBe('HOÀ');
  });

  it('leaves spellings alone where both styles agree', () => {
    for (const w of ['hoàn', 'thuyết', 'hoặc', 'Hoàng', 'khuỷu', 'người', 'Quý', 'Toàn']) {
      expect(normalizeTonePlacement(w)).toBe(w);
    }
  });

  it('accepts NFD input and returns NFC', () => {
    const out = normalizeTonePlacement(nfd('Lê Thị Hòa'));
    expect(out).toBe('Lê Thị Hoà');
    expect(out).toBe(out.normalize('NFC'));
  });
});
