import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fold } from '../../../shared/text/index.js';
import { coversWholeTree, scopeForUnits } from '../../platform/scope.js';
import { type Client, createTestEnv, makeTree, makeUser, type TestEnv } from '../../test/harness.js';
import * as repo from './members.repository.js';
import type { NameAccess } from './members.search.js';

/**
 * The name search on generated names (issue 11 §3): every access path gives the rows of a reference
 * written on word lists, and where the user typed whole words of a name in their order, the rows are
 * those the old substring rule found with its match starting at a word. Pages walked with small limits
 * reach every path of members.search.ts (tails sorted, tails merged, the list's order, the units).
 */
let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv();
});
afterAll(async () => {
  await env?.close();
});

// Few words, so names share them and some repeat one ("Lê Thị Lê"); "An"/"Anh"/"Lan"/"Lành" prefix each other.
const FAMILY = ['Nguyễn', 'Nguyễn', 'Nguyễn', 'Lê', 'Trần', 'Lý', 'An'];
const MIDDLE = ['Văn', 'Thị', 'Thị Lan', 'Văn An', 'Lê', ''];
const GIVEN = ['An', 'Anh', 'Lan', 'Lành', 'Lê', 'Thuỵ', 'Uyên', 'Văn'];

function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1_103_515_245) + 12_345) >>> 0;
    return s / 4_294_967_296;
  };
}
const pick = <T>(xs: T[], r: () => number) => xs[Math.floor(r() * xs.length)] as T;

/** The rule on word lists: the typed words equal words of the name in a row, the last a prefix of its word. */
function wordsMatch(name: string, typed: string): boolean {
  const w = fold(name).split(' ');
  const q = fold(typed).split(' ').filter(Boolean);
  const last = q.length - 1;
  for (let i = 0; i + last < w.length; i++)
    if (q.every((x, k) => (k === last ? (w[i + k] as string).startsWith(x) : w[i + k] === x))) return true;
  return false;
}

let seq = Math.floor(Math.random() * 500_000);
const cccd = () => `079190${String(seq++ % 1_000_000).padStart(6, '0')}`;
async function admit(c: Client, unitId: number, names: string[]) {
  const r = await c.post('/api/members/admissions', {
    unitId,
    applicationDate: '2024-03-01',
    decisionNo: '9/QĐ',
    decisionDate: '2024-03-15',
    ceremonyDate: null,
    people: names.map((fullName) => ({ fullName, gender: 'female', birthDate: '1990-01-01', cccd: cccd() })),
  });
  if (r.statusCode !== 201) throw new Error(`${r.statusCode} ${r.body}`);
  return (r.data.admitted as { membershipId: number }[]).map((a) => a.membershipId);
}

describe('member search on generated names', () => {
  it('gives the reference rows on every path, in list order, and the substring rule where whole words were typed', async () => {
    const t = await makeTree(env);
    const officer = await makeUser(env, 'federation_admin', t.province);
    const r = rng(20_261_204);
    const nameOf = () => [pick(FAMILY, r), pick(MIDDLE, r), pick(GIVEN, r)].filter(Boolean).join(' ');
    const inA = Array.from({ length: 90 }, nameOf);
    const inB = Array.from({ length: 30 }, nameOf);
    const ids = new Map<number, string>();
    for (const [unit, names] of [
      [t.cdcsA, inA],
      [t.cdcsB, inB],
    ] as const) {
      const admitted = await admit(officer, unit, names);
      for (const [i, id] of admitted.entries()) ids.set(id, names[i] as string);
    }

    // Typed whole words: every run of words of some names, in order; then a prefix of the last word,
    // and fragments from inside words.
    const typed = new Set<string>();
    for (const n of inA.slice(0, 25)) {
      const w = n.split(' ');
      for (let i = 0; i < w.length; i++) for (let j = i + 1; j <= w.length; j++) typed.add(w.slice(i, j).join(' '));
    }
    const whole = [...typed];
    const fragments = ['ng', 'nguyen th', 'thi l', 'a', 'le thi le', 'uy', 'guyen', 'an l', 'huy'];

    const province = await scopeForUnits(env.ctx.db, 'record.read', [t.province]);
    const national = await scopeForUnits(env.ctx.db, 'record.read', [env.rootId]);
    // The national pages leave out the per-row scope check: only because the root's scope holds every unit.
    expect(await coversWholeTree(env.ctx.db, national)).toBe(true);
    expect(await coversWholeTree(env.ctx.db, province)).toBe(false);
    const ours = (rows: { id: number }[]) => rows.map((x) => x.id).filter((id) => ids.has(id));
    const reference = (q: string) =>
      [...ids]
        .filter(([, n]) => wordsMatch(n, q))
        .map(([id]) => id)
        .sort((a, b) => a - b);
    const filters = (q: string) => ({ limit: 50, offset: 0, folded: fold(q), cccdHash: null, phonePrefix: null });

    for (const q of [...whole, ...fragments]) {
      const want = reference(q);
      for (const scope of [province, national])
        for (const access of ['tails', 'order', 'units'] as NameAccess[]) {
          const rows = await repo.filteredMembers(env.ctx.db, scope, filters(q), { access }).execute();
          expect(
            ours(rows).sort((a, b) => a - b),
            `"${q}" by ${access}`,
          ).toEqual(want);
        }
      // The list's own pages, seven rows at a time, in the list's order, whichever path each page takes
      // (the national scope's pages pass from sorting the matches to merging tails or walking the order).
      for (const scope of [province, national]) {
        const listed: number[] = [];
        const totals = new Set<number>();
        for (let offset = 0; ; offset += 7) {
          const page = await repo.membersPage(env.ctx.db, scope, filters(q), 7, offset);
          listed.push(...page.rows.map((x) => x.id));
          totals.add(page.total);
          if (page.rows.length < 7) break;
        }
        const sorted = await repo.listPage(env.ctx.db, repo.filteredMembers(env.ctx.db, scope, filters(q)), 500, 0);
        expect(listed, `pages of "${q}"`).toEqual(sorted.rows.map((x) => x.id));
        expect([...totals], `totals of "${q}"`).toEqual([sorted.total]);
        expect(ours(sorted.rows).sort((a, b) => a - b)).toEqual(want);
      }
    }

    // Where the user typed whole words in the name's order: what the substring rule found with its match
    // starting at a word, and among those every name holding the words as whole words.
    for (const q of whole) {
      const f = fold(q);
      const substringAtWord = [...ids].filter(([, n]) => ` ${fold(n)}`.includes(` ${f}`)).map(([id]) => id);
      const asWholeWords = [...ids].filter(([, n]) => ` ${fold(n)} `.includes(` ${f} `)).map(([id]) => id);
      const got = await repo.membersPage(env.ctx.db, national, filters(q), 500, 0);
      const found = ours(got.rows).sort((a, b) => a - b);
      expect(found, `"${q}"`).toEqual(substringAtWord.sort((a, b) => a - b));
      expect(asWholeWords.length).toBeGreaterThan(0);
      for (const id of asWholeWords) expect(found).toContain(id);
    }
  });
});
