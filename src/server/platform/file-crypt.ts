import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Config } from '../config.js';
import { privateWriteStream } from './files.js';
import { dataKeys } from './secrets.js';

/**
 * Stored files that hold personal data in clear (an uploaded member list, its rejected rows) are kept encrypted
 * with the data key: AES-256-GCM, streamed, so a 200 MB upload never sits in memory. Layout:
 * `DVF1` · 12-byte IV · ciphertext · 16-byte tag. The tag is at the end so the writer can stream; the reader
 * reads it first, and a file changed on disk fails at its end (decryptTo removes what it wrote then).
 */
const MAGIC = Buffer.from('DVF1');
const IV = 12;
const TAG = 16;
const HEAD = MAGIC.length + IV;

export class StoredFileError extends Error {
  override name = 'StoredFileError';
}

/** Encrypts `source` (a stream or a file path) into `target`, created 0600. */
export async function encryptTo(config: Config, source: Readable | string, target: string): Promise<void> {
  const iv = randomBytes(IV);
  const cipher = createCipheriv('aes-256-gcm', dataKeys(config).files, iv);
  const out = privateWriteStream(target);
  out.write(Buffer.concat([MAGIC, iv]));
  const input = typeof source === 'string' ? fs.createReadStream(source) : source;
  try {
    await pipeline(input, cipher, out, { end: false });
    await new Promise<void>((resolve, reject) =>
      out.end(cipher.getAuthTag(), (e?: Error | null) => (e ? reject(e) : resolve())),
    );
  } catch (e) {
    out.destroy();
    fs.rmSync(target, { force: true });
    throw e;
  }
}

/** The clear bytes of an encrypted file, as a stream; a wrong key or a changed file errors the stream at its end. */
export function decryptStream(config: Config, file: string): Readable {
  const size = fs.statSync(file).size;
  if (size < HEAD + TAG) throw new StoredFileError(`${file}: too short`);
  const fd = fs.openSync(file, 'r');
  const head = Buffer.alloc(HEAD);
  const tag = Buffer.alloc(TAG);
  try {
    fs.readSync(fd, head, 0, HEAD, 0);
    fs.readSync(fd, tag, 0, TAG, size - TAG);
  } finally {
    fs.closeSync(fd);
  }
  if (!head.subarray(0, MAGIC.length).equals(MAGIC)) throw new StoredFileError(`${file}: not an encrypted file`);
  const decipher = createDecipheriv('aes-256-gcm', dataKeys(config).files, head.subarray(MAGIC.length));
  decipher.setAuthTag(tag);
  const body = fs.createReadStream(file, { start: HEAD, end: size - TAG - 1 });
  body.on('error', (e) => decipher.destroy(e));
  return body.pipe(decipher);
}

/** Decrypts into `target` (0600), which the caller removes when done; nothing is left behind on failure. */
export async function decryptTo(config: Config, file: string, target: string): Promise<void> {
  try {
    await pipeline(decryptStream(config, file), privateWriteStream(target));
  } catch (e) {
    fs.rmSync(target, { force: true });
    throw e;
  }
}
