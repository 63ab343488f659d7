import { ROLE_NAMES, type Role } from '../../shared/auth/roles.js';
import { ensureFirstAdmin, ensureRoot } from '../bootstrap/first-admin.js';
import { importLists } from '../modules/admin-units/admin-units.service.js';
import * as org from '../modules/org/org.service.js';
import { insertUserWithRoles } from '../modules/users/users.repository.js';
import type { AppContext } from '../platform/context.js';
import { generatePassword, hashPassword } from '../platform/password.js';
import { loadActorForUser } from '../platform/session.js';
import { DEMO_ADMIN_UNITS } from './admin-units-data.js';
import {
  COMMUNE_UNIONS_2025,
  DEMO_ACCOUNTS,
  type DemoUnit,
  DISTRICT_SUCCESSORS_2025,
  MOVES_2025,
  REFORM_DATE,
  UNITS_2024,
} from './demo-data.js';
import { loadDemoMembers } from './demo-members.js';
import { loadDemoPlans } from './demo-plans.js';
import { loadDemoReviews } from './demo-reviews.js';
import { loadDemoWork } from './demo-work.js';

export type DemoAccount = { username: string; password: string; unit: string; role: string };

/**
 * Loads the demo through the same services users call, so the demo's history is made of the same
 * dated events (create, move, dissolve, merge) as real data. Idempotent: a loaded demo is left alone.
 */
export async function loadDemo(ctx: AppContext): Promise<{ loaded: boolean; accounts: DemoAccount[] }> {
  const db = ctx.db;
  if (await db.selectFrom('org_unit').select('id').where('code', '=', 'PHURIENG').executeTakeFirst()) {
    return { loaded: false, accounts: [] };
  }
  const accounts: DemoAccount[] = [];
  const first = await ensureFirstAdmin(db);
  if (first) accounts.push({ username: first.username, password: first.password, unit: 'TLD', role: 'system_admin' });
  await ensureRoot(db);
  // The communes it names, unless the official lists are already there.
  if (!(await db.selectFrom('admin_unit').select('id').limit(1).executeTakeFirst()))
    await importLists(db, DEMO_ADMIN_UNITS);
  const sysRole = await db
    .selectFrom('user_role')
    .select('user_id')
    .where('role', '=', 'system_admin')
    .orderBy('id')
    .executeTakeFirstOrThrow();
  const actor = await loadActorForUser(db, sysRole.user_id, null);
  if (!actor) throw new Error('system administrator not found');

  const ids = new Map<string, number>();
  const idOf = async (code: string) => {
    const known = ids.get(code);
    if (known) return known;
    const row = await db.selectFrom('org_unit').select('id').where('code', '=', code).executeTakeFirstOrThrow();
    ids.set(code, row.id);
    return row.id;
  };
  const create = async (u: DemoUnit) => {
    const d = await org.create(ctx, actor, {
      code: u.code,
      name: u.name,
      shortName: u.shortName ?? null,
      typeCode: u.typeCode,
      parentId: await idOf(u.parent),
      adminAreaCode: u.area?.[0] ?? null,
      adminAreaName: u.area?.[1] ?? null,
      address: u.address ?? null,
      foundingDecisionNo: u.decision?.[0] ?? null,
      foundingDecisionDate: u.decision?.[1] ?? null,
      validFrom: u.from,
      note: null,
    });
    ids.set(u.code, d.id);
  };

  for (const u of [...UNITS_2024].sort((a, b) => a.from.localeCompare(b.from))) await create(u);
  for (const u of COMMUNE_UNIONS_2025) await create(u);
  const reform = {
    decisionNo: '4173/TLĐ-ToC',
    decisionDate: '2025-05-28',
    note: 'Sắp xếp tổ chức bộ máy: kết thúc hoạt động công đoàn cấp huyện, thành lập công đoàn xã/phường',
  };
  for (const m of MOVES_2025) {
    await org.move(ctx, actor, await idOf(m.unit), {
      effectiveDate: REFORM_DATE,
      newParentId: await idOf(m.to),
      adminAreaCode: m.area[0],
      adminAreaName: m.area[1],
      ...reform,
    });
  }
  for (const [district, successor] of Object.entries(DISTRICT_SUCCESSORS_2025)) {
    await org.dissolve(ctx, actor, await idOf(district), {
      effectiveDate: REFORM_DATE,
      successorId: await idOf(successor),
      ...reform,
    });
  }
  await org.merge(ctx, actor, await idOf('BINHPHUOC'), {
    effectiveDate: REFORM_DATE,
    targetId: await idOf('DONGNAI'),
    decisionNo: '759/QĐ-TTg',
    decisionDate: '2025-04-14',
    note: 'Hợp nhất tỉnh Bình Phước và tỉnh Đồng Nai thành tỉnh Đồng Nai',
  });

  await loadDemoMembers(ctx, actor, idOf);
  await loadDemoPlans(ctx, actor, idOf);
  await loadDemoWork(ctx, actor, idOf);
  await loadDemoReviews(ctx, actor, idOf);

  for (const a of DEMO_ACCOUNTS) {
    const password = generatePassword();
    await insertUserWithRoles(db, {
      username: a.username,
      fullName: a.fullName,
      passwordHash: await hashPassword(password),
      roles: [{ unitId: await idOf(a.unit), role: a.role }],
      createdBy: actor.userId,
    });
    accounts.push({ username: a.username, password, unit: a.unit, role: a.role });
  }
  return { loaded: true, accounts };
}

/** The accounts as the CLI prints them: roles by their Vietnamese names ("Cán bộ"), not their keys. */
export function formatAccounts(accounts: DemoAccount[]): string {
  const roleName = (r: string) => (Object.hasOwn(ROLE_NAMES, r) ? ROLE_NAMES[r as Role].vi : r);
  const lines = accounts.map(
    (a) => `  ${a.username.padEnd(18)} ${a.password.padEnd(18)} ${roleName(a.role).padEnd(17)} ${a.unit}`,
  );
  return [`  ${'Tên đăng nhập'.padEnd(18)} ${'Mật khẩu'.padEnd(18)} ${'Vai trò'.padEnd(17)} Đơn vị`, ...lines].join(
    '\n',
  );
}
