import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Message } from '../../../shared/i18n/messages.js';
import { ADMISSION_DOCUMENT_MAX_BYTES, ZAdmissionDocumentFields } from '../../../shared/members/contract.js';
import { membersMessages as M } from '../../../shared/members/messages.js';
import { audit } from '../../platform/audit.js';
import type { AppContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { privateDir, privateWriteStream } from '../../platform/files.js';
import type { FileAnswer } from '../../platform/routes.js';
import { type Actor, requireScope, requireUnitInScope } from '../../platform/scope.js';
import { invalid, readMessage } from '../../platform/validation.js';
import * as repo from './members.documents.repository.js';
import { presentDocument } from './members.presenter.js';
import { sensitiveGate } from './members.sensitive.js';
import { readableMember } from './members.service.js';

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
    // What to do about each field, rather than zod's words for what is wrong with its type.
    const told: Record<string, Message> = {
      unitId: M.documentUnit,
      decisionNo: M.documentDecisionNo,
      kind: M.documentKind,
    };
    invalid(
      parsed.error.issues.map((i) => {
        const field = String(i.path[0] ?? 'file');
        return { path: field, message: told[field] ?? readMessage(i.message) };
      }),
    );
  }
  const fields = parsed.data;
  try {
    await requireUnitInScope(ctx.db, fields.unitId, scope);
  } catch (e) {
    file.stream.resume();
    throw e;
  }
  if (!(await repo.decisionExists(ctx.db, fields.unitId, fields.decisionNo))) {
    file.stream.resume();
    throw new AppError('DOCUMENT_NO_DECISION', { decisionNo: fields.decisionNo });
  }

  const dir = path.join(rootOf(ctx), String(fields.unitId));
  privateDir(dir);
  const key = `${Date.now()}-${randomBytes(8).toString('hex')}`;
  const target = path.join(dir, key);
  const hash = createHash('sha256');
  file.stream.on('data', (chunk: Buffer) => hash.update(chunk));
  try {
    await pipeline(file.stream, privateWriteStream(target));
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
      const stored = {
        unit_id: fields.unitId,
        decision_no: fields.decisionNo,
        kind: fields.kind,
        file_name: fileName,
        mime,
        size,
        sha256,
        uploaded_at: new Date().toISOString(),
      };
      const id = await repo.insertDocument(trx, { ...stored, storage_path: storagePath, uploaded_by: actor.userId });
      await audit(trx, actor, {
        action: 'member.document.upload',
        entity: 'admission_document',
        entityId: id,
        unitId: fields.unitId,
        after: { decisionNo: fields.decisionNo, kind: fields.kind, fileName, mime, size, sha256 },
      });
      return presentDocument({ ...stored, id, uploaded_by_name: actor.fullName });
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
  const { scope } = await readableMember(ctx, actor, membershipId);
  const origin = await repo.admittingMembership(ctx.db, membershipId);
  if (!origin.decision_no) return [];
  return (await repo.documentsOfDecision(ctx.db, scope, origin.unit_id, origin.decision_no)).map(presentDocument);
}

/** Opens a scan: 404 outside the caller's scope, 403 without sensitive.read over its unit; audited. */
export async function openDocument(ctx: AppContext, actor: Actor, id: number): Promise<FileAnswer> {
  const doc = await repo.documentById(ctx.db, await requireScope(ctx.db, actor, 'record.read'), id);
  if (!doc) throw new AppError('NOT_FOUND');
  const audited = {
    action: 'member.document.download',
    entity: 'admission_document',
    entityId: doc.id,
    unitId: doc.unit_id,
    after: { decisionNo: doc.decision_no, kind: doc.kind, fileName: doc.file_name },
  };
  const file = await sensitiveGate(ctx, actor, { unitId: doc.unit_id }, { refuse: true, audit: () => audited }, () => {
    const stored = path.join(rootOf(ctx), doc.storage_path);
    if (!fs.existsSync(stored)) throw new AppError('NOT_FOUND');
    return stored;
  });
  return {
    contentType: doc.mime,
    fileName: doc.file_name,
    asciiName: `ho-so-ket-nap-${doc.id}`,
    body: fs.createReadStream(file),
    size: Number(doc.size),
  };
}
