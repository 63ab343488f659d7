import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { commonMessages } from '../../../shared/common/messages.js';
import { ATTACHMENT_MAX_BYTES } from '../../../shared/outreach/attachments.js';
import { audit } from '../../platform/audit.js';
import type { AppContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { privateDir, privateWriteStream } from '../../platform/files.js';
import type { FileAnswer } from '../../platform/routes.js';
import { type Actor, requireScope } from '../../platform/scope.js';
import { invalid, issue } from '../../platform/validation.js';
import * as repo from './outreach.repository.js';

const dirOf = (ctx: AppContext, eventId: number) => path.join(ctx.config.dataDir, 'attachments', String(eventId));

/** The file's own first bytes decide its type; the browser's claim is not trusted. */
function sniff(head: Buffer): string | null {
  if (head.subarray(0, 3).equals(Buffer.from([0xff, 0xd8, 0xff]))) return 'image/jpeg';
  if (head.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (head.subarray(0, 4).toString('latin1') === 'RIFF' && head.subarray(8, 12).toString('latin1') === 'WEBP')
    return 'image/webp';
  if (head.subarray(0, 5).toString('latin1') === '%PDF-') return 'application/pdf';
  return null;
}

/** The multipart file part as @fastify/multipart gives it (undefined when the form had none). */
export type UploadedPart = { file: Readable & { truncated?: boolean }; filename: string } | undefined;

export async function addAttachment(ctx: AppContext, actor: Actor, eventId: number, part: UploadedPart) {
  const scope = await requireScope(ctx.db, actor, 'record.write');
  const ev = await repo.eventInScope(ctx.db, scope, eventId);
  if (!ev) throw new AppError('NOT_FOUND');
  if (!part) invalid([issue('file', commonMessages.noFile)]);
  const dir = dirOf(ctx, eventId);
  privateDir(dir);
  const key = `${Date.now()}-${randomBytes(8).toString('hex')}`;
  const target = path.join(dir, key);
  await pipeline(part.file, privateWriteStream(target));
  const size = fs.statSync(target).size;
  const fd = fs.openSync(target, 'r');
  const head = Buffer.alloc(16);
  fs.readSync(fd, head, 0, 16, 0);
  fs.closeSync(fd);
  const mime = sniff(head);
  if (part.file.truncated || size > ATTACHMENT_MAX_BYTES) {
    fs.rmSync(target, { force: true });
    throw new AppError('PAYLOAD_TOO_LARGE');
  }
  if (!mime || size === 0) {
    fs.rmSync(target, { force: true });
    throw new AppError('ATTACHMENT_TYPE');
  }
  const fileName = part.filename.replace(/[\\/\r\n"]/g, '_').slice(0, 200) || 'tep-dinh-kem';
  return ctx.db.transaction().execute(async (trx) => {
    const id = await repo.insertAttachment(trx, {
      eventId,
      fileName,
      mime,
      size,
      storageKey: key,
      createdBy: actor.userId,
    });
    await audit(trx, actor, {
      action: 'outreach.attachment',
      entity: 'outreach_event',
      entityId: eventId,
      unitId: ev.unit_id,
      after: { fileName, mime, size },
    });
    return { id, fileName, mime, size };
  });
}

/** Serves an attachment inline (photos and PDFs open in the browser). */
export async function openAttachment(
  ctx: AppContext,
  actor: Actor,
  eventId: number,
  attachmentId: number,
): Promise<FileAnswer> {
  const scope = await requireScope(ctx.db, actor, 'record.read');
  const a = await repo.attachmentInScope(ctx.db, scope, eventId, attachmentId);
  if (!a) throw new AppError('NOT_FOUND');
  const file = path.join(dirOf(ctx, eventId), a.storage_key);
  if (!fs.existsSync(file)) throw new AppError('NOT_FOUND');
  return { contentType: a.mime, fileName: a.file_name, body: fs.createReadStream(file), size: a.size, inline: true };
}
