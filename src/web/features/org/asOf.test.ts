import { describe, expect, it } from 'vitest';
import { fallbackAsOf, roleUnitNotices } from './asOf.js';

const district = { id: 3, name: 'Liên đoàn Lao động huyện Phú Riềng', validFrom: '2016-01-01', validTo: '2025-07-01' };

describe('role unit notices', () => {
  it('offers the last valid day of an ended unit', () => {
    expect(roleUnitNotices('2026-11-24', [district])).toEqual([
      { unit: district, kind: 'ended', date: '2025-07-01', suggest: '2025-06-30' },
    ]);
  });

  it('treats validTo as the first day the unit no longer exists', () => {
    expect(roleUnitNotices('2025-07-01', [district])[0]?.kind).toBe('ended');
    expect(roleUnitNotices('2025-06-30', [district])).toEqual([]);
  });

  it('offers the first day of a unit not founded yet', () => {
    expect(roleUnitNotices('2015-12-31', [district])).toEqual([
      { unit: district, kind: 'notStarted', date: '2016-01-01', suggest: '2016-01-01' },
    ]);
  });
});

describe('fallback as-of date on first load', () => {
  it('switches to the latest last day when nothing is visible', () => {
    const older = { ...district, id: 4, validTo: '2020-01-01' };
    const pick = fallbackAsOf({ asOf: '2026-11-24', units: [], inactiveRoleUnits: [older, district] });
    expect(pick?.suggest).toBe('2025-06-30');
    expect(pick?.unit.id).toBe(3);
  });

  it('stays on the date when something is visible or nothing ended', () => {
    expect(fallbackAsOf({ asOf: '2026-11-24', units: [], inactiveRoleUnits: [] })).toBeNull();
    const future = { ...district, validFrom: '2027-01-01', validTo: null };
    expect(fallbackAsOf({ asOf: '2026-11-24', units: [], inactiveRoleUnits: [future] })).toBeNull();
  });
});
