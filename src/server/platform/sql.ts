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
