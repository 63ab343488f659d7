import { type Kysely, sql } from 'kysely';
import { isPostgres } from '../dialect.js';
import { binaryText } from './util.js';

/**
 * The member search by name words (issue 11 §3): the typed words, the last one as a prefix, must be
 * words of the name in a row ("nguyen van an" finds Nguyễn Văn An and Nguyễn Văn Anh, not Nguyễn Thị
 * Vân An). That is the same as "some tail of the name, from one of its words to its end, starts with
 * the typed text", so each person gets one row per word of `person.full_name_folded` (split at its
 * spaces): the name from that word on, with the person's sort key. A search is then one range of the
 * (tail, sort_key, person_id) key that holds exactly the matching people — counted without reading
 * anything else, and read in full only when they are few (members.search.ts chooses).
 *
 * Chosen over a table of single words (word, sort_key, person_id), on the bench's 1 M people: for
 * "nguyen van an" the words hold 401 303, 191 176 and (prefix "an") 93 441 rows, to be intersected for
 * 13 171 matches; the tails' range holds exactly those 13 171, and both tables have one row per word
 * (3.0 M rows; the set-based build took 10.5 s). FTS5 prefix indexes and PostgreSQL full text answer
 * phrases too, but in rowid order only (a page would sort every match), and over their tokenizers' idea
 * of a word rather than the LIKE's.
 *
 * Triggers keep it, in the writing transaction, as migration 007 does for the trigram index: every write
 * to person (admission, import and its undo, anonymisation, whatever comes later) keeps the tails right
 * without knowing they exist. No foreign key: the rows are derived from person and go with it.
 */

// SQLite has no split function and no WITH inside a trigger: json_quote escapes the name into a JSON
// string (quotes, backslashes, control characters), and no escape sequence holds a space, so replacing
// each space by `","` makes a JSON array of the words for json_each. A word's tail starts after the
// words before it and their spaces.
const words = (name: string) => `json_each('[' || replace(json_quote(${name}), ' ', '","') || ']')`;
/** The rows of `row`'s tails; `from` names the table `row` comes from (none inside a trigger: new / old). */
const sqliteTails = (row: string, from = '') => {
  const name = `${row}.full_name_folded`;
  return `select substr(${name}, 1 + coalesce((select sum(length(b.value) + 1) from ${words(name)} b where b.key < j.key), 0)) as tail,
      ${row}.sort_key as sort_key, ${row}.id as person_id
    from ${from} ${words(name)} j where j.value <> ''`;
};
const sqliteInsert = (row: string) => `insert into person_name_tail (tail, sort_key, person_id) ${sqliteTails(row)};`;
const sqliteDelete = (row: string) =>
  `delete from person_name_tail where person_id = ${row}.id and sort_key = ${row}.sort_key
     and tail in (select t.tail from (${sqliteTails(row)}) t);`;

// PostgreSQL: the words as an array, each tail the array from a word on, joined again.
const pgTails = (name: string) =>
  `select array_to_string(s.ws[i:], ' ') as tail
     from (select string_to_array(${name}, ' ') as ws) s, generate_subscripts(s.ws, 1) i where s.ws[i] <> ''`;

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('person_name_tail')
    .addColumn('tail', binaryText(db), (c) => c.notNull())
    .addColumn('sort_key', binaryText(db), (c) => c.notNull())
    .addColumn('person_id', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('person_name_tail_pk', ['tail', 'sort_key', 'person_id'])
    // The key is the only index: the table is a sorted list, no rowid B-tree beside it.
    .$call((t) => (isPostgres(db) ? t : t.modifyEnd(sql`without rowid`)))
    .execute();
  if (isPostgres(db)) {
    await sql
      .raw(`create function person_name_tail_sync() returns trigger language plpgsql as $$
      begin
        if tg_op <> 'INSERT' then
          delete from person_name_tail where person_id = old.id and sort_key = old.sort_key
            and tail in (${pgTails('old.full_name_folded')});
        end if;
        if tg_op <> 'DELETE' then
          insert into person_name_tail (tail, sort_key, person_id)
            select t.tail, new.sort_key, new.id from (${pgTails('new.full_name_folded')}) t;
        end if;
        return null;
      end $$`)
      .execute(db);
    await sql`create trigger person_name_tail_sync after insert or delete or update of full_name_folded, sort_key
      on person for each row execute function person_name_tail_sync()`.execute(db);
    // People recorded before this migration, in one statement.
    await sql
      .raw(`insert into person_name_tail (tail, sort_key, person_id)
        select t.tail, p.sort_key, p.id from person p, lateral (${pgTails('p.full_name_folded')}) t`)
      .execute(db);
    await sql`analyze person_name_tail`.execute(db);
    return;
  }
  await sql
    .raw(`create trigger person_name_tail_insert after insert on person begin ${sqliteInsert('new')} end`)
    .execute(db);
  await sql
    .raw(`create trigger person_name_tail_delete after delete on person begin ${sqliteDelete('old')} end`)
    .execute(db);
  await sql
    .raw(
      `create trigger person_name_tail_update after update of full_name_folded, sort_key on person begin
        ${sqliteDelete('old')} ${sqliteInsert('new')} end`,
    )
    .execute(db);
  // People recorded before this migration, in one statement; sorted first, so the key's B-tree is
  // written in order rather than split at random.
  await sql
    .raw(`insert into person_name_tail (tail, sort_key, person_id)
      ${sqliteTails('p', 'person p,')} order by 1, 2, 3`)
    .execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) {
    await sql`drop trigger person_name_tail_sync on person`.execute(db);
    await sql`drop function person_name_tail_sync()`.execute(db);
  } else
    for (const op of ['insert', 'delete', 'update'])
      await sql`drop trigger ${sql.id(`person_name_tail_${op}`)}`.execute(db);
  await db.schema.dropTable('person_name_tail').execute();
}
