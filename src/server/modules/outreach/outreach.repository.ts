/**
 * Every query of outreach: events, the enterprises they reached, their attachments, the forms and
 * topics, and the coverage figures. Events are read within the caller's Scope; an attachment is found
 * through its event, so one outside the scope does not exist.
 */
import { sql } from 'kysely';
import type { TOutreachCreate } from '../../../shared/outreach/contract.js';
import type { Db } from '../../db/database.js';
import { type Scope, unitInScope } from '../../platform/scope.js';
import { type Period, reachedExpr, refreshDerived, type Thresholds } from '../enterprises/enterprises.repository.js';
import { metricsChanged } from '../metrics/metrics.summary.js';

export type OutreachKind = 'form' | 'topic';

/**
 * The forms and topics (the one reader of `outreach_form`) in display order: those in force on a
 * date (from `valid_from`, up to but not on `valid_to`), or those still in use (`current`).
 */
export function outreachCodes(db: Db, on: { date: string } | { current: true }, kind?: OutreachKind) {
  let q = db.selectFrom('outreach_form').selectAll().orderBy('sort_order');
  if (kind) q = q.where('kind', '=', kind);
  if ('date' in on) {
    q = q
      .where('valid_from', '<=', on.date)
      .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>', on.date)]));
  } else {
    q = q.where('valid_to', 'is', null);
  }
  return q.execute();
}

/** The event's unit when the event is in the scope. */
export function eventInScope(db: Db, scope: Scope, eventId: number) {
  return db
    .selectFrom('outreach_event as ev')
    .select(['ev.id', 'ev.unit_id'])
    .where('ev.id', '=', eventId)
    .where((eb) => unitInScope(eb, 'ev.unit_id', scope))
    .executeTakeFirst();
}

/** How many of these enterprises are the scope's (an outreach event may name only those). */
export async function countEnterprisesInScope(db: Db, scope: Scope, ids: number[]): Promise<number> {
  const found = await db
    .selectFrom('enterprise as e')
    .select('e.id')
    .where('e.id', 'in', ids)
    .where((eb) => unitInScope(eb, 'e.unit_id', scope))
    .execute();
  return found.length;
}

