import { type ExpressionBuilder, type Kysely, sql } from 'kysely';
import { type Permission, ROLE_PERMISSIONS, type Role } from '../../shared/auth/roles.js';
import type { Locale } from '../../shared/errors/codes.js';
import type { Database } from '../db/schema.js';
import { AppError } from './errors.js';

/** Who is asking: set by the session hook, passed to every service call. */
export type Actor = {
  userId: number;
  username: string;
  fullName: string;
  locale: Locale;
  roles: { id: number; unitId: number; role: Role }[];
  ip: string | null;
  /** Scopes computed once per request and permission. */
  scopeCache: Map<string, Scope>;
  /** The tree's version when the session was read (app_counter 'tree'): scopes of that version may be shared. */
  treeVersion?: number;
};

/** A half-open range of materialised paths: [from, to). */
export type PathRange = { from: string; to: string };

/**
 * The part of the org tree a caller may touch for one permission: the subtrees (at any date) of the
 * units where they hold a role granting it, plus the subtrees of units later merged into those.
 * Repositories take a Scope and filter by it, so a forgotten check yields nothing, not everything.
 */
export type Scope = { permission: Permission; ranges: PathRange[]; unitIds: number[] };

export function hasPermission(actor: Actor, permission: Permission): boolean {
  return actor.roles.some((r) => ROLE_PERMISSIONS[r.role].includes(permission));
}

/** '/1/5/' covers every path that starts with it; '/' + 1 = '0' gives the exclusive upper bound. */
export function prefixRange(prefix: string): PathRange {
  return { from: prefix, to: `${prefix.slice(0, -1)}0` };
}

/** The one path itself: a longer path continues with a digit, which sorts after `\x01` (NUL is not valid text in PostgreSQL). */
export function exactRange(path: string): PathRange {
  return { from: path, to: `${path}\x01` };
}

/** Drops prefixes already covered by a shorter one, so queries carry as few ranges as possible. */
export function normalisePrefixes(prefixes: string[]): string[] {
  const sorted = [...new Set(prefixes)].sort((a, b) => a.length - b.length);
  const kept: string[] = [];
  for (const p of sorted) if (!kept.some((k) => p.startsWith(k))) kept.push(p);
  return kept.sort();
}

export async function scopeForUnits(db: Kysely<Database>, permission: Permission, unitIds: number[]): Promise<Scope> {
  const owners = new Set(unitIds);
  // Follow merges: a unit merged into one of ours brings its history with it.
  let frontier = [...owners];
  while (frontier.length > 0) {
    const merged = await db.selectFrom('org_unit').select('id').where('merged_into_id', 'in', frontier).execute();
    frontier = merged.map((m) => m.id).filter((id) => !owners.has(id));
    for (const id of frontier) owners.add(id);
  }
  if (owners.size === 0) return { permission, ranges: [], unitIds: [] };
  const paths = await db
    .selectFrom('org_unit_version')
    .select('path')
    .distinct()
    .where('unit_id', 'in', [...owners])
    .execute();
  const prefixes = normalisePrefixes(paths.map((p) => p.path));
  // A unit dissolved with one of ours named as its receiving unit hands over its own records (not its
  // sub-units: those went wherever they moved). Each of its paths becomes a one-path range.
  const handedOver = await db
    .selectFrom('org_event as e')
    .innerJoin('org_unit_version as v', 'v.unit_id', 'e.unit_id')
    .select(['e.unit_id', 'v.path'])
    .distinct()
    .where('e.kind', '=', 'dissolve')
    .where('e.related_unit_id', 'in', [...owners])
    .execute();
  const exact = handedOver.filter((h) => !owners.has(h.unit_id) && !prefixes.some((p) => h.path.startsWith(p)));
  const ranges = [...prefixes.map(prefixRange), ...[...new Set(exact.map((h) => h.path))].map(exactRange)];
  return { permission, ranges, unitIds: [...owners, ...new Set(exact.map((h) => h.unit_id))] };
}

/**
 * Scopes shared across requests, keyed by the tree's version, the permission and the role units: a scope
 * is a function of those alone (roles are read fresh with every session), so a kept one is never stale.
 * Bounded; an entry of an older version is simply never asked for again and ages out.
 */
const SHARED_SCOPES = 5_000;

/** After a request changed the tree itself: its scopes are computed again, from what it wrote. */
export function forgetScopes(actor: Actor): void {
  actor.scopeCache.clear();
  actor.treeVersion = undefined;
}

/** Scope for a permission; FORBIDDEN when no role grants it at all (that reveals nothing about records). */
export async function requireScope(db: Kysely<Database>, actor: Actor, permission: Permission): Promise<Scope> {
  const cached = actor.scopeCache.get(permission);
  if (cached) return cached;
  const unitIds = actor.roles.filter((r) => ROLE_PERMISSIONS[r.role].includes(permission)).map((r) => r.unitId);
  if (unitIds.length === 0) throw new AppError('FORBIDDEN');
  const key =
    actor.treeVersion === undefined
      ? null
      : `${actor.treeVersion}|${permission}|${[...new Set(unitIds)].sort((a, b) => a - b)}`;
  // Per database too: tests and tools open several in one process.
  const shared = key === null ? undefined : sharedFor(db).get(key);
  const scope = shared ?? (await scopeForUnits(db, permission, unitIds));
  if (key !== null && !shared) {
    const m = sharedFor(db);
    if (m.size >= SHARED_SCOPES) m.delete(m.keys().next().value as string);
    m.set(key, scope);
  }
  actor.scopeCache.set(permission, scope);
  return scope;
}

const perDatabase = new WeakMap<object, Map<string, Scope>>();
function sharedFor(db: Kysely<Database>): Map<string, Scope> {
  let m = perDatabase.get(db);
  if (!m) {
    m = new Map();
    perDatabase.set(db, m);
  }
  return m;
}

