import type { z } from 'zod';
import { say } from '../../../shared/i18n/messages.js';
import type { ZCardInput, ZHonoraryInput, ZLeaveInput, ZTransferInput } from '../../../shared/members/contract.js';
import { membersMessages as M } from '../../../shared/members/messages.js';
import { formatViDate } from '../../../shared/text/index.js';
import { audit } from '../../platform/audit.js';
import type { AppContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { type Actor, requireScope, requireUnitInScope } from '../../platform/scope.js';
import { invalid } from '../../platform/validation.js';
import { grassrootsUnitIssue, notInFuture } from './members.admission.js';
import { closeOnTransfer } from './members.notices.js';
import * as repo from './members.repository.js';
import { detail } from './members.service.js';

/** What happens to a running membership: a card, a transfer, leaving or expulsion, honorary status. */

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

async function runningMembership(ctx: AppContext, actor: Actor, id: number, date: string) {
  const found = await writableMember(ctx, actor, id);
  assertRunning(ctx, found.row, date);
  return found;
}

export async function issueCard(ctx: AppContext, actor: Actor, id: number, input: z.output<typeof ZCardInput>) {
  const { row } = await writableMember(ctx, actor, id);
  if (row.status !== 'active') throw new AppError('MEMBER_NOT_ACTIVE', { status: row.status });
  if (input.issuedOn < row.admitted_on) invalid([{ path: 'issuedOn', message: M.cardBeforeAdmission }]);
  await ctx.db.transaction().execute(async (trx) => {
    await repo.setCard(trx, id, input.cardNo, input.issuedOn);
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
  if (input.toUnitId === row.unit_id) invalid([{ path: 'toUnitId', message: M.transferSameUnit }]);
  const unitIssue = await grassrootsUnitIssue(ctx.db, input.toUnitId, input.date, 'toUnitId');
  if (unitIssue) invalid([unitIssue]);
  const target = (await repo.unitName(ctx.db, input.toUnitId)) ?? '';
  const decision = { decision_no: input.decisionNo, decision_date: input.decisionNo ? input.date : null };
  const newId = await ctx.db.transaction().execute(async (trx) => {
    const now = new Date().toISOString();
    // Close first: the one-active-membership index would refuse the new row otherwise.
    await repo.endMembership(trx, id, {
      status: 'transferred',
      endedOn: input.date,
      // Stored data, in the records' language.
      reason: say(M.transferEndReason, { unit: target }).vi,
    });
    await repo.addEvent(trx, actor, id, {
      kind: 'transferred_out',
      event_date: input.date,
      ...decision,
      related_unit_id: input.toUnitId,
      note: input.note,
    });
    const continued = await repo.insertMembership(
      trx,
      {
        person_id: row.person_id,
        unit_id: input.toUnitId,
        informal: row.informal,
        foreign: row.foreign,
        application_date: row.application_date,
        admitted_on: row.admitted_on,
        decision_no: row.decision_no,
        ceremony_date: row.ceremony_date,
        started_on: input.date,
        card_no: row.card_no,
        card_issued_on: row.card_issued_on,
        transferred_from_id: id,
      },
      now,
    );
    await repo.addEvent(trx, actor, continued, {
      kind: 'transferred_in',
      event_date: input.date,
      ...decision,
      related_unit_id: row.unit_id,
      note: input.note,
    });
    await closeOnTransfer(trx, row.person_id, actor.userId);
    await audit(trx, actor, {
      action: 'member.transfer',
      entity: 'membership',
      entityId: id,
      unitId: row.unit_id,
      after: { toUnitId: input.toUnitId, newMembershipId: continued, date: input.date, decisionNo: input.decisionNo },
    });
    return continued;
  });
  return detail(ctx, actor, newId);
}

/** Leaving, expulsion and honorary status end the membership the same way, each with its own record. */
async function endRunning(
  ctx: AppContext,
  actor: Actor,
  id: number,
  end: { status: 'left' | 'expelled' | 'honorary'; date: string; reason: string; decisionNo?: string | null },
  action: string,
  after: unknown,
) {
  const { row } = await runningMembership(ctx, actor, id, end.date);
  await ctx.db.transaction().execute(async (trx) => {
    await repo.endMembership(trx, id, { status: end.status, endedOn: end.date, reason: end.reason });
    await repo.addEvent(trx, actor, id, {
      kind: end.status,
      event_date: end.date,
      ...(end.decisionNo !== undefined
        ? { decision_no: end.decisionNo, decision_date: end.decisionNo ? end.date : null }
        : {}),
      note: end.reason,
    });
    await audit(trx, actor, { action, entity: 'membership', entityId: id, unitId: row.unit_id, after });
  });
  return detail(ctx, actor, id);
}

export function leave(ctx: AppContext, actor: Actor, id: number, input: z.output<typeof ZLeaveInput>) {
  const end = { status: input.kind, date: input.date, reason: input.reason, decisionNo: input.decisionNo };
  return endRunning(ctx, actor, id, end, input.kind === 'expelled' ? 'member.expel' : 'member.leave', input);
}

/** A member promoted into a post that may not join (an employer's director…) may stay as honorary. */
export function makeHonorary(ctx: AppContext, actor: Actor, id: number, input: z.output<typeof ZHonoraryInput>) {
  const end = { status: 'honorary' as const, date: input.date, reason: input.note };
  return endRunning(ctx, actor, id, end, 'member.honorary', input);
}
