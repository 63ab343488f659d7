import { z } from 'zod';
import { commonMessages } from '../../../shared/common/messages.js';
import type { ZImportBatchQuery, ZImportRun } from '../../../shared/imports/contract.js';
import { LARGE_WRITE_ROWS, refreshStatistics } from '../../db/statistics.js';
import { audit } from '../../platform/audit.js';
import type { AppContext } from '../../platform/context.js';
import { today } from '../../platform/dates.js';
import { AppError } from '../../platform/errors.js';
import { ImportFileError, NO_LIST_WIDE, type Report, readHeader, runImport } from '../../platform/import/index.js';
import { type Actor, requireScope, requireUnitInScope, scopeWithin } from '../../platform/scope.js';
import { invalid, issue } from '../../platform/validation.js';
import { importKind } from './import.kinds.js';
import {
  dropFile,
  dropUpload,
  keepUpload,
  openUpload,
  type Received,
  rejectedAnswer,
  sweepBatchFiles,
  writeRejected,
} from './imports.files.js';
import { presentBatch, presentFields, presentReport } from './imports.presenter.js';
import * as repo from './imports.repository.js';
import type { ImportRequest, ImportResult } from './imports.types.js';
import { importInWorker, runsOffThread } from './imports.worker-pool.js';

/** Progress of running imports, for the progress bar (kept by the process doing the work). */
const progress = new Map<number, number>();
const importProgress = (batchId: number) => progress.get(batchId) ?? null;

/**
 * Imports running per unit, per database (tests run many apps in one process). A preview reads the whole file
 * too, so it counts. In-process: with several servers on one PostgreSQL each enforces its own count.
 */
const running = new WeakMap<object, Map<number, number>>();
async function withUnitSlot<T>(ctx: AppContext, unitId: number, work: () => Promise<T>): Promise<T> {
  const perUnit = running.get(ctx.db) ?? new Map<number, number>();
  running.set(ctx.db, perUnit);
  const count = perUnit.get(unitId) ?? 0;
  const max = ctx.config.imports.maxConcurrentPerUnit;
  if (count >= max) throw new AppError('IMPORT_BUSY', { count, max });
  perUnit.set(unitId, count + 1);
  try {
    return await work();
  } finally {
    const left = (perUnit.get(unitId) ?? 1) - 1;
    if (left <= 0) perUnit.delete(unitId);
    else perUnit.set(unitId, left);
  }
}

export type { ImportRequest } from './imports.types.js';

function fileError(err: unknown): never {
  if (err instanceof ImportFileError) throw new AppError('IMPORT_FILE', { message: err.text });
  throw err;
}

/** A batch of a unit in the caller's scope for the permission; 404 otherwise. */
export async function batchFor(
  ctx: AppContext,
  actor: Actor,
  batchId: number,
  permission: 'record.read' | 'record.write',
) {
  const b = await repo.batchInScope(ctx.db, batchId, await requireScope(ctx.db, actor, permission));
  if (!b) throw new AppError('NOT_FOUND');
  return b;
}

/**
 * Imports a file as a kind of record: the web's preview and commit, and the command line. A dry run
 * writes nothing, not even a batch; a real run records its batch, its changes, its outcome and an audit entry.
 */
export async function importFile(ctx: AppContext, actor: Actor, kindName: string, req: ImportRequest) {
  return withUnitSlot(ctx, req.unitId, async () => {
    const batchId = req.batchId;
    const onProgress = (n: number) => batchId !== undefined && progress.set(batchId, n);
    try {
      if (runsOffThread(ctx)) return await importInWorker(ctx, actor, kindName, req, onProgress);
      return await importFileHere(ctx, actor, kindName, req, onProgress);
    } finally {
      if (batchId !== undefined) progress.delete(batchId);
    }
  });
}

/**
 * The import itself, on this thread and this connection: the worker thread runs it on its own connection
 * (imports.worker.ts); the command line and tests with an in-memory database run it here.
 */
