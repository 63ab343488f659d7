import { type Insertable, type Kysely, sql } from 'kysely';
import type { TMemberQuery } from '../../../shared/members/contract.js';
import type { MembershipEventKind } from '../../../shared/members/enums.js';
import { isPostgres } from '../../db/dialect.js';
import type { Database } from '../../db/schema.js';
import { coversWholeTree, narrowScope, type Scope, unitInScope, unitInScopeOn } from '../../platform/scope.js';
import { cappedCount, countAll, LIST_COUNT_CAP } from '../../platform/sql.js';
import { metricsChanged } from '../metrics/metrics.summary.js';
import {
  type NameAccess,
  nameAccess,
  phraseMatches,
  phraseOf,
  prefixEnd,
  tailJoinCondition,
} from './members.search.js';

type Db = Kysely<Database>;
export type Period = { from: string; to: string };

/** What the list's access path depends on: the database kind and how wide the scope is. */
type Plan = { postgres: boolean; scope: Scope };

/**
 * Memberships of the scope with their person; every list, detail and check starts here. `wholeTree`:
 * the caller proved the scope holds every unit (scope.ts `coversWholeTree`), so no row needs the check.
 */
export function memberBase(db: Db, scope: Scope, wholeTree = false) {
  return (
    db
      .selectFrom('membership as m')
      .innerJoin('person as p', 'p.id', 'm.person_id')
      // A left join, so a count, which reads no column of it, skips it (both databases drop an unused
      // left join on a key); the unit is always there (membership.unit_id is not null and references it).
      .leftJoin('org_unit as u', 'u.id', 'm.unit_id')
      .leftJoin('enterprise as e', 'e.id', 'p.employer_enterprise_id')
      .$if(!wholeTree, (q) => q.where((eb) => unitInScope(eb, 'm.unit_id', scope)))
      .select((eb) => [
        'm.id',
        'm.person_id',
        'p.full_name',
        'p.birth_date',
        'p.gender',
        'p.cccd_masked',
        'p.cccd_kind',
        'p.phone',
        'p.nationality',
        'm.unit_id',
        eb.ref('u.name').$notNull().as('unit_name'),
        'm.status',
        'm.informal',
        'm.foreign',
        'm.admitted_on',
        'm.decision_no',
        'm.started_on',
        'm.card_no',
        'm.card_issued_on',
        'm.ended_on',
        'm.transferred_from_id',
        'p.employer_enterprise_id',
        'e.name as employer_name',
        'p.informal_trade_code',
      ])
  );
}
export type MemberRow = Awaited<ReturnType<ReturnType<typeof memberBase>['execute']>>[number];

/**
 * The detail adds what lists never carry. Ethnicity and religion are not among it: only the sensitive
 * gate reads them (`attributesOf`), and the number stays encrypted until the gate opens it.
 */
export function findMember(db: Db, scope: Scope, id: number) {
  return memberBase(db, scope)
    .select([
      'm.application_date',
      'm.ceremony_date',
      'm.end_reason',
      'p.address',
      'p.admin_area_code',
      'p.admin_area_name',
      'p.education_code',
      'p.occupation',
      'p.social_insurance_no',
      'p.cccd_enc',
      'p.anonymised_at',
    ])
    .where('m.id', '=', id)
    .executeTakeFirst();
}
export type MemberDetailRow = NonNullable<Awaited<ReturnType<typeof findMember>>>;

/**
 * SQLite only: the scope's units as a list the query can start from. memberBase's per-row EXISTS
 * stays (this repeats it in another form, so the rows are the same); SQLite cannot start from a
 * correlated EXISTS and would otherwise read every membership in the country. Not when an identity
 * number or a phone leads: their own indexes find the one or few rows at once. PostgreSQL turns the
 * EXISTS into a join it can start from by itself.
 */
function startFromScopeUnits(plan: Plan, byIdentityOrPhone: boolean) {
  if (plan.postgres || byIdentityOrPhone || !narrowScope(plan.scope)) return null;
  const ranges = plan.scope.ranges.map((r) => sql`(sv.path >= ${r.from} and sv.path < ${r.to})`);
  return sql<boolean>`m.unit_id in (select sv.unit_id from org_unit_version sv where ${sql.join(ranges, sql` or `)})`;
}

