import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { documentsMessages as M } from '../../../shared/documents/messages.js';
import { AppError } from '../../platform/errors.js';
import { PRIVATE_DIR_MODE, PRIVATE_FILE_MODE } from '../../platform/files.js';

export type PdfOptions = {
  /** Commands tried in turn; Debian installs both names. */
  binaries?: readonly string[];
  timeoutMs?: number;
};

/** LibreOffice is one heavy process on a shared 2-core machine: conversions wait for each other. */
let queue: Promise<unknown> = Promise.resolve();

/**
 * A .docx as PDF through LibreOffice, in a child process (never on the request thread), in a private temp
 * folder (0700: the document may name people) that is removed whatever happens. Each run gets its own
 * LibreOffice profile there, so two conversions never share one (a shared profile makes the second wait or
 * fail silently). Missing LibreOffice, a timeout or a failure are AppError PDF_UNAVAILABLE with the reason.
 */
export function docxToPdf(docx: Buffer, o: PdfOptions = {}): Promise<Buffer> {
  const next = queue.then(() => convert(docx, o));
  queue = next.catch(() => undefined);
  return next;
}

async function convert(docx: Buffer, o: PdfOptions): Promise<Buffer> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'doanvien-pdf-'));
  try {
    await fs.chmod(dir, PRIVATE_DIR_MODE);
    const input = path.join(dir, 'document.docx');
    await fs.writeFile(input, docx, { mode: PRIVATE_FILE_MODE });
    const args = [
      `-env:UserInstallation=file://${path.join(dir, 'profile')}`,
      '--headless',
      '--norestore',
      '--nologo',
      '--convert-to',
      'pdf',
      '--outdir',
      dir,
      input,
    ];
    let missing = 0;
    const binaries = o.binaries ?? ['soffice', 'libreoffice'];
    for (const bin of binaries) {
      const r = await run(bin, args, dir, o.timeoutMs ?? 90_000);
      if (r === 'missing') {
        missing++;
        continue;
      }
      if (r === 'timeout') throw new AppError('PDF_UNAVAILABLE', { reason: M.officeTimeout });
      const pdf = await fs.readFile(path.join(dir, 'document.pdf')).catch(() => null);
      if (r !== 0 || !pdf) throw new AppError('PDF_UNAVAILABLE', { reason: M.officeFailed });
      return pdf;
    }
    throw new AppError('PDF_UNAVAILABLE', { reason: missing ? M.officeMissing : M.officeFailed });
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

/** Exit code, 'missing' when the command does not exist, 'timeout' when it was killed for taking too long. */
function run(bin: string, args: string[], cwd: string, timeoutMs: number): Promise<number | 'missing' | 'timeout'> {
  return new Promise((resolve) => {
    // Its own process group, so a timeout ends soffice.bin and not only the shell script that started it.
    const child = spawn(bin, args, { cwd, stdio: 'ignore', detached: true, env: { ...process.env, HOME: cwd } });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        if (child.pid) process.kill(-child.pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
    }, timeoutMs);
    child.on('error', (e: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      resolve(e.code === 'ENOENT' ? 'missing' : 1);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve(timedOut ? 'timeout' : (code ?? 1));
    });
  });
}
