import { sql } from 'kysely';
import type { z } from 'zod';
import type { MetricFilters } from '../../../shared/metrics/catalogue.js';
import type { TFoundedUnion, ZFoundedQuery } from '../../../shared/org/contract.js';
import type { Db } from '../../db/database.js';
import type { AppContext } from '../../platform/context.js';
import { type Actor, requireScope, requireUnitInScope } from '../../platform/scope.js';
import { FOUNDED_AT, FOUNDED_DAY, foundedWhere, headcountOn } from '../metrics/metrics.scratch.js';

/**
 * The records behind target T2 (grassroots unions founded): the same rows the metric counts, from the
 * metric's own definition (metrics.scratch foundedWhere), with the founding decision, the unit it stood
 * under then and its enterprises' headcount on the founding day.
 */
export async function founded(
  ctx: AppContext,
  actor: Actor,
  q: z.output<typeof ZFoundedQuery>,
): Promise<{ items: TFoundedUnion[] }> {
  const scope = await requireScope(ctx.db, actor, 'org.read');
  await requireUnitInScope(ctx.db, q.unitId, scope);
  const filters = {
    ...(q.nonState !== undefined ? { nonState: q.nonState } : {}),
    ...(q.minWorkers !== undefined ? { minWorkers: q.minWorkers } : {}),
  };
  return { items: await foundedUnions(ctx.db, { unitId: q.unitId, from: q.foundedFrom, to: q.foundedTo, filters }) };
}

/**
 * The unions founded in [from, to] under a unit as the tree was on each founding day, for a caller already
 * allowed to see that unit (the list page above, a review's list of unions founded).
 */
export async function foundedUnions(
  db: Db,
  q: { unitId: number; from: string; to: string; filters: { nonState?: boolean; minWorkers?: number } },
): Promise<TFoundedUnion[]> {
  const { filters } = q;
  const where = foundedWhere({ unitId: q.unitId, from: q.from, filters: filters as MetricFilters }, q.to);
  const place = FOUNDED_AT;
  const rows = await sql<{
    id: number;
    code: string;
    name: string;
    founded_on: string;
    founding_decision_no: string | null;
    parent_name: string | null;
  }>`select u.id, u.code, u.name, ${FOUNDED_DAY} as founded_on, u.founding_decision_no,
      (select pv.name from org_unit_version v inner join org_unit_version pv on pv.unit_id = v.parent_id
        and pv.valid_from <= ${place} and (pv.valid_to is null or pv.valid_to > ${place})
        where v.unit_id = u.id and v.valid_from <= ${place} and (v.valid_to is null or v.valid_to > ${place})
        limit 1) as parent_name
    from org_unit u where ${where}
    order by ${FOUNDED_DAY}, u.name_folded limit 2000`.execute(db);
  const ids = rows.rows.map((r) => r.id);
  const ents = ids.length
    ? (
        await sql<{ id: number; name: string; unit_id: number; workers: number | string; non_state: number | boolean }>`
          select e.id, e.name, e.grassroots_unit_id as unit_id, o.non_state,
            ${headcountOn(sql`(select ${FOUNDED_DAY} from org_unit u where u.id = e.grassroots_unit_id)`)} as workers
          from enterprise e inner join ownership_type o on o.code = e.ownership_code
          where e.grassroots_unit_id in (${sql.join(ids)}) order by e.name_folded`.execute(db)
      ).rows
    : [];
  return rows.rows.map((r) => ({
    id: r.id,
    code: r.code,
    name: r.name,
    foundedOn: r.founded_on,
    foundingDecisionNo: r.founding_decision_no,
    parentName: r.parent_name,
    enterprises: ents
      .filter((e) => e.unit_id === r.id)
      .map((e) => ({ id: e.id, name: e.name, workers: Number(e.workers), nonState: Number(e.non_state) === 1 })),
  }));
}
