import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { Actor } from './scope.js';

export type AuditEntry = {
  action: string;
  entity: string;
  entityId?: string | number | null;
  unitId?: number | null;
  before?: unknown;
  after?: unknown;
};

// Never let a secret reach the log, whatever a caller passes as before/after.
// Identity numbers too: callers store the masked form (cccdMasked), never the number itself.
const SECRET_KEYS = new Set([
  'password',
  'password_hash',
  'passwordHash',
  'csrf_token',
  'csrfToken',
  'cccd',
  'cccd_enc',
  'cccd_hash',
]);
function scrub(v: unknown): string | null {
  if (v === undefined || v === null) return null;
  return JSON.stringify(v, (k, val) => (SECRET_KEYS.has(k) ? '[redacted]' : val));
}

/** Written in the caller's transaction, so a change and its audit entry commit or fail together. */
export async function audit(db: Kysely<Database>, actor: Actor | null, entry: AuditEntry): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      at: new Date().toISOString(),
      user_id: actor?.userId ?? null,
      action: entry.action,
      entity: entry.entity,
      entity_id: entry.entityId === undefined || entry.entityId === null ? null : String(entry.entityId),
      unit_id: entry.unitId ?? null,
      before_json: scrub(entry.before),
      after_json: scrub(entry.after),
      ip: actor?.ip ?? null,
    })
    .execute();
}
