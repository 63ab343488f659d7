import type { z } from 'zod';
import type { ZAuditQuery } from '../../../shared/audit/contract.js';
import { addDays } from '../../../shared/text/index.js';
import type { AppContext } from '../../platform/context.js';
import { dayStartUtc } from '../../platform/dates.js';
import { type Actor, scopeWithin } from '../../platform/scope.js';
import { presentEntries } from './audit.presenter.js';
import * as repo from './audit.repository.js';

/**
 * The audit log is read by those who manage users, and only about the units in their scope; a unit
 * filter narrows it to that unit's subtree (a unit outside the scope is 404). The period is calendar
 * days in the app's time zone, both ends included.
 */
export async function list(ctx: AppContext, actor: Actor, q: z.output<typeof ZAuditQuery>) {
  const scope = await scopeWithin(ctx.db, actor, 'user.manage', q.unitId);
  const tz = ctx.config.timeZone;
  const { total, rows } = await repo.listEntries(ctx.db, scope, {
    userId: q.userId,
    action: q.action,
    fromAt: q.from ? dayStartUtc(tz, q.from) : undefined,
    toAt: q.to ? dayStartUtc(tz, addDays(q.to, 1)) : undefined,
    limit: q.limit,
    offset: q.offset,
  });
  return { total, items: await presentEntries(ctx.db, actor.locale, rows) };
}
