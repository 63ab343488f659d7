import type { z } from 'zod';
import { normalisePhone } from '../../../shared/ids/index.js';
import type {
  TMemberDetail,
  TMemberQuery,
  ZCardInput,
  ZCountsQuery,
  ZHonoraryInput,
  ZLeaveInput,
  ZTransferInput,
} from '../../../shared/members/contract.js';
import { fold, formatViDate } from '../../../shared/text/index.js';
import { audit } from '../../platform/audit.js';
import { codesOn } from '../../platform/code-lists.js';
import type { AppContext } from '../../platform/context.js';
import { today } from '../../platform/dates.js';
import { AppError } from '../../platform/errors.js';
import { ruleTextAt } from '../../platform/rules.js';
import { type Actor, isUnitInScope, requireScope, requireUnitInScope, scopeWithin } from '../../platform/scope.js';
import { checkedDataKeys, type DataKeys, decrypt, lookupHash } from '../../platform/secrets.js';
import { invalid } from '../../platform/validation.js';
import { FOREIGN_RULE, grassrootsUnitIssue, notInFuture } from './members.admission.js';
import { closeOnTransfer } from './members.notices.js';
import { presentDetail, presentMember, sensitiveAccess } from './members.presenter.js';
import * as repo from './members.repository.js';

// ---------------------------------------------------------------- changes to one membership

/** A membership of the caller's write scope (outside it: 404). */
export async function writableMember(ctx: AppContext, actor: Actor, id: number) {
  const scope = await requireScope(ctx.db, actor, 'record.write');
  const row = await repo.findMember(ctx.db, scope, id);
  if (!row) throw new AppError('NOT_FOUND');
  return { row, scope };
}

/** The membership is still running, and the event's date falls within it and not in the future. */
export function assertRunning(ctx: AppContext, row: repo.MemberDetailRow, date: string, field = 'date') {
  if (row.status !== 'active') throw new AppError('MEMBER_NOT_ACTIVE', { status: row.status });
  if (date < row.started_on) {
    throw new AppError('MEMBER_DATE_BEFORE_START', { date: formatViDate(date), start: formatViDate(row.started_on) });
  }
  const future = notInFuture(ctx, date, field);
  if (future) invalid([future]);
}

export async function runningMembership(ctx: AppContext, actor: Actor, id: number, date: string) {
  const found = await writableMember(ctx, actor, id);
  assertRunning(ctx, found.row, date);
  return found;
}

export async function issueCard(ctx: AppContext, actor: Actor, id: number, input: z.output<typeof ZCardInput>) {
  const { row } = await writableMember(ctx, actor, id);
  if (row.status !== 'active') throw new AppError('MEMBER_NOT_ACTIVE', { status: row.status });
  if (input.issuedOn < row.admitted_on) {
    invalid([{ path: 'issuedOn', message: 'Ngày cấp thẻ không được trước ngày kết nạp' }]);
  }
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('membership')
      .set({ card_no: input.cardNo, card_issued_on: input.issuedOn, updated_at: new Date().toISOString() })
      .where('id', '=', id)
      .execute();
    await repo.addEvent(trx, actor, id, { kind: 'card_issued', event_date: input.issuedOn, note: input.cardNo });
    await audit(trx, actor, {
      action: 'member.card',
      entity: 'membership',
      entityId: id,
      unitId: row.unit_id,
      before: { cardNo: row.card_no, cardIssuedOn: row.card_issued_on },
      after: input,
    });
  });
  return detail(ctx, actor, id);
}

/**
 * Chuyển sinh hoạt: the membership here ends as 'transferred' and continues in the target unit as a
 * new row pointing back to it, keeping the original admission date and decision — it is not an admission.
 */
