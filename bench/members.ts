import { createHmac } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import SqliteDatabase from 'better-sqlite3';
import { CompiledQuery, SqliteAdapter, sql } from 'kysely';
import pg from 'pg';
import type { Db, DbKind } from '../src/server/db/database.js';
import * as repo from '../src/server/modules/members/members.repository.js';
import { narrowScope, type Scope, scopeForUnits } from '../src/server/platform/scope.js';
import { likeContains } from '../src/server/platform/sql.js';
import { fold } from '../src/shared/text/index.js';
import { personSortKey } from '../src/shared/text/sort-key.js';

/**
 * Member search at national scale: ≥1 M people with memberships spread over the org-tree bench's
 * ~150 k grassroots unions, names drawn from realistic Vietnamese distributions, then the list query
 * (count + first page of 50, sorted by the stored given-name sort key) timed through the real
 * repository code for several scopes and kinds of search text. Longer than 400 lines on purpose: the
 * generator, the loaders for both databases and the timings are one bench that is read top to bottom.
 */

// Family names with their approximate shares (per cent) in the population.
const FAMILY: [string, number][] = [
  ['Nguyễn', 38],
  ['Trần', 11],
  ['Lê', 9.5],
  ['Phạm', 7],
  ['Hoàng', 3],
  ['Huỳnh', 2.1],
  ['Phan', 4.5],
  ['Vũ', 2.3],
  ['Võ', 2.2],
  ['Đặng', 2.1],
  ['Bùi', 2],
  ['Đỗ', 1.4],
  ['Hồ', 1.3],
  ['Ngô', 1.3],
  ['Dương', 1],
  ['Lý', 0.5],
  ['Đinh', 0.6],
  ['Trương', 0.6],
  ['Lâm', 0.4],
  ['Mai', 0.4],
  ['Cao', 0.4],
  ['Lương', 0.3],
  ['Hà', 0.4],
  ['Đoàn', 0.4],
  ['Trịnh', 0.4],
  ['Tạ', 0.2],
  ['Tô', 0.2],
  ['Vương', 0.2],
  ['Kiều', 0.1],
  ['Quách', 0.1],
  ['Thái', 0.1],
  ['Châu', 0.1],
  ['Triệu', 0.1],
  ['Lưu', 0.2],
  ['Nông', 0.2],
  ['La', 0.1],
  ['Lò', 0.1],
  ['Thạch', 0.1],
  ['Kim', 0.05],
  ['Y', 0.05],
];
const MIDDLE_MALE: [string, number][] = [
  ['Văn', 40],
  ['Hữu', 6],
  ['Đức', 6],
  ['Minh', 7],
  ['Quang', 5],
  ['Công', 4],
  ['Thanh', 4],
  ['Ngọc', 3],
  ['Xuân', 3],
  ['Đình', 4],
  ['Quốc', 4],
  ['Thành', 2],
  ['Tiến', 2],
  ['Trung', 2],
  ['Văn Minh', 1],
  ['Hoàng', 2],
  ['Anh', 1],
  ['Bá', 1],
  ['Duy', 2],
  ['Mạnh', 1],
];
const MIDDLE_FEMALE: [string, number][] = [
  ['Thị', 55],
  ['Ngọc', 6],
  ['Thu', 5],
  ['Thanh', 4],
  ['Thùy', 3],
  ['Minh', 3],
  ['Kim', 3],
  ['Mỹ', 2],
  ['Hồng', 3],
  ['Phương', 2],
  ['Bảo', 1],
  ['Diệu', 1],
  ['Thị Thu', 3],
  ['Thị Ngọc', 2],
  ['Thị Kim', 2],
  ['Hoài', 1],
  ['Quỳnh', 1],
  ['Khánh', 1],
];
// Given names, most frequent first; frequency falls off as 1/rank (Zipf), as first names do.
const GIVEN_MALE = `Anh Hùng Dũng Tuấn Nam Hải Sơn Long Minh Thắng Cường Huy Quân Hiếu Trung Phong Thành Đức Tùng Khoa
Toàn Tâm Hoàng Bình Hưng Khánh Lâm Phúc Quang Tài Thịnh Vinh Việt Hòa Hậu Hiệp Kiên Lực Lợi Mạnh Nghĩa Nhân Phát
Quý Sang Tân Thái Thanh Thông Tiến Trí Trọng Trường Tú Tuấn Văn Vũ Bảo Chiến Công Cảnh Định Đạt Đông Giang Hào Hiển
Hoà Học Khải Khang Khôi Kỳ Lân Luân Lương Nguyên Ngọc Nhật Phước Quyết Sáng Tín Thuận Toản Triều Tuyên Tường Uy Vĩnh
Xuân Yên Bách Chính Danh Doanh Duẩn Điệp Đoàn Hạnh Huấn Kha Khiêm Lịch Lục Mẫn Ninh Pháp Quảng Sỹ Thạch Thiện Thuyết
Trác Ứng Vượng Xương Khuê Đăng Diệu`.split(/\s+/);
const GIVEN_FEMALE =
  `Lan Hương Linh Hoa Trang Thảo Hằng Nga Mai Phương Hà Ngọc Thủy Yến Dung Huyền Loan Oanh Nhung Vân Hạnh
Hồng Liên Hiền Thu Tuyết Quyên Trinh Thư Anh Chi Diệp Giang Hải Hậu Hoài Khánh Kiều Lệ Ly Mỹ My Nhàn Nhi Nương Phượng
Quế Quỳnh Sen Tâm Thanh Thoa Thúy Tiên Trâm Uyên Vy Xuân Yên Ánh Bích Châu Diễm Duyên Đào Gấm Hiên Hoan Huệ Khuyên Lài
Luyến Lụa Mận Minh Mơ Ngân Nguyệt Nhàn Nhạn Phấn Phúc Sương Tám Thắm Thêu Thơm Thương Tình Trà Tươi Vui Xoan Yến Ái
Bình Cúc Dịu Điệp Giao Hảo Hường Kim Lam Lựu Miên Ngát Ngoan Nhài Nụ Quý Sáu Thìn Trúc Uyển Vàng Xinh Khuê`.split(
    /\s+/,
  );

