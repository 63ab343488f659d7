import { type Kysely, sql } from 'kysely';
import { isPostgres } from '../dialect.js';

/**
 * An index for the member search box: "any part of the unaccented name" (LIKE '%nguyen van an%')
 * at 11 M people cannot be a scan. Both databases get a trigram index over person.full_name_folded,
 * which answers exactly the same substring question as the LIKE (no change in what is found):
 *
 * - PostgreSQL: a GIN index with pg_trgm's operator class. The LIKE itself is unchanged; the planner
 *   uses the index when the fragment is selective and the sort-key order when it is not.
 * - SQLite: an FTS5 table with the trigram tokenizer over the person table's own column (external
 *   content, so names are not stored twice), kept in step by triggers. Triggers, not application
 *   code, so every write to person (admission, import, undo of an import, anonymisation, whatever
 *   comes later) keeps the index right without knowing it exists.
 */

// Serialises concurrent migrations of several schemas in one database (test runs, benches): the
// extension is database-wide and two "create extension" at once would collide.
const TRGM_LOCK = 7_007_001;

/** The schema holding pg_trgm, installing it into public when this role may; null when it cannot be had. */
async function trgmSchema(db: Kysely<any>): Promise<string | null> {
  await sql`select pg_advisory_xact_lock(${TRGM_LOCK})`.execute(db);
  const installed = await sql<{ schema: string }>`
    select n.nspname as schema from pg_extension e join pg_namespace n on n.oid = e.extnamespace
    where e.extname = 'pg_trgm'`.execute(db);
  if (installed.rows[0]) return installed.rows[0].schema;
  // In public, not in the current schema: a schema dropped with cascade would take the extension,
  // and every other schema's index with it. pg_trgm is a trusted extension (PostgreSQL 13+), so a
  // role with CREATE on the database may install it without being a superuser.
  const can = await sql<{ ok: boolean }>`
    select exists (select 1 from pg_available_extensions where name = 'pg_trgm')
      and exists (select 1 from pg_namespace where nspname = 'public' and has_schema_privilege(oid, 'CREATE'))
      and ((select rolsuper from pg_roles where rolname = current_user)
        or (current_setting('server_version_num')::int >= 130000
          and has_database_privilege(current_database(), 'CREATE'))) as ok`.execute(db);
  if (!can.rows[0]?.ok) return null;
  await sql`create extension if not exists pg_trgm schema public`.execute(db);
  return 'public';
}

export async function up(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) {
    const schema = await trgmSchema(db);
    // Without the extension the search still answers correctly, by a scan; the bench shows the cost.
    if (schema === null) return;
    await sql`create index person_name_trgm on person using gin (full_name_folded ${sql.id(schema)}.gin_trgm_ops)`.execute(
      db,
    );
    return;
  }
  // detail=none: only which rows hold a trigram, not where; LIKE checks each candidate against the
  // name anyway, and the index is a fraction of the size.
  await sql`create virtual table person_name_fts using fts5(
    full_name_folded, content = 'person', content_rowid = 'id', tokenize = 'trigram', detail = 'none')`.execute(db);
  await sql`create trigger person_name_fts_insert after insert on person begin
    insert into person_name_fts (rowid, full_name_folded) values (new.id, new.full_name_folded);
  end`.execute(db);
  await sql`create trigger person_name_fts_delete after delete on person begin
    insert into person_name_fts (person_name_fts, rowid, full_name_folded) values ('delete', old.id, old.full_name_folded);
  end`.execute(db);
  await sql`create trigger person_name_fts_update after update of full_name_folded on person begin
    insert into person_name_fts (person_name_fts, rowid, full_name_folded) values ('delete', old.id, old.full_name_folded);
    insert into person_name_fts (rowid, full_name_folded) values (new.id, new.full_name_folded);
  end`.execute(db);
  // People recorded before this migration.
  await sql`insert into person_name_fts (person_name_fts) values ('rebuild')`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) {
    // The extension stays: other schemas of the database may use it.
    await sql`drop index if exists person_name_trgm`.execute(db);
    return;
  }
  for (const t of ['insert', 'delete', 'update'])
    await sql`drop trigger if exists ${sql.id(`person_name_fts_${t}`)}`.execute(db);
  await sql`drop table if exists person_name_fts`.execute(db);
}
