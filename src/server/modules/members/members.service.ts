import type { z } from 'zod';
import { normalisePhone } from '../../../shared/ids/index.js';
import type { TMemberDetail, TMemberQuery, ZCountsQuery } from '../../../shared/members/contract.js';
import { fold } from '../../../shared/text/index.js';
import { codesOn } from '../../platform/code-lists.js';
import type { AppContext } from '../../platform/context.js';
import { today } from '../../platform/dates.js';
import { AppError } from '../../platform/errors.js';
import { runJob } from '../../platform/jobs/run.js';
import { ruleTextAt } from '../../platform/rules.js';
import { type Actor, isUnitInScope, requireScope, scopeWithin } from '../../platform/scope.js';
import { checkedDataKeys, type DataKeys, lookupHash } from '../../platform/secrets.js';
import { FOREIGN_RULE } from './members.admission.js';
import { countedFromRecords } from './members.counts.job.js';
import * as countsRepo from './members.counts.repository.js';
import { presentDetail, presentEvent, presentMember, presentParty } from './members.presenter.js';
import * as repo from './members.repository.js';
import { sensitiveGate } from './members.sensitive.js';

/** Reading members: the list and its search, one member's detail, the number in clear, the counts. */

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
  const page = await repo.membersPage(ctx.db, scope, { ...q, ...searchTerms(keys, q.q) }, q.limit, q.offset);
  return { total: page.total, totalCapped: page.totalCapped, items: page.rows.map(presentMember) };
}

/** A membership the caller can read (outside the scope: 404). */
export async function readableMember(ctx: AppContext, actor: Actor, id: number) {
  const scope = await requireScope(ctx.db, actor, 'record.read');
  const row = await repo.findMember(ctx.db, scope, id);
  if (!row) throw new AppError('NOT_FOUND');
  return { row, scope };
}

export async function detail(ctx: AppContext, actor: Actor, id: number): Promise<TMemberDetail> {
  const { row, scope } = await readableMember(ctx, actor, id);
  const events = [];
  for (const e of await repo.eventsOf(ctx.db, scope, id)) {
    // The other end of a transfer may lie outside the caller's scope: then it stays unnamed.
    const visible = e.related_unit_id !== null && (await isUnitInScope(ctx.db, e.related_unit_id, scope));
    events.push(presentEvent(e, visible));
  }
  const sensitive = await sensitiveGate(ctx, actor, { unitId: row.unit_id }, { refuse: false }, async (fields) =>
    fields
      ? {
          ...(await fields.attributes(row.person_id)),
          partyIntroductions: (await fields.partiesOf(row.person_id)).map(presentParty),
        }
      : null,
  );
  return presentDetail(row, events, sensitive);
}

export async function revealCccd(ctx: AppContext, actor: Actor, id: number) {
  const { row } = await readableMember(ctx, actor, id);
  return sensitiveGate(
    ctx,
    actor,
    { unitId: row.unit_id },
    {
      refuse: true,
      // Every look at a number in clear is on record: who, when, whose (by the masked number).
      audit: () => ({
        action: 'member.cccd.reveal',
        entity: 'person',
        entityId: row.person_id,
        unitId: row.unit_id,
        after: { membershipId: id, cccdMasked: row.cccd_masked },
      }),
    },
    async (fields) => {
      if (!row.cccd_enc) throw new AppError(row.anonymised_at ? 'MEMBER_ANONYMISED' : 'NOT_FOUND');
      return { cccd: await fields.cccd(row.cccd_enc) };
    },
  );
}

export function defaultPeriod(ctx: AppContext, q: { from?: string; to?: string }): countsRepo.Period {
  const t = today(ctx);
  return { from: q.from ?? `${t.slice(0, 4)}-01-01`, to: q.to ?? t };
}

export async function counts(ctx: AppContext, actor: Actor, q: z.output<typeof ZCountsQuery>) {
  const scope = await scopeWithin(ctx.db, actor, 'record.read', q.unitId);
  const period = defaultPeriod(ctx, q);
  // The summaries answer in milliseconds: in place, never queued behind an export in the worker pool.
  const unitId = await countsRepo.summarisedUnit(ctx.db, scope);
  const figures =
    unitId === null
      ? await runJob(ctx, countedFromRecords, actor, { scope, period })
      : await countsRepo.countsFromSummaries(ctx.db, scope, unitId, period);
  return { period, ...figures };
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
