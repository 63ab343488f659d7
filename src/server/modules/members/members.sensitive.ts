import type { Permission } from '../../../shared/auth/roles.js';
import { type AuditEntry, audit } from '../../platform/audit.js';
import type { AppContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import {
  type Actor,
  hasPermission,
  isUnitInScope,
  requireScope,
  type Scope,
  scopeWithin,
} from '../../platform/scope.js';
import { checkedDataKeys, decrypt } from '../../platform/secrets.js';
import * as party from './members.party.repository.js';
import { attributesOf } from './members.repository.js';

/**
 * The one gate for sensitive data: identity numbers in clear, ethnicity, religion, Party
 * introductions and the scans of admission papers. Nothing else in the server decrypts a number or
 * reads these fields for an answer, a file or an export. A caller says whose data it is about (one
 * unit's member, or every member of a scope), whether to refuse (403) or to go without when the
 * caller may not see it, and what the audit log keeps of the look; the gate checks the permission
 * over that data, runs the work with the fields opened, and writes the audit entry once the work has
 * succeeded (a refused or failed look writes nothing). The member export, which streams after the
 * gate has answered, reads the ethnicity and religion columns only when the gate opened them.
 */

/** The fields, opened for one piece of work. Only `sensitiveGate` makes one. */
export type Opened = {
  /** The caller's scope for the permission: Party introductions are read within it. */
  scope: Scope;
  /** The identity number in clear. */
  cccd: (encrypted: string) => Promise<string>;
  attributes: (personId: number) => Promise<{ ethnicityCode: string | null; religionCode: string | null }>;
  partiesOf: (personId: number) => Promise<party.PartyRow[]>;
  /** One introduction of the scope; 404 outside it. */
  party: (id: number) => Promise<party.PartyRow>;
  partyPage: (q: Parameters<typeof party.partyPage>[2]) => ReturnType<typeof party.partyPage>;
};

/**
 * Whose data: one member's (`unitId`, the unit holding the record); every member of a `scope` (an
 * export: the permission must cover every part of it, one district outside it and the fields stay out
 * for all); or the caller's own sensitive scope, narrowed to a unit's `subtree` (a list of Party
 * introductions: without the permission anywhere 403, a unit outside it 404).
 */
export type Over = { unitId: number } | { scope: Scope } | { subtree: number | undefined };

type Rules<T> = {
  /**
   * sensitive.read unless said otherwise: approving a self-application decrypts the applicant's
   * number with record.write, since it goes back into the admission and never to the caller.
   */
  permission?: Permission;
  /** What the log keeps of this look, given what the work returned and whether the fields were open. */
  audit?: (result: T, opened: boolean) => AuditEntry;
};

async function scopeFor(ctx: AppContext, actor: Actor, over: Over, permission: Permission): Promise<Scope | null> {
  if ('subtree' in over) return scopeWithin(ctx.db, actor, permission, over.subtree);
  // Scoped like every permission: an administrator of district A sees A's, not B's.
  if (!hasPermission(actor, permission)) return null;
  const allowed = await requireScope(ctx.db, actor, permission);
  if ('unitId' in over) return (await isUnitInScope(ctx.db, over.unitId, allowed)) ? allowed : null;
  // Scope ranges are subtree prefixes: a range is covered when one of the allowed prefixes starts it.
  const covered = over.scope.ranges.every((r) => allowed.ranges.some((a) => r.from.startsWith(a.from)));
  return covered ? allowed : null;
}

function open(ctx: AppContext, scope: Scope): Opened {
  return {
    scope,
    cccd: async (encrypted) => decrypt(await checkedDataKeys(ctx.db, ctx.config), encrypted),
    attributes: async (personId) => {
      const r = await attributesOf(ctx.db, personId);
      return { ethnicityCode: r.ethnicity_code, religionCode: r.religion_code };
    },
    partiesOf: (personId) => party.partiesOf(ctx.db, scope, personId),
    party: async (id) => {
      const row = await party.partyById(ctx.db, scope, id);
      if (!row) throw new AppError('NOT_FOUND');
      return row;
    },
    partyPage: (q) => party.partyPage(ctx.db, scope, q),
  };
}

export function sensitiveGate<T>(
  ctx: AppContext,
  actor: Actor,
  over: Over,
  rules: Rules<T> & { refuse: true },
  work: (fields: Opened) => Promise<T> | T,
): Promise<T>;
export function sensitiveGate<T>(
  ctx: AppContext,
  actor: Actor,
  over: Over,
  rules: Rules<T> & { refuse: false },
  work: (fields: Opened | null) => Promise<T> | T,
): Promise<T>;
export async function sensitiveGate<T>(
  ctx: AppContext,
  actor: Actor,
  over: Over,
  rules: Rules<T> & { refuse: boolean },
  work: (fields: Opened) => Promise<T> | T,
): Promise<T> {
  const scope = await scopeFor(ctx, actor, over, rules.permission ?? 'sensitive.read');
  if (!scope && rules.refuse) throw new AppError('FORBIDDEN');
  const result = await work((scope ? open(ctx, scope) : null) as Opened);
  if (rules.audit) await audit(ctx.db, actor, rules.audit(result, scope !== null));
  return result;
}
