import { joinMessages } from '../../../shared/imports/messages.js';
import { audit } from '../../platform/audit.js';
import type { AppContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { blockers } from '../../platform/import/index.js';
import { type Actor, requireScope } from '../../platform/scope.js';
import { importKind } from './import.kinds.js';
import * as repo from './imports.repository.js';
import { batchFor } from './imports.service.js';

/**
 * Undoes a committed batch: what it inserted is deleted and what it updated restored, by its kind —
 * refused while anything newer depends on it (the kind says what: a later edit, survey, transfer…).
 * Undoing is a federation administrator's act (org.manage) within the batch's scope.
 */
export async function undo(ctx: AppContext, actor: Actor, batchId: number) {
  const b = await batchFor(ctx, actor, batchId, 'record.write');
  const manage = await requireScope(ctx.db, actor, 'org.manage').catch(() => null);
  if (!manage) throw new AppError('FORBIDDEN');
  if (b.status !== 'committed' || !b.committed_at) throw new AppError('IMPORT_NOT_PENDING');
  const kind = importKind(b.kind);
  const changes = await repo.changesOf(ctx.db, batchId);
  const found = blockers(
    await kind.undoBlockers(ctx.db, { id: b.id, unitId: b.unit_id, committedAt: b.committed_at }, changes),
  );
  if (found.length > 0) {
    const count = found.reduce((n, x) => n + x.count, 0);
    throw new AppError('IMPORT_UNDO_BLOCKED', { count, what: joinMessages(found.map((x) => x.what)) });
  }
  await ctx.db.transaction().execute(async (trx) => {
    await kind.undo(trx, changes);
    await repo.markUndone(trx, batchId);
    await audit(trx, actor, {
      action: 'import.undo',
      entity: 'import_batch',
      entityId: batchId,
      unitId: b.unit_id,
      after: { changes: changes.length },
    });
  });
  return { ok: true as const };
}
