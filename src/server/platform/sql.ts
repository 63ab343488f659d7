import { type Kysely, type SelectQueryBuilder, sql } from 'kysely';

/**
 * LIKE patterns from what a user typed. Kysely binds the value, so only LIKE's own metacharacters
 * need neutralising: `%` and `_`, and the backslash, which PostgreSQL treats as LIKE's escape
 * character by default (a trailing one would make the pattern invalid there, and SQLite has no
 * default escape, so the two would disagree). They become spaces: a search term never means them.
 */
function neutralise(s: string): string {
  return s.replace(/[%_\\]/g, ' ');
}

/** `%term%`: the term anywhere in the text. */
export function likeContains(term: string): string {
  return `%${neutralise(term)}%`;
}

/** `term%`: text that starts with the term (codes, tax numbers, phone prefixes). */
export function likePrefix(term: string): string {
  return `${neutralise(term)}%`;
}

/**
 * A list counts at most this many matches: past it, it says "more than" and asks for a narrower filter,
 * instead of reading every match in the country to count them on every page.
 */
export const LIST_COUNT_CAP = 10_000;

/** The rows of a list query counted up to the cap (+1, to know it was passed). */
// biome-ignore lint/suspicious/noExplicitAny: any list query of any database shape; only its row count is read
type AnyQuery = SelectQueryBuilder<any, any, any>;
export async function cappedCount(
  // biome-ignore lint/suspicious/noExplicitAny: the same
  db: Kysely<any>,
  query: AnyQuery,
  cap = LIST_COUNT_CAP,
): Promise<{ total: number; capped: boolean }> {
  const counted = (await db
    .selectFrom(
      query
        .clearSelect()
        .select(sql<number>`1`.as('one'))
        .limit(cap + 1)
        .as('x'),
    )
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow()) as { n: number | string | bigint };
  const n = Number(counted.n);
  return n > cap ? { total: cap, capped: true } : { total: n, capped: false };
}

/** How many rows a query holds, uncapped (an export writes them all and says how many). */
export async function countAll(query: AnyQuery): Promise<number> {
  const r = (await query
    .clearSelect()
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow()) as { n: number | string | bigint };
  return Number(r.n);
}