export async function importFileHere(
  ctx: AppContext,
  actor: Actor,
  kindName: string,
  req: ImportRequest,
  onProgress?: (rows: number) => void,
): Promise<ImportResult> {
  const kind = importKind(kindName);
  const scope = await requireScope(ctx.db, actor, 'record.write');
  await requireUnitInScope(ctx.db, req.unitId, scope);
  await kind.checkUnit?.(ctx, req.unitId);
  const spec = await kind.spec(ctx, {
    actor,
    scope,
    readScope: await requireScope(ctx.db, actor, 'record.read'),
    unitId: req.unitId,
    today: today(ctx),
    onDuplicate: req.onDuplicate,
    duplicateReason: req.onDuplicate === 'create' ? (req.duplicateReason ?? null) : null,
    listWide: { ...NO_LIST_WIDE, ...req.listWide },
  });
  const write = !req.dryRun;
  let batchId: number | null = req.batchId ?? null;
  if (write && batchId === null) {
    batchId = await repo.insertBatch(ctx.db, {
      kind: kind.name,
      unitId: req.unitId,
      userId: actor.userId,
      fileName: req.fileName,
      source: req.source ?? null,
      status: 'running',
    });
  } else if (write && batchId !== null) await repo.setBatchStatus(ctx.db, batchId, 'running');
  let report: Report<string>;
  try {
    report = await runImport(ctx.db, spec, {
      file: req.file,
      mapping: req.mapping,
      valueMapping: req.valueMapping,
      onDuplicate: req.onDuplicate,
      duplicateReason: req.duplicateReason,
      mode: req.mode,
      dryRun: req.dryRun,
      batchId: write ? batchId : null,
      onChanges: repo.recordChanges,
      limits: ctx.config.imports,
      onProgress,
    });
  } catch (err) {
    if (batchId !== null && write) await repo.setBatchStatus(ctx.db, batchId, 'failed');
    fileError(err);
  }
  if (write) await spec.afterRun?.();
  // A large load changes the tables' shape: the planners get fresh statistics now, not at the next schedule.
  if (write && report.committed && report.inserted + report.updated >= LARGE_WRITE_ROWS) {
    await refreshStatistics(ctx.db);
  }
  if (batchId !== null && write) {
    const counts = {
      rows: report.rows,
      inserted: report.committed ? report.inserted : 0,
      updated: report.committed ? report.updated : 0,
      skipped: report.skipped,
      rejected: report.rejectedRows.length,
      warnings: report.warnings.length,
    };
    const id = batchId;
    await ctx.db.transaction().execute(async (trx) => {
      await repo.finishBatch(trx, id, report.committed, counts);
      await audit(trx, actor, {
        action: report.committed ? 'import.commit' : 'import.reject',
        entity: 'import_batch',
        entityId: id,
        unitId: req.unitId,
        after: { fileName: req.fileName, mode: req.mode, onDuplicate: req.onDuplicate, ...counts },
      });
    });
    if (report.rejectedRows.length > 0) await writeRejected(ctx, id, report);
  }
  return { batchId, report };
}

const ZUnitField = z.coerce.number().int().positive();

/** Stores an upload and proposes a column mapping: the one remembered for this unit and source, else detected. */
export async function upload(ctx: AppContext, actor: Actor, kindName: string, receive: () => Promise<Received | null>) {
  const kind = importKind(kindName);
  // Checked before the file is read: someone who may not import sends nothing to disk.
  await requireScope(ctx.db, actor, 'record.write');
  const got = await receive();
  if (!got) invalid([issue('file', commonMessages.noFile)]);
  const unitId = ZUnitField.safeParse(got.fields.unitId);
  if (!unitId.success) {
    dropFile(got.tmpFile);
    invalid([issue('unitId', kind.unitRequired)]);
  }
  const rawSource = got.fields.source;
  const source = typeof rawSource === 'string' && rawSource.trim() ? rawSource.trim().slice(0, 100) : null;
  try {
    const scope = await requireScope(ctx.db, actor, 'record.write');
    await requireUnitInScope(ctx.db, unitId.data, scope);
    await kind.checkUnit?.(ctx, unitId.data);
  } catch (err) {
    dropFile(got.tmpFile);
    throw err;
  }
  let detection: Awaited<ReturnType<typeof readHeader<string>>>['detection'];
  try {
    detection = (await readHeader<string>(got.tmpFile, kind.fields, ctx.config.imports)).detection;
  } catch (err) {
    dropFile(got.tmpFile);
    fileError(err);
  }
  const batchId = await repo.insertBatch(ctx.db, {
    kind: kind.name,
    unitId: unitId.data,
    userId: actor.userId,
    fileName: got.fileName,
    source,
    status: 'uploaded',
  });
  await keepUpload(ctx, batchId, got.tmpFile);
  // Uploads left unrun and old rejected-rows files go here, at the next upload (and at start).
  sweepBatchFiles(ctx);
  const remembered = source
    ? await repo.rememberedMapping(ctx.db, { unitId: unitId.data, kind: kind.name, source })
    : null;
  return {
    batchId,
    fields: presentFields(kind.fields, actor.locale),
    headerRows: detection?.headerRows ?? [],
    dataStartRow: detection?.dataStartRow ?? null,
    columns: detection?.columns ?? [],
    mapping: { ...(detection?.mapping ?? {}), ...(remembered?.columns ?? {}) },
    rememberedMapping: remembered !== null,
    valueMapping: remembered?.values ?? {},
  };
}

