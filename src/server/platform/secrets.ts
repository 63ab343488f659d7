import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { type Config, ConfigError } from '../config.js';
import type { Db } from '../db/database.js';

/**
 * The data key that protects identity numbers (CCCD/CMND/passport). One master key (DATA_KEY, or
 * DATA_DIR/keys/data.key created on first use) yields two derived keys via HKDF, so the key that
 * encrypts is never the one whose output (the lookup hash) sits in an indexed column:
 *   - an AES-256-GCM key: the number, encrypted, for the rare "show in clear" (audited);
 *   - an HMAC-SHA256 key: a keyed hash of the number, for "is this person already here?".
 * A plain hash would not do: 12-digit numbers with a known structure are brute-forced in minutes.
 */
export type DataKeys = { enc: Buffer; mac: Buffer; fingerprint: string; files: Buffer };

const cache = new WeakMap<Config, DataKeys>();
const checked = new WeakMap<Db, string>();

/** Where the key lives when DATA_KEY is not set (a backup carries it, a restore puts it back here). */
export const keyFilePath = (dataDir: string) => path.join(dataDir, 'keys', 'data.key');

/** The key of DATA_DIR as it is, never creating one: null when there is no key file. */
export function readKeyFile(dataDir: string): Buffer | null {
  const file = keyFilePath(dataDir);
  if (!fs.existsSync(file)) return null;
  const key = Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'base64');
  if (key.length !== 32) throw new Error(`${file} does not hold a base64 32-byte key`);
  return key;
}

function readOrCreateKeyFile(dataDir: string): Buffer {
  const file = keyFilePath(dataDir);
  const dir = path.dirname(file);
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  try {
    // 'wx' fails if the file exists: two processes starting together never overwrite each other's key.
    fs.writeFileSync(file, `${randomBytes(32).toString('base64')}\n`, { flag: 'wx', mode: 0o600 });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  }
  return readKeyFile(dataDir) as Buffer;
}

function derive(master: Buffer, info: string): Buffer {
  return Buffer.from(hkdfSync('sha256', master, Buffer.from('doanvien'), Buffer.from(info), 32));
}

/** What data_key_check records of a master key: tells the right key from another without revealing it. */
export function keyFingerprint(master: Buffer): string {
  return createHmac('sha256', derive(master, 'key-check v1')).update('doanvien').digest('hex').slice(0, 32);
}

export function dataKeys(config: Config): DataKeys {
  const hit = cache.get(config);
  if (hit) return hit;
  const master = config.dataKey ? Buffer.from(config.dataKey, 'base64') : readOrCreateKeyFile(config.dataDir);
  const keys: DataKeys = {
    enc: derive(master, 'person.cccd.enc v1'),
    mac: derive(master, 'person.cccd.hmac v1'),
    files: derive(master, 'stored files v1'),
    fingerprint: keyFingerprint(master),
  };
  cache.set(config, keys);
  return keys;
}

/**
 * At start: a database that already holds data encrypted with a key must find that key. A restore without
 * the key file would otherwise make a new one and answer 500 on every member feature; the server refuses
 * to start instead, saying what to restore. A fresh database (no fingerprint yet) passes.
 */
export async function assertDataKeyAtStart(db: Db, config: Config): Promise<void> {
  const row = await db.selectFrom('data_key_check').select('fingerprint').where('id', '=', 'data').executeTakeFirst();
  if (!row) return;
  const file = keyFilePath(config.dataDir);
  if (!config.dataKey && !fs.existsSync(file)) {
    throw new ConfigError(
      `Cơ sở dữ liệu này đã mã hoá số định danh bằng một khoá dữ liệu, nhưng không tìm thấy khoá (${file} hoặc DATA_KEY). Hãy khôi phục tệp khoá từ bản sao lưu hoặc đặt DATA_KEY; máy chủ không tự tạo khoá mới.\nThis database holds data encrypted with a data key, but the key is missing (${file} or DATA_KEY): restore the key file from the backup or set DATA_KEY. No new key is made.`,
    );
  }
  const keys = dataKeys(config);
  if (
    row.fingerprint.length !== keys.fingerprint.length ||
    !timingSafeEqual(Buffer.from(row.fingerprint), Buffer.from(keys.fingerprint))
  ) {
    throw new ConfigError(
      'Khoá dữ liệu (DATA_KEY hoặc DATA_DIR/keys/data.key) không phải khoá mà cơ sở dữ liệu này đã dùng: hãy khôi phục đúng tệp khoá.\nThe data key is not the one this database was set up with: restore the original key file.',
    );
  }
}

/**
 * The keys, after checking (once per database handle) that they are the ones this database was set up
 * with; the first use records the fingerprint. A mismatch stops the write instead of silently
 * creating hashes that match nothing already stored.
 */
export async function checkedDataKeys(db: Db, config: Config): Promise<DataKeys> {
  const keys = dataKeys(config);
  if (checked.get(db) === keys.fingerprint) return keys;
  const row = await db.selectFrom('data_key_check').select('fingerprint').where('id', '=', 'data').executeTakeFirst();
  if (!row) {
    await db
      .insertInto('data_key_check')
      .values({ id: 'data', fingerprint: keys.fingerprint, created_at: new Date().toISOString() })
      .onConflict((oc) => oc.column('id').doNothing())
      .execute();
    return checkedDataKeys(db, config);
  }
  if (
    row.fingerprint.length !== keys.fingerprint.length ||
    !timingSafeEqual(Buffer.from(row.fingerprint), Buffer.from(keys.fingerprint))
  ) {
    throw new Error(
      'DATA_KEY (or DATA_DIR/keys/data.key) is not the key this database was set up with; restore the original key',
    );
  }
  checked.set(db, keys.fingerprint);
  return keys;
}

/** Keyed hash of an already normalised identifier (hex). */
export function lookupHash(keys: DataKeys, normalised: string): string {
  return createHmac('sha256', keys.mac).update(normalised).digest('hex');
}

const VERSION = 'v1.';

export function encrypt(keys: DataKeys, plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keys.enc, iv);
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return VERSION + Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64');
}

export function decrypt(keys: DataKeys, blob: string): string {
  if (!blob.startsWith(VERSION)) throw new Error('unknown ciphertext version');
  const raw = Buffer.from(blob.slice(VERSION.length), 'base64');
  const decipher = createDecipheriv('aes-256-gcm', keys.enc, raw.subarray(0, 12));
  decipher.setAuthTag(raw.subarray(12, 28));
  return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
}
