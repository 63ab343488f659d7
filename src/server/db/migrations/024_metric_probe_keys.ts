import type { Kysely } from 'kysely';
import { rebuildAll } from '../../modules/metrics/metrics.summary.js';

/**
 * Summary keys that let a national dashboard read a few hundred index ranges instead of thousands
 * (issue 10, root dashboard p95): `fge:<nonState>:<band>` (founded with a headcount of at least the band,
 * one key for "≥ 25" instead of eight) and `rqb<k>:<month>:<block>` (enterprises reached again, by
 * aligned blocks of 2–16 days of the previous reach, so "previous reach on or after F" reads ≤ 5 keys of
 * F's month instead of one per day). Derived from the records already there by the hooks' own code.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await rebuildAll(db);
}

const added = (eb: any) =>
  eb.or(['fge:%', 'rqb%', 'M/fge:%', 'M/rqb%', 'Y/fge:%', 'Y/rqb%'].map((p) => eb('key', 'like', p)));

export async function down(db: Kysely<any>): Promise<void> {
  await db.deleteFrom('metric_fact').where(added).execute();
  await db.deleteFrom('metric_day').where(added).execute();
}
