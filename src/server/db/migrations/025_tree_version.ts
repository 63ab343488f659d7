import { type Kysely, sql } from 'kysely';
import { isPostgres } from '../dialect.js';

/**
 * A counter of changes to the tree (issue 11 §2, the scope read once): a caller's scope depends only on
 * their role units and on org_unit, org_unit_version and org_event, so every app process may keep a
 * scope for as long as this counter stays where it was. Triggers, not application code, keep it: every
 * write to those tables (now or by code written later) moves it, in the writing transaction, so no
 * process can serve a scope from before a move, a merge or a dissolve.
 */
const TABLES = ['org_unit', 'org_unit_version', 'org_event'] as const;

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('app_counter')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'integer', (c) => c.notNull())
    .execute();
  await db.insertInto('app_counter').values({ key: 'tree', value: 0 }).execute();
  if (isPostgres(db)) {
    await sql`create function app_counter_tree() returns trigger language plpgsql as $$
      begin update app_counter set value = value + 1 where key = 'tree'; return null; end $$`.execute(db);
    for (const t of TABLES)
      await sql`create trigger ${sql.id(`${t}_tree_version`)} after insert or update or delete on ${sql.id(t)}
        for each statement execute function app_counter_tree()`.execute(db);
    return;
  }
  for (const t of TABLES)
    for (const op of ['insert', 'update', 'delete'])
      await sql`create trigger ${sql.id(`${t}_tree_version_${op}`)} after ${sql.raw(op)} on ${sql.id(t)}
        begin update app_counter set value = value + 1 where key = 'tree'; end`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) {
    for (const t of TABLES) await sql`drop trigger ${sql.id(`${t}_tree_version`)} on ${sql.id(t)}`.execute(db);
    await sql`drop function app_counter_tree()`.execute(db);
  } else
    for (const t of TABLES)
      for (const op of ['insert', 'update', 'delete'])
        await sql`drop trigger ${sql.id(`${t}_tree_version_${op}`)}`.execute(db);
  await db.schema.dropTable('app_counter').execute();
}
