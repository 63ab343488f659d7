import { describe, expect, it } from 'vitest';
import { comparePersonNames } from './person-name.js';
import { personSortKey } from './sort-key.js';

const NAMES = [
  'Nguyễn Văn An',
  'Trần Thị Bình',
  'Lê Thị Ánh',
  'Phạm Văn Anh',
  'Đỗ Văn Đức',
  'Nguyễn Văn Dũng',
  'Hoàng Văn Ơn',
  'Hoàng Văn Ông',
  'Vũ Thị Hoà',
  'Bùi Thị Hòa',
  'Ngô Văn Hoà',
  'Phan Thị Hoa',
  'Đặng Văn Hải',
  'Lý Thị Hài',
  'Trương Văn Hà',
  'Đinh Thị Hạ',
  'Mai Anh',
  'Nguyễn Thị Minh Khai',
  'Nguyễn Minh Khai',
  'Lò Văn Ư',
  'Hà Văn Út',
  'Quách Thị Yến',
  'Nguyễn Văn A',
];

const bySortKey = (a: string, b: string) => {
  const ka = personSortKey(a);
  const kb = personSortKey(b);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
};

describe('person sort key', () => {
  it('orders exactly like comparePersonNames (Vietnamese collation, given name first)', () => {
    const expected = [...NAMES].sort(comparePersonNames);
    expect([...NAMES].sort(bySortKey)).toEqual(expected);
    expect(expected.indexOf('Nguyễn Văn An')).toBeLessThan(expected.indexOf('Trần Thị Bình'));
  });

  it('agrees with comparePersonNames on every pair (sign of the comparison)', () => {
    for (const a of NAMES) {
      for (const b of NAMES) {
        expect(Math.sign(bySortKey(a, b)), `${a} vs ${b}`).toBe(Math.sign(comparePersonNames(a, b)));
      }
    }
  });

  it('is the same for NFC and NFD input and both tone placements', () => {
    expect(personSortKey('Vũ Thị Hoà')).toBe(personSortKey('Vũ Thị Hòa'));
    expect(personSortKey('Vũ Thị Hoà'.normalize('NFD'))).toBe(personSortKey('Vũ Thị Hoà'));
  });
});