/** A tiny deterministic generator, so every run (and both databases) sees the same people. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function picker<T>(items: [T, number][], rand: () => number) {
  const total = items.reduce((s, [, w]) => s + w, 0);
  const cum: number[] = [];
  let acc = 0;
  for (const [, w] of items) {
    acc += w / total;
    cum.push(acc);
  }
  return () => {
    const r = rand();
    let lo = 0;
    let hi = cum.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((cum[mid] as number) < r) lo = mid + 1;
      else hi = mid;
    }
    return (items[lo] as [T, number])[0];
  };
}
const zipf = (names: string[]): [string, number][] => names.map((n, i) => [n, 1 / (i + 1)]);

export const BENCH_MAC_KEY = Buffer.from('doanvien-bench-mac-key');
export const benchHash = (cccd: string) => createHmac('sha256', BENCH_MAC_KEY).update(cccd).digest('hex');
/** A bijection on 11-digit numbers (the factor is odd and not a multiple of 5), so numbers never repeat. */
const cccdOf = (i: number) => `0${String((i * 7_919_111) % 100_000_000_000).padStart(11, '0')}`;
const PHONE_HEADS = [
  '090',
  '091',
  '093',
  '094',
  '096',
  '097',
  '098',
  '032',
  '033',
  '034',
  '035',
  '036',
  '037',
  '038',
  '039',
  '070',
  '077',
  '079',
  '081',
  '083',
  '084',
  '085',
  '088',
  '056',
  '058',
];

type Person = {
  full_name: string;
  full_name_folded: string;
  sort_key: string;
  birth_date: string;
  gender: string;
  phone: string | null;
  cccd_hash: string;
  cccd_masked: string;
};

