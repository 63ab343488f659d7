import { sql } from 'kysely';
import { migrateToLatest, openDatabase } from '../src/server/db/database.js';
import { generateMembers } from './members.js';
import { generateTree } from './org-tree.js';

/**
 * Only the member search dataset of `npm run bench` (the org tree and BENCH_MEMBERS people, default 1 M),
 * written to a SQLite file and kept, for bench/member-search.ts to time again and again:
 * `npx tsx bench/member-dataset.ts <dir>/bench.db`. The whole bench also builds enterprises, outreach
 * and metric summaries, which the search does not read.
 */
const file = process.argv[2];
if (!file) throw new Error('usage: tsx bench/member-dataset.ts <file.db>');
const n = Number(process.env.BENCH_MEMBERS ?? 1_000_000);
const h = await openDatabase({ kind: 'sqlite', file });
try {
  await migrateToLatest(h.db);
  const tree = await generateTree(h.db);
  const gen = await generateMembers(h.db, { kind: 'sqlite', file }, n);
  // Statistics as a maintained database has them, so the planner sees the sizes it would in use.
  await sql`analyze`.execute(h.db);
  console.log(
    `${tree.units} units, ${gen.members} members in ${gen.grassroots} grassroots unions, loaded in ${(gen.loadMs / 1000).toFixed(1)} s`,
  );
} finally {
  await h.close();
}
