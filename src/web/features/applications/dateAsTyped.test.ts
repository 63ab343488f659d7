import { describe, expect, it } from 'vitest';
import { dateAsTyped } from './dateAsTyped.js';

describe('dateAsTyped', () => {
  it('puts the slashes in as digits are typed', () => {
    const typed: string[] = [];
    let v = '';
    for (const ch of '12041996') {
      v = dateAsTyped(v + ch);
      typed.push(v);
    }
    expect(typed).toEqual(['1', '12', '12/0', '12/04', '12/04/1', '12/04/19', '12/04/199', '12/04/1996']);
    expect(dateAsTyped('12/04/19961')).toBe('12/04/1996');
  });
  it('lets backspace remove a slash and keeps dates typed another way', () => {
    expect(dateAsTyped('12/')).toBe('12');
    expect(dateAsTyped('12/04/')).toBe('12/04');
    expect(dateAsTyped('5/8/1995')).toBe('5/8/1995');
    expect(dateAsTyped('05.08.1995')).toBe('05.08.1995');
    expect(dateAsTyped('')).toBe('');
  });
});
