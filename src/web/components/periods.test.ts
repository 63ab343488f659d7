import { describe, expect, it } from 'vitest';
import { lastSixMonths, thisQuarter, yearSoFar } from './periods.js';

describe('period shortcuts', () => {
  it('starts the quarter on its first month', () => {
    expect(thisQuarter('2026-05-20')).toEqual({ from: '2026-04-01', to: '2026-05-20' });
    expect(thisQuarter('2026-12-02')).toEqual({ from: '2026-10-01', to: '2026-12-02' });
    expect(thisQuarter('2026-01-01')).toEqual({ from: '2026-01-01', to: '2026-01-01' });
  });
  it('counts six months back by calendar day, across a year and a short month', () => {
    expect(lastSixMonths('2026-12-02')).toEqual({ from: '2026-06-03', to: '2026-12-02' });
    expect(lastSixMonths('2026-03-15')).toEqual({ from: '2025-09-16', to: '2026-03-15' });
    expect(lastSixMonths('2026-08-31')).toEqual({ from: '2026-03-01', to: '2026-08-31' });
  });
  it('runs the year from 1 January', () => {
    expect(yearSoFar('2026-12-02')).toEqual({ from: '2026-01-01', to: '2026-12-02' });
  });
});
