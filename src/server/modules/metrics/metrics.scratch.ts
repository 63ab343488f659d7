import { type RawBuilder, sql } from 'kysely';
import { figureEnd, type MetricCode, type MetricFilters } from '../../../shared/metrics/catalogue.js';
import type { Db } from '../../db/database.js';
import type { Figure, FigureRequest } from './metrics.types.js';

/**
 * Every figure computed from scratch: plain SQL over the records and the dated tree, no summary rows.
 * It is the definition of each metric (the property test's oracle) and the bench's baseline, so it is
 * written for clarity, not speed. "In U's subtree on day d" = the record's unit had, on d, a version
 * whose path goes through U; a unit that had been merged by d stands where its heir stood (one level).
 */

type Sql = RawBuilder<unknown>;

function inSubtreeAt(unitRef: Sql, dayRef: Sql, unitId: number): Sql {
  const like = `%/${unitId}/%`;
  return sql`(exists (select 1 from org_unit_version sv where sv.unit_id = ${unitRef} and sv.valid_from <= ${dayRef}
      and (sv.valid_to is null or sv.valid_to > ${dayRef}) and sv.path like ${like})
    or exists (select 1 from org_unit mu inner join org_unit_version sv on sv.unit_id = mu.merged_into_id
      where mu.id = ${unitRef} and mu.valid_to <= ${dayRef} and sv.valid_from <= ${dayRef}
      and (sv.valid_to is null or sv.valid_to > ${dayRef}) and sv.path like ${like}))`;
}

const bit = (col: Sql, v: boolean | undefined): Sql => (v === undefined ? sql`1 = 1` : sql`${col} = ${v ? 1 : 0}`);
const female = (col: Sql, v: boolean | undefined): Sql =>
  v === undefined ? sql`1 = 1` : v ? sql`${col} = 'female'` : sql`${col} <> 'female'`;

/** The person-level filters of a membership row aliased m, joined to person p. */
function memberFilters(f: MetricFilters): Sql {
  return sql`${bit(sql.ref('m.informal'), f.informal)} and ${bit(sql.ref('m.foreign'), f.foreign)} and ${female(sql.ref('p.gender'), f.female)}`;
}

/** A unit's founding day: its founding decision, else the day it entered the tree. */
export const FOUNDED_DAY = sql`coalesce(u.founding_decision_date, u.valid_from)`;
/** Where a founded unit stands for the count: on its founding day, or on its first day when the decision predates it. */
export const FOUNDED_AT = sql`case when coalesce(u.founding_decision_date, u.valid_from) < u.valid_from then u.valid_from else coalesce(u.founding_decision_date, u.valid_from) end`;

/** An enterprise's headcount on a day: its latest survey on or before it, else the figure on its record. */
function headcountAt(enterpriseRef: Sql, dayRef: Sql): Sql {
  return sql`coalesce((select s.worker_count from enterprise_survey s where s.enterprise_id = ${enterpriseRef}
      and s.survey_date <= ${dayRef} order by s.survey_date desc, s.id desc limit 1), e.worker_count, 0)`;
}

async function one(db: Db, q: Sql): Promise<number> {
  const r = await sql<{ n: number | string | null }>`select (${q}) as n`.execute(db);
  return Number(r.rows[0]?.n ?? 0);
}

function admitted(r: FigureRequest, end: string): Sql {
  const f = r.filters;
  const fresh =
    f.newUnion === undefined
      ? sql`1 = 1`
      : sql`${f.newUnion ? sql`` : sql`not`} exists (select 1 from org_unit u where u.id = m.unit_id
          and ${FOUNDED_DAY} >= ${r.from} and ${FOUNDED_DAY} <= ${end})`;
  return sql`select count(*) from membership m inner join person p on p.id = m.person_id
    where m.transferred_from_id is null and m.admitted_on >= ${r.from} and m.admitted_on <= ${end}
    and ${memberFilters(f)} and ${fresh} and ${inSubtreeAt(sql.ref('m.unit_id'), sql.ref('m.admitted_on'), r.unitId)}`;
}

