import type { CODE_LISTS } from '../../shared/members/contract.js';
import type { Db } from '../db/database.js';

/** The dated code lists (migration 004): ethnic groups, religions, informal trades, education levels. */
export type CodeListName = (typeof CODE_LISTS)[number];
export type CodeEntry = { code: string; nameVi: string; nameEn: string; validFrom: string; validTo: string | null };

/**
 * The entries of a list in force on a date, in display order. One rule for every reader: an entry
 * is in force from `valid_from` (inclusive) to `valid_to` (exclusive), like every dated row.
 */
export async function codesOn(db: Db, list: CodeListName, date: string): Promise<CodeEntry[]> {
  const rows = await db
    .selectFrom('code_list')
    .select(['code', 'name_vi', 'name_en', 'valid_from', 'valid_to'])
    .where('list', '=', list)
    .where('valid_from', '<=', date)
    .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>', date)]))
    .orderBy('sort_order')
    .execute();
  return rows.map((r) => ({
    code: r.code,
    nameVi: r.name_vi,
    nameEn: r.name_en,
    validFrom: r.valid_from,
    validTo: r.valid_to,
  }));
}

/** The codes of a list in force on a date, to check a submitted code against. */
export async function codesValidOn(db: Db, list: CodeListName, date: string): Promise<Set<string>> {
  return new Set((await codesOn(db, list, date)).map((c) => c.code));
}

/**
 * Code → Vietnamese name over every list and every date (a record keeps the code it was given even
 * after the entry ends), for readable columns in exports.
 */
export async function codeNames(db: Db): Promise<(list: CodeListName, code: string | null) => string> {
  const rows = await db.selectFrom('code_list').select(['list', 'code', 'name_vi']).execute();
  const names = new Map(rows.map((r) => [`${r.list}:${r.code}`, r.name_vi]));
  return (list, code) => (code ? (names.get(`${list}:${code}`) ?? code) : '');
}

/** The lists spellings may be given for (migration 012): the code lists, ownership kinds and genders. */
export type AliasListName = CodeListName | 'ownership' | 'gender';

/**
 * The spellings in force on a date that mean each entry of a list ("Cty TNHH" → PRIVATE, "S'tiêng" → 22),
 * by code. Dated like the entries: a spelling added today does not re-read an older file differently.
 */
export async function aliasesOn(db: Db, list: AliasListName, date: string): Promise<Map<string, string[]>> {
  const rows = await db
    .selectFrom('code_alias')
    .select(['code', 'alias'])
    .where('list', '=', list)
    .where('valid_from', '<=', date)
    .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>', date)]))
    .orderBy('id')
    .execute();
  const out = new Map<string, string[]>();
  for (const r of rows) out.set(r.code, [...(out.get(r.code) ?? []), r.alias]);
  return out;
}
