import fs from 'node:fs';
import path from 'node:path';
import { audit } from '../../platform/audit.js';
import type { AppContext } from '../../platform/context.js';
import { today } from '../../platform/dates.js';
import { AppError } from '../../platform/errors.js';
import { ImportFileError, writeRowsXlsx } from '../../platform/import/index.js';
import { type Actor, requireScope, requireUnitInScope, unitInScope } from '../../platform/scope.js';
import { ENTERPRISE_FIELDS, enterpriseImportSpec } from '../enterprises/enterprises.import.js';
import { refreshDerived } from '../enterprises/enterprises.repository.js';
import { grassrootsUnitIssue } from '../members/members.admission.js';
import { MEMBER_FIELDS, memberImportSpec } from '../members/members.import.js';
import { type Conflict, notePossibleTransfers } from '../members/members.notices.js';
import { type ImportSpec, type Mode, type OnDuplicate, type Report, readHeader, runImport } from './import.engine.js';

/** The kinds of record a file can be imported as. */
export type ImportKind = 'enterprises' | 'members';
export const IMPORT_KINDS: readonly ImportKind[] = ['enterprises', 'members'];
const FIELDS = { enterprises: ENTERPRISE_FIELDS, members: MEMBER_FIELDS } as const;

/** Uploaded files and rejected-row reports live beside the database, one folder per batch. */
export function batchDir(ctx: AppContext, batchId: number): string {
  return path.join(ctx.config.dataDir, 'imports', String(batchId));
}

/** Progress of running imports, for the progress bar (kept by the process doing the work). */
const progress = new Map<number, number>();
export const importProgress = (batchId: number) => progress.get(batchId) ?? null;

export type ImportRequest = {
  file: string;
  fileName: string;
  unitId: number;
  source?: string | null;
  mapping?: Partial<Record<string, number | null>>;
  onDuplicate: OnDuplicate;
  duplicateReason?: string | null;
  mode: Mode;
  dryRun: boolean;
  batchId?: number;
};

function fileError(err: unknown): never {
  if (err instanceof ImportFileError) throw new AppError('IMPORT_FILE', { message: err.message });
  throw err;
}

/** Members go into one grassroots union, in the caller's write scope, that exists today. */
async function requireGrassroots(ctx: AppContext, unitId: number) {
  const issue = await grassrootsUnitIssue(ctx.db, unitId, today(ctx), 'unitId');
  if (issue) throw new AppError('VALIDATION', {}, [issue]);
}

export function importEnterprises(ctx: AppContext, actor: Actor, req: ImportRequest) {
  return importKind(ctx, actor, 'enterprises', req);
}

export function importMembers(ctx: AppContext, actor: Actor, req: ImportRequest) {
  return importKind(ctx, actor, 'members', req);
}

