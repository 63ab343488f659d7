import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';
import { createTestEnv, type TestEnv } from '../test/harness.js';
import { assertDataKeyAtStart, checkedDataKeys, dataKeys, decrypt, encrypt, lookupHash } from './secrets.js';

let env: TestEnv;
const dirs: string[] = [];
const tmp = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'dv-key-'));
  dirs.push(d);
  return d;
};
beforeAll(async () => {
  env = await createTestEnv();
});
afterAll(async () => {
  await env?.close();
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

describe('data key', () => {
  it('creates DATA_DIR/keys/data.key (0600) once and keeps using it', () => {
    const dir = tmp();
    const a = dataKeys({ ...loadConfig({}), dataDir: dir });
    const file = path.join(dir, 'keys', 'data.key');
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    const b = dataKeys({ ...loadConfig({}), dataDir: dir });
    expect(lookupHash(b, '079090123456')).toBe(lookupHash(a, '079090123456'));
    // Encryption and lookup use different derived keys.
    expect(a.enc.equals(a.mac)).toBe(false);
  });

  it('takes DATA_KEY from the environment, and refuses a malformed one', () => {
    const key = Buffer.alloc(32, 7).toString('base64');
    const a = dataKeys(loadConfig({ DATA_KEY: key, DATA_DIR: tmp() }));
    const b = dataKeys(loadConfig({ DATA_KEY: key, DATA_DIR: tmp() }));
    expect(a.fingerprint).toBe(b.fingerprint);
    expect(() => loadConfig({ DATA_KEY: 'c2hvcnQ=' })).toThrow(/DATA_KEY/);
  });

  it('encrypts with authentication: a changed byte is refused, not misread', () => {
    const keys = dataKeys({ ...loadConfig({}), dataDir: tmp() });
    const blob = encrypt(keys, '079090123456');
    expect(blob).not.toContain('079090123456');
    expect(encrypt(keys, '079090123456')).not.toBe(blob);
    expect(decrypt(keys, blob)).toBe('079090123456');
    const raw = Buffer.from(blob.slice(3), 'base64');
    raw[raw.length - 1] = (raw[raw.length - 1] ?? 0) ^ 1;
    expect(() => decrypt(keys, `v1.${raw.toString('base64')}`)).toThrow();
  });

  it('refuses to work with a key other than the one the database was set up with', async () => {
    await checkedDataKeys(env.ctx.db, env.ctx.config);
    const other = { ...env.ctx.config, dataKey: Buffer.alloc(32, 9).toString('base64') };
    await expect(checkedDataKeys(env.ctx.db, other)).rejects.toThrow(/not the key this database/);
  });

  it('refuses to start on a database whose key is missing or another, without making a new key', async () => {
    await checkedDataKeys(env.ctx.db, env.ctx.config);
    const bare = { ...env.ctx.config, dataKey: undefined, dataDir: tmp() };
    await expect(assertDataKeyAtStart(env.ctx.db, bare)).rejects.toThrow(/không tìm thấy khoá/);
    expect(fs.existsSync(path.join(bare.dataDir, 'keys', 'data.key'))).toBe(false);
    const other = { ...env.ctx.config, dataKey: Buffer.alloc(32, 9).toString('base64') };
    await expect(assertDataKeyAtStart(env.ctx.db, other)).rejects.toThrow(/không phải khoá/);
    await expect(assertDataKeyAtStart(env.ctx.db, env.ctx.config)).resolves.toBeUndefined();
  });
});
