import { createHash, randomBytes } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../config.js';
import type { Db } from '../db/database.js';
import type { AppContext } from './context.js';
import { AppError, translateDbError } from './errors.js';
import type { Actor } from './scope.js';
import { writeLockHeld } from './write-lock.js';

export const SESSION_COOKIE = 'dv_session';
const TOUCH_EVERY_MS = 60_000;

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    sessionId: string | null;
    csrfToken: string | null;
  }
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

export async function createSession(
  db: Db,
  config: Config,
  userId: number,
  ip: string | null,
  userAgent: string | null,
): Promise<{ id: string; token: string; csrfToken: string; expiresAt: string }> {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const now = new Date();
  const expiresAt = new Date(now.getTime() + config.session.maxHours * 3600_000).toISOString();
  const id = sha256(token);
  await db
    .insertInto('session')
    .values({
      id,
      user_id: userId,
      csrf_token: csrfToken,
      created_at: now.toISOString(),
      expires_at: expiresAt,
      last_seen_at: now.toISOString(),
      ip,
      user_agent: userAgent?.slice(0, 300) ?? null,
    })
    .execute();
  return { id, token, csrfToken, expiresAt };
}

export async function deleteSession(db: Db, sessionId: string): Promise<void> {
  await db.deleteFrom('session').where('id', '=', sessionId).execute();
}

export async function deleteUserSessions(db: Db, userId: number): Promise<void> {
  await db.deleteFrom('session').where('user_id', '=', userId).execute();
}

export function setSessionCookie(reply: FastifyReply, config: Config, token: string): void {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: config.https,
    maxAge: config.session.maxHours * 3600,
  });
}

export function clearSessionCookie(reply: FastifyReply, config: Config): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'lax', secure: config.https });
}

export async function loadActorForUser(db: Db, userId: number, ip: string | null): Promise<Actor | null> {
  const user = await db
    .selectFrom('app_user')
    .select(['id', 'username', 'full_name', 'locale', 'active'])
    .where('id', '=', userId)
    .executeTakeFirst();
  if (user?.active !== 1) return null;
  const roles = await db
    .selectFrom('user_role')
    .select(['id', 'unit_id', 'role'])
    .where('user_id', '=', userId)
    .orderBy('id')
    .execute();
  return {
    userId: user.id,
    username: user.username,
    fullName: user.full_name,
    locale: user.locale,
    roles: roles.map((r) => ({ id: r.id, unitId: r.unit_id, role: r.role })),
    ip,
    scopeCache: new Map(),
  };
}

/**
 * Resolves the cookie to an actor. A session ends after its idle time or its absolute lifetime,
 * whichever comes first; both are checked here, in the database, so any app process can serve it.
 */
async function resolveSession(ctx: AppContext, req: FastifyRequest): Promise<void> {
  const token = req.cookies[SESSION_COOKIE];
  if (!token) return;
  const id = sha256(token);
  const s = await ctx.db.selectFrom('session').selectAll().where('id', '=', id).executeTakeFirst();
  if (!s) return;
  const now = Date.now();
  const idleLimit = Date.parse(s.last_seen_at) + ctx.config.session.idleMinutes * 60_000;
  if (now >= Date.parse(s.expires_at) || now >= idleLimit) {
    await deleteSession(ctx.db, id);
    return;
  }
  const actor = await loadActorForUser(ctx.db, s.user_id, req.ip);
  if (!actor) return;
  // The last-seen time is only bookkeeping for the idle limit: it waits while an import holds SQLite's
  // write lock (it would stall every request), and it never fails the request it rides on.
  if (now - Date.parse(s.last_seen_at) > TOUCH_EVERY_MS && !(ctx.dbKind === 'sqlite' && writeLockHeld())) {
    try {
      await ctx.db
        .updateTable('session')
        .set({ last_seen_at: new Date(now).toISOString() })
        .where('id', '=', id)
        .execute();
    } catch (e) {
      if (translateDbError(e)?.code !== 'DB_BUSY') throw e;
    }
  }
  req.actor = actor;
  req.sessionId = id;
  req.csrfToken = s.csrf_token;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * CSRF defence in depth: SameSite=Lax cookies; a cross-origin Origin header is refused on any
 * state-changing request; and a signed-in state change must echo the session's CSRF token in
 * X-CSRF-Token, which a foreign page cannot read.
 */
function checkCsrf(req: FastifyRequest): void {
  if (SAFE_METHODS.has(req.method)) return;
  const origin = req.headers.origin;
  if (origin && origin !== 'null') {
    let host: string | null = null;
    try {
      host = new URL(origin).host;
    } catch {
      host = null;
    }
    if (host !== req.headers.host) throw new AppError('CSRF');
  } else if (origin === 'null') {
    throw new AppError('CSRF');
  }
  if (req.actor && req.headers['x-csrf-token'] !== req.csrfToken) throw new AppError('CSRF');
}

export function sessionHook(ctx: AppContext) {
  return async (req: FastifyRequest) => {
    req.actor = null;
    req.sessionId = null;
    req.csrfToken = null;
    if (!req.url.startsWith('/api/')) return;
    await resolveSession(ctx, req);
    checkCsrf(req);
    if (!req.actor && !req.routeOptions.config?.public) throw new AppError('UNAUTHENTICATED');
  };
}

/** For handlers of session-only routes: the hook has already refused anonymous callers. */
export function actorOf(req: FastifyRequest): Actor {
  if (!req.actor) throw new AppError('UNAUTHENTICATED');
  return req.actor;
}
