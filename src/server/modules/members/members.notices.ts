import type { z } from 'zod';
import type {
  POSSIBLE_TRANSFER_SOURCES,
  TPossibleTransfer,
  ZPossibleTransferDismiss,
  ZPossibleTransferQuery,
} from '../../../shared/members/contract.js';
import type { Db } from '../../db/database.js';
import { audit } from '../../platform/audit.js';
import type { AppContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { type Actor, isUnitInScope, requireScope, type Scope, scopeWithin, unitInScope } from '../../platform/scope.js';

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
    const open = await trx
      .selectFrom('possible_transfer')
      .select('person_id')
      .where('requesting_unit_id', '=', requestingUnitId)
      .where('closed_at', 'is', null)
      .where(
        'person_id',
        'in',
        relevant.map((c) => c.personId),
      )
      .execute();
    const already = new Set(open.map((o) => o.person_id));
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
    if (rows.length > 0) await trx.insertInto('possible_transfer').values(rows).execute();
  });
}

/** A transfer of the person settles every open request about them. Runs in the transfer's transaction. */
export async function closeOnTransfer(db: Db, personId: number, userId: number): Promise<void> {
  await db
    .updateTable('possible_transfer')
    .set({ closed_at: new Date().toISOString(), resolution: 'transferred', closed_by: userId })
    .where('person_id', '=', personId)
    .where('closed_at', 'is', null)
    .execute();
}

function base(db: Db, scope: Scope) {
  return db
    .selectFrom('possible_transfer as pt')
    .innerJoin('person as p', 'p.id', 'pt.person_id')
    .innerJoin('org_unit as hu', 'hu.id', 'pt.holding_unit_id')
    .innerJoin('org_unit as ru', 'ru.id', 'pt.requesting_unit_id')
    .where((eb) =>
      eb.or([unitInScope(eb, 'pt.holding_unit_id', scope), unitInScope(eb, 'pt.requesting_unit_id', scope)]),
    )
    .select([
      'pt.id',
      'pt.person_id',
      'p.full_name',
      'p.cccd_masked',
      'pt.holding_membership_id',
      'pt.holding_unit_id',
      'hu.name as holding_unit_name',
      'pt.requesting_unit_id',
      'ru.name as requesting_unit_name',
      'pt.source',
      'pt.requested_at',
      'pt.closed_at',
      'pt.resolution',
      'pt.note',
    ]);
}
type Row = Awaited<ReturnType<ReturnType<typeof base>['execute']>>[number];

async function present(db: Db, scope: Scope, r: Row): Promise<TPossibleTransfer> {
  // Each side learns of the other only as far as its scope reaches; a common superior sees both.
  const holding = await isUnitInScope(db, r.holding_unit_id, scope);
  const requesting = await isUnitInScope(db, r.requesting_unit_id, scope);
  return {
    id: r.id,
    personId: r.person_id,
    fullName: r.full_name,
    cccdMasked: r.cccd_masked,
    side: holding && requesting ? 'both' : holding ? 'holding' : 'requesting',
    holdingMembershipId: holding ? r.holding_membership_id : null,
    holdingUnit: holding ? { id: r.holding_unit_id, name: r.holding_unit_name } : null,
    requestingUnit: requesting ? { id: r.requesting_unit_id, name: r.requesting_unit_name } : null,
    source: r.source as TPossibleTransfer['source'],
    requestedAt: r.requested_at,
    closedAt: r.closed_at,
    resolution: r.resolution as TPossibleTransfer['resolution'],
    note: r.note,
  };
}

export async function listPossibleTransfers(ctx: AppContext, actor: Actor, q: z.output<typeof ZPossibleTransferQuery>) {
  const scope = await scopeWithin(ctx.db, actor, 'record.read', q.unitId);
  const readScope = await requireScope(ctx.db, actor, 'record.read');
  const query = base(ctx.db, scope).where('pt.closed_at', q.open ? 'is' : 'is not', null);
  const total = await query
    .clearSelect()
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const rows = await query
    .orderBy('pt.requested_at', 'desc')
    .orderBy('pt.id', 'desc')
    .limit(q.limit)
    .offset(q.offset)
    .execute();
  const items = [];
  for (const r of rows) items.push(await present(ctx.db, readScope, r));
  return { total: Number(total.n), items };
}

/** Either side (with write access) may close a request that is not a transfer after all. */
export async function dismissPossibleTransfer(
  ctx: AppContext,
  actor: Actor,
  id: number,
  input: z.output<typeof ZPossibleTransferDismiss>,
) {
  const scope = await requireScope(ctx.db, actor, 'record.write');
  const row = await base(ctx.db, scope).where('pt.id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND');
  if (row.closed_at !== null) throw new AppError('POSSIBLE_TRANSFER_CLOSED');
  const inHolding = await isUnitInScope(ctx.db, row.holding_unit_id, scope);
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('possible_transfer')
      .set({ closed_at: new Date().toISOString(), resolution: 'dismissed', closed_by: actor.userId, note: input.note })
      .where('id', '=', id)
      .execute();
    await audit(trx, actor, {
      action: 'member.possible_transfer.dismiss',
      entity: 'possible_transfer',
      entityId: id,
      unitId: inHolding ? row.holding_unit_id : row.requesting_unit_id,
      after: { note: input.note, personId: row.person_id },
    });
  });
  const readScope = await requireScope(ctx.db, actor, 'record.read');
  const updated = await base(ctx.db, readScope).where('pt.id', '=', id).executeTakeFirstOrThrow();
  return present(ctx.db, readScope, updated);
}