/** How a name search with no access given reads: a narrow scope its own units, the country its tails. */
export const defaultNameAccess = (scope: Scope): NameAccess => (narrowScope(scope) ? 'units' : 'tails');

export type MemberFilters = TMemberQuery & { folded: string; cccdHash: string | null; phonePrefix: string | null };

/**
 * The memberships of the scope that pass the list's filters and search (lists, counts, exports).
 * `access` is how a name search finds its rows (members.search.ts); the rows are the same whichever.
 * `tail` keeps only the people whose words first occur in that tail (one stream of a merged page);
 * `wholeTree`, see memberBase.
 */
export function filteredMembers(
  db: Db,
  scope: Scope,
  f: MemberFilters,
  how: { access?: NameAccess; tail?: string; wholeTree?: boolean } = {},
) {
  const { access = defaultNameAccess(scope), tail, wholeTree } = how;
  const plan: Plan = { postgres: isPostgres(db), scope };
  let out = memberBase(db, scope, wholeTree);
  const phrase = f.folded ? phraseOf(f.folded) : null;
  const byTails = phrase !== null && access === 'tails';
  const lead = byTails || access === 'order' ? null : startFromScopeUnits(plan, !!(f.cccdHash || f.phonePrefix));
  if (lead) out = out.where(lead);
  // The join adds no column the rest of the query reads: the list's row type stays what it was.
  if (byTails)
    out = out.innerJoin('person_name_tail as t', (j) => j.on(tailJoinCondition(db, phrase, tail))) as typeof out;
  if (f.folded || f.cccdHash || f.phonePrefix) {
    const { folded, cccdHash, phonePrefix } = f;
    out = out.where((eb) =>
      eb.or([
        ...(folded ? [phrase === null ? sql<boolean>`1 = 0` : phraseMatches(phrase)] : []),
        ...(cccdHash ? [eb('p.cccd_hash', '=', cccdHash)] : []),
        // A range, not LIKE: the binary-collated phone index answers it on both databases.
        ...(phonePrefix
          ? [eb.and([eb('p.phone', '>=', phonePrefix), eb('p.phone', '<', prefixEnd(phonePrefix))])]
          : []),
      ]),
    );
  }
  if (f.status) out = out.where('m.status', '=', f.status);
  if (f.informal !== undefined) out = out.where('m.informal', '=', f.informal ? 1 : 0);
  if (f.foreign !== undefined) out = out.where('m.foreign', '=', f.foreign ? 1 : 0);
  if (f.gender) out = out.where('p.gender', '=', f.gender);
  if (f.employerEnterpriseId !== undefined) out = out.where('p.employer_enterprise_id', '=', f.employerEnterpriseId);
  if (f.informalTradeCode) out = out.where('p.informal_trade_code', '=', f.informalTradeCode);
  if (f.admittedFrom) out = out.where('m.admitted_on', '>=', f.admittedFrom);
  if (f.admittedTo) out = out.where('m.admitted_on', '<=', f.admittedTo);
  if (f.cardIssued !== undefined) out = out.where('m.card_no', f.cardIssued ? 'is not' : 'is', null);
  if (f.transferred !== undefined) out = out.where('m.transferred_from_id', f.transferred ? 'is not' : 'is', null);
  // Dated filters count as the figures do: under the scope on the record's own day.
  if (f.admittedFrom || f.admittedTo) out = out.where(unitInScopeOn('m.unit_id', 'm.admitted_on', scope));
  if (f.endedFrom) out = out.where('m.ended_on', '>=', f.endedFrom);
  if (f.endedTo) out = out.where('m.ended_on', '<=', f.endedTo);
  // "Left in the period" as members.left counts it: left or expelled, not moved away by a transfer.
  if (f.endedFrom || f.endedTo)
    out = out.where('m.status', 'in', ['left', 'expelled']).where(unitInScopeOn('m.unit_id', 'm.ended_on', scope));
  if (f.partyFrom || f.partyTo) out = out.where(partyIn(scope, 'pi.introduced_on', f.partyFrom, f.partyTo));
  if (f.partyAdmittedFrom || f.partyAdmittedTo)
    out = out.where(partyIn(scope, 'pi.status_date', f.partyAdmittedFrom, f.partyAdmittedTo, 'admitted'));
  return out;
}

