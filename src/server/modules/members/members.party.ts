import type { z } from 'zod';
import type {
  ZPartyIntroductionCreate,
  ZPartyIntroductionPatch,
  ZPartyQuery,
} from '../../../shared/members/contract.js';
import { membersMessages as M } from '../../../shared/members/messages.js';
import { formatViDate } from '../../../shared/text/index.js';
import { audit } from '../../platform/audit.js';
import type { AppContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { type Actor, requireScope } from '../../platform/scope.js';
import { invalid, issue } from '../../platform/validation.js';
import { notInFuture } from './members.admission.js';
import { assertRunning, writableMember } from './members.lifecycle.js';
import * as repo from './members.party.repository.js';
import { presentParty } from './members.presenter.js';
import { sensitiveGate } from './members.sensitive.js';

/**
 * Introducing outstanding members to the Party. The introductions are sensitive: writing and reading
 * them needs sensitive.read over the member's unit (through the gate); the counts are for everyone.
 */

export async function introduceToParty(
  ctx: AppContext,
  actor: Actor,
  id: number,
  input: z.output<typeof ZPartyIntroductionCreate>,
) {
  const { row } = await writableMember(ctx, actor, id);
  return sensitiveGate(ctx, actor, { unitId: row.unit_id }, { refuse: true }, async (fields) => {
    assertRunning(ctx, row, input.introducedOn, 'introducedOn');
    const newId = await ctx.db.transaction().execute(async (trx) => {
      // One introduction at a time: a member counts once in T4 unless an earlier one ended without admission.
      const open = await repo.openOrAdmittedParty(trx, row.person_id);
      if (open) {
        const admitted = open.status === 'admitted';
        invalid([
          issue('introducedOn', admitted ? M.alreadyPartyMember : M.alreadyIntroduced, {
            date: formatViDate(admitted ? (open.status_date ?? open.introduced_on) : open.introduced_on),
          }),
        ]);
      }
      const created = await repo.insertParty(trx, {
        personId: row.person_id,
        membershipId: id,
        unitId: row.unit_id,
        introducedOn: input.introducedOn,
        partyOrganisation: input.partyOrganisation,
        note: input.note,
        by: actor.userId,
      });
      // The audit log is read by administrators of the tree; the Party cell's name stays out of it.
      await audit(trx, actor, {
        action: 'member.party.introduce',
        entity: 'party_introduction',
        entityId: created,
        unitId: row.unit_id,
        after: { membershipId: id, introducedOn: input.introducedOn },
      });
      return created;
    });
    return presentParty(await fields.party(newId));
  });
}

export async function updateParty(
  ctx: AppContext,
  actor: Actor,
  id: number,
  input: z.output<typeof ZPartyIntroductionPatch>,
) {
  const row = await repo.partyById(ctx.db, await requireScope(ctx.db, actor, 'record.write'), id);
  if (!row) throw new AppError('NOT_FOUND');
  return sensitiveGate(ctx, actor, { unitId: row.unit_id }, { refuse: true }, async (fields) => {
    if (input.statusDate < row.introduced_on) invalid([{ path: 'statusDate', message: M.statusBeforeIntroduced }]);
    const future = notInFuture(ctx, input.statusDate, 'statusDate');
    if (future) invalid([future]);
    await ctx.db.transaction().execute(async (trx) => {
      await repo.updatePartyStatus(trx, id, input);
      await audit(trx, actor, {
        action: 'member.party.update',
        entity: 'party_introduction',
        entityId: id,
        unitId: row.unit_id,
        before: { status: row.status, statusDate: row.status_date },
        after: { status: input.status, statusDate: input.statusDate },
      });
    });
    return presentParty(await fields.party(id));
  });
}

/** Without sensitive.read anywhere this is 403; the counts for everyone come from /api/members/counts. */
export function listParty(ctx: AppContext, actor: Actor, q: z.output<typeof ZPartyQuery>) {
  return sensitiveGate(ctx, actor, { subtree: q.unitId }, { refuse: true }, async (fields) => {
    const page = await fields.partyPage(q);
    return { total: page.total, items: page.rows.map(presentParty) };
  });
}