/** The people and where each is a member; the grassroots units come from the generated tree. */
function* people(n: number, grassroots: number[]) {
  const rand = rng(20_250_701);
  const family = picker(FAMILY, rand);
  const midM = picker(MIDDLE_MALE, rand);
  const midF = picker(MIDDLE_FEMALE, rand);
  const givenM = picker(zipf(GIVEN_MALE), rand);
  const givenF = picker(zipf(GIVEN_FEMALE), rand);
  // fold and the sort key cost microseconds each; the same full name recurs thousands of times.
  const derived = new Map<string, [string, string]>();
  // A few big factories (hundreds of members) among many small unions, as in the real federation.
  const big = Math.max(1, Math.floor(grassroots.length / 100));
  for (let i = 1; i <= n; i++) {
    const female = rand() < 0.55;
    const name = `${family()} ${female ? midF() : midM()} ${female ? givenF() : givenM()}`;
    let d = derived.get(name);
    if (!d) {
      d = [fold(name), personSortKey(name)];
      derived.set(name, d);
    }
    const cccd = cccdOf(i);
    const unit =
      rand() < 0.3
        ? (grassroots[Math.floor(rand() * big)] as number)
        : (grassroots[Math.floor(rand() * grassroots.length)] as number);
    const year = 1965 + Math.floor(rand() * 40);
    const phone =
      rand() < 0.85
        ? `${PHONE_HEADS[Math.floor(rand() * PHONE_HEADS.length)]}${String(Math.floor(rand() * 10_000_000)).padStart(7, '0')}`
        : null;
    const person: Person = {
      full_name: name,
      full_name_folded: d[0],
      sort_key: d[1],
      birth_date: `${year}-${String(1 + Math.floor(rand() * 12)).padStart(2, '0')}-${String(1 + Math.floor(rand() * 28)).padStart(2, '0')}`,
      gender: female ? 'female' : 'male',
      phone,
      cccd_hash: benchHash(cccd),
      cccd_masked: `********${cccd.slice(-4)}`,
    };
    const admitted = `${2000 + Math.floor(rand() * 25)}-${String(1 + Math.floor(rand() * 12)).padStart(2, '0')}-${String(1 + Math.floor(rand() * 28)).padStart(2, '0')}`;
    yield { id: i, person, unit, admitted };
  }
}

const PERSON_COLS = [
  'id',
  'cccd_hash',
  'cccd_masked',
  'cccd_kind',
  'full_name',
  'full_name_folded',
  'sort_key',
  'birth_date',
  'gender',
  'nationality',
  'phone',
  'created_at',
  'updated_at',
] as const;
const MEMBERSHIP_COLS = [
  'id',
  'person_id',
  'unit_id',
  'status',
  'informal',
  'foreign',
  'admitted_on',
  'started_on',
  'created_at',
  'updated_at',
] as const;

type Row = ReturnType<typeof people> extends Generator<infer R> ? R : never;
const now = '2025-11-01T00:00:00.000Z';
const personValues = (r: Row) => [
  r.id,
  r.person.cccd_hash,
  r.person.cccd_masked,
  'cccd',
  r.person.full_name,
  r.person.full_name_folded,
  r.person.sort_key,
  r.person.birth_date,
  r.person.gender,
  'VN',
  r.person.phone,
  now,
  now,
];
const membershipValues = (r: Row) => [r.id, r.id, r.unit, 'active', 0, 0, r.admitted, r.admitted, now, now];

/** SQLite: one transaction per 50 k people, prepared multi-row inserts on a second connection to the file. */
function loadSqlite(file: string, n: number, grassroots: number[]) {
  const conn = new SqliteDatabase(file);
  conn.pragma('journal_mode = WAL');
  conn.pragma('synchronous = OFF');
  const ROWS = 50;
  const stmt = (table: string, cols: readonly string[], rows: number) =>
    conn.prepare(
      `insert into ${table} (${cols.map((c) => `"${c}"`).join(',')}) values ${Array.from({ length: rows }, () => `(${cols.map(() => '?').join(',')})`).join(',')}`,
    );
  const pFull = stmt('person', PERSON_COLS, ROWS);
  const mFull = stmt('membership', MEMBERSHIP_COLS, ROWS);
  const flush = conn.transaction((batch: Row[]) => {
    for (let i = 0; i < batch.length; i += ROWS) {
      const part = batch.slice(i, i + ROWS);
      const ps = part.length === ROWS ? pFull : stmt('person', PERSON_COLS, part.length);
      const ms = part.length === ROWS ? mFull : stmt('membership', MEMBERSHIP_COLS, part.length);
      ps.run(part.flatMap(personValues));
      ms.run(part.flatMap(membershipValues));
    }
  });
  let batch: Row[] = [];
  for (const r of people(n, grassroots)) {
    batch.push(r);
    if (batch.length === 50_000) {
      flush(batch);
      batch = [];
    }
  }
  if (batch.length) flush(batch);
  conn.close();
}

