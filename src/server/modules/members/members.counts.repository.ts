import { type Kysely, sql } from 'kysely';
import type { Database } from '../../db/schema.js';
import { type Scope, unitIdInScope as unitInScope } from '../../platform/scope.js';

type Db = Kysely<Database>;
export type Period = { from: string; to: string };

const n = (v: unknown) => Number(v ?? 0);

/**
 * Member movement of the scope in a period, straight from the records. Each figure is one aggregate
 * over an index-backed range, so it stays a query (not a scan in JavaScript) at national scale.
 */
export async function counts(db: Db, scope: Scope, period: Period) {
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
  // Across the subtree's boundary only: a move between two of its own units changes nothing for it.
  const transfersIn = await db
    .selectFrom('membership as m')
    .innerJoin('membership as src', 'src.id', 'm.transferred_from_id')
    .where((eb) => unitInScope(eb, 'm.unit_id', scope))
    .where((eb) => eb.not(unitInScope(eb, 'src.unit_id', scope)))
    .where('m.started_on', '>=', from)
    .where('m.started_on', '<=', to)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const transfersOut = await db
    .selectFrom('membership as m')
    .innerJoin('membership as dst', 'dst.transferred_from_id', 'm.id')
    .where((eb) => unitInScope(eb, 'm.unit_id', scope))
    .where((eb) => eb.not(unitInScope(eb, 'dst.unit_id', scope)))
    .where('m.status', '=', 'transferred')
    .where('m.ended_on', '>=', from)
    .where('m.ended_on', '<=', to)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
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
    transfersIn: n(transfersIn.n),
    transfersOut: n(transfersOut.n),
    partyIntroduced: n(party.n),
    activeAtEnd: n(active.n),
  };
}
