import {
  type DatabaseConnection,
  DummyDriver,
  Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
} from 'kysely';
import type { Db } from '../db/database.js';
import type { Database } from '../db/schema.js';

/** Answers every statement with one empty row, so code that reads a first row goes on to its next query. */
class OneEmptyRowDriver extends DummyDriver {
  override async acquireConnection(): Promise<DatabaseConnection> {
    return {
      executeQuery: async () => ({ rows: [{}] as never[] }),
      streamQuery: async function* () {},
    };
  }
}

/**
 * A Kysely that runs nothing: every statement a repository function sends is compiled for the dialect
 * and written down (every query answers one empty row). The compiled-SQL snapshots use it, so a change to
 * a list or report query shows in review as a change to its SQL, on both databases.
 */
export function capturingDb(dialect: 'sqlite' | 'postgres'): { db: Db; statements: string[] } {
  const statements: string[] = [];
  const db = new Kysely<Database>({
    dialect:
      dialect === 'sqlite'
        ? {
            createAdapter: () => new SqliteAdapter(),
            createDriver: () => new OneEmptyRowDriver(),
            createIntrospector: (k) => new SqliteIntrospector(k),
            createQueryCompiler: () => new SqliteQueryCompiler(),
          }
        : {
            createAdapter: () => new PostgresAdapter(),
            createDriver: () => new OneEmptyRowDriver(),
            createIntrospector: (k) => new PostgresIntrospector(k),
            createQueryCompiler: () => new PostgresQueryCompiler(),
          },
    log: (e) => {
      if (e.level === 'query') {
        const params = e.query.parameters.length ? `\n-- parameters: ${JSON.stringify(e.query.parameters)}` : '';
        statements.push(`${e.query.sql};${params}`);
      }
    },
  });
  return { db, statements };
}

/** Runs a repository call on the capturing database; a call that needs rows back may fail, which is fine. */
export async function sqlOf(dialect: 'sqlite' | 'postgres', run: (db: Db) => Promise<unknown>): Promise<string> {
  const { db, statements } = capturingDb(dialect);
  try {
    await run(db);
  } catch {
    // The statements sent before the failure are what we wanted.
  }
  return `${statements.join('\n\n')}\n`;
}