/** PostgreSQL: 20 k rows per statement through unnest() of column arrays (one round trip each). */
async function loadPostgres(url: string, schema: string, n: number, grassroots: number[]) {
  const c = new pg.Client({ connectionString: url, options: `-c search_path=${schema}` });
  await c.connect();
  const types = {
    person: ['int', 'text', 'text', 'text', 'text', 'text', 'text', 'text', 'text', 'text', 'text', 'text', 'text'],
    membership: ['int', 'int', 'int', 'text', 'int', 'int', 'text', 'text', 'text', 'text'],
  };
  const insert = async (table: 'person' | 'membership', cols: readonly string[], rows: unknown[][]) => {
    const arrays = cols.map((_, k) => rows.map((r) => r[k]));
    const t = types[table];
    await c.query(
      `insert into ${table} (${cols.map((x) => `"${x}"`).join(',')}) select * from unnest(${cols.map((_, k) => `$${k + 1}::${t[k]}[]`).join(',')})`,
      arrays,
    );
  };
  try {
    // Indexes are built once after the load (what a bulk load does), not maintained row by row; the
    // trigram GIN index especially. The primary keys stay.
    const indexes = (
      await c.query<{ name: string; def: string }>(
        `select i.indexname as name, i.indexdef as def from pg_indexes i
         where i.schemaname = $1 and i.tablename in ('person', 'membership')
           and not exists (select 1 from pg_constraint k where k.conname = i.indexname)`,
        [schema],
      )
    ).rows;
    for (const ix of indexes) await c.query(`drop index "${ix.name}"`);
    await c.query('begin');
    let batch: Row[] = [];
    const flush = async () => {
      await insert('person', PERSON_COLS, batch.map(personValues));
      await insert('membership', MEMBERSHIP_COLS, batch.map(membershipValues));
      batch = [];
    };
    for (const r of people(n, grassroots)) {
      batch.push(r);
      if (batch.length === 20_000) await flush();
    }
    if (batch.length) await flush();
    // Identity columns: later inserts (none here) must not collide with the explicit ids.
    await c.query(`select setval(pg_get_serial_sequence('person', 'id'), ${n})`);
    await c.query(`select setval(pg_get_serial_sequence('membership', 'id'), ${n})`);
    await c.query('commit');
    await c.query("set maintenance_work_mem = '256MB'");
    for (const ix of indexes) await c.query(ix.def);
    await c.query('analyze');
  } finally {
    await c.end();
  }
}

export type MemberTarget = { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string; schema: string };

export async function generateMembers(db: Db, target: MemberTarget, n: number) {
  const grassroots = (
    await db.selectFrom('org_unit').select('id').where('type_code', '=', 'CDCS').orderBy('id').execute()
  ).map((u) => u.id);
  // Spread the "big factories" over the country instead of the first province's units.
  const shuffled = [...grassroots];
  const rand = rng(34);
  for (let i = shuffled.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [shuffled[i], shuffled[j]] = [shuffled[j] as number, shuffled[i] as number];
  }
  const t0 = performance.now();
  if (target.kind === 'sqlite') loadSqlite(target.file, n, shuffled);
  else await loadPostgres(target.url, target.schema, n, shuffled);
  return { members: n, grassroots: grassroots.length, loadMs: performance.now() - t0 };
}

// ------------------------------------------------------------------------------------------ queries

/** The search box's meaning, as members.service.ts `searchTerms` reads it (that function is private). */
function terms(kind: 'name' | 'cccd' | 'phone', text: string) {
  if (kind === 'name') return { folded: fold(text), cccdHash: null, phonePrefix: null };
  if (kind === 'cccd') return { folded: '', cccdHash: benchHash(text), phonePrefix: null };
  return { folded: '', cccdHash: null, phonePrefix: text };
}