/** Preview (dry run) or commit of an uploaded batch, answered in the caller's language. */
export async function run(
  ctx: AppContext,
  actor: Actor,
  batchId: number,
  p: z.output<typeof ZImportRun>,
  dryRun: boolean,
) {
  const b = await batchFor(ctx, actor, batchId, 'record.write');
  if (b.status !== 'uploaded') throw new AppError('IMPORT_NOT_PENDING');
  const clear = await openUpload(ctx, batchId);
  if (!clear) throw new AppError('IMPORT_UPLOAD_EXPIRED', { hours: ctx.config.imports.keepHours });
  const result = await importFile(ctx, actor, b.kind, {
    file: clear.file,
    fileName: b.file_name,
    unitId: b.unit_id,
    source: b.source,
    mapping: p.mapping,
    valueMapping: p.valueMapping,
    listWide: {
      asOf: p.asOf ?? null,
      decisionNo: p.decisionNo ?? null,
      decisionDate: p.decisionDate ?? null,
      ceremonyDate: p.ceremonyDate ?? null,
    },
    onDuplicate: p.onDuplicate,
    duplicateReason: p.duplicateReason,
    mode: p.mode,
    dryRun,
    batchId,
  }).finally(async () => {
    clear.dispose();
    // Run for real (committed, rejected or failed): the file is not needed again (undo works from
    // import_change). Still 'uploaded' (refused before it ran, e.g. busy): kept for the next try.
    if (!dryRun && (await repo.batchStatus(ctx.db, batchId)) !== 'uploaded') dropUpload(ctx, batchId);
  });
  // The mapping that was used (as corrected by the user) is proposed next time for the same source.
  if (!dryRun && b.source) {
    const before = await repo.rememberedMapping(ctx.db, { unitId: b.unit_id, kind: b.kind, source: b.source });
    const values: repo.ValueMap = { ...before?.values };
    for (const [field, map] of Object.entries(p.valueMapping ?? {})) values[field] = { ...values[field], ...map };
    await repo.rememberMapping(
      ctx.db,
      { unitId: b.unit_id, kind: b.kind, source: b.source },
      result.report.header.mapping,
      values,
    );
  }
  return presentReport(batchId, result.report, actor.locale);
}

/** A kind's blank template: no records of anyone, so any signed-in user may have it. */
export const template = (ctx: AppContext, kindName: string) => importKind(kindName).template(ctx);

export async function rejectedRows(ctx: AppContext, actor: Actor, batchId: number) {
  await batchFor(ctx, actor, batchId, 'record.read');
  return rejectedAnswer(ctx, batchId);
}

export async function list(ctx: AppContext, actor: Actor, q: z.output<typeof ZImportBatchQuery>) {
  const scope = await scopeWithin(ctx.db, actor, 'record.read', q.unitId);
  const page = await repo.listBatches(ctx.db, scope, q);
  return { total: page.total, items: page.rows.map((b) => presentBatch(b, importProgress(b.id), actor.locale)) };
}

export async function get(ctx: AppContext, actor: Actor, batchId: number) {
  await batchFor(ctx, actor, batchId, 'record.read');
  return presentBatch(await repo.batchView(ctx.db, batchId), importProgress(batchId), actor.locale);
}