/** WHERE fragment: the path column lies in one of the scope's ranges. */
export function pathInScope<DB, TB extends keyof DB>(eb: ExpressionBuilder<DB, TB>, pathRef: string, scope: Scope) {
  if (scope.ranges.length === 0) return sql<boolean>`1 = 0`;
  const ref = sql.ref(pathRef);
  return eb.or(scope.ranges.map((r) => eb.and([eb(ref, '>=', r.from), eb(ref, '<', r.to)])));
}

/** WHERE fragment: the unit (by id column) lies in the scope at some date. */
export function unitInScope<DB, TB extends keyof DB>(_eb: ExpressionBuilder<DB, TB>, unitIdRef: string, scope: Scope) {
  if (scope.ranges.length === 0) return sql<boolean>`1 = 0`;
  const conditions = scope.ranges.map((r) => sql`(sv.path >= ${r.from} and sv.path < ${r.to})`);
  return sql<boolean>`exists (select 1 from org_unit_version sv where sv.unit_id = ${sql.ref(unitIdRef)} and (${sql.join(conditions, sql` or `)}))`;
}

/**
 * WHERE fragment: the unit stood inside the scope on `dayRef` (its version valid that day). What a
 * figure counts is placed on the tree as it was on the day of the record, so a drill-down to the records
 * behind a figure narrows by this too (a union moved away later keeps its earlier work under the old parent).
 */
export function unitInScopeOn(unitIdRef: string, dayRef: string, scope: Scope) {
  if (scope.ranges.length === 0) return sql<boolean>`1 = 0`;
  const conditions = scope.ranges.map((r) => sql`(dv.path >= ${r.from} and dv.path < ${r.to})`);
  return sql<boolean>`exists (select 1 from org_unit_version dv where dv.unit_id = ${sql.ref(unitIdRef)} and dv.valid_from <= ${sql.ref(dayRef)} and (dv.valid_to is null or dv.valid_to > ${sql.ref(dayRef)}) and (${sql.join(conditions, sql` or `)}))`;
}

/**
 * A province's subtree or smaller ('/root/province/…': two path segments or more) holds a bounded share
 * of the records, so a list of it is best read starting from its own units: whatever the filter, it then
 * reads that share and never more. Only for the whole country does the list's own index lead instead.
 */
export const narrowScope = (scope: Scope) =>
  scope.ranges.length > 0 && scope.ranges.every((r) => r.from.split('/').length - 2 >= 2);

/**
 * WHERE fragment, set-based: the unit column is one of the units the scope covers at some date. Same
 * meaning as unitInScope, but the units are found once from the path index and the records by their
 * unit index, instead of one correlated lookup per record (GET /api/members/counts at national scale).
 */
export function unitIdInScope<DB, TB extends keyof DB>(
  _eb: ExpressionBuilder<DB, TB>,
  unitIdRef: string,
  scope: Scope,
) {
  if (scope.ranges.length === 0) return sql<boolean>`1 = 0`;
  const conditions = scope.ranges.map((r) => sql`(sv.path >= ${r.from} and sv.path < ${r.to})`);
  return sql<boolean>`${sql.ref(unitIdRef)} in (select sv.unit_id from org_unit_version sv where ${sql.join(conditions, sql` or `)})`;
}

export async function isUnitInScope(db: Kysely<Database>, unitId: number, scope: Scope): Promise<boolean> {
  const row = await db
    .selectFrom('org_unit as u')
    .select('u.id')
    .where('u.id', '=', unitId)
    .where((eb) => unitInScope(eb, 'u.id', scope))
    .executeTakeFirst();
  return row !== undefined;
}

/** Access check for one unit: outside the scope it does not exist for this caller (404, not 403). */
export async function requireUnitInScope(db: Kysely<Database>, unitId: number, scope: Scope): Promise<void> {
  if (!(await isUnitInScope(db, unitId, scope))) throw new AppError('NOT_FOUND');
}

/**
 * The caller's scope for a permission, narrowed to one unit's subtree when a list is filtered by unit
 * (the unit must be the caller's: otherwise 404).
 */
export async function scopeWithin(
  db: Kysely<Database>,
  actor: Actor,
  permission: Permission,
  unitId: number | undefined,
): Promise<Scope> {
  const scope = await requireScope(db, actor, permission);
  if (unitId === undefined) return scope;
  await requireUnitInScope(db, unitId, scope);
  return scopeForUnits(db, permission, [unitId]);
}

/**
 * True when no unit, at any date, lies outside the scope's ranges (the root's scope, a national officer's):
 * a query may then leave out its per-row scope check, whose answer would always be yes. One index probe
 * of the path index below, between and above the ranges; proved on each call, so a unit added outside
 * since is seen at once.
 */
export async function coversWholeTree(db: Kysely<Database>, scope: Scope): Promise<boolean> {
  if (scope.ranges.length === 0) return false;
  const sorted = [...scope.ranges].sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
  const gaps: { from: string | null; to: string | null }[] = [];
  let covered: string | null = null;
  for (const r of sorted) {
    if (covered === null) gaps.push({ from: null, to: r.from });
    else if (covered < r.from) gaps.push({ from: covered, to: r.from });
    if (covered === null || r.to > covered) covered = r.to;
  }
  gaps.push({ from: covered, to: null });
  for (const g of gaps) {
    let q = db.selectFrom('org_unit_version').select('unit_id');
    if (g.from !== null) q = q.where('path', '>=', g.from);
    if (g.to !== null) q = q.where('path', '<', g.to);
    if (await q.limit(1).executeTakeFirst()) return false;
  }
  return true;
}
