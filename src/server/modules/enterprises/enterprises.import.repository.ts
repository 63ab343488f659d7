import type { Transaction } from 'kysely';
import { fold } from '../../../shared/text/index.js';
import type { Db } from '../../db/database.js';
import type { Database } from '../../db/schema.js';
import type { BatchChange, Change, RecordedChange } from '../../platform/import/index.js';
import type { Actor } from '../../platform/scope.js';
import { enterprisesChanged } from '../metrics/metrics.summary.js';
import { refreshDerived } from './enterprises.repository.js';

/**
 * The enterprise import's statements: rows written by an import, the records that depend on them
 * (checked before an undo), and the undo itself. Kept beside the kind rather than in
 * enterprises.repository.ts, whose other statements serve the list and the form.
 */

export type EnterpriseImportRow = {
  mst: string | null;
  name: string;
  shortName: string | null;
  address: string | null;
  communeCode: string | null;
  communeName: string | null;
  ownershipCode: string;
  industry: string | null;
  survey: {
    surveyDate: string;
    workerCount: number;
    femaleCount: number | null;
    memberCount: number | null;
    contactName: string | null;
    contactPhone: string | null;
    notes: string | null;
  } | null;
};

type Written = { actor: Actor; unitId: number; duplicateReason: string | null; batchId: number | null };

/** Enterprises holding these tax codes, oldest first (the first one found is the one updated). */
export function enterprisesByMst(db: Db, msts: string[]) {
  return db
    .selectFrom('enterprise')
    .select(['id', 'mst', 'name', 'unit_id'])
    .where('mst', 'in', msts)
    .orderBy('id')
    .execute();
}

function surveyRow(enterpriseId: number, v: EnterpriseImportRow, w: Written) {
  const s = v.survey;
  if (!s) throw new Error('a survey row needs survey values');
  return {
    enterprise_id: enterpriseId,
    survey_date: s.surveyDate,
    worker_count: s.workerCount,
    female_count: s.femaleCount,
    member_count: s.memberCount,
    employer_attitude: null,
    contact_name: s.contactName,
    contact_phone: s.contactPhone,
    notes: s.notes,
    surveyed_by: w.actor.userId,
    import_batch_id: w.batchId,
    created_at: new Date().toISOString(),
  };
}

/** New enterprises of a chunk with their first survey, in two multi-row statements. */
export async function insertEnterprises(
  trx: Transaction<Database>,
  values: EnterpriseImportRow[],
  w: Written,
): Promise<Change[]> {
  const now = new Date().toISOString();
  // A new enterprise's derived columns are its one survey: set them directly instead of recomputing.
  const rows = await trx
    .insertInto('enterprise')
    .values(
      values.map((v) => ({
        unit_id: w.unitId,
        mst: v.mst,
        name: v.name,
        name_folded: fold(v.name),
        short_name: v.shortName,
        address: v.address,
        admin_area_code: v.communeCode,
        admin_area_name: v.communeName,
        ownership_code: v.ownershipCode,
        industry: v.industry,
        officer_user_id: null,
        grassroots_unit_id: null,
        worker_count: v.survey?.workerCount ?? null,
        female_count: v.survey?.femaleCount ?? null,
        member_count: v.survey?.memberCount ?? null,
        last_survey_date: v.survey?.surveyDate ?? null,
        last_contact_date: v.survey?.surveyDate ?? null,
        duplicate_reason: w.duplicateReason,
        import_batch_id: w.batchId,
        created_at: now,
        updated_at: now,
        created_by: w.actor.userId,
      })),
    )
    .returning(['id', 'name'])
    .execute();
  // Both databases return multi-row INSERT … RETURNING in VALUES order; checked, because the
  // surveys below are matched to their enterprise by position.
  rows.forEach((r, i) => {
    if (r.name !== values[i]?.name) throw new Error('INSERT … RETURNING came back out of order');
  });
  const changes: Change[] = rows.map((r) => ({ entity: 'enterprise', id: r.id }));
  const surveys = values.flatMap((v, i) => (v.survey ? [{ v, id: rows[i]?.id as number }] : []));
  if (surveys.length > 0) {
    const ins = await trx
      .insertInto('enterprise_survey')
      .values(surveys.map(({ v, id }) => surveyRow(id, v, w)))
      .returning('id')
      .execute();
    for (const r of ins) changes.push({ entity: 'enterprise_survey', id: r.id });
  }
  await enterprisesChanged(
    trx,
    rows.map((r) => r.id),
  );
  return changes;
}

