/**
 * The members' enumerations as plain data (no zod): the contract builds its schemas from them, the
 * database types name them (`db/schema.ts`), and the web's filters and forms list them.
 */
export const GENDERS = ['male', 'female'] as const;
export const MEMBERSHIP_STATUSES = ['active', 'transferred', 'left', 'expelled', 'honorary'] as const;
export const MEMBERSHIP_EVENT_KINDS = [
  'admitted',
  'card_issued',
  'transferred_out',
  'transferred_in',
  'left',
  'expelled',
  'honorary',
] as const;
export const PARTY_STATUSES = ['introduced', 'in_training', 'admitted', 'not_admitted'] as const;
/** A citizen's CCCD, a legacy 9-digit CMND, or a foreign member's passport. */
export const ID_KINDS = ['cccd', 'cmnd', 'passport'] as const;
export const CODE_LISTS = ['ethnicity', 'religion', 'informal_trade', 'education'] as const;

export type Gender = (typeof GENDERS)[number];
export type MembershipStatus = (typeof MEMBERSHIP_STATUSES)[number];
export type MembershipEventKind = (typeof MEMBERSHIP_EVENT_KINDS)[number];
export type PartyStatus = (typeof PARTY_STATUSES)[number];
export type IdKind = (typeof ID_KINDS)[number];
