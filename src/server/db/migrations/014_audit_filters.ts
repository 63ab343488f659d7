import type { Kysely } from 'kysely';

/**
 * The audit log is filtered by who, what and when (issue 9 §6), each newest first: one index per
 * filter, ending in `at` so a filtered page is read in order. The unit filter has `audit_log_unit`.
 */
const INDEXES = [
  ['audit_log_user_at', ['user_id', 'at']],
  ['audit_log_action_at', ['action', 'at']],
  ['audit_log_at', ['at']],
] as const;

export async function up(db: Kysely<any>): Promise<void> {
  for (const [name, columns] of INDEXES) {
    await db.schema
      .createIndex(name)
      .on('audit_log')
      .columns([...columns])
      .execute();
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const [name] of INDEXES) await db.schema.dropIndex(name).execute();
}
