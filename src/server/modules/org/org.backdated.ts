import { formatViDate } from '../../../shared/text/index.js';
import type { Db } from '../../db/database.js';
import { AppError } from '../../platform/errors.js';
import { prefixRange } from '../../platform/scope.js';
import type { Version } from './org.repository.js';
import * as repo from './org.repository.js';

/**
 * A move or an end recorded behind a unit's later history: a CĐCS that really ended in 2024, or moved
 * to another district then, although the tree already shows it handed over to a commune union in 2025.
 * Its later moves are then rewritten (org.changes.repository rewriteLife); what else happened later
 * must not depend on the old history, and these checks refuse, naming the date, when something does.
 */

/** The unit's states from `date` on (the one in force then first), or the refusal when it did not exist then. */
export async function statesFrom(db: Db, unitId: number, date: string): Promise<[Version, ...Version[]]> {
  const unit = await repo.unitById(db, unitId);
  if (!unit) throw new AppError('NOT_FOUND');
  if (date < unit.valid_from) throw new AppError('ORG_DATE_BEFORE_START', { date: formatViDate(unit.valid_from) });
  const [base, ...later] = await repo.versionsFrom(db, unitId, date);
  if (!base || base.valid_from > date) {
    throw new AppError('ORG_NOT_ACTIVE_AT_DATE', { name: unit.name, date: formatViDate(date) });
  }
  return [base, ...later];
}

/** Whether an event at `date` lies behind later history of the unit or its subtree. */
export async function hasLaterHistory(db: Db, base: Version, date: string): Promise<boolean> {
  return base.valid_to !== null || (await repo.laterChangeInSubtree(db, prefixRange(base.path), date)) !== null;
}

/**
 * Refuses when the later history is more than moves of the unit itself: a later rename or change of
 * type, sub-units living after the date, units merged into it or handed to it after the date, or (when
 * it merged away later) a merge that carried its records.
 */
export async function assertOnlyLaterMoves(db: Db, states: [Version, ...Version[]], date: string): Promise<void> {
  const [base, ...later] = states;
  const laterChange = (d: string) => new AppError('ORG_LATER_CHANGE_EXISTS', { date: formatViDate(d) });
  const own = later.find(
    (v) => v.name !== base.name || v.short_name !== base.short_name || v.type_code !== base.type_code,
  );
  if (own) throw laterChange(own.valid_from);
  const unit = await repo.unitById(db, base.unit_id);
  if (unit?.merged_into_id != null && unit.valid_to) throw laterChange(unit.valid_to);
  const related = await db
    .selectFrom('org_event')
    .select((eb) => eb.fn.min('effective_date').as('d'))
    .where('related_unit_id', '=', base.unit_id)
    .where('effective_date', '>=', date)
    .executeTakeFirst();
  if (related?.d) throw laterChange(related.d);
  const subunits = new Set<number>();
  for (const v of states) {
    const r = prefixRange(v.path);
    const rows = await db
      .selectFrom('org_unit_version')
      .select('unit_id')
      .distinct()
      .where('path', '>=', r.from)
      .where('path', '<', r.to)
      .where('unit_id', '!=', base.unit_id)
      .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>', date)]))
      .execute();
    for (const row of rows) subunits.add(row.unit_id);
  }
  if (subunits.size > 0) throw new AppError('ORG_HAS_ACTIVE_CHILDREN', { count: subunits.size });
}

/**
 * Records filed under the unit on or after `date` (admissions and transfers in, outreach events, Party
 * introductions): a unit cannot have ended before its own records. Their count, 0 when none.
 */
export async function recordsFrom(db: Db, unitId: number, date: string): Promise<number> {
  const dated = [
    ['membership', 'started_on'],
    ['outreach_event', 'event_date'],
    ['party_introduction', 'introduced_on'],
  ] as const;
  let total = 0;
  for (const [table, column] of dated) {
    const r = await db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll().as('n'))
      .where('unit_id', '=', unitId)
      .where(column, '>=', date)
      .executeTakeFirst();
    total += Number(r?.n ?? 0);
  }
  return total;
}

/** An end or a merge on the founding day (or before) is no event: refused with the founding date. */
export async function assertAfterFounding(db: Db, unitId: number, date: string): Promise<void> {
  const unit = await repo.unitById(db, unitId);
  if (unit && date <= unit.valid_from)
    throw new AppError('ORG_DATE_BEFORE_START', { date: formatViDate(unit.valid_from) });
}
