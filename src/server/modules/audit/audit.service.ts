import type { z } from 'zod';
import type { ZAuditQuery } from '../../../shared/audit/contract.js';
import type { AppContext } from '../../platform/context.js';
import { type Actor, requireScope, requireUnitInScope } from '../../platform/scope.js';
import { presentEntry } from './audit.presenter.js';
import * as repo from './audit.repository.js';

/** The audit log is read by those who manage users, and only about the units in their scope. */
export async function list(ctx: AppContext, actor: Actor, q: z.output<typeof ZAuditQuery>) {
  const scope = await requireScope(ctx.db, actor, 'user.manage');
  if (q.unitId !== undefined) await requireUnitInScope(ctx.db, q.unitId, scope);
  const { total, rows } = await repo.listEntries(ctx.db, scope, q);
  return { total, items: rows.map(presentEntry) };
}
