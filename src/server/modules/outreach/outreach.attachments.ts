import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ATTACHMENT_MAX_BYTES } from '../../../shared/outreach/contract.js';
import { audit } from '../../platform/audit.js';
import type { AppContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { type Actor, requireScope, unitInScope } from '../../platform/scope.js';

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

async function eventInScope(
  ctx: AppContext,
  actor: Actor,
  eventId: number,
  permission: 'record.read' | 'record.write',
) {
  const scope = await requireScope(ctx.db, actor, permission);
  const ev = await ctx.db
    .selectFrom('outreach_event as ev')
    .select(['ev.id', 'ev.unit_id'])
    .where('ev.id', '=', eventId)
    .where((eb) => unitInScope(eb, 'ev.unit_id', scope))
    .executeTakeFirst();
  if (!ev) throw new AppError('NOT_FOUND');
  return ev;
}

export async function addAttachment(
  ctx: AppContext,
  actor: Actor,
  eventId: number,
  file: { stream: Readable & { truncated?: boolean }; fileName: string },
) {
  const ev = await eventInScope(ctx, actor, eventId, 'record.write');
  const dir = dirOf(ctx, eventId);
  fs.mkdirSync(dir, { recursive: true });
  const key = `${Date.now()}-${randomBytes(8).toString('hex')}`;
  const target = path.join(dir, key);
  await pipeline(file.stream, fs.createWriteStream(target));
  const size = fs.statSync(target).size;
  const fd = fs.openSync(target, 'r');
  const head = Buffer.alloc(16);
  fs.readSync(fd, head, 0, 16, 0);
  fs.closeSync(fd);
  const mime = sniff(head);
  if (file.stream.truncated || size > ATTACHMENT_MAX_BYTES) {
    fs.rmSync(target, { force: true });
    throw new AppError('PAYLOAD_TOO_LARGE');
  }
  if (!mime || size === 0) {
    fs.rmSync(target, { force: true });
    throw new AppError('ATTACHMENT_TYPE');
  }
  const fileName = file.fileName.replace(/[\\/\r\n"]/g, '_').slice(0, 200) || 'tep-dinh-kem';
  return ctx.db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('outreach_attachment')
      .values({
        event_id: eventId,
        file_name: fileName,
        mime,
        size,
        storage_key: key,
        created_by: actor.userId,
        created_at: new Date().toISOString(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit(trx, actor, {
      action: 'outreach.attachment',
      entity: 'outreach_event',
      entityId: eventId,
      unitId: ev.unit_id,
      after: { fileName, mime, size },
    });
    return { id: row.id, fileName, mime, size };
  });
}

export async function openAttachment(ctx: AppContext, actor: Actor, eventId: number, attachmentId: number) {
  await eventInScope(ctx, actor, eventId, 'record.read');
  const a = await ctx.db
    .selectFrom('outreach_attachment')
    .selectAll()
    .where('id', '=', attachmentId)
    .where('event_id', '=', eventId)
    .executeTakeFirst();
  if (!a) throw new AppError('NOT_FOUND');
  const file = path.join(dirOf(ctx, eventId), a.storage_key);
  if (!fs.existsSync(file)) throw new AppError('NOT_FOUND');
  return { stream: fs.createReadStream(file), mime: a.mime, fileName: a.file_name, size: a.size };
}
