import type { Kysely, Transaction } from 'kysely';
import type { ImportBatchStatus } from '../../../shared/imports/contract.js';
import type { Db } from '../../db/database.js';
import type { Database } from '../../db/schema.js';
import type { BatchChange, RecordedChange } from '../../platform/import/index.js';
import { type Scope, unitInScope } from '../../platform/scope.js';

/** Batches, their changes (for undo) and the column mappings remembered per unit, kind and source. */

export type BatchCounts = Record<string, number>;

export async function insertBatch(
  db: Db,
  b: {
    kind: string;
    unitId: number;
    userId: number;
    fileName: string;
    source: string | null;
    status: ImportBatchStatus;
  },
): Promise<number> {
  const row = await db
    .insertInto('import_batch')
    .values({
      kind: b.kind,
      unit_id: b.unitId,
      user_id: b.userId,
      file_name: b.fileName,
      source: b.source,
      status: b.status,
      counts: '{}',
      created_at: new Date().toISOString(),
      committed_at: null,
      undone_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function setBatchStatus(db: Db, batchId: number, status: ImportBatchStatus): Promise<void> {
  await db.updateTable('import_batch').set({ status, failure: null }).where('id', '=', batchId).execute();
}

/**
 * Batches left "running" by a process that stopped mid-import (killed, crashed, powered off): their
 * transaction never committed, so nothing of them was written. Called when the server or the command
 * line starts; a run that is in fact still going in another process sets its own outcome when it ends.
 */
export async function failInterruptedBatches(db: Db): Promise<number> {
  const r = await db
    .updateTable('import_batch')
    .set({ status: 'failed', failure: 'interrupted' })
    .where('status', '=', 'running')
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

export async function batchStatus(db: Db, batchId: number): Promise<ImportBatchStatus | undefined> {
  return (await db.selectFrom('import_batch').select('status').where('id', '=', batchId).executeTakeFirst())?.status;
}

/** The outcome of a run: committed (with its time) or rejected, and its figures. */
export async function finishBatch(
  trx: Transaction<Database>,
  batchId: number,
  committed: boolean,
  counts: BatchCounts,
): Promise<void> {
  await trx
    .updateTable('import_batch')
    .set({
      status: committed ? 'committed' : 'rejected',
      failure: null,
      counts: JSON.stringify(counts),
      committed_at: committed ? new Date().toISOString() : null,
    })
    .where('id', '=', batchId)
    .execute();
}

export async function markUndone(trx: Transaction<Database>, batchId: number): Promise<void> {
  await trx
    .updateTable('import_batch')
    .set({ status: 'undone', undone_at: new Date().toISOString() })
    .where('id', '=', batchId)
    .execute();
}

/** A batch of a unit inside the scope; undefined otherwise (the caller answers 404). */
export function batchInScope(db: Db, batchId: number, scope: Scope) {
  return db
    .selectFrom('import_batch as b')
    .selectAll()
    .where('b.id', '=', batchId)
    .where((eb) => unitInScope(eb, 'b.unit_id', scope))
    .executeTakeFirst();
}

const views = (db: Db) =>
  db
    .selectFrom('import_batch as b')
    .innerJoin('org_unit as u', 'u.id', 'b.unit_id')
    .leftJoin('app_user as a', 'a.id', 'b.user_id')
    .selectAll('b')
    .select(['u.name as unit_name', 'a.username']);

export type BatchViewRow = Awaited<ReturnType<ReturnType<typeof views>['executeTakeFirstOrThrow']>>;

/** The batches of the units in scope, newest first, one page and the total. */
export async function listBatches(db: Db, scope: Scope, page: { limit: number; offset: number }) {
  const [rows, count] = await Promise.all([
    views(db)
      .where((eb) => unitInScope(eb, 'b.unit_id', scope))
      .orderBy('b.id', 'desc')
      .limit(page.limit)
      .offset(page.offset)
      .execute(),
    db
      .selectFrom('import_batch as b')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where((eb) => unitInScope(eb, 'b.unit_id', scope))
      .executeTakeFirstOrThrow(),
  ]);
  return { total: Number(count.n), rows };
}

/** One batch with its unit's name and its author; the caller has checked the scope. */
export function batchView(db: Db, batchId: number): Promise<BatchViewRow> {
  return views(db).where('b.id', '=', batchId).executeTakeFirstOrThrow();
}

export type ValueMap = Record<string, Record<string, string>>;

/** The column mapping and the value mapping last used for this unit, kind and source; null when none. */
export async function rememberedMapping(
  db: Db,
  k: { unitId: number; kind: string; source: string },
): Promise<{ columns: Record<string, number | null>; values: ValueMap } | null> {
  const row = await db
    .selectFrom('import_mapping')
    .select(['mapping', 'value_mapping'])
    .where('unit_id', '=', k.unitId)
    .where('kind', '=', k.kind)
    .where('source', '=', k.source)
    .executeTakeFirst();
  if (!row) return null;
  return {
    columns: JSON.parse(row.mapping) as Record<string, number | null>,
    values: JSON.parse(row.value_mapping || '{}') as ValueMap,
  };
}

export async function rememberMapping(
  db: Db,
  k: { unitId: number; kind: string; source: string },
  mapping: Record<string, number | null>,
  values: ValueMap = {},
): Promise<void> {
  const now = new Date().toISOString();
  const json = JSON.stringify(mapping);
  const valuesJson = JSON.stringify(values);
  await db
    .insertInto('import_mapping')
    .values({
      unit_id: k.unitId,
      kind: k.kind,
      source: k.source,
      mapping: json,
      value_mapping: valuesJson,
      updated_at: now,
    })
    .onConflict((oc) =>
      oc
        .columns(['unit_id', 'kind', 'source'])
        .doUpdateSet({ mapping: json, value_mapping: valuesJson, updated_at: now }),
    )
    .execute();
}

/** What a batch changed, written as it goes, a thousand rows per statement. */
export async function recordChanges(
  trx: Kysely<Database>,
  batchId: number,
  changes: readonly RecordedChange[],
): Promise<void> {
  for (let i = 0; i < changes.length; i += 1000) {
    await trx
      .insertInto('import_change')
      .values(
        changes.slice(i, i + 1000).map((c) => ({
          batch_id: batchId,
          entity: c.entity,
          entity_id: c.id,
          action: c.action,
          before_json: c.before === null || c.before === undefined ? null : JSON.stringify(c.before),
        })),
      )
      .execute();
  }
}

/** A batch's changes, newest first (so that a row changed twice ends with its oldest "before"). */
export async function changesOf(db: Db, batchId: number): Promise<BatchChange[]> {
  const rows = await db
    .selectFrom('import_change')
    .selectAll()
    .where('batch_id', '=', batchId)
    .orderBy('id', 'desc')
    .execute();
  return rows.map((c) => ({
    entity: c.entity,
    entityId: c.entity_id,
    action: c.action === 'update' ? 'update' : 'insert',
    before: c.before_json ? (JSON.parse(c.before_json) as Record<string, unknown>) : null,
  }));
}

/** Batches that wrote or changed rows of these entities (anonymisation: whose stored files mention the person). */
export async function batchesTouching(db: Db, entity: string, ids: number[]): Promise<number[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('import_change')
    .select('batch_id')
    .distinct()
    .where('entity', '=', entity)
    .where('entity_id', 'in', ids)
    .execute();
  return rows.map((r) => r.batch_id);
}
