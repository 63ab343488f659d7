import { addDays } from '../../../shared/text/index.js';
import type { TInactiveRoleUnit, TOrgRoots } from './api.js';

export type RoleUnitNotice = {
  unit: TInactiveRoleUnit;
  /** ended: validTo is on or before the date; notStarted: validFrom is after it. */
  kind: 'ended' | 'notStarted';
  /** The date to name in the message (first day no longer / first day active). */
  date: string;
  /** A date on which the unit was active, to offer as a one-click switch. */
  suggest: string;
};

/** Why the user's own units are missing from the tree on `asOf`, with a date that would show them. */
export function roleUnitNotices(asOf: string, inactive: TInactiveRoleUnit[]): RoleUnitNotice[] {
  return inactive.flatMap((unit): RoleUnitNotice[] => {
    if (unit.validTo !== null && asOf >= unit.validTo) {
      return [{ unit, kind: 'ended', date: unit.validTo, suggest: addDays(unit.validTo, -1) }];
    }
    if (asOf < unit.validFrom) return [{ unit, kind: 'notStarted', date: unit.validFrom, suggest: unit.validFrom }];
    return [];
  });
}

/**
 * On first load: when nothing of the user's scope exists on the date but one of their units did
 * earlier (a district federation ended by the reorganisation), the latest day it still existed.
 */
export function fallbackAsOf(roots: TOrgRoots): RoleUnitNotice | null {
  if (roots.units.length > 0) return null;
  const ended = roleUnitNotices(roots.asOf, roots.inactiveRoleUnits).filter((n) => n.kind === 'ended');
  ended.sort((a, b) => (a.suggest < b.suggest ? 1 : a.suggest > b.suggest ? -1 : 0));
  return ended[0] ?? null;
}
