import type { z } from 'zod';
import type {
  POSSIBLE_TRANSFER_SOURCES,
  ZPossibleTransferDismiss,
  ZPossibleTransferQuery,
} from '../../../shared/members/contract.js';
import type { Db } from '../../db/database.js';
import { audit } from '../../platform/audit.js';
import type { AppContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { type Actor, isUnitInScope, requireScope, type Scope, scopeWithin } from '../../platform/scope.js';
import * as repo from './members.notices.repository.js';
import { presentPossibleTransfer } from './members.presenter.js';

/**
 * Possible transfers: the same person entered in a second unit is refused there (nothing of the
 * attempt is written), and a note is left so that the unit holding the member sees the request too.
 * A transfer of the person, or a dismissal by either side, closes it.
 */
export type TransferSource = (typeof POSSIBLE_TRANSFER_SOURCES)[number];
export type Conflict = { personId: number; membershipId: number; unitId: number };

/** Called after the refusal, in its own transaction: one open note per person and requesting unit. */
export async function notePossibleTransfers(
  db: Db,
  conflicts: Conflict[],
  requestingUnitId: number,
  source: TransferSource,
  userId: number | null,
): Promise<void> {
  const relevant = conflicts.filter((c) => c.unitId !== requestingUnitId);
  if (relevant.length === 0) return;
  await db.transaction().execute(async (trx) => {
    const already = await repo.openRequestsFrom(
      trx,
      requestingUnitId,
      relevant.map((c) => c.personId),
    );
    const now = new Date().toISOString();
    const rows = relevant
      .filter((c, i) => !already.has(c.personId) && relevant.findIndex((d) => d.personId === c.personId) === i)
      .map((c) => ({
        person_id: c.personId,
        holding_membership_id: c.membershipId,
        holding_unit_id: c.unitId,
        requesting_unit_id: requestingUnitId,
        source,
        requested_by: userId,
        requested_at: now,
        closed_at: null,
        resolution: null,
        closed_by: null,
        note: null,
      }));
    await repo.insertPossibleTransfers(trx, rows);
  });
}

/** A transfer of the person settles every open request about them. Runs in the transfer's transaction. */
export async function closeOnTransfer(db: Db, personId: number, userId: number): Promise<void> {
  await repo.closeRequests(db, { personId }, { resolution: 'transferred', by: userId });
}

async function present(db: Db, readScope: Scope, r: repo.PossibleTransferRow) {
  return presentPossibleTransfer(r, {
    holding: await isUnitInScope(db, r.holding_unit_id, readScope),
    requesting: await isUnitInScope(db, r.requesting_unit_id, readScope),
  });
}

export async function listPossibleTransfers(ctx: AppContext, actor: Actor, q: z.output<typeof ZPossibleTransferQuery>) {
  const scope = await scopeWithin(ctx.db, actor, 'record.read', q.unitId);
  const readScope = await requireScope(ctx.db, actor, 'record.read');
  const page = await repo.requestPage(ctx.db, scope, q);
  const items = [];
  for (const r of page.rows) items.push(await present(ctx.db, readScope, r));
  return { total: page.total, items };
}

/** Either side (with write access) may close a request that is not a transfer after all. */
export async function dismissPossibleTransfer(
  ctx: AppContext,
  actor: Actor,
  id: number,
  input: z.output<typeof ZPossibleTransferDismiss>,
) {
  const scope = await requireScope(ctx.db, actor, 'record.write');
  const row = await repo.requestById(ctx.db, scope, id);
  if (!row) throw new AppError('NOT_FOUND');
  if (row.closed_at !== null) throw new AppError('POSSIBLE_TRANSFER_CLOSED');
  const inHolding = await isUnitInScope(ctx.db, row.holding_unit_id, scope);
  await ctx.db.transaction().execute(async (trx) => {
    await repo.closeRequests(trx, { id }, { resolution: 'dismissed', by: actor.userId, note: input.note });
    await audit(trx, actor, {
      action: 'member.possible_transfer.dismiss',
      entity: 'possible_transfer',
      entityId: id,
      unitId: inHolding ? row.holding_unit_id : row.requesting_unit_id,
      after: { note: input.note, personId: row.person_id },
    });
  });
  const readScope = await requireScope(ctx.db, actor, 'record.read');
  const updated = await repo.requestById(ctx.db, readScope, id);
  if (!updated) throw new AppError('NOT_FOUND');
  return present(ctx.db, readScope, updated);
}
