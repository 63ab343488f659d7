import type { z } from 'zod';
import { ANONYMISED_MASK, type ZAnonymiseInput } from '../../../shared/members/contract.js';
import { fold, personSortKey } from '../../../shared/text/index.js';
import type { Db } from '../../db/database.js';
import { audit } from '../../platform/audit.js';
import type { AppContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { type Actor, isUnitInScope, requireScope } from '../../platform/scope.js';
import { eraseBatchFilesAbout } from '../imports/imports.files.js';
import * as privacy from './members.privacy.repository.js';
import { readableMember } from './members.service.js';

/**
 * The data subject's right to erasure (Law 91/2025/QH15), by anonymisation: the person's identity
 * goes, the membership facts the reports count stay.
 */

/** Keys of earlier audit entries about the person whose values identify them or are free text. */
const IDENTIFYING_KEYS = new Set([
  'fullName',
  'full_name',
  'phone',
  'cccdMasked',
  'cccd_masked',
  'address',
  'birthDate',
  'birth_date',
  'socialInsuranceNo',
  'social_insurance_no',
  'cardNo',
  'card_no',
  'workplace',
  'occupation',
  'note',
  'reason',
]);
function redact(json: string | null): string | null {
  if (json === null) return null;
  try {
    return JSON.stringify(JSON.parse(json), (k, v) => (IDENTIFYING_KEYS.has(k) && v !== null ? ANONYMISED_MASK : v));
  } catch {
    return null;
  }
}

/** Mid-year of the birth year: keeps age bands right to within six months, without the birthday. */
export const anonymisedBirthDate = (birthDate: string) => `${birthDate.slice(0, 4)}-07-01`;

/**
 * Irreversibly removes what identifies the person (name, identity number and its lookup hash, phone,
 * address, social insurance number, ethnicity, religion, occupation, the day and month of birth, free
 * text notes, card numbers), keeping what the reports count: gender, nationality, birth year, the
 * memberships (unit, dates, status, informal, foreign) and Party introductions. With the hash gone,
 * the same identity number can later be admitted again, as a new person. Needs person.erase over every
 * unit the person was ever a member of: a district cannot erase another district's history.
 */
export async function anonymise(
  ctx: AppContext,
  actor: Actor,
  membershipId: number,
  input: z.output<typeof ZAnonymiseInput>,
) {
  const { row } = await readableMember(ctx, actor, membershipId);
  const eraseScope = await requireScope(ctx.db, actor, 'person.erase');
  const db = ctx.db;
  const memberships = await privacy.allMembershipsOf(db, row.person_id);
  for (const unitId of new Set(memberships.map((m) => m.unit_id))) {
    // Refused without saying where: the other unit is not the caller's to know.
    if (!(await isUnitInScope(db, unitId, eraseScope))) throw new AppError('MEMBER_ERASE_OUT_OF_SCOPE');
  }
  const person = await privacy.erasable(db, row.person_id);
  if (person.anonymised_at) throw new AppError('MEMBER_ALREADY_ANONYMISED');

  const ids = memberships.map((m) => m.id);
  const now = new Date().toISOString();
  const placeholder = `${ANONYMISED_MASK} #${person.id}`;
  await db.transaction().execute(async (trx) => {
    const erased = await privacy.eraseIdentity(trx, person.id, ids, {
      placeholder,
      folded: fold(placeholder),
      sortKey: personSortKey(placeholder),
      mask: ANONYMISED_MASK,
      birthDate: anonymisedBirthDate(person.birth_date),
      now,
    });
    // Two requests at once: only one of them anonymises, the other gets the 409.
    if (!erased) throw new AppError('MEMBER_ALREADY_ANONYMISED');
    await redactAuditTrail(trx, [
      ['person', [person.id]],
      ['membership', ids],
      ['party_introduction', erased.partyIds],
      ['application', erased.applicationIds],
    ]);
    await audit(trx, actor, {
      action: 'member.anonymise',
      entity: 'person',
      entityId: person.id,
      unitId: row.unit_id,
      after: { reason: input.reason, membershipIds: ids },
    });
  });
  // The stored files of imports that brought the person in hold their name and CCCD in clear inside.
  await eraseBatchFilesAbout(ctx, person.id, ids);
  return { personId: person.id, anonymisedAt: now, membershipsKept: ids.length };
}

/**
 * Earlier audit entries about the person keep who did what and when, but lose the values that
 * identify the person: otherwise the audit screen would still show the erased name.
 */
async function redactAuditTrail(trx: Db, targets: [string, number[]][]) {
  for (const [entity, idList] of targets) {
    if (idList.length === 0) continue;
    for (const r of await privacy.auditEntriesAbout(trx, entity, idList)) {
      await privacy.rewriteAuditEntry(trx, r.id, redact(r.before_json), redact(r.after_json));
    }
  }
}
