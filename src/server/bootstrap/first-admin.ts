import { fold } from '../../shared/text/index.js';
import type { Db } from '../db/database.js';
import { insertUserWithRoles } from '../modules/users/users.repository.js';
import { audit } from '../platform/audit.js';
import { generatePassword, hashPassword } from '../platform/password.js';

export const ROOT_CODE = 'TLD';
const ROOT_FROM = '1929-07-28';

/**
 * An empty database gets the top of the tree (the Confederation) and one system administrator with a
 * generated password, returned once for the operator to read off the console. No default password exists.
 */
export async function ensureFirstAdmin(db: Db): Promise<{ username: string; password: string } | null> {
  const anyUser = await db.selectFrom('app_user').select('id').limit(1).executeTakeFirst();
  if (anyUser) return null;
  const password = generatePassword(16);
  const hash = await hashPassword(password);
  return db.transaction().execute(async (trx) => {
    const rootId = await ensureRoot(trx);
    const userId = await insertUserWithRoles(trx, {
      username: 'admin',
      fullName: 'Quản trị hệ thống',
      passwordHash: hash,
      roles: [{ unitId: rootId, role: 'system_admin' }],
      createdBy: null,
    });
    await audit(trx, null, { action: 'bootstrap.admin', entity: 'user', entityId: userId, unitId: rootId });
    return { username: 'admin', password };
  });
}

export async function ensureRoot(db: Db): Promise<number> {
  const existing = await db.selectFrom('org_unit').select('id').where('code', '=', ROOT_CODE).executeTakeFirst();
  if (existing) return existing.id;
  const name = 'Tổng Liên đoàn Lao động Việt Nam';
  const now = new Date().toISOString();
  const u = await db
    .insertInto('org_unit')
    .values({
      code: ROOT_CODE,
      name,
      name_folded: fold(name),
      type_code: 'TLD',
      address: '82 Trần Hưng Đạo, Hoàn Kiếm, Hà Nội',
      founding_decision_no: null,
      founding_decision_date: null,
      valid_from: ROOT_FROM,
      valid_to: null,
      merged_into_id: null,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('org_unit_version')
    .values({
      unit_id: u.id,
      parent_id: null,
      path: `/${u.id}/`,
      depth: 0,
      name,
      name_folded: fold(name),
      short_name: 'TLĐ',
      type_code: 'TLD',
      admin_area_code: null,
      admin_area_name: null,
      valid_from: ROOT_FROM,
      valid_to: null,
    })
    .execute();
  return u.id;
}
