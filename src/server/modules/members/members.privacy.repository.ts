import type { Kysely, Updateable } from 'kysely';
import type { Database } from '../../db/schema.js';
import { type Scope, unitInScope } from '../../platform/scope.js';
import { personsChanged } from '../metrics/metrics.summary.js';
import { memberBase } from './members.repository.js';

type Db = Kysely<Database>;

/**
 * What the data subject's rights read and erase. Ethnicity and religion are not read here: the
 * personal-data workbook gets them through the sensitive gate like every other answer.
 */
export function personRecord(db: Db, personId: number) {
  return db
    .selectFrom('person')
    .select([
      'id',
      'full_name',
      'birth_date',
      'gender',
      'cccd_kind',
      'cccd_enc',
      'cccd_hash',
      'cccd_masked',
      'nationality',
      'phone',
      'address',
      'admin_area_code',
      'admin_area_name',
      'education_code',
      'occupation',
      'informal_trade_code',
      'social_insurance_no',
      'anonymised_at',
      'created_at',
      'updated_at',
    ])
    .where('id', '=', personId)
    .executeTakeFirstOrThrow();
}

/** The person's memberships at units of the scope, in the order they began. */
export function membershipsOf(db: Db, scope: Scope, personId: number) {
  return memberBase(db, scope)
    .select(['m.end_reason', 'm.application_date', 'm.ceremony_date'])
    .where('m.person_id', '=', personId)
    .orderBy('m.started_on')
    .orderBy('m.id')
    .execute();
}

/** The person's self-applications (with the consent they gave) at units of the scope. */
export async function consentsOf(db: Db, scope: Scope, cccdHash: string | null, membershipIds: number[]) {
  if (!cccdHash && membershipIds.length === 0) return [];
  return db
    .selectFrom('application as a')
    .select(['a.id', 'a.submitted_at', 'a.status', 'a.consent_version', 'a.consent_at', 'a.consent_hash'])
    .where((eb) => unitInScope(eb, 'a.unit_id', scope))
    .where((eb) =>
      eb.or([
        ...(cccdHash ? [eb('a.cccd_hash', '=', cccdHash)] : []),
        ...(membershipIds.length ? [eb('a.membership_id', 'in', membershipIds)] : []),
      ]),
    )
    .orderBy('a.submitted_at')
    .execute();
}

/** Every membership the person ever had, wherever: erasure must be allowed over all of them. */
export function allMembershipsOf(db: Db, personId: number) {
  return db.selectFrom('membership').select(['id', 'unit_id']).where('person_id', '=', personId).execute();
}

export function erasable(db: Db, personId: number) {
  return db
    .selectFrom('person')
    .select(['id', 'anonymised_at', 'birth_date'])
    .where('id', '=', personId)
    .executeTakeFirstOrThrow();
}

type Erased = { placeholder: string; folded: string; sortKey: string; mask: string; birthDate: string; now: string };

/**
 * Removes what identifies the person, everywhere it was copied, in the caller's transaction. False when
 * someone else anonymised the person first (two requests at once: only one of them does it).
 */
export async function eraseIdentity(trx: Db, personId: number, membershipIds: number[], e: Erased) {
  const done = await trx
    .updateTable('person')
    .set({
      full_name: e.placeholder,
      full_name_folded: e.folded,
      sort_key: e.sortKey,
      cccd_hash: null,
      cccd_enc: null,
      cccd_masked: e.mask,
      birth_date: e.birthDate,
      phone: null,
      address: null,
      admin_area_code: null,
      admin_area_name: null,
      social_insurance_no: null,
      ethnicity_code: null,
      religion_code: null,
      occupation: null,
      anonymised_at: e.now,
      updated_at: e.now,
    })
    .where('id', '=', personId)
    .where('anonymised_at', 'is', null)
    .executeTakeFirst();
  if (Number(done.numUpdatedRows) !== 1) return null;
  await personsChanged(trx, [personId]);

  // A card number identifies its holder as well as a name does; "a card was issued" stays countable.
  await trx
    .updateTable('membership')
    .set({ card_no: e.mask, updated_at: e.now })
    .where('person_id', '=', personId)
    .where('card_no', 'is not', null)
    .execute();
  // Free-text reasons may hold health or discipline details; a transfer's is the system's own words.
  await trx
    .updateTable('membership')
    .set({ end_reason: null, updated_at: e.now })
    .where('person_id', '=', personId)
    .where('status', '!=', 'transferred')
    .execute();
  await trx.updateTable('membership_event').set({ note: null }).where('membership_id', 'in', membershipIds).execute();
  const party = await trx
    .updateTable('party_introduction')
    .set({ note: null, updated_at: e.now })
    .where('person_id', '=', personId)
    .returning('id')
    .execute();
  await trx.updateTable('possible_transfer').set({ note: null }).where('person_id', '=', personId).execute();
  const applications = await trx
    .updateTable('application')
    .set({
      full_name: e.placeholder,
      full_name_folded: e.folded,
      birth_date: e.birthDate,
      cccd_hash: null,
      cccd_enc: null,
      cccd_masked: e.mask,
      cccd_warnings: '[]',
      phone: '',
      workplace: null,
    } satisfies Updateable<Database['application']>)
    .where('membership_id', 'in', membershipIds)
    .returning('id')
    .execute();
  // An import's undo snapshots are copies of the erased data (undoing that import is refused anyway:
  // the person changed after it).
  await trx
    .updateTable('import_change')
    .set({ before_json: null })
    .where((eb) =>
      eb.or([
        eb.and([eb('entity', '=', 'person'), eb('entity_id', '=', personId)]),
        eb.and([eb('entity', '=', 'membership'), eb('entity_id', 'in', membershipIds)]),
      ]),
    )
    .execute();
  return { partyIds: party.map((x) => x.id), applicationIds: applications.map((x) => x.id) };
}

/** Earlier audit entries about these records, for redaction. */
export function auditEntriesAbout(trx: Db, entity: string, ids: number[]) {
  return trx
    .selectFrom('audit_log')
    .select(['id', 'before_json', 'after_json'])
    .where('entity', '=', entity)
    .where('entity_id', 'in', ids.map(String))
    .execute();
}

export async function rewriteAuditEntry(trx: Db, id: number, before: string | null, after: string | null) {
  await trx.updateTable('audit_log').set({ before_json: before, after_json: after }).where('id', '=', id).execute();
}
