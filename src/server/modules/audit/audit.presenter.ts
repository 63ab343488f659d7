import type { z } from 'zod';
import type { ZAuditEntry } from '../../../shared/audit/contract.js';
import type { EntryRow } from './audit.repository.js';

/** The before/after snapshots were scrubbed of secrets when written (platform/audit.ts); they are shown as stored. */
export function presentEntry(r: EntryRow): z.input<typeof ZAuditEntry> {
  return {
    id: r.id,
    at: r.at,
    username: r.username,
    action: r.action,
    entity: r.entity,
    entityId: r.entity_id,
    unitId: r.unit_id,
    unitName: r.unit_name,
    before: r.before_json ? JSON.parse(r.before_json) : null,
    after: r.after_json ? JSON.parse(r.after_json) : null,
  };
}
