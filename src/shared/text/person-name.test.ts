import { describe, expect, it } from 'vitest';
import { comparePersonNames, sortByPersonName, splitPersonName } from './person-name.js';

const sign = (n: number): number => Math.sign(n);
const sortNames = (names: string[]): string[] => sortByPersonName(names, (n) => n);

describe('splitPersonName', () => {
  it('splits family, middle and given in Vietnamese order', () => {
    expect(splitPersonName('Nguyễn Thị Minh Khai')).toEqual({
      family: 'Nguyễn',
      middle: 'Thị Minh',
      given: 'Khai',
    });
  });

  it('handles two-word names with no middle name', () => {
    expect(splitPersonName('Lê Lợi')).toEqual({ family: 'Lê', middle: '', given: 'Lợi' });
  });

  it('treats a one-word name as given only', () => {
    expect(splitPersonName('  Bình ')).toEqual({ family: '', middle: '', given: 'Bình' });
  });

  it('returns empty parts for blank input', () => {
    expect(splitPersonName('   ')).toEqual({ family: '', middle: '', given: '' });
  });

  it('normalises whitespace and composes NFD input', () => {
    expect(splitPersonName(' Trần\t Thị   Bình '.normalize('NFD'))).toEqual({
      family: 'Trần',
      middle: 'Thị',
      given: 'Bình',
    });
  });
});

// The collator choice in person-name.ts relies on the runtime's ICU data
// for "vi". These tests check that Node's ICU sorts as described there.
describe('Vietnamese collation from the runtime', () => {
  it('orders the modified letters as separate base letters', () => {
    const expected = 'a ă â d đ e ê o ô ơ u ư'.split(' ');
    expect(sortNames([...expected].reverse())).toEqual(expected);
  });

  it('treats letter modifiers as primary differences', () => {
    // If ă were only a secondary variant of a, "ăa" would sort before "ab".
    for (const [lower, higher] of [
      ['a', 'ă'],
      ['ă', 'â'],
      ['d', 'đ'],
      ['e', 'ê'],
      ['o', 'ô'],
      ['ô', 'ơ'],
      ['u', 'ư'],
    ] as const) {
      expect(sign(comparePersonNames(`${higher}a`, `${lower}b`))).toBe(1);
    }
  });

  it('orders tones none < grave < hook < tilde < acute < dot', () => {
    expect(sortNames(['ạ', 'á', 'ã', 'ả', 'à', 'a'])).toEqual(['a', 'à', 'ả', 'ã', 'á', 'ạ']);
    expect(sortNames(['ợ', 'ớ', 'ỡ', 'ở', 'ờ', 'ơ'])).toEqual(['ơ', 'ờ', 'ở', 'ỡ', 'ớ', 'ợ']);
  });

  it('treats tones as secondary differences', () => {
    // A primary difference later in the word outweighs the tone earlier on.
    expect(sign(comparePersonNames('áa', 'ab'))).toBe(-1);
    expect(sign(comparePersonNames('Ánh', 'Anhb'))).toBe(-1);
  });
});

describe('comparePersonNames', () => {
  it('sorts by given name first', () => {
    expect(sign(comparePersonNames('Nguyễn Văn An', 'Trần Thị Bình'))).toBe(-1);
    expect(sign(comparePersonNames('Trần Thị Bình', 'Nguyễn Văn An'))).toBe(1);
  });

  it('puts the untoned given name first: Anh < Ánh', () => {
    expect(sign(comparePersonNames('Phạm Văn Anh', 'Lê Thị Ánh'))).toBe(-1);
    expect(sign(comparePersonNames('Lê Thị Ánh', 'Phạm Văn Anh'))).toBe(1);
  });

  it('puts đ after d as a separate letter: Dũng < Đức', () => {
    expect(sign(comparePersonNames('Đỗ Văn Đức', 'Nguyễn Văn Dũng'))).toBe(1);
  });

  it('puts ơ after ô: Ông < Ơn', () => {
    expect(sign(comparePersonNames('Hoàng Văn Ơn', 'Hoàng Văn Ông'))).toBe(1);
  });

  it('falls back to the middle name, then the family name', () => {
    expect(sign(comparePersonNames('Nguyễn Thị Hoa', 'Lê Văn Hoa'))).toBe(-1);
    expect(sign(comparePersonNames('Trần Văn Hùng', 'Lê Văn Hùng'))).toBe(1);
  });

  it('is zero for the same name, whatever the spacing, normal form or tone placement', () => {
    expect(comparePersonNames('Lê Thị Hòa', ' Lê  Thị Hoà'.normalize('NFD'))).toBe(0);
    expect(comparePersonNames('Nguyễn Thị Thúy', 'Nguyễn Thị Thuý')).toBe(0);
  });
});

describe('sortByPersonName', () => {
  it('sorts a roster of real names', () => {
    const roster = [
      'Hoàng Văn Ơn',
      'Trần Văn Hùng',
      'Lê Thị Ánh',
      'Đỗ Văn Đức',
      'Trần Thị Bình',
      'Lê Văn Hoa',
      'Nguyễn Văn Dũng',
      'Đặng Thị Ân',
      'Phạm Văn Anh',
      'Lê Văn Út',
      'Nguyễn Thị Hoa',
      'Hoàng Văn Ông',
      'Nguyễn Văn An',
      'Lê Văn Hùng',
    ];
    expect(sortNames(roster)).toEqual([
      'Nguyễn Văn An',
      'Phạm Văn Anh',
      'Lê Thị Ánh',
      'Đặng Thị Ân',
      'Trần Thị Bình',
      'Nguyễn Văn Dũng',
      'Đỗ Văn Đức',
      'Nguyễn Thị Hoa',
      'Lê Văn Hoa',
      'Lê Văn Hùng',
      'Trần Văn Hùng',
      'Hoàng Văn Ông',
      'Hoàng Văn Ơn',
      'Lê Văn Út',
    ]);
  });

  it('keeps both tone placements of one name together', () => {
    // Without unifying tone placement the order would be hoà < hoá < hòa.
    expect(sortNames(['Hòa', 'Hoá', 'Hoà'])).toEqual(['Hòa', 'Hoà', 'Hoá']);
  });

  it('returns a new array, leaves the input alone, and keeps ties in input order', () => {
    const members = [
      { id: 1, name: 'Trần Thị Bình' },
      { id: 2, name: 'Nguyễn Văn An' },
      { id: 3, name: 'Trần  Thị Bình' },
    ];
    const snapshot = [...members];
    const sorted = sortByPersonName(members, (m) => m.name);
    expect(sorted).not.toBe(members);
    expect(members).toEqual(snapshot);
    expect(sorted.map((m) => m.id)).toEqual([2, 1, 3]);
  });
});
