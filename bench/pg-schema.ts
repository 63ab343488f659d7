import pg from 'pg';

/** Drops a bench run's own PostgreSQL schema (each run makes one, so runs never collide) and all it holds. */
export async function dropPgSchema(url: string, schema: string): Promise<void> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await c.query(`drop schema if exists "${schema}" cascade`);
  } finally {
    await c.end();
  }
}
