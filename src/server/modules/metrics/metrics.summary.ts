import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import { deriveFacts, type Fact, type Source } from './metrics.facts.js';

/**
 * Keeps the summary rows equal to the records, inside the caller's transaction: a repository that
 * writes records calls `metricsChanged(trx, source, ids)` after writing; a tree event calls
 * `treeChanged(trx, unitIds, fromDay)`. Each re-derives the facts of those records, swaps them in, and
 * adds the difference to metric_day for every ancestor the facts were placed under.
 */

const ancestors = (path: string) =>
  path
    .split('/')
    .filter((s) => s.length > 0)
    .map(Number);

function addTo(acc: Map<string, number>, facts: Fact[], sign: 1 | -1) {
  for (const f of facts)
    for (const a of ancestors(f.path)) {
      const k = `${a}|${f.key}|${f.day}`;
      acc.set(k, (acc.get(k) ?? 0) + sign * f.delta);
    }
}

const chunks = <T>(xs: T[], n: number) =>
  Array.from({ length: Math.ceil(xs.length / n) }, (_, i) => xs.slice(i * n, i * n + n));

/**
 * Adds the deltas to metric_day, each also to its month's and its year's rollup row (keys `M/<key>` on the
 * month's first day, `Y/<key>` on 1 January), so a figure over months or years reads a few rows per key
 * instead of one per day (figures' `pieces`).
 */
async function applyDeltas(db: Db, acc: Map<string, number>) {
  const all = new Map<string, { unit_id: number; key: string; day: string; value: number }>();
  const add = (unit_id: number, key: string, day: string, value: number) => {
    const k = `${unit_id}|${key}|${day}`;
    const row = all.get(k);
    if (row) row.value += value;
    else all.set(k, { unit_id, key, day, value });
  };
  for (const [k, value] of acc) {
    if (value === 0) continue;
    const [unit, key, day] = k.split('|') as [string, string, string];
    add(Number(unit), key, day, value);
    add(Number(unit), `M/${key}`, `${day.slice(0, 7)}-01`, value);
    add(Number(unit), `Y/${key}`, `${day.slice(0, 4)}-01-01`, value);
  }
  const rows = [...all.values()].filter((r) => r.value !== 0);
  for (const part of chunks(rows, 500))
    await db
      .insertInto('metric_day')
      .values(part)
      .onConflict((oc) =>
        oc.columns(['unit_id', 'key', 'day']).doUpdateSet({ value: sql`metric_day.value + excluded.value` }),
      )
      .execute();
}

/** Re-derives what the records `ids` of `source` contribute (gone records: nothing) and applies the change. */
export async function metricsChanged(db: Db, source: Source, ids: readonly (number | null | undefined)[]) {
  const list = [...new Set(ids.filter((id): id is number => typeof id === 'number'))];
  if (list.length === 0) return;
  const acc = new Map<string, number>();
  for (const part of chunks(list, 500)) {
    const old = await db
      .selectFrom('metric_fact')
      .select(['source', 'source_id', 'key', 'unit_id', 'path', 'day', 'delta'])
      .where('source', '=', source)
      .where('source_id', 'in', part)
      .execute();
    addTo(acc, old as Fact[], -1);
    await db.deleteFrom('metric_fact').where('source', '=', source).where('source_id', 'in', part).execute();
  }
  const fresh = await deriveFacts(db, source, list);
  addTo(acc, fresh, 1);
  for (const part of chunks(fresh, 300)) await db.insertInto('metric_fact').values(part).execute();
  await applyDeltas(db, acc);
  // An event placed again (or new) changes which days its enterprises were reached under each ancestor.
  // Links are only ever added with their event (outreach.repository.ts), so the current links are all of them.
  if (source === 'outreach') {
    const linked = new Set<number>();
    for (const part of chunks(list, 500))
      for (const r of await db
        .selectFrom('outreach_enterprise')
        .select('enterprise_id')
        .where('event_id', 'in', part)
        .execute())
        linked.add(r.enterprise_id);
    await metricsChanged(db, 'reach', [...linked]);
  }
}

/** The memberships of some people (a person's gender or erasure changes their memberships' keys). */
export async function personsChanged(db: Db, personIds: readonly number[]) {
  if (personIds.length === 0) return;
  const ms = await db
    .selectFrom('membership')
    .select('id')
    .where('person_id', 'in', [...personIds])
    .execute();
  await metricsChanged(
    db,
    'membership',
    ms.map((m) => m.id),
  );
}