export async function transfer(ctx: AppContext, actor: Actor, id: number, input: z.output<typeof ZTransferInput>) {
  const { row, scope } = await runningMembership(ctx, actor, id, input.date);
  await requireUnitInScope(ctx.db, input.toUnitId, scope);
  if (input.toUnitId === row.unit_id) {
    invalid([{ path: 'toUnitId', message: 'Đơn vị chuyển đến trùng với đơn vị đang sinh hoạt' }]);
  }
  const unitIssue = await grassrootsUnitIssue(ctx.db, input.toUnitId, input.date, 'toUnitId');
  if (unitIssue) invalid([unitIssue]);
  const full = await ctx.db.selectFrom('membership').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const target = await ctx.db
    .selectFrom('org_unit')
    .select('name')
    .where('id', '=', input.toUnitId)
    .executeTakeFirstOrThrow();
  const newId = await ctx.db.transaction().execute(async (trx) => {
    const now = new Date().toISOString();
    // Close first: the one-active-membership index would refuse the new row otherwise.
    await trx
      .updateTable('membership')
      .set({
        status: 'transferred',
        ended_on: input.date,
        end_reason: `Chuyển sinh hoạt đến ${target.name}`,
        updated_at: now,
      })
      .where('id', '=', id)
      .execute();
    await repo.addEvent(trx, actor, id, {
      kind: 'transferred_out',
      event_date: input.date,
      decision_no: input.decisionNo,
      decision_date: input.decisionNo ? input.date : null,
      related_unit_id: input.toUnitId,
      note: input.note,
    });
    const m = await trx
      .insertInto('membership')
      .values({
        person_id: full.person_id,
        unit_id: input.toUnitId,
        status: 'active',
        informal: full.informal,
        foreign: full.foreign,
        application_date: full.application_date,
        admitted_on: full.admitted_on,
        decision_no: full.decision_no,
        ceremony_date: full.ceremony_date,
        started_on: input.date,
        card_no: full.card_no,
        card_issued_on: full.card_issued_on,
        ended_on: null,
        end_reason: null,
        transferred_from_id: id,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await repo.addEvent(trx, actor, m.id, {
      kind: 'transferred_in',
      event_date: input.date,
      decision_no: input.decisionNo,
      decision_date: input.decisionNo ? input.date : null,
      related_unit_id: row.unit_id,
      note: input.note,
    });
    await closeOnTransfer(trx, full.person_id, actor.userId);
    await audit(trx, actor, {
      action: 'member.transfer',
      entity: 'membership',
      entityId: id,
      unitId: row.unit_id,
      after: { toUnitId: input.toUnitId, newMembershipId: m.id, date: input.date, decisionNo: input.decisionNo },
    });
    return m.id;
  });
  return detail(ctx, actor, newId);
}

export async function leave(ctx: AppContext, actor: Actor, id: number, input: z.output<typeof ZLeaveInput>) {
  const { row } = await runningMembership(ctx, actor, id, input.date);
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('membership')
      .set({ status: input.kind, ended_on: input.date, end_reason: input.reason, updated_at: new Date().toISOString() })
      .where('id', '=', id)
      .execute();
    await repo.addEvent(trx, actor, id, {
      kind: input.kind,
      event_date: input.date,
      decision_no: input.decisionNo,
      decision_date: input.decisionNo ? input.date : null,
      note: input.reason,
    });
    await audit(trx, actor, {
      action: input.kind === 'expelled' ? 'member.expel' : 'member.leave',
      entity: 'membership',
      entityId: id,
      unitId: row.unit_id,
      after: input,
    });
  });
  return detail(ctx, actor, id);
}

/** A member promoted into a post that may not join (an employer's director…) may stay as honorary. */
export async function makeHonorary(ctx: AppContext, actor: Actor, id: number, input: z.output<typeof ZHonoraryInput>) {
  const { row } = await runningMembership(ctx, actor, id, input.date);
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('membership')
      .set({ status: 'honorary', ended_on: input.date, end_reason: input.note, updated_at: new Date().toISOString() })
      .where('id', '=', id)
      .execute();
    await repo.addEvent(trx, actor, id, { kind: 'honorary', event_date: input.date, note: input.note });
    await audit(trx, actor, {
      action: 'member.honorary',
      entity: 'membership',
      entityId: id,
      unitId: row.unit_id,
      after: input,
    });
  });
  return detail(ctx, actor, id);
}

// ---------------------------------------------------------------- reading

/** What the search box means: a name fragment, an exact identity number, or the start of a phone. */
export function searchTerms(keys: DataKeys | null, raw: string | undefined) {
  const text = (raw ?? '').trim();
  const compact = text.replace(/[\s.\-+]/g, '');
  if (compact === '' || !/^\d+$/.test(compact)) return { folded: fold(text), cccdHash: null, phonePrefix: null };
  const cccdHash = keys && /^(\d{9}|\d{12})$/.test(compact) ? lookupHash(keys, compact) : null;
  const phone = normalisePhone(text);
  return { folded: '', cccdHash, phonePrefix: /^0\d{2,10}$/.test(phone) ? phone : null };
}

