import type { Selectable } from 'kysely';
import type { Role } from '../../../shared/auth/roles.js';
import type { TUserView } from '../../../shared/users/contract.js';
import type { Database } from '../../db/schema.js';

type RoleRow = { id: number; user_id: number; unit_id: number; role: Role; unit_name: string; unit_code: string };

/** The password hash never leaves: this is the only mapping from a user row to a response. */
export function presentUser(
  u: Selectable<Database['app_user']>,
  roles: RoleRow[],
  slowed: ReadonlyMap<string, string>,
): TUserView {
  return {
    id: u.id,
    username: u.username,
    fullName: u.full_name,
    email: u.email,
    phone: u.phone,
    active: u.active === 1,
    locale: u.locale,
    createdAt: u.created_at,
    roles: roles
      .filter((r) => r.user_id === u.id)
      .map((r) => ({
        id: r.id,
        unitId: r.unit_id,
        unitName: r.unit_name,
        unitCode: r.unit_code,
        role: r.role,
      })),
    loginSlowedUntil: slowed.get(u.username) ?? null,
  };
}