/** An enterprise already listed: what the file says overwrites (an empty cell keeps what was recorded). */
export async function updateEnterprise(
  trx: Transaction<Database>,
  id: number,
  v: EnterpriseImportRow,
  w: Written,
): Promise<RecordedChange[]> {
  const before = await trx.selectFrom('enterprise').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  await trx
    .updateTable('enterprise')
    .set({
      name: v.name,
      name_folded: fold(v.name),
      ownership_code: v.ownershipCode,
      ...(v.shortName !== null ? { short_name: v.shortName } : {}),
      ...(v.address !== null ? { address: v.address } : {}),
      ...(v.communeCode !== null ? { admin_area_code: v.communeCode } : {}),
      ...(v.communeName !== null ? { admin_area_name: v.communeName } : {}),
      ...(v.industry !== null ? { industry: v.industry } : {}),
      import_batch_id: w.batchId,
      updated_at: new Date().toISOString(),
    })
    .where('id', '=', id)
    .execute();
  const changes: RecordedChange[] = [{ entity: 'enterprise', id, before, action: 'update' }];
  if (v.survey) {
    const same = await trx
      .selectFrom('enterprise_survey')
      .select('id')
      .where('enterprise_id', '=', id)
      .where('survey_date', '=', v.survey.surveyDate)
      .where('worker_count', '=', v.survey.workerCount)
      .executeTakeFirst();
    if (!same) {
      const r = await trx
        .insertInto('enterprise_survey')
        .values(surveyRow(id, v, w))
        .returning('id')
        .executeTakeFirstOrThrow();
      await refreshDerived(trx, id);
      changes.push({ entity: 'enterprise_survey', id: r.id, before: null, action: 'insert' });
    }
  }
  await enterprisesChanged(trx, [id]);
  return changes;
}

/** What came after a batch on its enterprises: edits (or a later batch), surveys, outreach events. */
export async function dependentsOfBatch(db: Db, batchId: number, committedAt: string, changes: BatchChange[]) {
  const entIds = [...new Set(changes.filter((c) => c.entity === 'enterprise').map((c) => c.entityId))];
  const surveyIds = new Set(changes.filter((c) => c.entity === 'enterprise_survey').map((c) => c.entityId));
  if (entIds.length === 0) return { edited: 0, surveys: 0, outreach: 0 };
  const edited = await db
    .selectFrom('enterprise')
    .select('id')
    .where('id', 'in', entIds)
    .where((eb) => eb.or([eb('updated_at', '>', committedAt), eb('import_batch_id', '!=', batchId)]))
    .execute();
  const surveys = await db
    .selectFrom('enterprise_survey')
    .select('id')
    .where('enterprise_id', 'in', entIds)
    .where('created_at', '>', committedAt)
    .execute();
  const outreach = await db
    .selectFrom('outreach_enterprise as oe')
    .innerJoin('outreach_event as ev', 'ev.id', 'oe.event_id')
    .select('oe.enterprise_id')
    .where('oe.enterprise_id', 'in', entIds)
    .where('ev.created_at', '>', committedAt)
    .execute();
  return {
    edited: edited.length,
    surveys: surveys.filter((s) => !surveyIds.has(s.id)).length,
    outreach: outreach.length,
  };
}

/** Surveys the batch added go first; then its new enterprises (with any survey) and the earlier state of the rest. */
export async function undoEnterpriseChanges(trx: Transaction<Database>, changes: BatchChange[]): Promise<void> {
  const touched = await touchedEnterprises(trx, changes);
  for (const c of changes) {
    if (c.entity === 'enterprise_survey' && c.action === 'insert') {
      await trx.deleteFrom('enterprise_survey').where('id', '=', c.entityId).execute();
    }
  }
  for (const c of changes) {
    if (c.entity !== 'enterprise') continue;
    if (c.action === 'insert') {
      await trx.deleteFrom('enterprise_survey').where('enterprise_id', '=', c.entityId).execute();
      await trx.deleteFrom('enterprise').where('id', '=', c.entityId).execute();
    } else if (c.before) {
      const { id: _id, ...before } = c.before;
      await trx.updateTable('enterprise').set(before).where('id', '=', c.entityId).execute();
      await refreshDerived(trx, c.entityId);
    }
  }
  await enterprisesChanged(trx, touched);
}

/** The enterprises a batch's changes are about (a survey's, looked up before it goes). */
async function touchedEnterprises(trx: Db, changes: BatchChange[]): Promise<number[]> {
  const surveyIds = changes.filter((c) => c.entity === 'enterprise_survey').map((c) => c.entityId);
  const viaSurveys = surveyIds.length
    ? await trx.selectFrom('enterprise_survey').select('enterprise_id').where('id', 'in', surveyIds).execute()
    : [];
  return [
    ...changes.filter((c) => c.entity === 'enterprise').map((c) => c.entityId),
    ...viaSurveys.map((s) => s.enterprise_id),
  ];
}
