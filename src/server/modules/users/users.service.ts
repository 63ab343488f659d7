import type { z } from 'zod';
import { GRANTABLE, ROLE_PERMISSIONS, type Role } from '../../../shared/auth/roles.js';
import { fold } from '../../../shared/text/index.js';
import type { ZRoleGrant, ZUserCreate, ZUserEdit, ZUserListQuery } from '../../../shared/users/contract.js';
import type { Db } from '../../db/database.js';
import { audit } from '../../platform/audit.js';
import type { AppContext } from '../../platform/context.js';
import { nowMs } from '../../platform/dates.js';
import { AppError } from '../../platform/errors.js';
import { generatePassword, hashPassword } from '../../platform/password.js';
import {
  type Actor,
  isUnitInScope,
  requireScope,
  requireUnitInScope,
  type Scope,
  scopeForUnits,
} from '../../platform/scope.js';
import { deleteUserSessions } from '../../platform/session.js';
import { clearAccountThrottle, slowedAccounts } from '../auth/auth.repository.js';
import { presentUser } from './users.presenter.js';
import * as repo from './users.repository.js';

/** Roles the actor may grant at a unit: from each of the actor's admin roles whose subtree holds it. */
async function grantableAt(db: Db, actor: Actor, unitId: number): Promise<Set<Role>> {
  const out = new Set<Role>();
  for (const r of actor.roles) {
    if (!ROLE_PERMISSIONS[r.role].includes('user.manage')) continue;
    const s = await scopeForUnits(db, 'user.manage', [r.unitId]);
    if (await isUnitInScope(db, unitId, s)) for (const g of GRANTABLE[r.role]) out.add(g);
  }
  return out;
}

async function assertGrantable(db: Db, actor: Actor, scope: Scope, grant: z.output<typeof ZRoleGrant>) {
  await requireUnitInScope(db, grant.unitId, scope);
  if (!(await grantableAt(db, actor, grant.unitId)).has(grant.role)) throw new AppError('ROLE_NOT_GRANTABLE');
}

/** Account-wide changes (password, deactivation) need authority over every role the user holds. */
async function assertWholeUserInScope(db: Db, scope: Scope, userId: number) {
  const roles = await repo.rolesOf(db, [userId]);
  for (const r of roles) if (!(await isUnitInScope(db, r.unit_id, scope))) throw new AppError('USER_OUTSIDE_SCOPE');
}

/** Roles elsewhere in the tree are not the caller's business: only roles inside the scope are shown. */
async function rolesInScope(db: Db, scope: Scope, userIds: number[]) {
  const out = [];
  for (const r of await repo.rolesOf(db, userIds)) if (await isUnitInScope(db, r.unit_id, scope)) out.push(r);
  return out;
}

/** Which of these accounts are slowed at sign-in now (from some source, past the free failures). */
function slowedNow(ctx: AppContext, usernames: string[]) {
  const now = new Date(nowMs(ctx)).toISOString();
  return slowedAccounts(ctx.db, usernames, now, ctx.config.login.freeFailures);
}

async function view(ctx: AppContext, scope: Scope, id: number) {
  const u = await repo.findVisibleUser(ctx.db, scope, id);
  if (!u) throw new AppError('NOT_FOUND');
  return presentUser(u, await rolesInScope(ctx.db, scope, [id]), await slowedNow(ctx, [u.username]));
}

export async function list(ctx: AppContext, actor: Actor, q: z.output<typeof ZUserListQuery>) {
  const scope = await requireScope(ctx.db, actor, 'user.manage');
  if (q.unitId !== undefined) await requireUnitInScope(ctx.db, q.unitId, scope);
  const { total, rows } = await repo.listUsers(ctx.db, scope, {
    folded: q.q ? fold(q.q) : undefined,
    unitId: q.unitId,
    limit: q.limit,
    offset: q.offset,
  });
  const roles = await rolesInScope(
    ctx.db,
    scope,
    rows.map((r) => r.id),
  );
  const slowed = await slowedNow(
    ctx,
    rows.map((r) => r.username),
  );
  return { total, items: rows.map((u) => presentUser(u, roles, slowed)) };
}

export async function get(ctx: AppContext, actor: Actor, id: number) {
  const scope = await requireScope(ctx.db, actor, 'user.manage');
  return view(ctx, scope, id);
}

