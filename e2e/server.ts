import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildApp } from '../src/server/app.js';
import { loadConfig } from '../src/server/config.js';
import { migrateToLatest, openDatabase } from '../src/server/db/database.js';
import { type DemoAccount, loadDemo } from '../src/server/demo/demo.js';
import { appVersion } from '../src/server/platform/version.js';

export type TestServer = {
  url: string;
  accounts: DemoAccount[];
  /** The password of a demo account, or a thrown error naming the missing one. */
  passwordOf: (username: string) => string;
  close: () => Promise<void>;
};

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const webDist = path.join(repo, 'dist', 'web');
const WEB_SOURCES = ['src/web', 'src/shared', 'vite.config.ts'];

function newestMtime(p: string): number {
  const stat = fs.statSync(p);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of fs.readdirSync(p)) newest = Math.max(newest, newestMtime(path.join(p, entry)));
  return newest;
}

/**
 * The journeys test the built app the server really serves. Build it when it is missing or older
 * than its sources, so a test run never looks at yesterday's screens.
 */
export function ensureWebBuild(): void {
  const index = path.join(webDist, 'index.html');
  const builtAt = fs.existsSync(index) ? fs.statSync(index).mtimeMs : 0;
  const sourcesAt = Math.max(...WEB_SOURCES.map((s) => newestMtime(path.join(repo, s))));
  if (builtAt >= sourcesAt) return;
  try {
    execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: repo, stdio: 'inherit' });
  } catch (e) {
    throw new Error(`The web app could not be built (npx vite build failed); the browser tests need dist/web. ${e}`);
  }
  if (!fs.existsSync(index)) throw new Error(`npx vite build finished but ${index} is missing`);
}

/** A real server on a random port over a fresh SQLite database loaded with the demo (`web: false`: the API only, no build). */
export async function startTestServer(opts: { web?: boolean } = {}): Promise<TestServer> {
  if (opts.web !== false) ensureWebBuild();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'doanvien-e2e-'));
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'silent', WEB_DIST: webDist };
  // Always the embedded database: a developer's DATABASE_URL must not receive test data.
  delete env.DATABASE_URL;
  delete env.DATABASE_SCHEMA;
  delete env.PORT;
  const config = loadConfig(env);
  const handle = await openDatabase(config.db);
  await migrateToLatest(handle.db);
  const ctx = { db: handle.db, dbKind: handle.kind, config, version: appVersion() };
  const { accounts } = await loadDemo(ctx);
  const app = await buildApp(ctx);
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  return {
    url,
    accounts,
    passwordOf: (username) => {
      const account = accounts.find((a) => a.username === username);
      if (!account) throw new Error(`demo account ${username} not found (have: ${accounts.map((a) => a.username)})`);
      return account.password;
    },
    close: async () => {
      await app.close();
      await handle.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
