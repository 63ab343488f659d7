import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { type Scope, unitInScope } from '../../platform/scope.js';

type Db = Kysely<Database>;

export type EntryFilter = {
  userId?: number;
  action?: string;
  /** Instants (ISO UTC): from inclusive, to exclusive. */
  fromAt?: string;
  toAt?: string;
  limit: number;
  offset: number;
};

/**
 * Entries about units inside the scope (already narrowed to a unit's subtree when the list is filtered
 * by unit), newest first. An entry without a unit (a sign-in, a password change) belongs to no subtree,
 * so it is not listed to anyone. Each filter has an index ending in `at` (migration 014).
 */
export async function listEntries(db: Db, scope: Scope, p: EntryFilter) {
  let base = db
    .selectFrom('audit_log as a')
    .where('a.unit_id', 'is not', null)
    .where((eb) => unitInScope(eb, 'a.unit_id', scope));
  if (p.userId !== undefined) base = base.where('a.user_id', '=', p.userId);
  if (p.action) base = base.where('a.action', '=', p.action);
  if (p.fromAt) base = base.where('a.at', '>=', p.fromAt);
  if (p.toAt) base = base.where('a.at', '<', p.toAt);
  const total = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await base
    .leftJoin('app_user as u', 'u.id', 'a.user_id')
    .leftJoin('org_unit as o', 'o.id', 'a.unit_id')
    .select([
      'a.id',
      'a.at',
      'u.username',
      'u.full_name as user_full_name',
      'a.action',
      'a.entity',
      'a.entity_id',
      'a.unit_id',
      'o.name as unit_name',
      'a.before_json',
      'a.after_json',
    ])
    .orderBy('a.id', 'desc')
    .limit(p.limit)
    .offset(p.offset)
    .execute();
  return { total: Number(total.n), rows };
}

export type EntryRow = Awaited<ReturnType<typeof listEntries>>['rows'][number];

// ---- Names of the records and references an entry mentions, read in one query per kind.

const ids = (xs: Iterable<number>) => [...new Set(xs)].filter((x) => Number.isInteger(x) && x > 0);