/** A Party introduction of the membership dated in [from, to], by a unit of the scope on that day. */
function partyIn(
  scope: Scope,
  day: 'pi.introduced_on' | 'pi.status_date',
  from?: string,
  to?: string,
  status?: 'admitted',
) {
  const conds = [sql`pi.membership_id = m.id`, unitInScopeOn('pi.unit_id', day, scope)];
  if (from) conds.push(sql`${sql.ref(day)} >= ${from}`);
  if (to) conds.push(sql`${sql.ref(day)} <= ${to}`);
  if (status) conds.push(sql`pi.status = ${status}`);
  return sql<boolean>`exists (select 1 from party_introduction pi where ${sql.join(conds, sql` and `)})`;
}

/** The dated events of a membership of the scope, oldest first. */
export function eventsOf(db: Db, scope: Scope, membershipId: number) {
  return db
    .selectFrom('membership_event as ev')
    .innerJoin('membership as em', 'em.id', 'ev.membership_id')
    .leftJoin('org_unit as r', 'r.id', 'ev.related_unit_id')
    .selectAll('ev')
    .select('r.name as related_unit_name')
    .where('ev.membership_id', '=', membershipId)
    .where((eb) => unitInScope(eb, 'em.unit_id', scope))
    .orderBy('ev.event_date')
    .orderBy('ev.id')
    .execute();
}
export type EventRow = Awaited<ReturnType<typeof eventsOf>>[number];

/** A person's ethnicity and religion: read by the sensitive gate only (members.sensitive.ts). */
export function attributesOf(db: Db, personId: number) {
  return db
    .selectFrom('person')
    .select(['ethnicity_code', 'religion_code'])
    .where('id', '=', personId)
    .executeTakeFirstOrThrow();
}

/** Every membership in the database, whatever its scope (what a walk of the whole list in order reads). */
export const membershipTotal = (db: Db) => countAll(db.selectFrom('membership').select('id'));

/** How many rows a query holds, uncapped (an export writes them all; short lists show their total). */
export const countOf = countAll;

/**
 * One chunk of a filtered list in the list's order, after the last row of the previous chunk: keyset
 * paging, so no OFFSET grows with every chunk. Ethnicity and religion are not even read unless the
 * sensitive gate let them into the file.
 */
export function filteredChunk(
  query: ReturnType<typeof filteredMembers>,
  after: { sortKey: string; personId: number; id: number } | null,
  size: number,
  withAttributes: boolean,
) {
  let page = query.select('p.sort_key').$if(withAttributes, (qb) => qb.select(['p.ethnicity_code', 'p.religion_code']));
  if (after) {
    const { sortKey, personId, id } = after;
    // The bare `sort_key >=` first: it is the range person_sort_key is walked from. Written only as an OR
    // of the three cases, SQLite reads it as three index lookups merged (MULTI-INDEX OR), loses the order and
    // sorts every row after the key on each chunk: an export then grew with the square of its rows.
    page = page
      .where('p.sort_key', '>=', sortKey)
      .where((eb) =>
        eb.or([
          eb('p.sort_key', '>', sortKey),
          eb('p.id', '>', personId),
          eb.and([eb('p.id', '=', personId), eb('m.id', '>', id)]),
        ]),
      );
  }
  return inListOrder(page).limit(size).execute();
}

/**
 * The list's order: given name (the sort key), then the person, then the membership. The person before
 * the membership because person_sort_key is (sort_key, id) and membership_person gives a person's
 * memberships by id: the whole order is then read from indexes, with no sort of the thousands of
 * people who bear the same name ("Nguyễn Văn Anh") when a walk reaches them.
 */
