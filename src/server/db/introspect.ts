import { type QueryExecutorProvider, sql } from 'kysely';
import { isPostgres } from './dialect.js';

/**
 * The database's own description of the schema it holds, normalised so two databases built the same
 * way compare equal: tables with their columns (type, nullability, default), indexes, triggers and
 * views, and the row count of every table (the migrations seed configuration rows too). Kysely's
 * bookkeeping tables are left out. Used by the migration round-trip test and the schema.ts check.
 */
export type SchemaSnapshot = {
  tables: Record<string, { columns: Record<string, { type: string; nullable: boolean; default: string | null }> }>;
  indexes: string[];
  triggers: string[];
  views: string[];
  rows: Record<string, number>;
};

const KYSELY = /^kysely_/;

export async function snapshotSchema(db: QueryExecutorProvider): Promise<SchemaSnapshot> {
  const snap: SchemaSnapshot = isPostgres(db) ? await postgresShape(db) : await sqliteShape(db);
  for (const t of Object.keys(snap.tables)) {
    const r = await sql<{ n: number }>`select count(*) as n from ${sql.table(t)}`.execute(db);
    snap.rows[t] = Number(r.rows[0]?.n ?? 0);
  }
  return snap;
}

async function sqliteShape(db: QueryExecutorProvider): Promise<SchemaSnapshot> {
  const objects = await sql<{ type: string; name: string; tbl_name: string; sql: string | null }>`
    select type, name, tbl_name, sql from sqlite_master
    where name not like 'sqlite_%' order by type, name`.execute(db);
  const snap: SchemaSnapshot = { tables: {}, indexes: [], triggers: [], views: [], rows: {} };
  // FTS5 keeps shadow tables of its own (name_data, name_idx, …): they come and go with the virtual table.
  const virtual = objects.rows.filter((o) => o.type === 'table' && /^create virtual table/i.test(o.sql ?? ''));
  const shadow = (name: string) => virtual.some((v) => name.startsWith(`${v.name}_`));
  for (const o of objects.rows) {
    if (KYSELY.test(o.tbl_name) || shadow(o.name)) continue;
    const text = (o.sql ?? '').replace(/\s+/g, ' ').trim();
    if (o.type === 'table') {
      const cols = await sql<{ name: string; type: string; notnull: number; dflt_value: string | null; pk: number }>`
        select name, type, "notnull", dflt_value, pk from pragma_table_info(${o.name})`.execute(db);
      snap.tables[o.name] = {
        columns: Object.fromEntries(
          cols.rows.map((c) => [
            c.name,
            { type: c.type.toLowerCase(), nullable: c.notnull === 0 && c.pk === 0, default: c.dflt_value },
          ]),
        ),
      };
    } else if (o.type === 'index') snap.indexes.push(text || `${o.name} (automatic)`);
    else if (o.type === 'trigger') snap.triggers.push(text);
    else if (o.type === 'view') snap.views.push(text);
  }
  return snap;
}

async function postgresShape(db: QueryExecutorProvider): Promise<SchemaSnapshot> {
  const snap: SchemaSnapshot = { tables: {}, indexes: [], triggers: [], views: [], rows: {} };
  const cols = await sql<{
    table_name: string;
    column_name: string;
    data_type: string;
    is_nullable: string;
    column_default: string | null;
    is_identity: string;
  }>`select c.table_name, c.column_name, c.data_type, c.is_nullable, c.column_default, c.is_identity
     from information_schema.columns c
     join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
     where c.table_schema = current_schema() and t.table_type = 'BASE TABLE'
     order by c.table_name, c.ordinal_position`.execute(db);
  for (const c of cols.rows) {
    if (KYSELY.test(c.table_name)) continue;
    const table = snap.tables[c.table_name] ?? { columns: {} };
    snap.tables[c.table_name] = table;
    table.columns[c.column_name] = {
      type: c.is_identity === 'YES' ? `${c.data_type} identity` : c.data_type,
      nullable: c.is_nullable === 'YES',
      default: c.column_default,
    };
  }
  const idx = await sql<{ tablename: string; indexdef: string }>`
    select tablename, indexdef from pg_indexes where schemaname = current_schema() order by indexname`.execute(db);
  // The schema's name is part of each definition; two schemas built alike must compare equal.
  const unschema = (s: string) => s.replace(/ ON [a-z0-9_]+\./g, ' ON ');
  snap.indexes = idx.rows.filter((r) => !KYSELY.test(r.tablename)).map((r) => unschema(r.indexdef));
  const trg = await sql<{ tgname: string; def: string }>`
    select t.tgname, pg_get_triggerdef(t.oid) as def from pg_trigger t
    join pg_class c on c.oid = t.tgrelid join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = current_schema() and not t.tgisinternal order by t.tgname`.execute(db);
  snap.triggers = trg.rows.map((r) => unschema(r.def));
  const views = await sql<{ viewname: string }>`
    select viewname from pg_views where schemaname = current_schema() order by viewname`.execute(db);
  snap.views = views.rows.map((r) => r.viewname);
  return snap;
}
