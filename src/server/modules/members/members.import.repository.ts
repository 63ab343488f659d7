import type { Transaction } from 'kysely';
import { say } from '../../../shared/i18n/messages.js';
import type { Gender } from '../../../shared/members/enums.js';
import { memberImportMessages as I } from '../../../shared/members/import.messages.js';
import { fold, personSortKey } from '../../../shared/text/index.js';
import type { Db } from '../../db/database.js';
import type { Database } from '../../db/schema.js';
import type { BatchChange, Change, RecordedChange } from '../../platform/import/index.js';
import type { Actor } from '../../platform/scope.js';
import { type DataKeys, encrypt } from '../../platform/secrets.js';
import { metricsChanged, personsChanged } from '../metrics/metrics.summary.js';

/**
 * The member import's statements: people and memberships written by an import, what depends on them
 * (checked before an undo), and the undo itself. Kept beside the kind rather than in
 * members.repository.ts, whose other statements serve the member screens.
 */

export type MemberImportRow = {
  fullName: string;
  birthDate: string;
  gender: 'male' | 'female';
  cccd: string;
  kind: 'cccd' | 'cmnd';
  hash: string;
  masked: string;
  ethnicityCode: string | null;
  religionCode: string | null;
  phone: string | null;
  address: string | null;
  occupation: string | null;
  admittedOn: string;
  decisionNo: string | null;
  cardNo: string | null;
  informal: boolean;
  notes: string | null;
};

type Written = { actor: Actor; unitId: number; keys: DataKeys; batchId: number | null };

/** The union the list goes into, with the dates it exists. */
export function importUnit(db: Db, unitId: number) {
  return db
    .selectFrom('org_unit')
    .select(['name', 'type_code', 'valid_from', 'valid_to'])
    .where('id', '=', unitId)
    .executeTakeFirstOrThrow();
}

/** Active memberships of the people with these identity hashes, with their unit's name. */
export function activeByHash(db: Db, hashes: string[]) {
  return db
    .selectFrom('person as p')
    .innerJoin('membership as m', 'm.person_id', 'p.id')
    .innerJoin('org_unit as u', 'u.id', 'm.unit_id')
    .select(['p.id as person_id', 'p.cccd_hash', 'p.full_name', 'm.id', 'm.unit_id', 'u.name as unit_name'])
    .where('p.cccd_hash', 'in', hashes)
    .where('m.status', '=', 'active')
    .execute();
}

type PersonColumns = {
  full_name: string;
  full_name_folded: string;
  sort_key: string;
  birth_date: string;
  gender: Gender;
  nationality: string;
  ethnicity_code: string | null;
  religion_code: string | null;
  phone: string | null;
  address: string | null;
  occupation: string | null;
  admin_area_code: string | null;
  admin_area_name: string | null;
  education_code: string | null;
  employer_enterprise_id: number | null;
  informal_trade_code: string | null;
  social_insurance_no: string | null;
  updated_at: string;
};

/** The person's columns from a row; on an update, an empty cell keeps what was recorded. */
function personFields(v: MemberImportRow, now: string, keepBlank = false): PersonColumns {
  const opt = <T>(col: string, value: T | null) => (keepBlank && value === null ? {} : { [col]: value });
  return {
    full_name: v.fullName,
    full_name_folded: fold(v.fullName),
    sort_key: personSortKey(v.fullName),
    birth_date: v.birthDate,
    gender: v.gender,
    nationality: 'VN',
    ...opt('ethnicity_code', v.ethnicityCode),
    ...opt('religion_code', v.religionCode),
    ...opt('phone', v.phone),
    ...opt('address', v.address),
    ...opt('occupation', v.occupation),
    ...(keepBlank
      ? {}
      : {
          admin_area_code: null,
          admin_area_name: null,
          education_code: null,
          employer_enterprise_id: null,
          informal_trade_code: null,
          social_insurance_no: null,
        }),
    updated_at: now,
  } as PersonColumns;
}

/**
 * Admits a chunk: new people are created; people without an active membership who were members before
 * are re-admitted on the same person row (their details updated); each gets a membership and its event.
 */
