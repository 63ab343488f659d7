import { defineConfig } from 'vitest/config';

/**
 * One suite, several projects: pure unit tests; API tests through the real app on SQLite and, when
 * TEST_DATABASE_URL points at a PostgreSQL server, the very same files again on PostgreSQL; and the
 * browser journeys (headless Chromium against the built web app).
 */
const pg = process.env.TEST_DATABASE_URL;
const api = (name: string, env: Record<string, string>) => ({
  test: {
    name,
    include: ['src/server/**/*.test.ts'],
    env,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks' as const,
  },
});

export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['src/shared/**/*.test.ts', 'src/web/**/*.test.ts'] } },
      api('api-sqlite', { TEST_DB: 'sqlite' }),
      ...(pg ? [api('api-postgres', { TEST_DB: 'postgres' })] : []),
      {
        test: {
          name: 'e2e',
          include: ['e2e/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
