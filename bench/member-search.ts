import { open, target } from './member-dataset.js';
import { benchMemberSearch } from './members.js';

/**
 * The member search cases of `npm run bench` on a dataset kept by bench/member-dataset.ts (or by
 * `BENCH_KEEP_SQLITE=<dir>`): `npx tsx bench/member-search.ts <dir>/bench.db | postgres://… [runs per case]`.
 * Printed beside the old substring rule, never asserted.
 */
const h = await open(target(process.argv[2]));
try {
  await benchMemberSearch(h.db, Number(process.argv[3] ?? 10));
} finally {
  await h.close();
}
