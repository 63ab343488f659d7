import { describe, expect, it } from 'vitest';
import { filtersFromParams } from './urlFilters.js';

describe('filtersFromParams', () => {
  it('reads the named filters by kind and drops what does not parse', () => {
    const p = new URLSearchParams(
      'informal=true&foreign=maybe&admittedFrom=2024-04-15&admittedTo=30/10/2024&gender=female&status=gone&x=1&employer=7',
    );
    expect(
      filtersFromParams(p, {
        informal: 'bool',
        foreign: 'bool',
        admittedFrom: 'date',
        admittedTo: 'date',
        gender: ['male', 'female'],
        status: ['active', 'left'],
        employer: 'id',
      }),
    ).toEqual({ informal: true, admittedFrom: '2024-04-15', gender: 'female', employer: 7 });
  });
});
