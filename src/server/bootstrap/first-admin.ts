import type { Db } from '../db/database.js';
import { insertUnit } from '../modules/org/org.changes.repository.js';
import { unitByCode } from '../modules/org/org.repository.js';
import { anyUser, insertUserWithRoles } from '../modules/users/users.repository.js';
import { audit } from '../platform/audit.js';
import { generatePassword, hashPassword } from '../platform/password.js';

export const ROOT_CODE = 'TLD';
const ROOT_FROM = '1929-07-28';

/**
 * An empty database gets the top of the tree (the Confederation) and one system administrator with a
 * generated password, returned once for the operator to read off the console. No default password exists.
 */
export async function ensureFirstAdmin(db: Db): Promise<{ username: string; password: string } | null> {
  if (await anyUser(db)) return null;
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
  const existing = await unitByCode(db, ROOT_CODE);
  if (existing) return existing.id;
  return insertUnit(
    db,
    {
      code: ROOT_CODE,
      name: 'Tổng Liên đoàn Lao động Việt Nam',
      shortName: 'TLĐ',
      typeCode: 'TLD',
      address: '82 Trần Hưng Đạo, Hoàn Kiếm, Hà Nội',
      validFrom: ROOT_FROM,
    },
    null,
    null,
  );
}
