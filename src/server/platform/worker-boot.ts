import { Worker } from 'node:worker_threads';

/**
 * Starts a worker thread on a module of the server, built or not. Run from TypeScript (tsx in development,
 * tests, benches), the worker registers tsx before loading its entry; built, it loads the .js beside this one.
 * `entry` is the worker module's name without its extension, relative to `from` (the caller's import.meta.url).
 */
export function startWorker(from: string, entry: string, workerData: Record<string, unknown>): Worker {
  const href = new URL(`${entry}${from.endsWith('.ts') ? '.ts' : '.js'}`, from).href;
  return new Worker(BOOT, { eval: true, workerData: { ...workerData, entry: href } });
}

const BOOT = `
const { workerData } = require('node:worker_threads');
(async () => {
  if (workerData.entry.endsWith('.ts')) (await import('tsx/esm/api')).register();
  await import(workerData.entry);
})().catch((e) => { console.error(e); process.exit(1); });
`;