/**
 * The tree changed under `unitIds` from `fromDay` (a move, an end, a merge, a backdated event): every
 * record placed in those subtrees (at any date, and in units merged into them) is placed again. Facts
 * before `fromDay` come out the same, so only the days from then on change in metric_day.
 */
export async function treeChanged(db: Db, unitIds: readonly number[], _fromDay: string) {
  if (unitIds.length === 0) return;
  const paths = await db
    .selectFrom('org_unit_version')
    .select('path')
    .distinct()
    .where('unit_id', 'in', [...unitIds])
    .execute();
  const units = new Set<number>(unitIds);
  for (const { path } of paths) {
    const rows = await db
      .selectFrom('org_unit_version')
      .select('unit_id')
      .distinct()
      .where('path', '>=', path)
      .where('path', '<', `${path.slice(0, -1)}0`)
      .execute();
    for (const r of rows) units.add(r.unit_id);
  }
  let frontier = [...units];
  while (frontier.length > 0) {
    const merged = await db.selectFrom('org_unit').select('id').where('merged_into_id', 'in', frontier).execute();
    frontier = merged.map((m) => m.id).filter((id) => !units.has(id));
    for (const id of frontier) units.add(id);
  }
  const all = [...units];
  for (const part of chunks(all, 500)) {
    const ids = async (q: Promise<{ id: number }[]>) => (await q).map((r) => r.id);
    await metricsChanged(db, 'unit', part);
    await metricsChanged(
      db,
      'membership',
      await ids(db.selectFrom('membership').select('id').where('unit_id', 'in', part).execute()),
    );
    await metricsChanged(
      db,
      'party',
      await ids(db.selectFrom('party_introduction').select('id').where('unit_id', 'in', part).execute()),
    );
    await metricsChanged(
      db,
      'application',
      await ids(db.selectFrom('application').select('id').where('unit_id', 'in', part).execute()),
    );
    await metricsChanged(
      db,
      'outreach',
      await ids(db.selectFrom('outreach_event').select('id').where('unit_id', 'in', part).execute()),
    );
    await metricsChanged(
      db,
      'enterprise',
      await ids(
        db
          .selectFrom('enterprise')
          .select('id')
          .where((eb) => eb.or([eb('unit_id', 'in', part), eb('grassroots_unit_id', 'in', part)]))
          .execute(),
      ),
    );
  }
}

/** Every summary row from the records (after a migration, or to repair): the same derivation as the hooks. */
export async function rebuildAll(db: Db) {
  await db.deleteFrom('metric_fact').execute();
  await db.deleteFrom('metric_day').execute();
  const all = async (
    table: 'membership' | 'party_introduction' | 'application' | 'outreach_event' | 'org_unit' | 'enterprise',
  ) => (await db.selectFrom(table).select('id').execute()).map((r) => r.id);
  await metricsChanged(db, 'unit', await all('org_unit'));
  await metricsChanged(db, 'membership', await all('membership'));
  await metricsChanged(db, 'party', await all('party_introduction'));
  await metricsChanged(db, 'application', await all('application'));
  await metricsChanged(db, 'outreach', await all('outreach_event'));
  await metricsChanged(db, 'enterprise', await all('enterprise'));
}

/**
 * Enterprises changed (ownership, managing unit, linked CĐCS, surveys): their own facts, and the founding
 * facts of the CĐCS they were or are linked to (non-state, headcount at the founding date).
 */
export async function enterprisesChanged(db: Db, ids: readonly number[]) {
  if (ids.length === 0) return;
  const list = [...new Set(ids)];
  const before = await db
    .selectFrom('metric_fact')
    .select('unit_id')
    .distinct()
    .where('source', '=', 'enterprise')
    .where('key', '=', 'wrk')
    .where('source_id', 'in', list)
    .execute();
  const now = await db
    .selectFrom('enterprise')
    .select('grassroots_unit_id')
    .where('id', 'in', list)
    .where('grassroots_unit_id', 'is not', null)
    .execute();
  await metricsChanged(db, 'enterprise', list);
  // Ownership decides whether an enterprise's reaches count (non-state only).
  await metricsChanged(db, 'reach', list);
  await metricsChanged(db, 'unit', [...before.map((r) => r.unit_id), ...now.map((r) => r.grassroots_unit_id)]);
}