export async function importKind(ctx: AppContext, actor: Actor, kind: ImportKind, req: ImportRequest) {
  const scope = await requireScope(ctx.db, actor, 'record.write');
  await requireUnitInScope(ctx.db, req.unitId, scope);
  const day = today(ctx);
  let spec: ImportSpec<string, unknown>;
  const elsewhere: Conflict[] = [];
  if (kind === 'members') {
    await requireGrassroots(ctx, req.unitId);
    spec = (await memberImportSpec(ctx, {
      actor,
      readScope: await requireScope(ctx.db, actor, 'record.read'),
      unitId: req.unitId,
      today: day,
      onDuplicate: req.onDuplicate,
      elsewhere,
    })) as unknown as ImportSpec<string, unknown>;
  } else {
    spec = (await enterpriseImportSpec(ctx.db, {
      actor,
      scope,
      unitId: req.unitId,
      today: day,
      duplicateReason: req.onDuplicate === 'create' ? (req.duplicateReason ?? null) : null,
    })) as unknown as ImportSpec<string, unknown>;
  }
  let batchId: number | null = req.batchId ?? null;
  if (!req.dryRun && batchId === null) batchId = await createBatch(ctx, actor, kind, req, 'running');
  if (batchId !== null && !req.dryRun) {
    await ctx.db.updateTable('import_batch').set({ status: 'running' }).where('id', '=', batchId).execute();
  }
  let report: Report<string>;
  try {
    report = await runImport(ctx.db, spec, {
      file: req.file,
      mapping: req.mapping,
      onDuplicate: req.onDuplicate,
      duplicateReason: req.duplicateReason,
      mode: req.mode,
      dryRun: req.dryRun,
      batchId: req.dryRun ? null : batchId,
      onProgress: (n) => batchId !== null && progress.set(batchId, n),
    });
  } catch (err) {
    if (batchId !== null && !req.dryRun) {
      await ctx.db.updateTable('import_batch').set({ status: 'failed' }).where('id', '=', batchId).execute();
    }
    fileError(err);
  } finally {
    if (batchId !== null) progress.delete(batchId);
  }
  // A committing import that met members of other units tells those units (a preview does not).
  if (!req.dryRun) await notePossibleTransfers(ctx.db, elsewhere, req.unitId, 'import', actor.userId);
  if (batchId !== null && !req.dryRun) {
    const counts = {
      rows: report.rows,
      inserted: report.committed ? report.inserted : 0,
      updated: report.committed ? report.updated : 0,
      skipped: report.skipped,
      rejected: report.rejectedRows.length,
      warnings: report.warnings.length,
    };
    await ctx.db.transaction().execute(async (trx) => {
      await trx
        .updateTable('import_batch')
        .set({
          status: report.committed ? 'committed' : 'rejected',
          counts: JSON.stringify(counts),
          committed_at: report.committed ? new Date().toISOString() : null,
        })
        .where('id', '=', batchId)
        .execute();
      await audit(trx, actor, {
        action: report.committed ? 'import.commit' : 'import.reject',
        entity: 'import_batch',
        entityId: batchId,
        unitId: req.unitId,
        after: { fileName: req.fileName, mode: req.mode, onDuplicate: req.onDuplicate, ...counts },
      });
    });
    if (report.rejectedRows.length > 0) await writeRejected(ctx, batchId, report);
  }
  return { batchId, report };
}

