import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { FastifyRequest } from 'fastify';
import { importsMessages as M } from '../../../shared/imports/messages.js';
import type { AppContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { XLSX_MIME } from '../../platform/files.js';
import { type Report, writeRowsXlsx } from '../../platform/import/index.js';
import type { FileAnswer } from '../../platform/routes.js';

/** The files of a batch: the upload as sent and the rejected rows, in one folder per batch beside the database. */

export const MAX_UPLOAD = 200 * 1024 * 1024;
export const UPLOAD_LIMITS = { fileSize: MAX_UPLOAD, files: 1, fields: 10 };

export function batchDir(ctx: AppContext, batchId: number): string {
  return path.join(ctx.config.dataDir, 'imports', String(batchId));
}

export const uploadedFile = (ctx: AppContext, batchId: number) => path.join(batchDir(ctx, batchId), 'upload');

/** A file received from a multipart upload, on disk, with the form fields that came before it. */
export type Received = { tmpFile: string; fileName: string; fields: Record<string, unknown> };

/** Streams the uploaded file to a temporary file (a big file never sits in memory); null when none was sent. */
export async function receiveUpload(req: FastifyRequest): Promise<Received | null> {
  const part = await req.file();
  if (!part) return null;
  const tmpFile = path.join(os.tmpdir(), `upload-${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}`);
  await pipeline(part.file, fs.createWriteStream(tmpFile));
  if (part.file.truncated) {
    fs.rmSync(tmpFile, { force: true });
    throw new AppError('PAYLOAD_TOO_LARGE');
  }
  const fields = Object.fromEntries(
    Object.entries(part.fields).map(([k, v]) => [k, (v as { value?: unknown } | undefined)?.value]),
  );
  return { tmpFile, fileName: part.filename.slice(0, 255), fields };
}

/** Keeps the upload with its batch, to be previewed and committed later. */
export function keepUpload(ctx: AppContext, batchId: number, tmpFile: string): void {
  fs.mkdirSync(batchDir(ctx, batchId), { recursive: true });
  fs.renameSync(tmpFile, uploadedFile(ctx, batchId));
}

export const dropFile = (file: string) => fs.rmSync(file, { force: true });

const rejectedPath = (ctx: AppContext, batchId: number) => path.join(batchDir(ctx, batchId), 'rejected.xlsx');

/** The rejected rows as the user sent them, with an error column (in Vietnamese), to fix and upload again. */
export async function writeRejected(ctx: AppContext, batchId: number, report: Report<string>): Promise<void> {
  fs.mkdirSync(batchDir(ctx, batchId), { recursive: true });
  const width = Math.max(0, ...report.header.columns.map((c) => c.index + 1));
  const headers = Array.from(
    { length: width },
    (_, i) => report.header.columns.find((c) => c.index === i)?.header ?? '',
  );
  await writeRowsXlsx(rejectedPath(ctx, batchId), {
    sheetName: M.rejectedSheet.vi,
    headers: [M.rejectedRow.vi, ...headers],
    rows: report.rejectedRows.map((r) => [
      r.row,
      ...Array.from({ length: width }, (_, i) => r.cells[i] ?? null),
      r.issues.map((i) => `${i.column.vi}: ${i.message.vi}`).join('; '),
    ]),
    errorColumn: M.rejectedError.vi,
  });
}

export function rejectedAnswer(ctx: AppContext, batchId: number): FileAnswer {
  const file = rejectedPath(ctx, batchId);
  if (!fs.existsSync(file)) throw new AppError('NOT_FOUND');
  return { contentType: XLSX_MIME, fileName: `dong-loi-lo-${batchId}.xlsx`, body: fs.createReadStream(file) };
}