function inListOrder<Q extends ReturnType<typeof filteredMembers>>(q: Q): Q {
  return q.orderBy('p.sort_key').orderBy('p.id').orderBy('m.id') as Q;
}

/** A unit's name (for titles and end reasons); undefined when there is no such unit. */
export async function unitName(db: Db, unitId: number) {
  return (await db.selectFrom('org_unit').select('name').where('id', '=', unitId).executeTakeFirst())?.name;
}

/** An enterprise's name (an export's filter line); undefined when there is none. */
export async function enterpriseName(db: Db, enterpriseId: number) {
  return (await db.selectFrom('enterprise').select('name').where('id', '=', enterpriseId).executeTakeFirst())?.name;
}

/** The unit with its type's grassroots flag and dates: only a grassroots union existing then admits. */
export function unitForMembers(db: Db, unitId: number) {
  return db
    .selectFrom('org_unit as u')
    .innerJoin('unit_type as t', 't.code', 'u.type_code')
    .select(['u.name', 'u.valid_from', 'u.valid_to', 't.grassroots', 'u.type_code'])
    .where('u.id', '=', unitId)
    .executeTakeFirst();
}

/**
 * One page of a filtered list in given-name order, with its (capped) total. When the matches are few
 * enough to count, they are all sorted at once (a materialised CTE); otherwise the sort-key order is
 * walked until the page is full (`walk`, when given, is the same rows by another access path: a name
 * search's). Both give the same rows; which is cheaper depends on how many match.
 */
export async function listPage(
  db: Db,
  query: ReturnType<typeof filteredMembers>,
  limit: number,
  offset: number,
  cap?: number,
  walk?: ReturnType<typeof filteredMembers>,
) {
  const { total, capped } = await cappedCount(db, query, cap);
  const rows: MemberRow[] =
    capped || walk
      ? await inListOrder(walk ?? query)
          .limit(limit)
          .offset(offset)
          .execute()
      : await sortedHits(db, query, limit, offset).execute();
  return { total, totalCapped: capped, rows };
}

/** The matches materialised once, sorted, each row carrying how many there are (`hits_n`). */
function sortedHits(db: Db, query: ReturnType<typeof filteredMembers>, limit: number, offset: number, most?: number) {
  return db
    .with(
      (w) => w('hits').materialized(),
      () => query.select('p.sort_key as sk').$if(most !== undefined, (q) => q.limit(most as number)),
    )
    .selectFrom('hits')
    .selectAll()
    .select((eb) => eb.selectFrom('hits').select(eb.fn.countAll<number>().as('n')).as('hits_n'))
    .orderBy('sk')
    .orderBy('person_id')
    .orderBy('id')
    .limit(limit)
    .offset(offset);
}

/**
 * listPage when the matches are expected to be no more than the cap (a name search whose index found
 * few): they are read once, and the page and the total come from that one reading. More than expected
 * (a person with several memberships), or a page past them: listPage.
 */
async function fewMatchesPage(db: Db, query: ReturnType<typeof filteredMembers>, limit: number, offset: number) {
  const rows = await sortedHits(db, query, limit, offset, LIST_COUNT_CAP + 1).execute();
  const n = Number(rows[0]?.hits_n ?? Number.NaN);
  if (n <= LIST_COUNT_CAP) return { total: n, totalCapped: false, rows: rows as MemberRow[] };
  return listPage(db, query, limit, offset);
}

/**
 * The list's page for these filters: a name search first asks its index how to read (members.search.ts
 * nameAccess: the count and the page may take different paths); any other list reads as filteredMembers
 * does by default.
 */
