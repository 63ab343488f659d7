import { createCipheriv, createDecipheriv, randomBytes, scrypt } from 'node:crypto';
import { z } from 'zod';
import { BackupProblem, T } from './backup.problem.js';

/**
 * The data key inside an archive, sealed with the operator's passphrase: scrypt (memory-hard, so a stolen archive
 * cannot be brute-forced cheaply; N = 2^17, r = 8 as OWASP advises) derives an AES-256-GCM key; the tag makes a
 * wrong passphrase fail loudly instead of yielding a wrong key. The parameters travel with the blob, so a later
 * version may raise them and still open old archives.
 */
const ZSealed = z.object({
  kdf: z.literal('scrypt'),
  N: z
    .number()
    .int()
    .min(2 ** 14)
    .max(2 ** 20),
  r: z.number().int().min(1).max(32),
  p: z.number().int().min(1).max(16),
  salt: z.string(),
  cipher: z.literal('aes-256-gcm'),
  iv: z.string(),
  tag: z.string(),
  data: z.string(),
});
type Sealed = z.infer<typeof ZSealed>;

// Binds the ciphertext to its purpose: a blob from elsewhere sealed with the same passphrase is not accepted.
const AAD = Buffer.from('doanvien backup data key v1');
const PARAMS = { N: 2 ** 17, r: 8, p: 1 };

function derive(passphrase: string, salt: Buffer, p: { N: number; r: number; p: number }): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(passphrase.normalize('NFC'), salt, 32, { ...p, maxmem: 256 * p.N * p.r }, (err, key) =>
      err ? reject(err) : resolve(key),
    ),
  );
}

export async function sealKey(master: Buffer, passphrase: string): Promise<Buffer> {
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', await derive(passphrase, salt, PARAMS), iv).setAAD(AAD);
  const data = Buffer.concat([cipher.update(master), cipher.final()]);
  const sealed: Sealed = {
    kdf: 'scrypt',
    ...PARAMS,
    salt: salt.toString('base64'),
    cipher: 'aes-256-gcm',
    iv: iv.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
    data: data.toString('base64'),
  };
  return Buffer.from(`${JSON.stringify(sealed, null, 2)}\n`);
}

/** The master key back; a wrong passphrase (or a changed blob) is a BackupProblem, never a wrong key. */
export async function openKey(blob: Buffer, passphrase: string): Promise<Buffer> {
  let sealed: Sealed;
  try {
    sealed = ZSealed.parse(JSON.parse(blob.toString('utf8')));
  } catch {
    throw new BackupProblem(T.wrongPassphrase);
  }
  const key = await derive(passphrase, Buffer.from(sealed.salt, 'base64'), sealed);
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(sealed.iv, 'base64')).setAAD(AAD);
    decipher.setAuthTag(Buffer.from(sealed.tag, 'base64'));
    const master = Buffer.concat([decipher.update(Buffer.from(sealed.data, 'base64')), decipher.final()]);
    if (master.length !== 32) throw new Error('not a 32-byte key');
    return master;
  } catch {
    throw new BackupProblem(T.wrongPassphrase);
  }
}
