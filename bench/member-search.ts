import { openDatabase } from '../src/server/db/database.js';
import { benchMemberSearch } from './members.js';

/**
 * The member search cases of `npm run bench` on a dataset kept by `BENCH_KEEP_SQLITE=<dir>`:
 * `npx tsx bench/member-search.ts <dir>/bench.db [runs per case]`. Printed, never asserted.
 */
const h = await openDatabase({ kind: 'sqlite', file: process.argv[2] as string });
try {
  await benchMemberSearch(h.db, Number(process.argv[3] ?? 10));
} finally {
  await h.close();
}