export async function insertMembers(
  trx: Transaction<Database>,
  values: MemberImportRow[],
  w: Written,
): Promise<Change[]> {
  const now = new Date().toISOString();
  const known = await trx
    .selectFrom('person')
    .selectAll()
    .where(
      'cccd_hash',
      'in',
      values.map((v) => v.hash),
    )
    .execute();
  const byHash = new Map<string, { id: number }>(known.map((k) => [k.cccd_hash as string, k]));
  const knownById = new Map(known.map((k) => [k.id, k]));
  const changes: Change[] = [];
  const fresh = values.filter((v) => !byHash.has(v.hash));
  if (fresh.length > 0) {
    const rows = await trx
      .insertInto('person')
      .values(
        fresh.map((v) => ({
          ...personFields(v, now),
          cccd_hash: v.hash,
          cccd_enc: encrypt(w.keys, v.cccd),
          cccd_masked: v.masked,
          cccd_kind: v.kind,
          anonymised_at: null,
          created_at: now,
        })),
      )
      .returning(['id', 'cccd_hash'])
      .execute();
    for (const r of rows) {
      changes.push({ entity: 'person', id: r.id });
      if (r.cccd_hash) byHash.set(r.cccd_hash, { id: r.id });
    }
  }
  const personIds: number[] = [];
  for (const v of values) {
    const p = byHash.get(v.hash);
    if (!p) throw new Error('person missing after insert');
    personIds.push(p.id);
    const before = knownById.get(p.id);
    if (before) {
      await trx
        .updateTable('person')
        .set(personFields(v, now, true))
        .where('id', '=', p.id)
        .execute();
      changes.push({ entity: 'person', id: p.id, action: 'update', before });
    }
  }
  const ms = await trx
    .insertInto('membership')
    .values(
      values.map((v, i) => ({
        person_id: personIds[i] as number,
        unit_id: w.unitId,
        status: 'active',
        informal: v.informal ? 1 : 0,
        foreign: 0,
        application_date: null,
        admitted_on: v.admittedOn,
        decision_no: v.decisionNo,
        ceremony_date: null,
        started_on: v.admittedOn,
        card_no: v.cardNo,
        card_issued_on: null,
        ended_on: null,
        end_reason: null,
        transferred_from_id: null,
        created_at: now,
        updated_at: now,
      })),
    )
    .returning(['id', 'person_id'])
    .execute();
  ms.forEach((m, i) => {
    if (m.person_id !== personIds[i]) throw new Error('INSERT … RETURNING came back out of order');
  });
  await personsChanged(trx, personIds);
  await trx
    .insertInto('membership_event')
    .values(
      ms.map((m, i) => {
        const v = values[i] as MemberImportRow;
        const from = w.batchId === null ? null : say(I.eventNote, { batch: String(w.batchId) }).vi;
        return {
          membership_id: m.id,
          kind: 'admitted',
          event_date: v.admittedOn,
          decision_no: v.decisionNo,
          decision_date: v.decisionNo ? v.admittedOn : null,
          related_unit_id: null,
          note: from === null ? v.notes : `${from}${v.notes ? `: ${v.notes}` : ''}`,
          created_by: w.actor.userId,
          created_at: now,
        };
      }),
    )
    .execute();
  for (const m of ms) changes.push({ entity: 'membership', id: m.id });
  return changes;
}

/** A member already active here: the person's details and the card and decision numbers; never the admission date. */
export async function updateMember(
  trx: Transaction<Database>,
  membershipId: number,
  v: MemberImportRow,
): Promise<RecordedChange[]> {
  const now = new Date().toISOString();
  const m = await trx.selectFrom('membership').selectAll().where('id', '=', membershipId).executeTakeFirstOrThrow();
  const p = await trx.selectFrom('person').selectAll().where('id', '=', m.person_id).executeTakeFirstOrThrow();
  await trx
    .updateTable('person')
    .set(personFields(v, now, true))
    .where('id', '=', p.id)
    .execute();
  // The admission itself (date, counted in the figures) is not rewritten by a list; card and decision are.
  await trx
    .updateTable('membership')
    .set({
      ...(v.cardNo !== null ? { card_no: v.cardNo } : {}),
      ...(v.decisionNo !== null ? { decision_no: v.decisionNo } : {}),
      updated_at: now,
    })
    .where('id', '=', membershipId)
    .execute();
  await metricsChanged(trx, 'membership', [membershipId]);
  return [
    { entity: 'person', id: p.id, before: p, action: 'update' },
    { entity: 'membership', id: membershipId, before: m, action: 'update' },
  ];
}

