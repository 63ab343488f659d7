// zod-free values of the commune lists, importable by the web and by the database types.

/** The level of a unit in the official list; "huyen" is the few island districts that had no communes. */
export const ADMIN_UNIT_KINDS = ['xa', 'phuong', 'thi_tran', 'dac_khu', 'huyen'] as const;
export type AdminUnitKind = (typeof ADMIN_UNIT_KINDS)[number];

/** How an enterprise's commune was found: the code given, its commune name, its address, or not at all. */
export const COMMUNE_HOWS = ['code', 'name', 'address', 'unresolved'] as const;
export type CommuneHow = (typeof COMMUNE_HOWS)[number];

/**
 * Why a commune is not (or not today) known: no list imported, nothing to go on, no such name, the same
 * name in two places, or an old commune split between new ones (known then, not today).
 */
export const COMMUNE_NOTES = ['no_list', 'empty', 'not_found', 'ambiguous', 'split'] as const;
export type CommuneNote = (typeof COMMUNE_NOTES)[number];
