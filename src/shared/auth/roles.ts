/**
 * Roles a user holds at an org unit; a role at a unit covers the unit's whole subtree.
 * Permissions are what services check; roles are bundles of them.
 */
export const PERMISSIONS = [
  'org.read',
  'org.manage',
  'user.manage',
  'record.read',
  'record.write',
  'record.approve',
  'system.configure',
  /** See identity numbers in clear, ethnicity, religion and Party introductions (sensitive data, PDPL). */
  'sensitive.read',
  /** Anonymise a person on request (PDPL erasure): irreversible, so federation and system admins only. */
  'person.erase',
  /** Make, issue and amend plans and assign their targets down the tree (federation officers). */
  'plan.manage',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export const ROLES = ['system_admin', 'federation_admin', 'officer', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  system_admin: PERMISSIONS,
  federation_admin: [
    'org.read',
    'org.manage',
    'user.manage',
    'record.read',
    'record.write',
    'record.approve',
    'sensitive.read',
    'person.erase',
    'plan.manage',
  ],
  officer: ['org.read', 'record.read', 'record.write'],
  viewer: ['org.read', 'record.read', 'record.approve'],
};

/** Which roles a holder of `role` may grant inside their subtree. */
export const GRANTABLE: Record<Role, readonly Role[]> = {
  system_admin: ROLES,
  federation_admin: ['federation_admin', 'officer', 'viewer'],
  officer: [],
  viewer: [],
};
