// `npm test`: builds the web app (the browser journeys drive the built app), then runs every vitest
// project: unit, API on SQLite, API on PostgreSQL when TEST_DATABASE_URL is set, and the browser journeys.
import { spawnSync } from 'node:child_process';

const run = (cmd, args) => {
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: process.env });
  if (r.status !== 0) process.exit(r.status ?? 1);
};

if (!process.env.TEST_DATABASE_URL) {
  console.log('\n[test] TEST_DATABASE_URL is not set: API tests run on SQLite only.');
  console.log('[test] For PostgreSQL too: TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npm test\n');
}
run('npx', ['vite', 'build', '--logLevel', 'warn']);
run('npx', ['vitest', 'run', ...process.argv.slice(2)]);
