import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';

/** A dated rule value as stored (a threshold, a rate, a date) in force on `date`. */
export async function ruleTextAt(db: Kysely<Database>, key: string, date: string): Promise<string> {
  const row = await db
    .selectFrom('rule_setting')
    .select('value')
    .where('key', '=', key)
    .where('valid_from', '<=', date)
    .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>', date)]))
    .orderBy('valid_from', 'desc')
    .executeTakeFirst();
  if (!row) throw new Error(`rule ${key} has no value on ${date}`);
  return row.value;
}

/** A dated rule value (threshold, rate) in force on `date`; rules change by decision, not by release. */
export async function ruleAt(db: Kysely<Database>, key: string, date: string): Promise<number> {
  return Number(await ruleTextAt(db, key, date));
}