/**
 * The name search before issue 11 §3, kept here only as the bench's baseline: "the fragment anywhere in
 * the name", narrowed on a national scope by the FTS5 trigram table of migration 007 (SQLite) or left to
 * pg_trgm (PostgreSQL), sorted by listPage as it was.
 */
function substringRule(db: Db, scope: Scope, folded: string) {
  const like = sql<boolean>`p.full_name_folded like ${likeContains(folded)}`;
  const viaTrigrams =
    db.getExecutor().adapter instanceof SqliteAdapter && !narrowScope(scope) && folded.length >= 3
      ? sql<boolean>`(${like} and p.id in (select rowid from person_name_fts where full_name_folded like ${likeContains(folded)}))`
      : like;
  return repo
    .filteredMembers(db, scope, { limit: 50, offset: 0, folded: '', cccdHash: null, phonePrefix: null })
    .where(viaTrigrams);
}

/**
 * What service.list runs (repo.membersPage: a count capped at 10 001 and the first page of 50), then,
 * for a name, the old substring rule's count and page in the same way, as the baseline.
 */
async function listOnce(db: Db, scope: Scope, t: ReturnType<typeof terms>) {
  const t0 = performance.now();
  const page = await repo.membersPage(db, scope, { limit: 50, offset: 0, ...t }, 50, 0);
  const t1 = performance.now();
  if (!t.folded) return { total: page.total, serviceMs: t1 - t0, oldMs: Number.NaN, oldTotal: Number.NaN };
  const old = await repo.listPage(db, substringRule(db, scope, t.folded), 50, 0);
  const t2 = performance.now();
  return { total: page.total, serviceMs: t1 - t0, oldMs: t2 - t1, oldTotal: old.total };
}
type Stat = {
  p50: number;
  p95: number;
  n: number;
  hits: number;
  /** The old substring rule's, for comparison (NaN for the identity number and phone). */
  oldP50: number;
  oldP95: number;
  oldHits: number;
};
const quantile = (xs: number[], p: number) => xs[Math.min(xs.length - 1, Math.floor(p * xs.length))] ?? 0;

type Result = { scope: string; search: string; stat: Stat };

