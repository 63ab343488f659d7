import { createHash, randomBytes } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { sql } from 'kysely';
import type { Role } from '../../shared/auth/roles.js';
import type { Config } from '../config.js';
import type { Db } from '../db/database.js';
import { isPostgres } from '../db/dialect.js';
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
 * The session, its user, the user's roles and the tree's version in one statement: what every signed-in
 * request needs before its own work (issue 11 §2: five of a list request's seven statements were these).
 * Roles come as one JSON array so nothing about them can be stale; the tree version lets the scope of
 * those roles be kept across requests and processes (requireScope) until the tree changes.
 */
async function sessionRow(db: Db, id: string) {
  const roles = isPostgres(db)
    ? sql<string>`(select coalesce(json_agg(json_build_array(r.id, r.unit_id, r.role) order by r.id), '[]')::text
        from user_role r where r.user_id = s.user_id)`
    : sql<string>`(select coalesce(json_group_array(json_array(x.id, x.unit_id, x.role)), '[]')
        from (select r.id, r.unit_id, r.role from user_role r where r.user_id = s.user_id order by r.id) x)`;
  return db
    .selectFrom('session as s')
    .innerJoin('app_user as u', 'u.id', 's.user_id')
    .select([
      's.user_id',
      's.expires_at',
      's.last_seen_at',
      's.csrf_token',
      'u.username',
      'u.full_name',
      'u.locale',
      'u.active',
      roles.as('roles'),
      (eb) => eb.selectFrom('app_counter').select('value').where('key', '=', 'tree').as('tree_version'),
    ])
    .where('s.id', '=', id)
    .executeTakeFirst();
}

/**
 * Resolves the cookie to an actor. A session ends after its idle time or its absolute lifetime,
 * whichever comes first; both are checked here, in the database, so any app process can serve it.
 */
async function resolveSession(ctx: AppContext, req: FastifyRequest): Promise<void> {
  const token = req.cookies[SESSION_COOKIE];
  if (!token) return;
  const id = sha256(token);
  const s = await sessionRow(ctx.db, id);
  if (!s) return;
  const now = Date.now();
  const idleLimit = Date.parse(s.last_seen_at) + ctx.config.session.idleMinutes * 60_000;
  if (now >= Date.parse(s.expires_at) || now >= idleLimit) {
    await deleteSession(ctx.db, id);
    return;
  }
  if (s.active !== 1) return;
  const actor: Actor = {
    userId: s.user_id,
    username: s.username,
    fullName: s.full_name,
    locale: s.locale,
    roles: (JSON.parse(s.roles) as [number, number, Role][]).map(([rid, unitId, role]) => ({ id: rid, unitId, role })),
    ip: req.ip,
    scopeCache: new Map(),
    treeVersion: s.tree_version ?? undefined,
  };
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
