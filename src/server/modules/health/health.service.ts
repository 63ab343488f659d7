import { ping } from '../../db/database.js';
import type { AppContext } from '../../platform/context.js';

/** Answers only once the database does, so a load balancer stops sending to a process that lost it. */
export async function status(ctx: AppContext) {
  await ping(ctx.db);
  return { status: 'ok' as const, version: ctx.version, db: ctx.dbKind, time: new Date().toISOString() };
}