export async function unitNames(db: Db, unitIds: Iterable<number>) {
  const list = ids(unitIds);
  if (list.length === 0) return new Map<number, string>();
  const rows = await db.selectFrom('org_unit').select(['id', 'name']).where('id', 'in', list).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

export async function userNames(db: Db, userIds: Iterable<number>) {
  const list = ids(userIds);
  if (list.length === 0) return new Map<number, { username: string; fullName: string }>();
  const rows = await db
    .selectFrom('app_user')
    .select(['id', 'username', 'full_name'])
    .where('id', 'in', list)
    .execute();
  return new Map(rows.map((r) => [r.id, { username: r.username, fullName: r.full_name }]));
}

export type PersonRef = { fullName: string; anonymised: boolean };

/** People behind memberships, persons, Party introductions and possible transfers. */
export async function people(
  db: Db,
  refs: { membership: number[]; person: number[]; party: number[]; transfer: number[] },
) {
  const out = {
    membership: new Map<number, PersonRef>(),
    person: new Map<number, PersonRef>(),
    party: new Map<number, PersonRef>(),
    transfer: new Map<number, PersonRef>(),
  };
  const ref = (r: { full_name: string; anonymised_at: string | null }) => ({
    fullName: r.full_name,
    anonymised: r.anonymised_at !== null,
  });
  if (ids(refs.membership).length > 0) {
    const rows = await db
      .selectFrom('membership as m')
      .innerJoin('person as p', 'p.id', 'm.person_id')
      .select(['m.id', 'p.full_name', 'p.anonymised_at'])
      .where('m.id', 'in', ids(refs.membership))
      .execute();
    for (const r of rows) out.membership.set(r.id, ref(r));
  }
  if (ids(refs.person).length > 0) {
    const rows = await db
      .selectFrom('person as p')
      .select(['p.id', 'p.full_name', 'p.anonymised_at'])
      .where('p.id', 'in', ids(refs.person))
      .execute();
    for (const r of rows) out.person.set(r.id, ref(r));
  }
  if (ids(refs.party).length > 0) {
    const rows = await db
      .selectFrom('party_introduction as x')
      .innerJoin('person as p', 'p.id', 'x.person_id')
      .select(['x.id', 'p.full_name', 'p.anonymised_at'])
      .where('x.id', 'in', ids(refs.party))
      .execute();
    for (const r of rows) out.party.set(r.id, ref(r));
  }
  if (ids(refs.transfer).length > 0) {
    const rows = await db
      .selectFrom('possible_transfer as x')
      .innerJoin('person as p', 'p.id', 'x.person_id')
      .select(['x.id', 'p.full_name', 'p.anonymised_at'])
      .where('x.id', 'in', ids(refs.transfer))
      .execute();
    for (const r of rows) out.transfer.set(r.id, ref(r));
  }
  return out;
}

export async function recordNames(
  db: Db,
  refs: {
    enterprise: number[];
    outreach: number[];
    batch: number[];
    document: number[];
    link: number[];
    application: number[];
  },
) {
  const out = {
    enterprise: new Map<number, string>(),
    outreach: new Map<number, { title: string | null; date: string }>(),
    batch: new Map<number, string>(),
    document: new Map<number, string>(),
    link: new Map<number, string>(),
    application: new Map<number, string>(),
  };
  if (ids(refs.enterprise).length > 0) {
    const rows = await db
      .selectFrom('enterprise')
      .select(['id', 'name'])
      .where('id', 'in', ids(refs.enterprise))
      .execute();
    for (const r of rows) out.enterprise.set(r.id, r.name);
  }
  if (ids(refs.outreach).length > 0) {
    const rows = await db
      .selectFrom('outreach_event')
      .select(['id', 'title', 'event_date'])
      .where('id', 'in', ids(refs.outreach))
      .execute();
    for (const r of rows) out.outreach.set(r.id, { title: r.title, date: r.event_date });
  }
  if (ids(refs.batch).length > 0) {
    const rows = await db
      .selectFrom('import_batch')
      .select(['id', 'file_name'])
      .where('id', 'in', ids(refs.batch))
      .execute();
    for (const r of rows) out.batch.set(r.id, r.file_name);
  }
  if (ids(refs.document).length > 0) {
    const rows = await db
      .selectFrom('admission_document')
      .select(['id', 'decision_no'])
      .where('id', 'in', ids(refs.document))
      .execute();
    for (const r of rows) out.document.set(r.id, r.decision_no);
  }
  if (ids(refs.link).length > 0) {
    const rows = await db
      .selectFrom('apply_link as l')
      .innerJoin('org_unit as o', 'o.id', 'l.unit_id')
      .select(['l.id', 'o.name'])
      .where('l.id', 'in', ids(refs.link))
      .execute();
    for (const r of rows) out.link.set(r.id, r.name);
  }
  if (ids(refs.application).length > 0) {
    const rows = await db
      .selectFrom('application')
      .select(['id', 'full_name'])
      .where('id', 'in', ids(refs.application))
      .execute();
    for (const r of rows) out.application.set(r.id, r.full_name);
  }
  return out;
}

/** Names of unit types, ownership kinds and outreach forms, for codes an entry carries. */
export async function codeNames(db: Db) {
  const [types, owners, forms] = await Promise.all([
    db.selectFrom('unit_type').select(['code', 'name_vi', 'name_en']).execute(),
    db.selectFrom('ownership_type').select(['code', 'name_vi', 'name_en']).execute(),
    db.selectFrom('outreach_form').select(['code', 'name_vi', 'name_en']).execute(),
  ]);
  const map = (rows: { code: string; name_vi: string; name_en: string }[]) =>
    new Map(rows.map((r) => [r.code, { vi: r.name_vi, en: r.name_en }]));
  return { typeCode: map(types), ownershipCode: map(owners), formCode: map(forms) };
}
