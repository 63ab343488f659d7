import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { FastifyRequest } from 'fastify';
import { importsMessages as M } from '../../../shared/imports/messages.js';
import type { AppContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { decryptStream, decryptTo, encryptTo } from '../../platform/file-crypt.js';
import { PRIVATE_FILE_MODE, privateDir, privateWriteStream, XLSX_MIME } from '../../platform/files.js';
import { type Report, writeRowsXlsx } from '../../platform/import/index.js';
import type { FileAnswer } from '../../platform/routes.js';
import { batchesTouching } from './imports.repository.js';

/**
 * The files of a batch: the upload as sent and the rejected rows, in one folder per batch beside the database.
 * Both hold personal data in clear inside (a member list's CCCDs), so both are stored encrypted with the data key
 * (platform/file-crypt.ts), 0600 in 0700 folders, and kept only while needed: the upload until the batch is run
 * for real (undo works from import_change, not from the file), the rejected rows for IMPORT_KEEP_HOURS; an
 * upload never run goes after the same time (sweepBatchFiles), and anonymising a person removes the files of
 * every batch that touched them.
 */

export const MAX_UPLOAD = 200 * 1024 * 1024;
export const UPLOAD_LIMITS = { fileSize: MAX_UPLOAD, files: 1, fields: 10 };

const importsRoot = (ctx: AppContext) => path.join(ctx.config.dataDir, 'imports');

export function batchDir(ctx: AppContext, batchId: number): string {
  return path.join(importsRoot(ctx), String(batchId));
}

/** The stored (encrypted) upload of a batch. */
export const uploadedFile = (ctx: AppContext, batchId: number) => path.join(batchDir(ctx, batchId), 'upload');

/** A file received from a multipart upload, on disk, with the form fields that came before it. */
export type Received = { tmpFile: string; fileName: string; fields: Record<string, unknown> };

/** Streams the uploaded file to a temporary file (a big file never sits in memory); null when none was sent. */
export async function receiveUpload(req: FastifyRequest): Promise<Received | null> {
  const part = await req.file();
  if (!part) return null;
  const tmpFile = path.join(os.tmpdir(), `upload-${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}`);
  await pipeline(part.file, privateWriteStream(tmpFile));
  if (part.file.truncated) {
    fs.rmSync(tmpFile, { force: true });
    throw new AppError('PAYLOAD_TOO_LARGE');
  }
  const fields = Object.fromEntries(
    Object.entries(part.fields).map(([k, v]) => [k, (v as { value?: unknown } | undefined)?.value]),
  );
  return { tmpFile, fileName: part.filename.slice(0, 255), fields };
}

/** Keeps the upload with its batch, encrypted, to be previewed and committed later; the clear temporary file goes. */
export async function keepUpload(ctx: AppContext, batchId: number, tmpFile: string): Promise<void> {
  privateDir(batchDir(ctx, batchId));
  try {
    await encryptTo(ctx.config, tmpFile, uploadedFile(ctx, batchId));
  } finally {
    dropFile(tmpFile);
  }
}

/**
 * The upload in clear for one run, as a file the reader can seek in (an xlsx is read from its end), 0600 beside
 * the encrypted one; `dispose` removes it, and the caller calls it in a finally. Null when the upload is gone.
 */
export async function openUpload(
  ctx: AppContext,
  batchId: number,
): Promise<{ file: string; dispose: () => void } | null> {
  const stored = uploadedFile(ctx, batchId);
  if (!fs.existsSync(stored)) return null;
  const file = path.join(batchDir(ctx, batchId), `run-${process.pid}-${Math.random().toString(36).slice(2)}`);
  await decryptTo(ctx.config, stored, file);
  return { file, dispose: () => dropFile(file) };
}

/** The upload is no longer needed (the batch was committed, rejected or failed). */
export const dropUpload = (ctx: AppContext, batchId: number) => dropFile(uploadedFile(ctx, batchId));

/** Every file of a batch (anonymisation of a person the batch touched). */
export const dropBatchFiles = (ctx: AppContext, batchId: number) =>
  fs.rmSync(batchDir(ctx, batchId), { recursive: true, force: true });

/**
 * Anonymisation: the stored upload and rejected rows of every batch that inserted or changed the person or
 * their memberships are deleted (not re-encrypted without them: the files are not needed for undo, which
 * works from import_change). Returns the batches whose files went.
 */
export async function eraseBatchFilesAbout(ctx: AppContext, personId: number, membershipIds: number[]) {
  const batches = new Set([
    ...(await batchesTouching(ctx.db, 'person', [personId])),
    ...(await batchesTouching(ctx.db, 'membership', membershipIds)),
  ]);
  for (const id of batches) dropBatchFiles(ctx, id);
  return [...batches];
}

/**
 * Removes batch files older than IMPORT_KEEP_HOURS (uploads never run, rejected rows already fetched or not),
 * and clear run files left by a process that was killed. Cheap: one stat per file under DATA_DIR/imports.
 */
export function sweepBatchFiles(ctx: AppContext, now = Date.now()): number {
  const root = importsRoot(ctx);
  if (!fs.existsSync(root)) return 0;
  const keepMs = ctx.config.imports.keepHours * 3_600_000;
  let removed = 0;
  for (const dir of fs.readdirSync(root)) {
    const full = path.join(root, dir);
    for (const name of fs.existsSync(full) && fs.statSync(full).isDirectory() ? fs.readdirSync(full) : []) {
      const file = path.join(full, name);
      const age = now - fs.statSync(file).mtimeMs;
      // A run file is in clear: one older than an hour belongs to a run that cannot still be going.
      if (age > keepMs || (name.startsWith('run-') && age > 3_600_000)) {
        dropFile(file);
        removed++;
      }
    }
    if (fs.existsSync(full) && fs.readdirSync(full).length === 0) fs.rmdirSync(full);
  }
  return removed;
}

export const dropFile = (file: string) => fs.rmSync(file, { force: true });

const rejectedPath = (ctx: AppContext, batchId: number) => path.join(batchDir(ctx, batchId), 'rejected.xlsx');

/** The rejected rows as the user sent them, with an error column (in Vietnamese), to fix and upload again. */
export async function writeRejected(ctx: AppContext, batchId: number, report: Report<string>): Promise<void> {
  privateDir(batchDir(ctx, batchId));
  const clear = `${rejectedPath(ctx, batchId)}.${process.pid}.tmp`;
  const width = Math.max(0, ...report.header.columns.map((c) => c.index + 1));
  const headers = Array.from(
    { length: width },
    (_, i) => report.header.columns.find((c) => c.index === i)?.header ?? '',
  );
  try {
    await writeRowsXlsx(clear, {
      sheetName: M.rejectedSheet.vi,
      headers: [M.rejectedRow.vi, ...headers],
      rows: report.rejectedRows.map((r) => [
        r.row,
        ...Array.from({ length: width }, (_, i) => r.cells[i] ?? null),
        r.issues.map((i) => `${i.column.vi}: ${i.message.vi}`).join('; '),
      ]),
      errorColumn: M.rejectedError.vi,
    });
    fs.chmodSync(clear, PRIVATE_FILE_MODE);
    await encryptTo(ctx.config, clear, rejectedPath(ctx, batchId));
  } finally {
    dropFile(clear);
  }
}

export function rejectedAnswer(ctx: AppContext, batchId: number): FileAnswer {
  const file = rejectedPath(ctx, batchId);
  if (!fs.existsSync(file)) throw new AppError('NOT_FOUND');
  return { contentType: XLSX_MIME, fileName: `dong-loi-lo-${batchId}.xlsx`, body: decryptStream(ctx.config, file) };
}
