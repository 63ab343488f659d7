import { performance } from 'node:perf_hooks';
import { ImportFileError, openTable } from '../src/server/platform/import/index.js';

// One hostile file read whole, in this fresh process; prints JSON for import-limits.ts.
const file = process.argv[2] ?? '';
const startRss = process.memoryUsage().rss;
const t0 = performance.now();
let rows = 0;
let outcome = 'read';
try {
  const t = await openTable(file);
  for await (const _ of t.rows()) rows++;
} catch (e) {
  outcome = e instanceof ImportFileError ? `${e.code}: ${e.text.en}` : `error: ${(e as Error).message}`;
}
const peakRss = process.resourceUsage().maxRSS * 1024;
console.log(JSON.stringify({ rows, ms: Math.round(performance.now() - t0), startRss, peakRss, outcome }));
