import type { TMe } from '../../../shared/auth/contract.js';
import { type Permission, ROLE_PERMISSIONS } from '../../../shared/auth/roles.js';
import type { Locale } from '../../../shared/errors/codes.js';
import { audit } from '../../platform/audit.js';
import type { AppContext } from '../../platform/context.js';
import { today } from '../../platform/dates.js';
import { AppError } from '../../platform/errors.js';
import { dummyPasswordHash, hashPassword, verifyPassword } from '../../platform/password.js';
import type { Actor } from '../../platform/scope.js';
import { createSession, deleteSession, loadActorForUser } from '../../platform/session.js';
import { successorOf } from '../../platform/unit-life.js';
import { setPasswordHash } from '../users/users.repository.js';
import * as repo from './auth.repository.js';
import * as throttle from './auth.throttle.js';

/** Checks the password and opens a session: the answer is who signed in, and the cookie's token. */
export async function login(
  ctx: AppContext,
  input: { username: string; password: string },
  ip: string,
  userAgent: string | null,
) {
  // A slowed (username, source) pair is refused here, before the password is looked at.
  const turn = await throttle.takeTurn(ctx, input.username, ip);
  const user = await repo.credentialsByUsername(ctx.db, input.username);
  // Hash even when the account is missing, so response time does not reveal which usernames exist.
  const ok = await verifyPassword(input.password, user?.password_hash ?? (await dummyPasswordHash()));
  if (!user || !ok || user.active !== 1) {
    await throttle.failed(ctx, turn);
    throw new AppError('INVALID_CREDENTIALS');
  }
  await throttle.succeeded(ctx, turn);
  const session = await createSession(ctx.db, ctx.config, user.id, ip, userAgent);
  const actor = await loadActorForUser(ctx.db, user.id, ip);
  if (!actor) throw new AppError('INVALID_CREDENTIALS');
  await audit(ctx.db, actor, { action: 'login', entity: 'user', entityId: user.id });
  return { token: session.token, actor, me: await me(ctx, actor, session.csrfToken, session.id) };
}

export async function logout(ctx: AppContext, sessionId: string | null): Promise<{ ok: true }> {
  if (sessionId) await deleteSession(ctx.db, sessionId);
  return { ok: true };
}

export async function me(ctx: AppContext, actor: Actor, csrfToken: string, sessionId: string): Promise<TMe> {
  const units = await repo.unitNames(
    ctx.db,
    actor.roles.map((r) => r.unitId),
  );
  const byId = new Map(units.map((u) => [u.id, u]));
  const now = today(ctx);
  const ended = units.filter((u) => u.valid_to !== null && u.valid_to <= now);
  const successors = new Map(
    await Promise.all(ended.map(async (u) => [u.id, (await successorOf(ctx.db, u.id))?.name ?? null] as const)),
  );
  const permissions = new Set<Permission>();
  for (const r of actor.roles) for (const p of ROLE_PERMISSIONS[r.role]) permissions.add(p);
  const session = await repo.sessionExpiry(ctx.db, sessionId);
  return {
    user: { id: actor.userId, username: actor.username, fullName: actor.fullName, locale: actor.locale },
    roles: actor.roles.map((r) => ({
      unitId: r.unitId,
      unitName: byId.get(r.unitId)?.name ?? '',
      unitCode: byId.get(r.unitId)?.code ?? '',
      role: r.role,
      unitEndedOn: ended.some((u) => u.id === r.unitId) ? (byId.get(r.unitId)?.valid_to ?? null) : null,
      successorName: successors.get(r.unitId) ?? null,
    })),
    permissions: [...permissions],
    csrfToken,
    sessionExpiresAt: session.expires_at,
  };
}

export async function setLocale(ctx: AppContext, actor: Actor, locale: Locale): Promise<{ ok: true }> {
  await ctx.db.transaction().execute(async (trx) => {
    await repo.setLocale(trx, actor.userId, locale);
    await audit(trx, actor, {
      action: 'user.locale',
      entity: 'user',
      entityId: actor.userId,
      before: { locale: actor.locale },
      after: { locale },
    });
  });
  actor.locale = locale;
  return { ok: true };
}

export async function changePassword(
  ctx: AppContext,
  actor: Actor,
  input: { currentPassword: string; newPassword: string },
  keepSessionId: string,
): Promise<{ ok: true }> {
  const user = await repo.passwordHashOf(ctx.db, actor.userId);
  if (!(await verifyPassword(input.currentPassword, user.password_hash))) throw new AppError('WRONG_PASSWORD');
  const hash = await hashPassword(input.newPassword);
  await ctx.db.transaction().execute(async (trx) => {
    await setPasswordHash(trx, actor.userId, hash);
    // Other devices signed in with the old password are signed out.
    await repo.deleteOtherSessions(trx, actor.userId, keepSessionId);
    await audit(trx, actor, { action: 'password.change', entity: 'user', entityId: actor.userId });
  });
  return { ok: true };
}
