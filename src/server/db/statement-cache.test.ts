import SqliteDatabase from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { cachingDatabase } from './statement-cache.js';

describe('prepared statements kept by their SQL', () => {
  it('hands out the same statement again, drops the least recently used, and never one still iterating', () => {
    const db = cachingDatabase(new SqliteDatabase(':memory:'), 2);
    const a = db.prepare('select 1 as x');
    expect(db.prepare('select 1 as x')).toBe(a);
    const b = db.prepare('select 2 as x');
    db.prepare('select 1 as x'); // a is now the most recently used
    db.prepare('select 3 as x'); // past the size: b goes
    expect(db.prepare('select 1 as x')).toBe(a);
    expect(db.prepare('select 2 as x')).not.toBe(b);
    const it = a.iterate();
    it.next();
    const other = db.prepare('select 1 as x');
    expect(other).not.toBe(a);
    expect(other.get()).toEqual({ x: 1 });
    it.return?.();
    db.close();
  });

  it('keeps answering after the schema under a kept statement changed', () => {
    const db = cachingDatabase(new SqliteDatabase(':memory:'));
    db.prepare('create table t (a integer)').run();
    db.prepare('insert into t values (1)').run();
    expect(db.prepare('select * from t').all()).toEqual([{ a: 1 }]);
    db.prepare('alter table t add column b text').run();
    expect(db.prepare('select * from t').all()).toEqual([{ a: 1, b: null }]);
    db.close();
  });
});
