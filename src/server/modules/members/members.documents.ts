import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import {
  ADMISSION_DOCUMENT_MAX_BYTES,
  type TAdmissionDocument,
  ZAdmissionDocumentFields,
} from '../../../shared/members/contract.js';
import { audit } from '../../platform/audit.js';
import type { AppContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { type Actor, requireScope, requireUnitInScope, unitInScope } from '../../platform/scope.js';
import { sensitiveAccess } from './members.presenter.js';
import * as repo from './members.repository.js';

/**
 * Scans of admission papers. They carry identity-card data (sensitive under the PDPL), so anyone who
 * may read the unit's members sees that they exist, but opening one needs sensitive.read and is audited.
 */

const rootOf = (ctx: AppContext) => path.join(ctx.config.dataDir, 'admission-documents');
const MB = `${ADMISSION_DOCUMENT_MAX_BYTES / 1024 / 1024} MB`;

/** The file's own first bytes decide its type; the browser's claim is not trusted. */
export function sniffScan(head: Buffer): string | null {
  if (head.subarray(0, 3).equals(Buffer.from([0xff, 0xd8, 0xff]))) return 'image/jpeg';
  if (head.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (head.subarray(0, 4).toString('latin1') === 'RIFF' && head.subarray(8, 12).toString('latin1') === 'WEBP') {
    return 'image/webp';
  }
  if (head.subarray(0, 5).toString('latin1') === '%PDF-') return 'application/pdf';
  return null;
}

type DocRow = {
  id: number;
  unit_id: number;
  decision_no: string;
  kind: string;
  file_name: string;
  mime: string;
  size: number;
  sha256: string;
  uploaded_at: string;
  uploaded_by_name: string | null;
};
function present(r: DocRow): TAdmissionDocument {
  return {
    id: r.id,
    unitId: r.unit_id,
    decisionNo: r.decision_no,
    kind: r.kind as TAdmissionDocument['kind'],
    fileName: r.file_name,
    mime: r.mime,
    size: Number(r.size),
    sha256: r.sha256,
    uploadedBy: r.uploaded_by_name,
    uploadedAt: r.uploaded_at,
  };
}

function documentBase(ctx: AppContext) {
  return ctx.db
    .selectFrom('admission_document as d')
    .leftJoin('app_user as u', 'u.id', 'd.uploaded_by')
    .select([
      'd.id',
      'd.unit_id',
      'd.decision_no',
      'd.kind',
      'd.file_name',
      'd.mime',
      'd.size',
      'd.sha256',
      'd.uploaded_at',
      'd.storage_path',
      'u.full_name as uploaded_by_name',
    ]);
}

/**
 * Stores a scan for an admission decision of a unit (multipart fields unitId, decisionNo, kind, then
 * the file). The decision must exist: some membership of the unit carries that decision number.
 */
export async function uploadDocument(
  ctx: AppContext,
  actor: Actor,
  rawFields: Record<string, unknown>,
  file: { stream: Readable & { truncated?: boolean }; fileName: string },
) {
  const scope = await requireScope(ctx.db, actor, 'record.write');
  const parsed = ZAdmissionDocumentFields.safeParse(rawFields);
  if (!parsed.success) {
    file.stream.resume();
    const labels: Record<string, string> = {
      unitId: 'Chọn công đoàn cơ sở',
      decisionNo: 'Nhập số quyết định kết nạp',
      kind: 'Loại hồ sơ phải là đơn (application) hoặc quyết định (decision)',
    };
    const issues = parsed.error.issues.map((i) => {
      const field = String(i.path[0] ?? 'file');
      return { path: field, message: labels[field] ?? i.message };
    });
    throw new AppError('VALIDATION', {}, issues);
  }
  const fields = parsed.data;
  try {
    await requireUnitInScope(ctx.db, fields.unitId, scope);
  } catch (e) {
    file.stream.resume();
    throw e;
  }
  const decision = await ctx.db
    .selectFrom('membership')
    .select('id')
    .where('unit_id', '=', fields.unitId)
    .where('decision_no', '=', fields.decisionNo)
    .where('transferred_from_id', 'is', null)
    .limit(1)
    .executeTakeFirst();
  if (!decision) {
    file.stream.resume();
    throw new AppError('DOCUMENT_NO_DECISION', { decisionNo: fields.decisionNo });
  }

  const dir = path.join(rootOf(ctx), String(fields.unitId));
  fs.mkdirSync(dir, { recursive: true });
  const key = `${Date.now()}-${randomBytes(8).toString('hex')}`;
  const target = path.join(dir, key);
  const hash = createHash('sha256');
  file.stream.on('data', (chunk: Buffer) => hash.update(chunk));
  try {
    await pipeline(file.stream, fs.createWriteStream(target));
  } catch (e) {
    // A dropped upload leaves no half file behind.
    fs.rmSync(target, { force: true });
    throw e;
  }
  const size = fs.statSync(target).size;
  const head = Buffer.alloc(16);
  const fd = fs.openSync(target, 'r');
  fs.readSync(fd, head, 0, 16, 0);
  fs.closeSync(fd);
  if (file.stream.truncated || size > ADMISSION_DOCUMENT_MAX_BYTES) {
    fs.rmSync(target, { force: true });
    throw new AppError('DOCUMENT_TOO_LARGE', { limit: MB });
  }
  const mime = size > 0 ? sniffScan(head) : null;
  if (!mime) {
    fs.rmSync(target, { force: true });
    throw new AppError('DOCUMENT_TYPE');
  }
  const fileName = file.fileName.replace(/[\\/\r\n"]/g, '_').slice(0, 200) || 'ho-so-ket-nap';
  const sha256 = hash.digest('hex');
  const storagePath = path.join(String(fields.unitId), key);
  try {
    return await ctx.db.transaction().execute(async (trx) => {
      const now = new Date().toISOString();
      const row = await trx
        .insertInto('admission_document')
        .values({
          unit_id: fields.unitId,
          decision_no: fields.decisionNo,
          kind: fields.kind,
          file_name: fileName,
          mime,
          size,
          sha256,
          storage_path: storagePath,
          uploaded_by: actor.userId,
          uploaded_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await audit(trx, actor, {
        action: 'member.document.upload',
        entity: 'admission_document',
        entityId: row.id,
        unitId: fields.unitId,
        after: { decisionNo: fields.decisionNo, kind: fields.kind, fileName, mime, size, sha256 },
      });
      return present({
        id: row.id,
        unit_id: fields.unitId,
        decision_no: fields.decisionNo,
        kind: fields.kind,
        file_name: fileName,
        mime,
        size,
        sha256,
        uploaded_at: now,
        uploaded_by_name: actor.fullName,
      });
    });
  } catch (e) {
    // No row, no file: a failed insert must not leave an orphan scan of someone's identity card.
    fs.rmSync(target, { force: true });
    throw e;
  }
}

/**
 * The documents of the decision that admitted this membership. After a transfer the membership keeps
 * the original decision, which belongs to the unit that admitted; shown when that unit is the caller's.
 */
export async function documentsOf(ctx: AppContext, actor: Actor, membershipId: number) {
  const scope = await requireScope(ctx.db, actor, 'record.read');
  const row = await repo.findMember(ctx.db, scope, membershipId);
  if (!row) throw new AppError('NOT_FOUND');
  let origin = await ctx.db
    .selectFrom('membership')
    .select(['id', 'unit_id', 'decision_no', 'transferred_from_id'])
    .where('id', '=', membershipId)
    .executeTakeFirstOrThrow();
  // Follow the transfers back to the admission (a chain of a few links at most).
  for (let hops = 0; origin.transferred_from_id !== null && hops < 50; hops += 1) {
    origin = await ctx.db
      .selectFrom('membership')
      .select(['id', 'unit_id', 'decision_no', 'transferred_from_id'])
      .where('id', '=', origin.transferred_from_id)
      .executeTakeFirstOrThrow();
  }
  if (!origin.decision_no) return [];
  const rows = await documentBase(ctx)
    .where('d.unit_id', '=', origin.unit_id)
    .where('d.decision_no', '=', origin.decision_no)
    .where((eb) => unitInScope(eb, 'd.unit_id', scope))
    .orderBy('d.uploaded_at')
    .orderBy('d.id')
    .execute();
  return rows.map(present);
}

/** Opens a scan: 404 outside the caller's scope, 403 without sensitive.read over its unit; audited. */
export async function openDocument(ctx: AppContext, actor: Actor, id: number) {
  const scope = await requireScope(ctx.db, actor, 'record.read');
  const doc = await documentBase(ctx)
    .where('d.id', '=', id)
    .where((eb) => unitInScope(eb, 'd.unit_id', scope))
    .executeTakeFirst();
  if (!doc) throw new AppError('NOT_FOUND');
  if (!(await sensitiveAccess(ctx.db, actor, doc.unit_id))) throw new AppError('FORBIDDEN');
  const file = path.join(rootOf(ctx), doc.storage_path);
  if (!fs.existsSync(file)) throw new AppError('NOT_FOUND');
  await audit(ctx.db, actor, {
    action: 'member.document.download',
    entity: 'admission_document',
    entityId: doc.id,
    unitId: doc.unit_id,
    after: { decisionNo: doc.decision_no, kind: doc.kind, fileName: doc.file_name },
  });
  return { stream: fs.createReadStream(file), mime: doc.mime, fileName: doc.file_name, size: Number(doc.size) };
}
