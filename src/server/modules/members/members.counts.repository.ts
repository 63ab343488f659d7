import { type Kysely, sql } from 'kysely';
import type { Database } from '../../db/schema.js';
import {
  prefixRange,
  type Scope,
  unitIdInScope as unitInScope,
  unitInScope as unitInScopeEach,
} from '../../platform/scope.js';
import { figures } from '../metrics/metrics.figures.js';

type Db = Kysely<Database>;
export type Period = { from: string; to: string };

const n = (v: unknown) => Number(v ?? 0);

/**
 * Member movement of the scope in a period. When the scope is one unit's subtree that no unit ever entered
 * or left, the records of the scope are exactly those placed under that unit on their day, so the metric
 * summaries (metric_day, kept with the records) answer every figure but the transfers, which stay
 * index-backed queries; otherwise (a merged or handed-over unit in the scope, a move across its edge) the
 * records are counted.
 */
export async function counts(db: Db, scope: Scope, period: Period) {
  const unitId = await summarisedUnit(db, scope);
  return unitId === null ? countsFromRecords(db, scope, period) : countsFromSummaries(db, scope, unitId, period);
}

/** The scope's unit when the summaries count the same records as the scope does, else null. */
export async function summarisedUnit(db: Db, scope: Scope): Promise<number | null> {
  const [unitId] = scope.unitIds;
  const [range] = scope.ranges;
  if (scope.ranges.length !== 1 || scope.unitIds.length !== 1 || unitId === undefined || range === undefined)
    return null;
  const paths = await db
    .selectFrom('org_unit_version')
    .select('path')
    .distinct()
    .where('unit_id', '=', unitId)
    .execute();
  const [only] = paths;
  if (paths.length !== 1 || only === undefined) return null;
  const own = prefixRange(only.path);
  if (own.from !== range.from || own.to !== range.to) return null;
  // A move, merge or dissolve of (or into) a unit that ever stood in the subtree: the dated placement and
  // the scope may then disagree on some records, so those are counted.
  const inRange = (ref: 'e.unit_id' | 'e.related_unit_id') =>
    sql<boolean>`exists (select 1 from org_unit_version v where v.unit_id = ${sql.ref(ref)}
      and v.path >= ${range.from} and v.path < ${range.to})`;
  const touched = await db
    .selectFrom('org_event as e')
    .select('e.id')
    .where('e.kind', 'in', ['move', 'merge', 'dissolve'])
    .where((eb) => eb.or([inRange('e.unit_id'), inRange('e.related_unit_id')]))
    .limit(1)
    .executeTakeFirst();
  return touched ? null : unitId;
}

export async function countsFromSummaries(db: Db, scope: Scope, unitId: number, period: Period) {
  const { from, to } = period;
  const ask = (metric: 'members.admitted' | 'members.left' | 'members.stock' | 'party.introduced', filters = {}) => ({
    unitId,
    metric,
    filters,
    from,
    to,
    asOf: to,
  });
  const [f, transfers] = await Promise.all([
    figures(db, [
      ask('members.admitted'),
      ask('members.admitted', { informal: true }),
      ask('members.admitted', { female: true }),
      ask('members.admitted', { foreign: true }),
      ask('members.left'),
      ask('party.introduced'),
      ask('members.stock'),
    ]),
    transfersOf(db, scope, period),
  ]);
  const v = (i: number) => f[i]?.value ?? 0;
  return {
    admitted: v(0),
    admittedInformal: v(1),
    admittedFemale: v(2),
    admittedForeign: v(3),
    left: v(4),
    net: v(0) - v(4),
    ...transfers,
    partyIntroduced: v(5),
    activeAtEnd: v(6),
  };
}

/**
 * Across the subtree's boundary only: a move between two of its own units changes nothing for it. Driven
 * by the transfers (a range on the index on transferred_from_id: SQLite does not use it for IS NOT NULL),
 * each checked against the scope, so the cost is the number of transfers, not the size of the scope.
 */
async function transfersOf(db: Db, scope: Scope, period: Period) {
  const { from, to } = period;
  const transfersIn = await db
    .selectFrom('membership as m')
    .innerJoin('membership as src', 'src.id', 'm.transferred_from_id')
    .where('m.transferred_from_id', '>', 0)
    .where('m.started_on', '>=', from)
    .where('m.started_on', '<=', to)
    .where((eb) => unitInScopeEach(eb, 'm.unit_id', scope))
    .where((eb) => eb.not(unitInScopeEach(eb, 'src.unit_id', scope)))
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const transfersOut = await db
    .selectFrom('membership as dst')
    .innerJoin('membership as m', 'm.id', 'dst.transferred_from_id')
    .where('dst.transferred_from_id', '>', 0)
    .where('m.status', '=', 'transferred')
    // Not by the index on ended_on (every membership that ended in the period, most of them not transfers).
    .where(sql`m.ended_on || ''`, '>=', from)
    .where(sql`m.ended_on || ''`, '<=', to)
    .where((eb) => unitInScopeEach(eb, 'm.unit_id', scope))
    .where((eb) => eb.not(unitInScopeEach(eb, 'dst.unit_id', scope)))
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return { transfersIn: n(transfersIn.n), transfersOut: n(transfersOut.n) };
}

/** The same figures straight from the records: each one aggregate over an index-backed range. */
export async function countsFromRecords(db: Db, scope: Scope, period: Period) {
  const { from, to } = period;
  const admitted = await db
    .selectFrom('membership as m')
    .innerJoin('person as p', 'p.id', 'm.person_id')
    .where((eb) => unitInScope(eb, 'm.unit_id', scope))
    .where('m.transferred_from_id', 'is', null)
    .where('m.admitted_on', '>=', from)
    .where('m.admitted_on', '<=', to)
    .select((eb) => [
      eb.fn.countAll<number>().as('all'),
      eb.fn.sum<number>('m.informal').as('informal'),
      eb.fn.sum<number>('m.foreign').as('foreign'),
      eb.fn.sum<number>(sql`case when p.gender = 'female' then 1 else 0 end`).as('female'),
    ])
    .executeTakeFirstOrThrow();
  const left = await db
    .selectFrom('membership as m')
    .where((eb) => unitInScope(eb, 'm.unit_id', scope))
    .where('m.status', 'in', ['left', 'expelled'])
    .where('m.ended_on', '>=', from)
    .where('m.ended_on', '<=', to)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const transfers = await transfersOf(db, scope, period);
  const party = await db
    .selectFrom('party_introduction as pi')
    .where((eb) => unitInScope(eb, 'pi.unit_id', scope))
    .where('pi.introduced_on', '>=', from)
    .where('pi.introduced_on', '<=', to)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const active = await db
    .selectFrom('membership as m')
    .where((eb) => unitInScope(eb, 'm.unit_id', scope))
    .where('m.started_on', '<=', to)
    .where((eb) => eb.or([eb('m.ended_on', 'is', null), eb('m.ended_on', '>', to)]))
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return {
    admitted: n(admitted.all),
    admittedInformal: n(admitted.informal),
    admittedFemale: n(admitted.female),
    admittedForeign: n(admitted.foreign),
    left: n(left.n),
    net: n(admitted.all) - n(left.n),
    ...transfers,
    partyIntroduced: n(party.n),
    activeAtEnd: n(active.n),
  };
}