/** Runs every scope × search case; each result is printed as it comes, the slow ones take a while. */
export async function benchMemberSearch(db: Db, maxPerCase = 30, budgetMs = 5_000, onResult = printResult) {
  const units = async (type: string) =>
    (await db.selectFrom('org_unit').select('id').where('type_code', '=', type).orderBy('id').execute()).map(
      (u) => u.id,
    );
  const root = (await units('TLD'))[0] as number;
  const provinces = await units('LDLD_TINH');
  const communes = await units('CD_XA');
  // The grassroots unions with the most members: an officer of a big factory union searching its own list.
  const bigUnits = (
    await db
      .selectFrom('membership')
      .select(['unit_id', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('unit_id')
      .orderBy('n', 'desc')
      .limit(40)
      .execute()
  ).map((r) => r.unit_id);
  const scopes: { label: string; pick: (i: number) => number }[] = [
    { label: 'national', pick: () => root },
    { label: 'province', pick: (i) => provinces[(i * 7) % provinces.length] as number },
    { label: 'commune union', pick: (i) => communes[(i * 97) % communes.length] as number },
    { label: 'big CĐCS', pick: (i) => bigUnits[i % bigUnits.length] as number },
  ];
  const sampleIds = Array.from({ length: maxPerCase }, (_, i) => 1 + ((i * 24_989) % 1_000_000));
  const samples = await db.selectFrom('person').select(['id', 'phone']).where('id', 'in', sampleIds).execute();
  const phones = samples.map((s) => s.phone).filter((p): p is string => p !== null);
  // Rare given names that are no part of a common word ("uyen" would be: ng-uyen).
  const rare = ['khuê', 'Thuyết', 'Lịch', 'Xương', 'Ngoan', 'Gấm', 'Trác', 'Khiêm'];
  const cases: { label: string; term: (i: number) => ReturnType<typeof terms> }[] = [
    { label: '"nguyen" (38 % of people)', term: () => terms('name', 'nguyen') },
    { label: 'rare given name', term: (i) => terms('name', rare[i % rare.length] as string) },
    { label: '"thi lan"', term: () => terms('name', 'thi lan') },
    { label: '"nguyen van an"', term: () => terms('name', 'Nguyễn Văn An') },
    { label: '3 letters "hoa"', term: () => terms('name', 'hoa') },
    { label: '2 letters "uy"', term: () => terms('name', 'uy') },
    { label: 'exact CCCD', term: (i) => terms('cccd', cccdOf(1 + ((i * 24_989) % 1_000_000))) },
    {
      label: 'phone prefix (7 digits)',
      term: (i) => terms('phone', (phones[i % phones.length] as string).slice(0, 7)),
    },
  ];
  const scopeCache = new Map<number, Scope>();
  const scopeOf = async (id: number) => {
    let s = scopeCache.get(id);
    if (!s) {
      s = await scopeForUnits(db, 'record.read', [id]);
      scopeCache.set(id, s);
    }
    return s;
  };
  const results: Result[] = [];
  printHeader();
  for (const sc of scopes) {
    for (const cs of cases) {
      const times: number[] = [];
      const hits: number[] = [];
      const old: number[] = [];
      const oldHits: number[] = [];
      const started = performance.now();
      for (let i = 0; i < maxPerCase; i++) {
        const scope = await scopeOf(sc.pick(i));
        const r = await listOnce(db, scope, cs.term(i));
        times.push(r.serviceMs);
        hits.push(r.total);
        old.push(r.oldMs);
        oldHits.push(r.oldTotal);
        // A slow case still gets three runs (its p95 is then the slowest), but does not hold the bench up.
        if (i >= 2 && performance.now() - started > budgetMs) break;
      }
      for (const xs of [times, hits, old, oldHits]) xs.sort((a, b) => a - b);
      const r = {
        scope: sc.label,
        search: cs.label,
        stat: {
          p50: quantile(times, 0.5),
          p95: quantile(times, 0.95),
          n: times.length,
          hits: quantile(hits, 0.5),
          oldP50: quantile(old, 0.5),
          oldP95: quantile(old, 0.95),
          oldHits: quantile(oldHits, 0.5),
        },
      };
      results.push(r);
      onResult(r);
    }
  }
  return results;
}

const W1 = 13;
const W2 = 26;
const num = (x: number, digits = 1) => (Number.isNaN(x) ? '–' : x.toFixed(digits));
function printHeader() {
  console.log(
    `  ${'scope'.padEnd(W1)}  ${'search'.padEnd(W2)}  ${'p50 ms'.padStart(8)}  ${'p95 ms'.padStart(8)}  ${'found'.padStart(7)}  ${'| old p50'.padStart(10)}  ${'old p95'.padStart(8)}  ${'found'.padStart(7)}  ${'p95 ×'.padStart(7)}  ${'runs'.padStart(4)}`,
  );
}
function printResult(r: Result) {
  const s = r.stat;
  console.log(
    `  ${r.scope.padEnd(W1)}  ${r.search.padEnd(W2)}  ${num(s.p50).padStart(8)}  ${num(s.p95).padStart(8)}  ${String(s.hits).padStart(7)}  ${`| ${num(s.oldP50)}`.padStart(10)}  ${num(s.oldP95).padStart(8)}  ${(Number.isNaN(s.oldHits) ? '–' : String(s.oldHits)).padStart(7)}  ${num(s.oldP95 / s.p95, 2).padStart(7)}  ${String(s.n).padStart(4)}`,
  );
}

/** The plan of the first page's query, so a regression to a full scan shows up in the bench output. */
export async function explainMemberSearch(db: Db, kind: DbKind, scope: Scope, folded: string): Promise<string> {
  const q = repo
    .filteredMembers(db, scope, { limit: 50, offset: 0, folded, cccdHash: null, phonePrefix: null })
    .orderBy('p.sort_key')
    .orderBy('p.id')
    .orderBy('m.id')
    .limit(50)
    .compile();
  const prefix = kind === 'sqlite' ? 'explain query plan ' : 'explain ';
  const r = await db.executeQuery(CompiledQuery.raw(prefix + q.sql, [...q.parameters]));
  return (r.rows as Record<string, string>[]).map((x) => x.detail ?? x['QUERY PLAN']).join('\n    ');
}
