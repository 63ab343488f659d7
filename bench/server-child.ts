import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';

/**
 * A real server in a child process (src/server/main.ts through tsx), for the benches that measure it from
 * outside: it is ready when it says it runs ("đang chạy") and `ready` finds what the bench needs in what
 * it printed (the first administrator, the demo's accounts). A developer's own database never receives
 * the bench's load: DATABASE_URL and DATABASE_SCHEMA come only from `env`.
 */
export function spawnServer<T>(
  env: NodeJS.ProcessEnv,
  args: string[],
  ready: (out: string) => T | null,
): Promise<{ child: ChildProcess; found: T }> {
  const base: NodeJS.ProcessEnv = { ...process.env, HOST: '127.0.0.1', LOG_LEVEL: 'warn' };
  delete base.DATABASE_URL;
  delete base.DATABASE_SCHEMA;
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(import.meta.dirname, '../src/server/main.ts'), ...args],
    {
      env: { ...base, ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  let out = '';
  return new Promise((resolve, reject) => {
    child.on('exit', (code) => reject(new Error(`server exited (${code}): ${out}`)));
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      if (!out.includes('đang chạy')) return;
      const found = ready(out);
      if (found !== null) resolve({ child, found });
    });
  });
}
