import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type TestEnv } from '../test/harness.js';
import { isPostgres } from './dialect.js';
import { refreshStatistics } from './statistics.js';

/** Issue 11 §4: the planners' statistics exist after a refresh, on both databases. */
let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv();
});
afterAll(async () => {
  await env?.close();
});

describe('table statistics', () => {
  it('are written for the tables by a refresh', async () => {
    const db = env.ctx.db;
    await refreshStatistics(db);
    if (isPostgres(db)) {
      const r = await sql<{ n: number | string }>`select count(*) as n from pg_stat_user_tables
        where schemaname = current_schema() and last_analyze is not null and relname = 'org_unit_version'`.execute(db);
      expect(Number(r.rows[0]?.n)).toBe(1);
    } else {
      const r = await sql<{ tbl: string }>`select distinct tbl from sqlite_stat1`.execute(db);
      expect(r.rows.map((x) => x.tbl)).toContain('org_unit_version');
    }
  });
});
