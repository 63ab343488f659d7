import type { TMe } from '../../../shared/auth/contract.js';
import { GRANTABLE, ROLES, type Role } from '../../../shared/auth/roles.js';

/** Roles the signed-in user may hand out somewhere in their scope; the server checks the unit too. */
export function grantableRoles(me: TMe | null): Role[] {
  const set = new Set<Role>();
  for (const r of me?.roles ?? []) for (const g of GRANTABLE[r.role]) set.add(g);
  return ROLES.filter((r) => set.has(r));
}
