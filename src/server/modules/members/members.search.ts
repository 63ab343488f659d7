import { type Kysely, sql } from 'kysely';
import { isPostgres } from '../../db/dialect.js';
import type { Database } from '../../db/schema.js';
import { narrowScope, type Scope } from '../../platform/scope.js';
import { LIST_COUNT_CAP } from '../../platform/sql.js';

/**
 * The member search by name (issue 11 §3): the typed words, unaccented, must be words of the name in a
 * row, the last one as a prefix of its word — "nguyen van an" finds Nguyễn Văn An and Nguyễn Văn Anh,
 * "thi lan" finds Trần Thị Lan and Phạm Thị Lành, "uy" finds Lý Uyên but no longer Đặng Thuỵ (a fragment
 * inside a word matched under the old "anywhere in the name" rule; it does not any more). Where the user
 * typed whole words, these are exactly the names the old substring rule found with the match starting
 * at a word, and the rule is one LIKE: ' ' || name LIKE '% ' || words || '%'. The identity number and
 * phone branches of the search box are not touched (members.service.ts `searchTerms`).
 *
 * Migration 029 keeps, for each word of a name, the name from that word on (its tail) with the sort key:
 * the matching people are then exactly one range of tails, whatever the words. How a list reads them:
 * - 'tails': from that range (a person whose name holds the words twice is read once, at the first);
 *   the count stops at the cap after reading at most that many matches, and when the matches are few
 *   the page sorts them all;
 * - 'order': in the list's order (the person_sort_key index), checking the LIKE on each, for a page of
 *   matches common enough that the first page is reached sooner than all of them would be sorted;
 * - per tail ('merge'): when the range holds few different tails ("thi lan", "nguyen van an": the matches
 *   are the people of a handful of names, which lie together in given-name order, where a walk from the
 *   start would read half the country to reach them), the first rows of each tail in its own index order;
 * - 'units': a province or narrower whose members are fewer than the matches in the whole country reads
 *   its own members and checks the LIKE (the way the list reads a narrow scope without a search).
 * The LIKE is in every one, so the rows never depend on the path taken; only the time does.
 */
export type NameAccess = 'tails' | 'order' | 'units';

/**
 * Merging tails for a page: each distinct tail of the range is already in sort-key order in the index,
 * so a page reads the first rows of each and sorts those few. Past this many tails ("nguyen" is the start
 * of thousands of different names), the matches are spread over the list's order and the walk wins.
 */
const MERGED_TAILS = 16;

/** The words of the folded search text, joined by one space; null when it holds none. */
export function phraseOf(folded: string): string | null {
  // The LIKE's own metacharacters never mean anything in a name search (platform/sql.ts neutralises
  // them the same way): they separate words like a space.
  const words = folded
    .replace(/[%_\\]/g, ' ')
    .split(' ')
    .filter(Boolean);
  return words.length ? words.join(' ') : null;
}

/** The exclusive upper bound of the texts starting with `s`: its last character moved on by one. */
export function prefixEnd(s: string): string {
  return s.slice(0, -1) + String.fromCharCode(s.charCodeAt(s.length - 1) + 1);
}

/**
 * The rule itself, on the person's folded name; `phrase` comes from phraseOf, so it holds no LIKE
 * metacharacter. ' ' || name LIKE '% words%', written on the column itself so that PostgreSQL estimates
 * it from the column's statistics (on the expression it guessed 42 rows for 400 000 and chose plans
 * for 42).
 */
export function phraseMatches(phrase: string) {
  return sql<boolean>`(p.full_name_folded like ${`${phrase}%`} or p.full_name_folded like ${`% ${phrase}%`})`;
}

/**
 * Joined to a list's query, the tails of the range: one row per matching person, the tail where the
 * words first occur (instr/strpos of ' ' || words in ' ' || name falls where this tail starts).
 */
export function tailJoinCondition(db: Kysely<Database>, phrase: string, tail?: string) {
  const find = isPostgres(db) ? sql`strpos` : sql`instr`;
  const one = tail === undefined ? sql`` : sql` and t.tail = ${tail}`;
  return sql<boolean>`t.person_id = p.id and t.sort_key = p.sort_key and t.tail >= ${phrase} and t.tail < ${prefixEnd(phrase)}${one}
    and ${find}(' ' || p.full_name_folded, ${` ${phrase}`}) = length(p.full_name_folded) - length(t.tail) + 1`;
}