const idsOf = (changes: BatchChange[], entity: string) => [
  ...new Set(changes.filter((c) => c.entity === entity).map((c) => c.entityId)),
];

/** What came after a batch on its memberships and people, counted by kind of dependency. */
export async function dependentsOfBatch(db: Db, committedAt: string, changes: BatchChange[]) {
  const membershipIds = idsOf(changes, 'membership');
  const personIds = idsOf(changes, 'person');
  const out = { changed: 0, events: 0, transfers: 0, party: 0, people: 0, memberships: 0 };
  if (membershipIds.length > 0) {
    const changed = await db
      .selectFrom('membership')
      .select('id')
      .where('id', 'in', membershipIds)
      .where((eb) => eb.or([eb('updated_at', '>', committedAt), eb('status', '!=', 'active')]))
      .execute();
    const events = await db
      .selectFrom('membership_event')
      .select('id')
      .where('membership_id', 'in', membershipIds)
      .where('created_at', '>', committedAt)
      .execute();
    const moved = await db
      .selectFrom('membership')
      .select('id')
      .where('transferred_from_id', 'in', membershipIds)
      .execute();
    const party = await db
      .selectFrom('party_introduction')
      .select('id')
      .where('membership_id', 'in', membershipIds)
      .execute();
    Object.assign(out, {
      changed: changed.length,
      events: events.length,
      transfers: moved.length,
      party: party.length,
    });
  }
  if (personIds.length > 0) {
    const people = await db
      .selectFrom('person')
      .select('id')
      .where('id', 'in', personIds)
      .where('updated_at', '>', committedAt)
      .execute();
    const others = await db
      .selectFrom('membership')
      .select('id')
      .where('person_id', 'in', personIds)
      .where('created_at', '>', committedAt)
      .execute();
    out.people = people.length;
    out.memberships = others.filter((o) => !membershipIds.includes(o.id)).length;
  }
  return out;
}

/**
 * Memberships the batch admitted go (with their events and the transfer notes they caused), people it
 * created go, people it re-admitted or updated get their earlier details back.
 */
export async function undoMemberChanges(trx: Transaction<Database>, changes: BatchChange[]): Promise<void> {
  for (const c of changes) {
    if (c.entity !== 'membership') continue;
    if (c.action === 'insert') {
      // A request elsewhere for this person was refused because of this membership: undone, it never held.
      await trx.deleteFrom('possible_transfer').where('holding_membership_id', '=', c.entityId).execute();
      await trx.deleteFrom('membership_event').where('membership_id', '=', c.entityId).execute();
      await trx.deleteFrom('membership').where('id', '=', c.entityId).execute();
    } else if (c.before) {
      const { id: _id, ...before } = c.before;
      await trx.updateTable('membership').set(before).where('id', '=', c.entityId).execute();
    }
  }
  // Changes come newest first: a person updated twice ends with the oldest "before".
  for (const c of changes) {
    if (c.entity !== 'person') continue;
    if (c.action === 'insert') {
      await trx.deleteFrom('person').where('id', '=', c.entityId).execute();
    } else if (c.before) {
      const { id: _id, ...before } = c.before;
      await trx.updateTable('person').set(before).where('id', '=', c.entityId).execute();
    }
  }
  await metricsChanged(
    trx,
    'membership',
    changes.filter((c) => c.entity === 'membership').map((c) => c.entityId),
  );
  await personsChanged(
    trx,
    changes.filter((c) => c.entity === 'person').map((c) => c.entityId),
  );
}
