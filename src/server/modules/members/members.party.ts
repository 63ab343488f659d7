import type { z } from 'zod';
import type {
  ZPartyIntroductionCreate,
  ZPartyIntroductionPatch,
  ZPartyQuery,
} from '../../../shared/members/contract.js';
import { audit } from '../../platform/audit.js';
import type { AppContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { type Actor, requireScope, type Scope, scopeWithin } from '../../platform/scope.js';
import { invalid } from '../../platform/validation.js';
import { notInFuture } from './members.admission.js';
import { presentParty, sensitiveAccess } from './members.presenter.js';
import * as repo from './members.repository.js';
import { assertRunning, writableMember } from './members.service.js';

export async function introduceToParty(
  ctx: AppContext,
  actor: Actor,
  id: number,
  input: z.output<typeof ZPartyIntroductionCreate>,
) {
  const { row } = await writableMember(ctx, actor, id);
  if (!(await sensitiveAccess(ctx.db, actor, row.unit_id))) throw new AppError('FORBIDDEN');
  assertRunning(ctx, row, input.introducedOn, 'introducedOn');
  const newId = await ctx.db.transaction().execute(async (trx) => {
    const now = new Date().toISOString();
    const r = await trx
      .insertInto('party_introduction')
      .values({
        person_id: row.person_id,
        membership_id: id,
        unit_id: row.unit_id,
        introduced_on: input.introducedOn,
        party_organisation: input.partyOrganisation,
        status: 'introduced',
        status_date: input.introducedOn,
        note: input.note,
        created_by: actor.userId,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    // The audit log is read by administrators of the tree; the Party cell's name stays out of it.
    await audit(trx, actor, {
      action: 'member.party.introduce',
      entity: 'party_introduction',
      entityId: r.id,
      unitId: row.unit_id,
      after: { membershipId: id, introducedOn: input.introducedOn },
    });
    return r.id;
  });
  return partyById(ctx, actor, newId);
}

async function partyInScope(ctx: AppContext, scope: Scope, id: number) {
  const row = await repo.partyBase(ctx.db, scope).where('pi.id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

async function partyById(ctx: AppContext, actor: Actor, id: number) {
  return presentParty(await partyInScope(ctx, await requireScope(ctx.db, actor, 'sensitive.read'), id));
}

export async function updateParty(
  ctx: AppContext,
  actor: Actor,
  id: number,
  input: z.output<typeof ZPartyIntroductionPatch>,
) {
  const scope = await requireScope(ctx.db, actor, 'record.write');
  const row = await partyInScope(ctx, scope, id);
  if (!(await sensitiveAccess(ctx.db, actor, row.unit_id))) throw new AppError('FORBIDDEN');
  if (input.statusDate < row.introduced_on) {
    invalid([{ path: 'statusDate', message: 'Ngày cập nhật không được trước ngày giới thiệu' }]);
  }
  const future = notInFuture(ctx, input.statusDate, 'statusDate');
  if (future) invalid([future]);
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('party_introduction')
      .set({
        status: input.status,
        status_date: input.statusDate,
        ...(input.note !== null ? { note: input.note } : {}),
        updated_at: new Date().toISOString(),
      })
      .where('id', '=', id)
      .execute();
    await audit(trx, actor, {
      action: 'member.party.update',
      entity: 'party_introduction',
      entityId: id,
      unitId: row.unit_id,
      before: { status: row.status, statusDate: row.status_date },
      after: { status: input.status, statusDate: input.statusDate },
    });
  });
  return partyById(ctx, actor, id);
}

export async function listParty(ctx: AppContext, actor: Actor, q: z.output<typeof ZPartyQuery>) {
  // Without sensitive.read anywhere this is 403; the counts for everyone come from /api/members/counts.
  const scope = await scopeWithin(ctx.db, actor, 'sensitive.read', q.unitId);
  let query = repo.partyBase(ctx.db, scope);
  if (q.from) query = query.where('pi.introduced_on', '>=', q.from);
  if (q.to) query = query.where('pi.introduced_on', '<=', q.to);
  const total = await query
    .clearSelect()
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const rows = await query
    .orderBy('pi.introduced_on', 'desc')
    .orderBy('pi.id', 'desc')
    .limit(q.limit)
    .offset(q.offset)
    .execute();
  return { total: Number(total.n), items: rows.map(presentParty) };
}
