import type { TMe } from '../../../shared/auth/contract.js';
import { type Permission, ROLE_PERMISSIONS } from '../../../shared/auth/roles.js';
import type { Locale } from '../../../shared/errors/codes.js';
import { audit } from '../../platform/audit.js';
import type { AppContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { dummyPasswordHash, hashPassword, verifyPassword } from '../../platform/password.js';
import type { Actor } from '../../platform/scope.js';
import { createSession, deleteUserSessions, loadActorForUser } from '../../platform/session.js';

/**
 * Failed sign-ins are counted in the database (not in process memory) so the limit holds across
 * app processes and restarts: per account, against guessing one password; per IP, against spraying.
 */
async function assertNotLocked(ctx: AppContext, username: string, ip: string): Promise<void> {
  const { windowMinutes, maxFailuresPerAccount, maxFailuresPerIp } = ctx.config.login;
  const since = new Date(Date.now() - windowMinutes * 60_000).toISOString();
  const count = async (column: 'username' | 'ip', value: string) => {
    const row = await ctx.db
      .selectFrom('login_attempt')
      .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.min('at').as('first')])
      .where(column, '=', value)
      .where('success', '=', 0)
      .where('at', '>=', since)
      .executeTakeFirstOrThrow();
    return { n: Number(row.n), first: row.first as string | null };
  };
  for (const [column, value, max] of [
    ['username', username, maxFailuresPerAccount],
    ['ip', ip, maxFailuresPerIp],
  ] as const) {
    const { n, first } = await count(column, value);
    if (n >= max) {
      const unlockAt = Date.parse(first ?? new Date().toISOString()) + windowMinutes * 60_000;
      const minutes = Math.max(1, Math.ceil((unlockAt - Date.now()) / 60_000));
      throw new AppError('LOGIN_LOCKED', { minutes });
    }
  }
}

export async function login(
  ctx: AppContext,
  input: { username: string; password: string },
  ip: string,
  userAgent: string | null,
) {
  await assertNotLocked(ctx, input.username, ip);
  const user = await ctx.db
    .selectFrom('app_user')
    .select(['id', 'password_hash', 'active'])
    .where('username', '=', input.username)
    .executeTakeFirst();
  // Hash even when the account is missing, so response time does not reveal which usernames exist.
  const ok = await verifyPassword(input.password, user?.password_hash ?? (await dummyPasswordHash()));
  const success = Boolean(user && ok && user.active === 1);
  await ctx.db
    .insertInto('login_attempt')
    .values({ username: input.username, ip, at: new Date().toISOString(), success: success ? 1 : 0 })
    .execute();
  if (!success || !user) throw new AppError('INVALID_CREDENTIALS');
  const session = await createSession(ctx.db, ctx.config, user.id, ip, userAgent);
  const actor = await loadActorForUser(ctx.db, user.id, ip);
  if (!actor) throw new AppError('INVALID_CREDENTIALS');
  await audit(ctx.db, actor, { action: 'login', entity: 'user', entityId: user.id });
  return { session, actor };
}

export async function me(ctx: AppContext, actor: Actor, csrfToken: string, sessionId: string): Promise<TMe> {
  const units = actor.roles.length
    ? await ctx.db
        .selectFrom('org_unit')
        .select(['id', 'name', 'code'])
        .where(
          'id',
          'in',
          actor.roles.map((r) => r.unitId),
        )
        .execute()
    : [];
  const byId = new Map(units.map((u) => [u.id, u]));
  const permissions = new Set<Permission>();
  for (const r of actor.roles) for (const p of ROLE_PERMISSIONS[r.role]) permissions.add(p);
  const session = await ctx.db
    .selectFrom('session')
    .select('expires_at')
    .where('id', '=', sessionId)
    .executeTakeFirstOrThrow();
  return {
    user: { id: actor.userId, username: actor.username, fullName: actor.fullName, locale: actor.locale },
    roles: actor.roles.map((r) => ({
      unitId: r.unitId,
      unitName: byId.get(r.unitId)?.name ?? '',
      unitCode: byId.get(r.unitId)?.code ?? '',
      role: r.role,
    })),
    permissions: [...permissions],
    csrfToken,
    sessionExpiresAt: session.expires_at,
  };
}

export async function setLocale(ctx: AppContext, actor: Actor, locale: Locale): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('app_user')
      .set({ locale, updated_at: new Date().toISOString() })
      .where('id', '=', actor.userId)
      .execute();
    await audit(trx, actor, {
      action: 'user.locale',
      entity: 'user',
      entityId: actor.userId,
      before: { locale: actor.locale },
      after: { locale },
    });
  });
  actor.locale = locale;
}

export async function changePassword(
  ctx: AppContext,
  actor: Actor,
  input: { currentPassword: string; newPassword: string },
  keepSessionId: string,
): Promise<void> {
  const user = await ctx.db
    .selectFrom('app_user')
    .select('password_hash')
    .where('id', '=', actor.userId)
    .executeTakeFirstOrThrow();
  if (!(await verifyPassword(input.currentPassword, user.password_hash))) throw new AppError('WRONG_PASSWORD');
  const hash = await hashPassword(input.newPassword);
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('app_user')
      .set({ password_hash: hash, updated_at: new Date().toISOString() })
      .where('id', '=', actor.userId)
      .execute();
    // Other devices signed in with the old password are signed out.
    await trx.deleteFrom('session').where('user_id', '=', actor.userId).where('id', '!=', keepSessionId).execute();
    await audit(trx, actor, { action: 'password.change', entity: 'user', entityId: actor.userId });
  });
}

export { deleteUserSessions };
