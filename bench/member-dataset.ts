import { sql } from 'kysely';
import { migrateToLatest, openDatabase } from '../src/server/db/database.js';
import { generateMembers, type MemberTarget } from './members.js';
import { generateTree } from './org-tree.js';

/**
 * Only the member search dataset of `npm run bench` (the org tree and BENCH_MEMBERS people, default 1 M),
 * kept, for bench/member-search.ts to time again and again: `npx tsx bench/member-dataset.ts <dir>/bench.db`
 * (SQLite) or `… postgres://…/db` (PostgreSQL, in schema BENCH_SCHEMA, default "member_search"). The
 * whole bench also builds enterprises, outreach and metric summaries, which the search does not read.
 */
export const target = (where: string | undefined): MemberTarget => {
  if (!where) throw new Error('usage: tsx bench/member-dataset.ts <file.db | postgres://…>');
  return where.startsWith('postgres')
    ? { kind: 'postgres', url: where, schema: process.env.BENCH_SCHEMA ?? 'member_search' }
    : { kind: 'sqlite', file: where };
};
export const open = (t: MemberTarget) =>
  openDatabase(t.kind === 'sqlite' ? t : { kind: 'postgres', url: t.url, schema: t.schema });

if (import.meta.url === `file://${process.argv[1]}`) {
  const t = target(process.argv[2]);
  const n = Number(process.env.BENCH_MEMBERS ?? 1_000_000);
  const h = await open(t);
  try {
    await migrateToLatest(h.db);
    const tree = await generateTree(h.db);
    const gen = await generateMembers(h.db, t, n);
    // Statistics as a maintained database has them, so the planner sees the sizes it would in use.
    await sql`analyze`.execute(h.db);
    console.log(
      `${tree.units} units, ${gen.members} members in ${gen.grassroots} grassroots unions, loaded in ${(gen.loadMs / 1000).toFixed(1)} s`,
    );
  } finally {
    await h.close();
  }
}
