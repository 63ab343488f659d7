import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import { isSafeFilePath } from './backup.archive.js';

/**
 * What a backup learns from the database copy it carries, so the files and the rows agree: the stored files its
 * rows refer to, the migrations applied, and the fingerprint of the key it was set up with.
 *
 * Where each feature keeps its files under DATA_DIR (the round-trip test fails if one of them moves):
 *   attachments/<event id>/<storage_key>      outreach.attachments.ts (photos, PDFs of an outreach event)
 *   admission-documents/<storage_path>        members.documents.ts (scans of admission papers)
 *   imports/<batch id>/upload|rejected.xlsx   imports.files.ts (encrypted with the data key; clear `run-*`
 *                                             files are a run's scratch copies and never leave the machine)
 */
export type DatabaseFacts = {
  migrations: string[];
  fingerprint: string | null;
  /** Paths relative to DATA_DIR, '/'-separated, that exist on disk. */
  files: string[];
  /** Referred to by a row but not on disk (deleted by hand?): reported, not fatal. */
  missing: string[];
};

const IMPORT_FILES = ['upload', 'rejected.xlsx'];

export async function databaseFacts(db: Db, dataDir: string): Promise<DatabaseFacts> {
  const migrations = (
    await sql<{ name: string }>`select name from kysely_migration order by name`.execute(db)
  ).rows.map((r) => r.name);
  const key = await db.selectFrom('data_key_check').select('fingerprint').where('id', '=', 'data').executeTakeFirst();
  const referred: string[] = [];
  for (const a of await db.selectFrom('outreach_attachment').select(['event_id', 'storage_key']).execute())
    referred.push(`attachments/${a.event_id}/${a.storage_key}`);
  for (const d of await db.selectFrom('admission_document').select('storage_path').execute())
    referred.push(`admission-documents/${d.storage_path.split(path.sep).join('/')}`);
  const files: string[] = [];
  const missing: string[] = [];
  for (const rel of referred) (fs.existsSync(path.join(dataDir, rel)) ? files : missing).push(rel);
  // A batch keeps its files only while they are needed (imports.files.ts): whichever are there are carried.
  for (const b of await db.selectFrom('import_batch').select('id').orderBy('id').execute()) {
    for (const name of IMPORT_FILES) {
      const rel = `imports/${b.id}/${name}`;
      if (fs.existsSync(path.join(dataDir, rel))) files.push(rel);
    }
  }
  // A storage path that would escape its folder is never carried (nor written back by a restore).
  return { migrations, fingerprint: key?.fingerprint ?? null, files: files.filter(isSafeFilePath), missing };
}