export async function membersPage(db: Db, scope: Scope, f: MemberFilters, limit: number, offset: number) {
  const phrase = f.folded ? phraseOf(f.folded) : null;
  if (phrase === null) return listPage(db, filteredMembers(db, scope, f), limit, offset);
  const [access, wholeTree] = await Promise.all([
    nameAccess(db, scope, phrase, offset + limit),
    narrowScope(scope) ? false : coversWholeTree(db, scope),
  ]);
  const counted = filteredMembers(db, scope, f, { access: access.count, wholeTree });
  if (access.page === access.count) return (access.few ? fewMatchesPage : listPage)(db, counted, limit, offset);
  if (typeof access.page === 'object') {
    const { total, capped } = await cappedCount(db, counted);
    const rows = await mergedTails(db, scope, f, { merge: access.page.merge, wholeTree }, limit, offset);
    return { total, totalCapped: capped, rows };
  }
  const walk = filteredMembers(db, scope, f, { access: access.page, wholeTree });
  return listPage(db, counted, limit, offset, LIST_COUNT_CAP, walk);
}

/**
 * A page from a few tails: the first rows of each in its index order (sort key given), all of them
 * sorted together; a person is in one tail only (where the words first occur), so none is read twice.
 */
async function mergedTails(
  db: Db,
  scope: Scope,
  f: MemberFilters,
  how: { merge: string[]; wholeTree: boolean },
  limit: number,
  offset: number,
) {
  const streams = how.merge.map((tail, i) =>
    db
      .selectFrom(
        filteredMembers(db, scope, f, { access: 'tails', tail, wholeTree: how.wholeTree })
          .select('p.sort_key as sk')
          // t's columns, not p's: equal by the join, and the ones the tail's index walks in order.
          .orderBy(sql`t.sort_key`)
          .orderBy(sql`t.person_id`)
          .orderBy('m.id')
          .limit(offset + limit)
          .as(`s${i}`),
      )
      .selectAll(),
  );
  const [first, ...rest] = streams;
  if (!first) return [];
  const union = rest.reduce((u, s) => u.unionAll(s), first);
  return (await db
    .selectFrom(union.as('s'))
    .selectAll()
    .orderBy('sk')
    .orderBy('person_id')
    .orderBy('id')
    .limit(limit)
    .offset(offset)
    .execute()) as MemberRow[];
}

/** One dated event in a membership's history (admission, card, transfer, leaving, honorary). */
export async function addEvent(
  db: Db,
  actor: { userId: number },
  membershipId: number,
  e: {
    kind: MembershipEventKind;
    event_date: string;
    decision_no?: string | null;
    decision_date?: string | null;
    related_unit_id?: number | null;
    note?: string | null;
  },
) {
  await db
    .insertInto('membership_event')
    .values({
      membership_id: membershipId,
      kind: e.kind,
      event_date: e.event_date,
      decision_no: e.decision_no ?? null,
      decision_date: e.decision_date ?? null,
      related_unit_id: e.related_unit_id ?? null,
      note: e.note ?? null,
      created_by: actor.userId,
      created_at: new Date().toISOString(),
    })
    .execute();
}

type NewMembership = Omit<
  Insertable<Database['membership']>,
  'id' | 'status' | 'created_at' | 'updated_at' | 'ended_on' | 'end_reason'
>;

/** A running membership (an admission, or the continuation of one after a transfer). */
export async function insertMembership(db: Db, m: NewMembership, now: string) {
  const row = await db
    .insertInto('membership')
    .values({ ...m, status: 'active', ended_on: null, end_reason: null, created_at: now, updated_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  await metricsChanged(db, 'membership', [row.id]);
  return row.id;
}

/** The card issued to a member. */
export async function setCard(db: Db, id: number, cardNo: string, issuedOn: string) {
  await db
    .updateTable('membership')
    .set({ card_no: cardNo, card_issued_on: issuedOn, updated_at: new Date().toISOString() })
    .where('id', '=', id)
    .execute();
  await metricsChanged(db, 'membership', [id]);
}

/** Ends a membership: transferred, left, expelled or honorary, on a date and for a reason. */
export async function endMembership(
  db: Db,
  id: number,
  end: { status: 'transferred' | 'left' | 'expelled' | 'honorary'; endedOn: string; reason: string },
) {
  await db
    .updateTable('membership')
    .set({ status: end.status, ended_on: end.endedOn, end_reason: end.reason, updated_at: new Date().toISOString() })
    .where('id', '=', id)
    .execute();
  await metricsChanged(db, 'membership', [id]);
}