export async function create(ctx: AppContext, actor: Actor, input: z.output<typeof ZUserCreate>) {
  const scope = await requireScope(ctx.db, actor, 'user.manage');
  for (const g of input.roles) await assertGrantable(ctx.db, actor, scope, g);
  if (await repo.userByUsername(ctx.db, input.username)) {
    throw new AppError('USERNAME_TAKEN', { username: input.username });
  }
  const generated = input.password ? null : generatePassword();
  const hash = await hashPassword(input.password ?? generated ?? '');
  const id = await ctx.db.transaction().execute(async (trx) => {
    const userId = await repo.insertUserWithRoles(trx, {
      username: input.username,
      fullName: input.fullName,
      email: input.email,
      phone: input.phone,
      passwordHash: hash,
      roles: input.roles,
      createdBy: actor.userId,
    });
    const { password: _p, ...safe } = input;
    await audit(trx, actor, {
      action: 'user.create',
      entity: 'user',
      entityId: userId,
      unitId: input.roles[0]?.unitId,
      after: safe,
    });
    return userId;
  });
  return { user: await view(ctx, scope, id), generatedPassword: generated };
}

export async function edit(ctx: AppContext, actor: Actor, id: number, input: z.output<typeof ZUserEdit>) {
  const scope = await requireScope(ctx.db, actor, 'user.manage');
  const before = await view(ctx, scope, id);
  await assertWholeUserInScope(ctx.db, scope, id);
  if (input.active === false && id === actor.userId) throw new AppError('FORBIDDEN');
  await ctx.db.transaction().execute(async (trx) => {
    await repo.updateUser(trx, id, input);
    if (input.active === false) await deleteUserSessions(trx, id);
    await audit(trx, actor, { action: 'user.edit', entity: 'user', entityId: id, before, after: input });
  });
  return view(ctx, scope, id);
}

export async function addRole(ctx: AppContext, actor: Actor, id: number, grant: z.output<typeof ZRoleGrant>) {
  const scope = await requireScope(ctx.db, actor, 'user.manage');
  await view(ctx, scope, id);
  await assertGrantable(ctx.db, actor, scope, grant);
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await repo.addRoleOnce(trx, { userId: id, ...grant, createdBy: actor.userId }))) return;
    await audit(trx, actor, {
      action: 'user.role.add',
      entity: 'user',
      entityId: id,
      unitId: grant.unitId,
      after: grant,
    });
  });
  return view(ctx, scope, id);
}

export async function removeRole(ctx: AppContext, actor: Actor, id: number, roleId: number) {
  const scope = await requireScope(ctx.db, actor, 'user.manage');
  await view(ctx, scope, id);
  const role = await repo.roleOfUser(ctx.db, id, roleId);
  if (!role || !(await isUnitInScope(ctx.db, role.unit_id, scope))) throw new AppError('NOT_FOUND');
  if (!(await grantableAt(ctx.db, actor, role.unit_id)).has(role.role)) throw new AppError('ROLE_NOT_GRANTABLE');
  const count = (await repo.rolesOf(ctx.db, [id])).length;
  if (count <= 1) throw new AppError('LAST_ROLE');
  await ctx.db.transaction().execute(async (trx) => {
    await repo.deleteRole(trx, roleId);
    await audit(trx, actor, {
      action: 'user.role.remove',
      entity: 'user',
      entityId: id,
      unitId: role.unit_id,
      before: role,
    });
  });
  return view(ctx, scope, id);
}

/**
 * Ends the slowing of an account's sign-ins from every source (wrong passwords typed by its owner, or
 * someone guessing): an account-wide change like a new password, so it needs authority over all its roles.
 */
export async function unlockLogin(ctx: AppContext, actor: Actor, id: number) {
  const scope = await requireScope(ctx.db, actor, 'user.manage');
  const user = await view(ctx, scope, id);
  await assertWholeUserInScope(ctx.db, scope, id);
  await ctx.db.transaction().execute(async (trx) => {
    const sources = await clearAccountThrottle(trx, user.username);
    await audit(trx, actor, {
      action: 'user.login.unlock',
      entity: 'user',
      entityId: id,
      before: { loginSlowedUntil: user.loginSlowedUntil, sources },
    });
  });
  return view(ctx, scope, id);
}

export async function resetPassword(ctx: AppContext, actor: Actor, id: number) {
  const scope = await requireScope(ctx.db, actor, 'user.manage');
  const user = await view(ctx, scope, id);
  await assertWholeUserInScope(ctx.db, scope, id);
  const generated = generatePassword();
  const hash = await hashPassword(generated);
  await ctx.db.transaction().execute(async (trx) => {
    await repo.setPasswordHash(trx, id, hash);
    await deleteUserSessions(trx, id);
    // The new password starts with a clean slate at sign-in.
    await clearAccountThrottle(trx, user.username);
    await audit(trx, actor, { action: 'user.password.reset', entity: 'user', entityId: id });
  });
  return { generatedPassword: generated };
}