async function createBatch(
  ctx: AppContext,
  actor: Actor,
  kind: ImportKind,
  req: Pick<ImportRequest, 'unitId' | 'fileName' | 'source'>,
  status: string,
) {
  const b = await ctx.db
    .insertInto('import_batch')
    .values({
      kind,
      unit_id: req.unitId,
      user_id: actor.userId,
      file_name: req.fileName,
      source: req.source ?? null,
      status,
      counts: '{}',
      created_at: new Date().toISOString(),
      committed_at: null,
      undone_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return b.id;
}

/** The rejected rows as the user sent them, with an error column, to fix and upload again. */
async function writeRejected(ctx: AppContext, batchId: number, report: Report<string>) {
  const dir = batchDir(ctx, batchId);
  fs.mkdirSync(dir, { recursive: true });
  const width = Math.max(0, ...report.header.columns.map((c) => c.index + 1));
  const headers = Array.from(
    { length: width },
    (_, i) => report.header.columns.find((c) => c.index === i)?.header ?? '',
  );
  await writeRowsXlsx(path.join(dir, 'rejected.xlsx'), {
    sheetName: 'Dòng bị từ chối',
    headers: ['Dòng', ...headers],
    rows: report.rejectedRows.map((r) => [
      r.row,
      ...Array.from({ length: width }, (_, i) => r.cells[i] ?? null),
      r.messages.join('; '),
    ]),
    errorColumn: 'Lỗi',
  });
}

/** Stores an upload and proposes a column mapping: the one remembered for this unit and source, else detected. */
export async function upload(
  ctx: AppContext,
  actor: Actor,
  p: { tmpFile: string; fileName: string; unitId: number; source: string | null; kind?: ImportKind },
) {
  const kind = p.kind ?? 'enterprises';
  const fields = FIELDS[kind];
  try {
    const scope = await requireScope(ctx.db, actor, 'record.write');
    await requireUnitInScope(ctx.db, p.unitId, scope);
    if (kind === 'members') await requireGrassroots(ctx, p.unitId);
  } catch (err) {
    fs.rmSync(p.tmpFile, { force: true });
    throw err;
  }
  let detection: Awaited<ReturnType<typeof readHeader<string>>>['detection'];
  try {
    detection = (await readHeader<string>(p.tmpFile, fields)).detection;
  } catch (err) {
    fs.rmSync(p.tmpFile, { force: true });
    fileError(err);
  }
  const batchId = await createBatch(ctx, actor, kind, p, 'uploaded');
  const dir = batchDir(ctx, batchId);
  fs.mkdirSync(dir, { recursive: true });
  fs.renameSync(p.tmpFile, path.join(dir, 'upload'));
  const remembered = p.source
    ? await ctx.db
        .selectFrom('import_mapping')
        .select('mapping')
        .where('unit_id', '=', p.unitId)
        .where('kind', '=', kind)
        .where('source', '=', p.source)
        .executeTakeFirst()
    : undefined;
  return {
    batchId,
    fields: (fields as readonly { key: string; label: string; required?: boolean }[]).map((f) => ({
      key: f.key,
      label: f.label,
      required: 'required' in f && f.required === true,
    })),
    headerRows: detection?.headerRows ?? [],
    dataStartRow: detection?.dataStartRow ?? null,
    columns: detection?.columns ?? [],
    mapping: {
      ...(detection?.mapping ?? {}),
      ...(remembered ? (JSON.parse(remembered.mapping) as Record<string, number | null>) : {}),
    },
    rememberedMapping: remembered !== undefined,
  };
}

export async function batchInScope(
  ctx: AppContext,
  actor: Actor,
  batchId: number,
  permission: 'record.read' | 'record.write',
) {
  const scope = await requireScope(ctx.db, actor, permission);
  const b = await ctx.db
    .selectFrom('import_batch as b')
    .selectAll()
    .where('b.id', '=', batchId)
    .where((eb) => unitInScope(eb, 'b.unit_id', scope))
    .executeTakeFirst();
  if (!b) throw new AppError('NOT_FOUND');
  return b;
}

export async function rememberMapping(
  ctx: AppContext,
  unitId: number,
  source: string,
  mapping: Record<string, number | null>,
  kind: ImportKind = 'enterprises',
) {
  const now = new Date().toISOString();
  await ctx.db
    .insertInto('import_mapping')
    .values({ unit_id: unitId, kind, source, mapping: JSON.stringify(mapping), updated_at: now })
    .onConflict((oc) =>
      oc.columns(['unit_id', 'kind', 'source']).doUpdateSet({ mapping: JSON.stringify(mapping), updated_at: now }),
    )
    .execute();
}

/** Preview (dry run) or commit of an uploaded batch. */
export async function run(
  ctx: AppContext,
  actor: Actor,
  batchId: number,
  p: {
    mapping?: Record<string, number | null>;
    onDuplicate: OnDuplicate;
    duplicateReason?: string | null;
    mode: Mode;
    dryRun: boolean;
  },
) {
  const b = await batchInScope(ctx, actor, batchId, 'record.write');
  if (b.status !== 'uploaded') throw new AppError('IMPORT_NOT_PENDING');
  const kind: ImportKind = b.kind === 'members' ? 'members' : 'enterprises';
  const result = await importKind(ctx, actor, kind, {
    file: path.join(batchDir(ctx, batchId), 'upload'),
    fileName: b.file_name,
    unitId: b.unit_id,
    source: b.source,
    mapping: p.mapping,
    onDuplicate: p.onDuplicate,
    duplicateReason: p.duplicateReason,
    mode: p.mode,
    dryRun: p.dryRun,
    batchId,
  });
  // The mapping that was used (as corrected by the user) is proposed next time for the same source.
  if (!p.dryRun && b.source) await rememberMapping(ctx, b.unit_id, b.source, result.report.header.mapping, kind);
  return result;
}

/**
 * Undoes a committed batch: inserted records are deleted and updated ones restored — refused while
 * anything newer depends on them (a later edit, survey, outreach link or import).
 */
export async function undo(ctx: AppContext, actor: Actor, batchId: number) {
  const b = await batchInScope(ctx, actor, batchId, 'record.write');
  const scope = await requireScope(ctx.db, actor, 'org.manage').catch(() => null);
  if (!scope) throw new AppError('FORBIDDEN');
  if (b.status !== 'committed' || !b.committed_at) throw new AppError('IMPORT_NOT_PENDING');
  const committedAt = b.committed_at;
  const changes = await ctx.db
    .selectFrom('import_change')
    .selectAll()
    .where('batch_id', '=', batchId)
    .orderBy('id', 'desc')
    .execute();
  if (b.kind === 'members') {
    await undoMembers(ctx, actor, b, changes);
    return { ok: true as const };
  }
  const entIds = [...new Set(changes.filter((c) => c.entity === 'enterprise').map((c) => c.entity_id))];
  const surveyIds = new Set(changes.filter((c) => c.entity === 'enterprise_survey').map((c) => c.entity_id));
  if (entIds.length) {
    const edited = await ctx.db
      .selectFrom('enterprise')
      .select('id')
      .where('id', 'in', entIds)
      .where((eb) => eb.or([eb('updated_at', '>', committedAt), eb('import_batch_id', '!=', batchId)]))
      .execute();
    const surveys = await ctx.db
      .selectFrom('enterprise_survey')
      .select('id')
      .where('enterprise_id', 'in', entIds)
      .where('created_at', '>', committedAt)
      .execute();
    const laterSurveys = surveys.filter((s) => !surveyIds.has(s.id));
    const outreach = await ctx.db
      .selectFrom('outreach_enterprise as oe')
      .innerJoin('outreach_event as ev', 'ev.id', 'oe.event_id')
      .select('oe.enterprise_id')
      .where('oe.enterprise_id', 'in', entIds)
      .where('ev.created_at', '>', committedAt)
      .execute();
    const count = edited.length + laterSurveys.length + outreach.length;
    if (count > 0) {
      const what = [
        edited.length ? `${edited.length} doanh nghiệp đã sửa sau đó` : '',
        laterSurveys.length ? `${laterSurveys.length} lần khảo sát mới` : '',
        outreach.length ? `${outreach.length} hoạt động tuyên truyền` : '',
      ]
        .filter(Boolean)
        .join(', ');
      throw new AppError('IMPORT_UNDO_BLOCKED', { count, what });
    }
  }
  await ctx.db.transaction().execute(async (trx) => {
    for (const c of changes) {
      if (c.entity === 'enterprise_survey' && c.action === 'insert') {
        await trx.deleteFrom('enterprise_survey').where('id', '=', c.entity_id).execute();
      }
    }
    for (const c of changes) {
      if (c.entity !== 'enterprise') continue;
      if (c.action === 'insert') {
        await trx.deleteFrom('enterprise_survey').where('enterprise_id', '=', c.entity_id).execute();
        await trx.deleteFrom('enterprise').where('id', '=', c.entity_id).execute();
      } else if (c.before_json) {
        const { id: _id, ...before } = JSON.parse(c.before_json) as Record<string, unknown> & { id: number };
        await trx.updateTable('enterprise').set(before).where('id', '=', c.entity_id).execute();
        await refreshDerived(trx, c.entity_id);
      }
    }
    await trx
      .updateTable('import_batch')
      .set({ status: 'undone', undone_at: new Date().toISOString() })
      .where('id', '=', batchId)
      .execute();
    await audit(trx, actor, {
      action: 'import.undo',
      entity: 'import_batch',
      entityId: batchId,
      unitId: b.unit_id,
      after: { changes: changes.length },
    });
  });
  return { ok: true as const };
}

type ChangeRow = { entity: string; entity_id: number; action: string; before_json: string | null };

/**
 * Undo of a member batch: memberships it admitted (and people it created) are deleted, people it
 * re-admitted or updated get their earlier details back — refused while anything newer depends on
 * them (a later event, edit, transfer, party introduction or another membership of the person).
 */
async function undoMembers(
  ctx: AppContext,
  actor: Actor,
  b: { id: number; unit_id: number; committed_at: string | null },
  changes: ChangeRow[],
) {
  const committedAt = b.committed_at as string;
  const ids = (entity: string) => [...new Set(changes.filter((c) => c.entity === entity).map((c) => c.entity_id))];
  const membershipIds = ids('membership');
  const personIds = ids('person');
  const blocked: string[] = [];
  let count = 0;
  const note = (n: number, what: string) => {
    if (n > 0) {
      count += n;
      blocked.push(`${n} ${what}`);
    }
  };
  if (membershipIds.length > 0) {
    const edited = await ctx.db
      .selectFrom('membership')
      .select('id')
      .where('id', 'in', membershipIds)
      .where((eb) => eb.or([eb('updated_at', '>', committedAt), eb('status', '!=', 'active')]))
      .execute();
    note(edited.length, 'đoàn viên đã thay đổi sau đó');
    const events = await ctx.db
      .selectFrom('membership_event')
      .select('id')
      .where('membership_id', 'in', membershipIds)
      .where('created_at', '>', committedAt)
      .execute();
    note(events.length, 'sự kiện sinh hoạt mới');
    const moved = await ctx.db
      .selectFrom('membership')
      .select('id')
      .where('transferred_from_id', 'in', membershipIds)
      .execute();
    note(moved.length, 'lần chuyển sinh hoạt');
    const party = await ctx.db
      .selectFrom('party_introduction')
      .select('id')
      .where('membership_id', 'in', membershipIds)
      .execute();
    note(party.length, 'giới thiệu kết nạp Đảng');
  }
  if (personIds.length > 0) {
    const people = await ctx.db
      .selectFrom('person')
      .select('id')
      .where('id', 'in', personIds)
      .where('updated_at', '>', committedAt)
      .execute();
    note(people.length, 'hồ sơ cá nhân đã sửa sau đó');
    const others = await ctx.db
      .selectFrom('membership')
      .select('id')
      .where('person_id', 'in', personIds)
      .where('created_at', '>', committedAt)
      .execute();
    note(others.filter((o) => !membershipIds.includes(o.id)).length, 'lần sinh hoạt mới của cùng người');
  }
  if (count > 0) throw new AppError('IMPORT_UNDO_BLOCKED', { count, what: blocked.join(', ') });

  await ctx.db.transaction().execute(async (trx) => {
    for (const c of changes) {
      if (c.entity !== 'membership') continue;
      if (c.action === 'insert') {
        // A request elsewhere for this person was refused because of this membership: undone, it never held.
        await trx.deleteFrom('possible_transfer').where('holding_membership_id', '=', c.entity_id).execute();
        await trx.deleteFrom('membership_event').where('membership_id', '=', c.entity_id).execute();
        await trx.deleteFrom('membership').where('id', '=', c.entity_id).execute();
      } else if (c.before_json) {
        const { id: _id, ...before } = JSON.parse(c.before_json) as Record<string, unknown> & { id: number };
        await trx.updateTable('membership').set(before).where('id', '=', c.entity_id).execute();
      }
    }
    // Changes come newest first: a person updated twice ends with the oldest "before".
    for (const c of changes) {
      if (c.entity !== 'person') continue;
      if (c.action === 'insert') {
        await trx.deleteFrom('person').where('id', '=', c.entity_id).execute();
      } else if (c.before_json) {
        const { id: _id, ...before } = JSON.parse(c.before_json) as Record<string, unknown> & { id: number };
        await trx.updateTable('person').set(before).where('id', '=', c.entity_id).execute();
      }
    }
    await trx
      .updateTable('import_batch')
      .set({ status: 'undone', undone_at: new Date().toISOString() })
      .where('id', '=', b.id)
      .execute();
    await audit(trx, actor, {
      action: 'import.undo',
      entity: 'import_batch',
      entityId: b.id,
      unitId: b.unit_id,
      after: { changes: changes.length },
    });
  });
}
