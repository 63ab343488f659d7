import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { NO_MIGRATIONS } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../test/harness.js';
import { migratorFor } from './database.js';
import { type SchemaSnapshot, snapshotSchema } from './introspect.js';
import { migrationProvider } from './migrations/index.js';

/**
 * The net under the schema: every migration's `down` really undoes its `up` (checked step by step,
 * on whichever database the project runs), and `schema.ts`, written by hand for Kysely, says what the
 * migrations build: the same tables, the same columns, the same nullability.
 */
let opened: Awaited<ReturnType<typeof openTestDatabase>>;
beforeAll(async () => {
  opened = await openTestDatabase();
});
afterAll(async () => {
  await opened?.drop();
});

describe('migrations', () => {
  it('go up step by step, down to zero restoring each earlier schema, and up again to the same schema', async () => {
    const db = opened.handle.db;
    const migrator = await migratorFor(db);
    const names = Object.keys(await migrationProvider.getMigrations());
    const empty = await snapshotSchema(db);
    expect(Object.keys(empty.tables)).toEqual([]);

    const after: SchemaSnapshot[] = [];
    for (const name of names) {
      const r = await migrator.migrateTo(name);
      expect(r.error, `up ${name}`).toBeUndefined();
      after.push(await snapshotSchema(db));
    }
    for (let i = names.length - 1; i >= 0; i--) {
      const r = await migrator.migrateDown();
      expect(r.error, `down ${names[i]}`).toBeUndefined();
      expect(await snapshotSchema(db), `down ${names[i]} restores the schema before it`).toEqual(
        i === 0 ? empty : after[i - 1],
      );
    }
    const down = await migrator.migrateTo(NO_MIGRATIONS);
    expect(down.error).toBeUndefined();
    const up = await migrator.migrateToLatest();
    expect(up.error).toBeUndefined();
    expect(await snapshotSchema(db)).toEqual(after[after.length - 1]);
  });

  it('schema.ts declares exactly the tables and columns the migrations build, with their nullability', async () => {
    const snap = await snapshotSchema(opened.handle.db);
    const declared = parseSchemaFile();
    const built = Object.fromEntries(
      Object.entries(snap.tables)
        // The SQLite full-text table is kept by triggers and read only in SQL text, never through Kysely's types.
        .filter(([t]) => !t.endsWith('_fts'))
        .map(([t, def]) => [t, Object.fromEntries(Object.entries(def.columns).map(([c, d]) => [c, d.nullable]))]),
    );
    expect(declared).toEqual(built);
  });
});

/** Table → column → nullable, read from the interfaces of schema.ts and its `Database` map. */
function parseSchemaFile(): Record<string, Record<string, boolean>> {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const text = fs.readFileSync(path.join(here, 'schema.ts'), 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
  const interfaces = new Map<string, Record<string, boolean>>();
  for (const m of text.matchAll(/export interface (\w+) \{([^}]*)\}/g)) {
    const cols: Record<string, boolean> = {};
    for (const line of (m[2] ?? '').split(';')) {
      const col = /^\s*(\w+)\??:\s*(.+)$/s.exec(line);
      if (col?.[1] && col[2]) cols[col[1]] = /\|\s*null\b|\bnull\s*\|/.test(col[2]);
    }
    interfaces.set(m[1] ?? '', cols);
  }
  const database = interfaces.get('Database') ?? {};
  const tablesBlock = /export interface Database \{([^}]*)\}/.exec(text)?.[1] ?? '';
  const out: Record<string, Record<string, boolean>> = {};
  for (const m of tablesBlock.matchAll(/(\w+):\s*(\w+);/g)) {
    const [, table, type] = m;
    if (table && type && table in database) out[table] = interfaces.get(type) ?? {};
  }
  return out;
}
