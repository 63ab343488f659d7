import { orgMessages as M } from '../../shared/org/messages.js';
import { formatViDate } from '../../shared/text/index.js';
import type { Db } from '../db/database.js';
import { type Issue, issue } from './validation.js';

/**
 * Whether a unit still exists on a record's date, and who took over when it ended. Every feature that
 * files a record under a unit (enterprises, outreach, admissions, applications, founding a sub-unit)
 * asks here, so a record dated after a unit's end is refused with the same message naming the successor.
 */

/**
 * The unit that took over an ended unit: the merge target, or the receiving unit named when it was
 * dissolved (the dissolve event's related unit). Null when none was recorded.
 */
export async function successorOf(db: Db, unitId: number): Promise<{ id: number; name: string } | null> {
  const u = await db.selectFrom('org_unit').select(['merged_into_id']).where('id', '=', unitId).executeTakeFirst();
  let id = u?.merged_into_id ?? null;
  if (id === null) {
    const ev = await db
      .selectFrom('org_event')
      .select('related_unit_id')
      .where('unit_id', '=', unitId)
      .where('kind', '=', 'dissolve')
      .orderBy('id', 'desc')
      .executeTakeFirst();
    id = ev?.related_unit_id ?? null;
  }
  if (id === null) return null;
  const s = await db.selectFrom('org_unit').select(['id', 'name']).where('id', '=', id).executeTakeFirst();
  return s ?? null;
}

/** The issue for `path` when the unit had ended by `date` (null when it still existed then). */
export async function endedUnitIssue(db: Db, unitId: number, date: string, path: string): Promise<Issue | null> {
  const u = await db.selectFrom('org_unit').select(['name', 'valid_to']).where('id', '=', unitId).executeTakeFirst();
  if (!u || u.valid_to === null || date < u.valid_to) return null;
  const s = await successorOf(db, unitId);
  const params = { name: u.name, date: formatViDate(u.valid_to) };
  return s ? issue(path, M.unitEnded, { ...params, successor: s.name }) : issue(path, M.unitEndedNoSuccessor, params);
}