function stock(unitId: number, f: MetricFilters, day: string): Sql {
  return sql`select count(*) from membership m inner join person p on p.id = m.person_id
    where m.started_on <= ${day} and (m.ended_on is null or m.ended_on > ${day})
    and ${memberFilters(f)} and ${inSubtreeAt(sql.ref('m.unit_id'), sql`${day}`, unitId)}`;
}

function dayBefore(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

function founded(r: FigureRequest, end: string): Sql {
  return sql`select count(*) from org_unit u where ${foundedWhere(r, end)}`;
}

/**
 * The units T2 counts, on an org_unit aliased u: grassroots, founded in [from, end], in the unit's
 * subtree where they stood then, with the filters. The drill's list (org.founded.ts) reads the same rows.
 */
export function foundedWhere(r: Pick<FigureRequest, 'unitId' | 'from' | 'filters'>, end: string): Sql {
  const f = r.filters;
  const linked = (cond: Sql) =>
    sql`exists (select 1 from enterprise e inner join ownership_type o on o.code = e.ownership_code
      where e.grassroots_unit_id = u.id and ${cond})`;
  const nonState =
    f.nonState === undefined
      ? sql`1 = 1`
      : f.nonState
        ? linked(sql`o.non_state = 1`)
        : sql`not ${linked(sql`o.non_state = 1`)}`;
  const size =
    f.minWorkers === undefined
      ? sql`1 = 1`
      : linked(sql`${headcountAt(sql.ref('e.id'), FOUNDED_DAY)} >= ${f.minWorkers}`);
  return sql`exists (select 1 from unit_type t where t.code = u.type_code and t.grassroots = 1) and ${FOUNDED_DAY} >= ${r.from} and ${FOUNDED_DAY} <= ${end}
    and ${nonState} and ${size} and ${inSubtreeAt(sql.ref('u.id'), FOUNDED_AT, r.unitId)}`;
}

/** An enterprise's (aliased e) headcount on a day. */
export const headcountOn = (dayRef: Sql) => headcountAt(sql.ref('e.id'), dayRef);

function reached(r: FigureRequest, end: string): Sql {
  return sql`select count(distinct oe.enterprise_id) from outreach_enterprise oe
    inner join outreach_event ev on ev.id = oe.event_id
    inner join enterprise e on e.id = oe.enterprise_id
    inner join ownership_type o on o.code = e.ownership_code
    where o.non_state = 1 and ev.event_date >= ${r.from} and ev.event_date <= ${end}
    and ${inSubtreeAt(sql.ref('ev.unit_id'), sql.ref('ev.event_date'), r.unitId)}`;
}

function frame(unitId: number, day: string): Sql {
  return sql`select count(*) from enterprise e inner join ownership_type o on o.code = e.ownership_code
    where o.non_state = 1 and ${inSubtreeAt(sql.ref('e.unit_id'), sql`${day}`, unitId)}`;
}

function unionisedWorkers(unitId: number, day: string): Sql {
  return sql`select coalesce(sum(${headcountAt(sql.ref('e.id'), sql`${day}`)}), 0) from enterprise e
    where e.grassroots_unit_id is not null and ${inSubtreeAt(sql.ref('e.grassroots_unit_id'), sql`${day}`, unitId)}`;
}

const ratio = (numerator: number, denominator: number): Figure => ({
  value: denominator > 0 ? Math.round((numerator * 1000) / denominator) / 10 : 0,
  numerator,
  denominator,
});

/** One figure from scratch (see the module comment). */
export async function scratch(db: Db, r: FigureRequest): Promise<Figure> {
  const end = figureEnd(r.to, r.asOf);
  const f = r.filters;
  const u = r.unitId;
  const metric: MetricCode = r.metric;
  switch (metric) {
    case 'members.admitted':
      return { value: await one(db, admitted(r, end)) };
    case 'members.left':
      return {
        value: await one(
          db,
          sql`select count(*) from membership m inner join person p on p.id = m.person_id
            where m.status in ('left', 'expelled') and m.ended_on >= ${r.from} and m.ended_on <= ${end}
            and ${memberFilters(f)} and ${inSubtreeAt(sql.ref('m.unit_id'), sql.ref('m.ended_on'), u)}`,
        ),
      };
    case 'members.stock':
      return { value: await one(db, stock(u, f, end)) };
    case 'members.net': {
      const after = await one(db, stock(u, f, end));
      const before = await one(db, stock(u, f, dayBefore(r.from)));
      return { value: after - before };
    }
    case 'cards.issued':
      return {
        value: await one(
          db,
          sql`select count(*) from membership m inner join person p on p.id = m.person_id
            where m.card_issued_on >= ${r.from} and m.card_issued_on <= ${end}
            and ${memberFilters(f)} and ${inSubtreeAt(sql.ref('m.unit_id'), sql.ref('m.card_issued_on'), u)}`,
        ),
      };
    case 'party.introduced':
      return {
        value: await one(
          db,
          sql`select count(*) from party_introduction pi where pi.introduced_on >= ${r.from} and pi.introduced_on <= ${end}
            and ${inSubtreeAt(sql.ref('pi.unit_id'), sql.ref('pi.introduced_on'), u)}`,
        ),
      };
    case 'party.admitted':
      return {
        value: await one(
          db,
          sql`select count(*) from party_introduction pi where pi.status = 'admitted'
            and pi.status_date >= ${r.from} and pi.status_date <= ${end}
            and ${inSubtreeAt(sql.ref('pi.unit_id'), sql.ref('pi.status_date'), u)}`,
        ),
      };
    case 'applications.pending':
      return {
        value: await one(
          db,
          sql`select count(*) from application a where a.submitted_on <= ${end}
            and (a.status = 'pending' or substr(a.decided_at, 1, 10) > ${end})
            and ${f.informal === undefined ? sql`1 = 1` : f.informal ? sql`a.informal_trade_code is not null` : sql`a.informal_trade_code is null`}
            and ${f.foreign === undefined ? sql`1 = 1` : f.foreign ? sql`a.cccd_kind = 'passport'` : sql`a.cccd_kind <> 'passport'`}
            and ${female(sql.ref('a.gender'), f.female)}
            and ${inSubtreeAt(sql.ref('a.unit_id'), sql`${end}`, u)}`,
        ),
      };
    case 'outreach.workers':
      return {
        value: await one(
          db,
          sql`select coalesce(sum(ev.workers_reached), 0) from outreach_event ev
            where ev.event_date >= ${r.from} and ev.event_date <= ${end}
            and ${inSubtreeAt(sql.ref('ev.unit_id'), sql.ref('ev.event_date'), u)}`,
        ),
      };
    case 'outreach.reached':
      return { value: await one(db, reached(r, end)) };
    case 'outreach.coverage':
      return ratio(await one(db, reached(r, end)), await one(db, frame(u, end)));
    case 'unions.founded':
      return { value: await one(db, founded(r, end)) };
    case 'members.rate':
      return ratio(await one(db, stock(u, {}, end)), await one(db, unionisedWorkers(u, end)));
    case 'enterprises.surveyed':
      return {
        value: await one(
          db,
          sql`select count(distinct e.id) from enterprise_survey s inner join enterprise e on e.id = s.enterprise_id
            inner join ownership_type o on o.code = e.ownership_code
            where s.survey_date >= ${r.from} and s.survey_date <= ${end}
            and ${bit(sql.ref('o.non_state'), f.nonState)}
            and ${inSubtreeAt(sql.ref('e.unit_id'), sql.ref('s.survey_date'), u)}`,
        ),
      };
  }
}
