import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Sqlite from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/database.js';
import { translateDbError } from './errors.js';
import { holdingWriteLock, writeLockHeld } from './write-lock.js';

/**
 * Issue 9 §4: while an import's worker holds SQLite's write lock, a write of the request thread waits only
 * its short busy timeout (it blocks every request meanwhile) and then answers DB_BUSY (503), never a 500.
 */
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'doanvien-lock-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('the write lock of a long import', () => {
  it('a blocked write waits its short timeout, then is DB_BUSY', async () => {
    const file = path.join(dir, 'lock.db');
    const h = await openDatabase({ kind: 'sqlite', file, busyTimeoutMs: 100 });
    await h.db.schema.createTable('t').addColumn('x', 'integer').execute();
    const importer = new Sqlite(file);
    importer.exec('begin immediate; insert into t values (1);');
    const t0 = performance.now();
    const err = await h.db
      .insertInto('t' as never)
      .values({ x: 2 } as never)
      .execute()
      .catch((e: unknown) => e);
    const waited = performance.now() - t0;
    expect(translateDbError(err)?.code).toBe('DB_BUSY');
    expect(translateDbError(err)?.status).toBe(503);
    expect(waited).toBeLessThan(2_000);
    // Reads go on in WAL mode while the import writes.
    expect(
      await h.db
        .selectFrom('t' as never)
        .selectAll()
        .execute(),
    ).toEqual([]);
    importer.exec('commit');
    importer.close();
    await h.close();
  });

  it('is known as held while an import runs, and released when it fails', async () => {
    expect(writeLockHeld()).toBe(false);
    let inside = false;
    await holdingWriteLock(async () => {
      inside = writeLockHeld();
    });
    expect(inside).toBe(true);
    await expect(holdingWriteLock(() => Promise.reject(new Error('x')))).rejects.toThrow('x');
    expect(writeLockHeld()).toBe(false);
  });
});
