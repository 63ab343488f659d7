import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fold } from '../../../shared/text/index.js';
import { type Client, createTestEnv, makeTree, makeUser, type TestEnv } from '../../test/harness.js';

/**
 * The search box's name matching (members.search.ts): the unaccented words typed are words of the name
 * in a row, the last one a word's prefix — the same answer whichever access path the query takes (the
 * tail index, the list's order, the subtree's own units). The reference here is written apart from the
 * server's LIKE: on the names' word lists.
 */
let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv();
});
afterAll(async () => {
  await env?.close();
});

let seq = Math.floor(Math.random() * 500_000);
// Female, born 1990, in the province coded 079: consistent with the birth date and gender given below.
const cccd = () => `079190${String(seq++ % 1_000_000).padStart(6, '0')}`;

const IN_A = [
  'Nguyễn Văn An',
  'Nguyễn Văn Anh',
  'Trần Thị Lan',
  'Phạm Thị Lan Anh',
  'Lê Hoàng',
  'Đặng Đức Thuỵ',
  'Hồ Thị Khoa',
  'Võ Thị Hoà',
];
const IN_B = ['Nguyễn Thị Hoa', 'Bùi Văn Đức', 'Lý Uyên', 'Trịnh Văn An', 'Ngô Thị Lan'];

async function admit(c: Client, unitId: number, names: string[]) {
  const r = await c.post('/api/members/admissions', {
    unitId,
    applicationDate: '2024-03-01',
    decisionNo: '7/QĐ',
    decisionDate: '2024-03-15',
    ceremonyDate: null,
    people: names.map((fullName) => ({ fullName, gender: 'female', birthDate: '1990-01-01', cccd: cccd() })),
  });
  if (r.statusCode !== 201) throw new Error(`${r.statusCode} ${r.body}`);
  return r.data.admitted as { membershipId: number; personId: number }[];
}

async function found(c: Client, q: string, unitId?: number) {
  const unit = unitId === undefined ? '' : `&unitId=${unitId}`;
  const r = await c.get(`/api/members?limit=500&q=${encodeURIComponent(q)}${unit}`);
  expect(r.statusCode, r.body).toBe(200);
  const names = (r.data.items as { fullName: string }[]).map((m) => m.fullName);
  expect(r.data.total).toBe(names.length);
  return names.sort();
}
/** The rule on word lists: the typed words equal words of the name in a row, the last a prefix of its word. */
function wordsMatch(name: string, typed: string): boolean {
  const w = fold(name).split(' ').filter(Boolean);
  const q = fold(typed)
    .replace(/[%_\\]/g, ' ')
    .split(' ')
    .filter(Boolean);
  if (q.length === 0) return false;
  const last = q.length - 1;
  for (let i = 0; i + last < w.length; i++)
    if (q.every((x, k) => (k === last ? (w[i + k] as string).startsWith(x) : w[i + k] === x))) return true;
  return false;
}
const expected = (names: string[], q: string) => names.filter((n) => wordsMatch(n, q)).sort();

describe('member search by name words', () => {
  it('finds exactly the names holding the unaccented words in a row, on every kind of scope', async () => {
    const t = await makeTree(env);
    const root = await makeUser(env, 'system_admin', env.rootId);
    const province = await makeUser(env, 'federation_admin', t.province);
    const district = await makeUser(env, 'officer', t.districtA);
    const grassroots = await makeUser(env, 'officer', t.cdcsA);
    await admit(district, t.cdcsA, IN_A);
    await admit(root, t.cdcsB, IN_B);
    const fragments = [
      'nguyen',
      'NGUYỄN',
      'van an',
      'Văn Anh',
      'an',
      'n v',
      'thi lan',
      'lan anh',
      'hoa',
      'hoà',
      'khoa',
      'uy',
      'thuy',
      'duc',
      'Đức',
      'đ',
      'ễn v',
      'ngu',
      'zzz',
      'nguyen van anh',
      'thi  lan',
      '50%_',
    ];
    for (const q of fragments) {
      // The root's scope holds other test files' members too (the database is shared per file on
      // SQLite, not on PostgreSQL): compare within this file's people only.
      const all = [...IN_A, ...IN_B];
      const rootNames = (await found(root, q)).filter((n) => all.includes(n));
      expect(rootNames, `national "${q}"`).toEqual(expected(all, q));
      expect(await found(province, q), `province "${q}"`).toEqual(expected(all, q));
      expect(await found(district, q), `district "${q}"`).toEqual(expected(IN_A, q));
      expect(await found(grassroots, q), `CĐCS "${q}"`).toEqual(expected(IN_A, q));
      expect(await found(province, q, t.cdcsB), `province, one CĐCS "${q}"`).toEqual(expected(IN_B, q));
    }
    // A fragment inside a word no longer finds it (Thuỵ for "uy", Nguyễn for "guyen"); a word's start does.
    expect(expected(IN_A, 'uy')).toEqual([]);
    expect(await found(grassroots, 'uy')).toEqual([]);
    expect(await found(province, 'uy')).toEqual(['Lý Uyên']);
    expect(await found(grassroots, 'guyen')).toEqual([]);
    // A sibling subtree's people stay invisible whatever the path.
    expect(await found(grassroots, 'ngo thi lan')).toEqual([]);
  });

  it('follows a person whose name changes, and keeps the name index in step with the table', async () => {
    const t = await makeTree(env);
    const officer = await makeUser(env, 'officer', t.cdcsA);
    const province = await makeUser(env, 'federation_admin', t.province);
    const [m] = await admit(officer, t.cdcsA, ['Quách Thị Thơm Xưa']);
    expect(await found(province, 'thom xua')).toEqual(['Quách Thị Thơm Xưa']);
    // A correction through the database's own update path (an import's update or undo does the same).
    await env.ctx.db
      .updateTable('person')
      .set({ full_name: 'Quách Thị Thơm Mới', full_name_folded: fold('Quách Thị Thơm Mới') })
      .where('id', '=', m?.personId as number)
      .execute();
    expect(await found(province, 'thom xua')).toEqual([]);
    expect(await found(province, 'thom moi')).toEqual(['Quách Thị Thơm Mới']);
    const tails = async () =>
      (
        await env.ctx.db
          .selectFrom('person_name_tail')
          .select('tail')
          .where('person_id', '=', m?.personId as number)
          .orderBy('tail')
          .execute()
      ).map((r) => r.tail);
    expect(await tails()).toEqual(['moi', 'quach thi thom moi', 'thi thom moi', 'thom moi']);
    expect(await found(officer, 'thom moi')).toEqual(['Quách Thị Thơm Mới']);

    // Removing a person (an import's undo does) takes their tails, and on SQLite their trigrams, with them.
    await env.ctx.db
      .deleteFrom('membership_event')
      .where('membership_id', '=', m?.membershipId as number)
      .execute();
    await env.ctx.db
      .deleteFrom('membership')
      .where('id', '=', m?.membershipId as number)
      .execute();
    await env.ctx.db
      .deleteFrom('person')
      .where('id', '=', m?.personId as number)
      .execute();
    expect(await tails()).toEqual([]);
    if (env.ctx.db.getExecutor().adapter.constructor.name.startsWith('Sqlite')) {
      // FTS5 compares every index entry with the person table and throws on any difference.
      await sql`insert into person_name_fts (person_name_fts, rank) values ('integrity-check', 1)`.execute(env.ctx.db);
      const left = await sql<{
        n: number;
      }>`select count(*) as n from person_name_fts where full_name_folded like ${'%thom%'}`.execute(env.ctx.db);
      expect(Number(left.rows[0]?.n)).toBe(0);
    }
  });
});
