import { describe, expect, it } from 'vitest';
import { drillHref } from './drill.js';

describe('drillHref', () => {
  it('renames the unit to the work scope and keeps the filters', () => {
    const href = drillHref({
      page: 'members',
      path: '/members',
      query: { unitId: 12, admittedFrom: '2024-04-15', admittedTo: '2024-08-31', informal: 'true' },
    });
    const url = new URL(href, 'http://x');
    expect(url.pathname).toBe('/members');
    expect(url.searchParams.get('unit')).toBe('12');
    expect(url.searchParams.has('unitId')).toBe(false);
    expect(url.searchParams.get('informal')).toBe('true');
    // The counts strip counts the same period as the list.
    expect(url.searchParams.get('from')).toBe('2024-04-15');
    expect(url.searchParams.get('to')).toBe('2024-08-31');
  });

  it('leaves other pages’ periods as they are', () => {
    const href = drillHref({
      page: 'enterprises',
      path: '/enterprises',
      query: { unitId: 3, nonState: 'true', reached: 'true', from: '2024-04-15', to: '2024-10-30' },
    });
    expect(href).toBe('/enterprises?unit=3&nonState=true&reached=true&from=2024-04-15&to=2024-10-30');
  });
});