/** How many people's names match, counted in the tail index alone up to `cap` (+1, to know it was passed). */
async function matchingPeople(db: Kysely<Database>, phrase: string, cap: number): Promise<number> {
  const r = await sql<{ n: number | string }>`select count(*) as n from (select 1 from person_name_tail t
    where t.tail >= ${phrase} and t.tail < ${prefixEnd(phrase)} limit ${cap + 1}) x`.execute(db);
  return Number(r.rows[0]?.n ?? 0);
}

/** Memberships of the scope's units, counted up to `cap` + 1 (the membership_unit_status index alone). */
async function scopeMembers(db: Kysely<Database>, scope: Scope, cap: number): Promise<number> {
  const ranges = scope.ranges.map((r) => sql`(sv.path >= ${r.from} and sv.path < ${r.to})`);
  const r = await sql<{ n: number | string }>`select count(*) as n from (select 1 from membership m
    where m.unit_id in (select sv.unit_id from org_unit_version sv where ${sql.join(ranges, sql` or `)})
    limit ${cap + 1}) x`.execute(db);
  return Number(r.rows[0]?.n ?? 0);
}

/**
 * The access paths of a name search's count and page. Walking the list's order reads about
 * (rows up to the page's end) × people / matches rows; sorting the matches reads all of them: the walk
 * wins once the matches pass the square root of their product.
 */
export async function nameAccess(
  db: Kysely<Database>,
  scope: Scope,
  phrase: string,
  rowsToPageEnd: number,
): Promise<{ count: NameAccess; page: NameAccess | { merge: string[] }; few: boolean }> {
  // PostgreSQL joins a narrow scope's units to the rows by itself and chooses among its own indexes
  // (pg_trgm's serves the LIKE too); the probes below only cost it time (measured: bench/member-search.ts).
  if (narrowScope(scope) && isPostgres(db)) return { count: 'units', page: 'units', few: false };
  if (narrowScope(scope)) {
    // Whichever holds fewer rows: the scope's members or the country's matches, each counted only as
    // far as needed to compare (a CĐCS's few hundred members bound both counts).
    const members = await scopeMembers(db, scope, LIST_COUNT_CAP);
    const matches = await matchingPeople(db, phrase, members);
    const access = members <= matches ? 'units' : 'tails';
    return { count: access, page: access, few: Math.min(members, matches) <= LIST_COUNT_CAP };
  }
  const people = Number(
    (
      await db
        .selectFrom('person')
        .select((eb) => eb.fn.max('id').as('n'))
        .executeTakeFirst()
    )?.n ?? 0,
  );
  const balance = Math.ceil(Math.sqrt(rowsToPageEnd * people));
  // Counted far enough to compare with both the list's cap and the balance point.
  const matches = await matchingPeople(db, phrase, Math.max(LIST_COUNT_CAP, balance));
  if (matches <= balance) return { count: 'tails', page: 'tails', few: matches <= LIST_COUNT_CAP };
  const tails = await distinctTails(db, phrase, MERGED_TAILS);
  // Many matches: PostgreSQL counts them best from person itself (a scan that stops at the cap, the LIKE
  // estimated from the column); joined to the tails it hashes the whole range first. SQLite reads the
  // range in order and stops.
  return { count: isPostgres(db) ? 'order' : 'tails', page: tails ? { merge: tails } : 'order', few: false };
}

/** The different tails of the range, one index seek each; null when there are more than `most`. */
async function distinctTails(db: Kysely<Database>, phrase: string, most: number): Promise<string[] | null> {
  const end = prefixEnd(phrase);
  const r = await sql<{ tail: string }>`with recursive d(tail) as (
      select min(tail) from person_name_tail where tail >= ${phrase} and tail < ${end}
      union all
      select (select min(n.tail) from person_name_tail n where n.tail > d.tail and n.tail < ${end}) from d
      where d.tail is not null
    ) select tail from d where tail is not null limit ${most + 1}`.execute(db);
  return r.rows.length > most ? null : r.rows.map((x) => x.tail);
}