export async function list(ctx: AppContext, actor: Actor, q: TMemberQuery) {
  const scope = await scopeWithin(ctx.db, actor, 'record.read', q.unitId);
  const keys = q.q ? await checkedDataKeys(ctx.db, ctx.config) : null;
  const query = repo.filteredMembers(ctx.db, scope, { ...q, ...searchTerms(keys, q.q) });
  const page = await repo.listPage(ctx.db, query, q.limit, q.offset);
  return { total: page.total, totalCapped: page.totalCapped, items: page.rows.map(presentMember) };
}

export async function detail(ctx: AppContext, actor: Actor, id: number): Promise<TMemberDetail> {
  const scope = await requireScope(ctx.db, actor, 'record.read');
  const row = await repo.findMember(ctx.db, scope, id);
  if (!row) throw new AppError('NOT_FOUND');
  const events = await repo.eventsOf(ctx.db, id);
  const presented = [];
  for (const e of events) {
    // The other end of a transfer may lie outside the caller's scope: then it stays unnamed.
    const visible = e.related_unit_id !== null && (await isUnitInScope(ctx.db, e.related_unit_id, scope));
    presented.push({
      id: e.id,
      kind: e.kind as TMemberDetail['events'][number]['kind'],
      eventDate: e.event_date,
      decisionNo: e.decision_no,
      decisionDate: e.decision_date,
      relatedUnitId: visible ? e.related_unit_id : null,
      relatedUnitName: visible ? e.related_unit_name : null,
      note: e.note,
    });
  }
  const allowed = await sensitiveAccess(ctx.db, actor, row.unit_id);
  const party = allowed
    ? await repo
        .partyBase(ctx.db, await requireScope(ctx.db, actor, 'sensitive.read'))
        .where('pi.person_id', '=', row.person_id)
        .orderBy('pi.introduced_on')
        .orderBy('pi.id')
        .execute()
    : [];
  return presentDetail(row, presented, { allowed, party });
}

export async function revealCccd(ctx: AppContext, actor: Actor, id: number) {
  const scope = await requireScope(ctx.db, actor, 'record.read');
  const row = await repo.findMember(ctx.db, scope, id);
  if (!row) throw new AppError('NOT_FOUND');
  if (!(await sensitiveAccess(ctx.db, actor, row.unit_id))) throw new AppError('FORBIDDEN');
  if (!row.cccd_enc) throw new AppError(row.anonymised_at ? 'MEMBER_ANONYMISED' : 'NOT_FOUND');
  const keys = await checkedDataKeys(ctx.db, ctx.config);
  const cccd = decrypt(keys, row.cccd_enc);
  // Every look at a number in clear is on record: who, when, whose (by the masked number).
  await audit(ctx.db, actor, {
    action: 'member.cccd.reveal',
    entity: 'person',
    entityId: row.person_id,
    unitId: row.unit_id,
    after: { membershipId: id, cccdMasked: row.cccd_masked },
  });
  return { cccd };
}

export function defaultPeriod(ctx: AppContext, q: { from?: string; to?: string }): repo.Period {
  const t = today(ctx);
  return { from: q.from ?? `${t.slice(0, 4)}-01-01`, to: q.to ?? t };
}

export async function counts(ctx: AppContext, actor: Actor, q: z.output<typeof ZCountsQuery>) {
  const scope = await scopeWithin(ctx.db, actor, 'record.read', q.unitId);
  const period = defaultPeriod(ctx, q);
  return { period, ...(await repo.counts(ctx.db, scope, period)) };
}

export async function config(ctx: AppContext) {
  const date = today(ctx);
  const [ethnicity, religion, informal_trade, education] = await Promise.all([
    codesOn(ctx.db, 'ethnicity', date),
    codesOn(ctx.db, 'religion', date),
    codesOn(ctx.db, 'informal_trade', date),
    codesOn(ctx.db, 'education', date),
  ]);
  return {
    codeLists: { ethnicity, religion, informal_trade, education },
    foreignAllowedFrom: await ruleTextAt(ctx.db, FOREIGN_RULE, date),
  };
}

// ---------------------------------------------------------------- Party introductions