/** Writes the event and its links, and brings each enterprise's last contact up to date. */
export async function insertEvent(
  db: Db,
  createdBy: number,
  input: TOutreachCreate,
  enterpriseIds: number[],
): Promise<number> {
  const now = new Date().toISOString();
  const ev = await db
    .insertInto('outreach_event')
    .values({
      unit_id: input.unitId,
      event_date: input.eventDate,
      form_code: input.formCode,
      topics: JSON.stringify(input.topics),
      title: input.title ?? null,
      workers_reached: input.workersReached,
      employer_reps_reached: input.employerRepsReached,
      officers_present: input.officersPresent ?? null,
      cost: input.cost ?? null,
      notes: input.notes ?? null,
      created_by: createdBy,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (const eid of enterpriseIds) {
    await db.insertInto('outreach_enterprise').values({ event_id: ev.id, enterprise_id: eid }).execute();
    await refreshDerived(db, eid);
  }
  await metricsChanged(db, 'outreach', [ev.id]);
  return ev.id;
}

function eventsOfScope(db: Db, scope: Scope, period: { from?: string; to?: string }) {
  let q = db.selectFrom('outreach_event as ev').where((eb) => unitInScope(eb, 'ev.unit_id', scope));
  if (period.from) q = q.where('ev.event_date', '>=', period.from);
  if (period.to) q = q.where('ev.event_date', '<=', period.to);
  return q;
}

/** One page of the scope's events in the period, newest first, with the total. */
export async function eventPage(
  db: Db,
  scope: Scope,
  q: { from?: string; to?: string; limit: number; offset: number },
): Promise<{ total: number; ids: number[] }> {
  const base = eventsOfScope(db, scope, q);
  const total = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await base
    .select('ev.id')
    .orderBy('ev.event_date', 'desc')
    .orderBy('ev.id', 'desc')
    .limit(q.limit)
    .offset(q.offset)
    .execute();
  return { total: Number(total.n), ids: rows.map((r) => r.id) };
}

/** The events with these ids (already found within the scope), their enterprises and attachments. */
export async function eventsWithLinks(db: Db, ids: number[]) {
  if (ids.length === 0) return { events: [], links: [], files: [] };
  const events = await db
    .selectFrom('outreach_event as ev')
    .innerJoin('org_unit as u', 'u.id', 'ev.unit_id')
    .leftJoin('app_user as a', 'a.id', 'ev.created_by')
    .selectAll('ev')
    .select(['u.name as unit_name', 'a.username as created_by_name'])
    .where('ev.id', 'in', ids)
    .orderBy('ev.event_date', 'desc')
    .orderBy('ev.id', 'desc')
    .execute();
  const links = await db
    .selectFrom('outreach_enterprise as oe')
    .innerJoin('enterprise as e', 'e.id', 'oe.enterprise_id')
    .select(['oe.event_id', 'e.id', 'e.name', 'e.mst'])
    .where('oe.event_id', 'in', ids)
    .orderBy('e.name_folded')
    .execute();
  const files = await db
    .selectFrom('outreach_attachment')
    .select(['id', 'event_id', 'file_name', 'mime', 'size'])
    .where('event_id', 'in', ids)
    .orderBy('id')
    .execute();
  return { events, links, files };
}
export type EventsWithLinks = Awaited<ReturnType<typeof eventsWithLinks>>;

export async function insertAttachment(
  db: Db,
  a: { eventId: number; fileName: string; mime: string; size: number; storageKey: string; createdBy: number },
): Promise<number> {
  const row = await db
    .insertInto('outreach_attachment')
    .values({
      event_id: a.eventId,
      file_name: a.fileName,
      mime: a.mime,
      size: a.size,
      storage_key: a.storageKey,
      created_by: a.createdBy,
      created_at: new Date().toISOString(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** An attachment of an event of the scope. */
export function attachmentInScope(db: Db, scope: Scope, eventId: number, attachmentId: number) {
  return db
    .selectFrom('outreach_attachment as f')
    .innerJoin('outreach_event as ev', 'ev.id', 'f.event_id')
    .select(['f.id', 'f.event_id', 'f.file_name', 'f.mime', 'f.size', 'f.storage_key'])
    .where('f.id', '=', attachmentId)
    .where('f.event_id', '=', eventId)
    .where((eb) => unitInScope(eb, 'ev.unit_id', scope))
    .executeTakeFirst();
}

/**
 * Coverage by commune: the scope's enterprises in the survey frame, how many an event of the period
 * reached (all, non-state) and the workers of those reached; and the period's events and the workers
 * they report.
 */
export async function coverageFigures(db: Db, scope: Scope, t: Pick<Thresholds, 'surveyMin'>, period: Period) {
  const perEnterprise = db
    .selectFrom('enterprise as e')
    .innerJoin('ownership_type as o', 'o.code', 'e.ownership_code')
    .where((eb) => unitInScope(eb, 'e.unit_id', scope))
    .where('e.worker_count', '>=', t.surveyMin)
    .select(['e.admin_area_code', 'e.admin_area_name', 'e.worker_count', 'o.non_state', reachedExpr(period).as('hit')]);
  const byCommune = await db
    .selectFrom(perEnterprise.as('x'))
    .select([
      'x.admin_area_code',
      sql<string | null>`max(x.admin_area_name)`.as('admin_area_name'),
      sql<number>`count(*)`.as('in_scope'),
      sql<number>`sum(x.hit)`.as('reached'),
      sql<number>`sum(x.non_state)`.as('ns_in_scope'),
      sql<number>`sum(x.non_state * x.hit)`.as('ns_reached'),
      sql<number>`sum(x.worker_count * x.hit)`.as('workers'),
    ])
    .groupBy('x.admin_area_code')
    .orderBy('x.admin_area_code')
    .execute();
  const events = await eventsOfScope(db, scope, period)
    .select([sql<number>`count(*)`.as('n'), sql<number>`coalesce(sum(ev.workers_reached), 0)`.as('workers')])
    .executeTakeFirstOrThrow();
  return { byCommune, events };
}
export type CoverageFigures = Awaited<ReturnType<typeof coverageFigures>>;
