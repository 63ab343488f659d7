import { randomBytes } from 'node:crypto';
import QRCode from 'qrcode';
import type {
  TApplication,
  TApplicationQuery,
  TApplyLink,
  TApprove,
  TApproveMany,
} from '../../../shared/applications/contract.js';
import { applicationsMessages as M } from '../../../shared/applications/messages.js';
import { inLocale, type Locale, say } from '../../../shared/i18n/messages.js';
import { normalisePhone } from '../../../shared/ids/index.js';
import { fold } from '../../../shared/text/index.js';
import type { Db } from '../../db/database.js';
import { audit } from '../../platform/audit.js';
import type { AppContext } from '../../platform/context.js';
import { today } from '../../platform/dates.js';
import { AppError, translateDbError } from '../../platform/errors.js';
import {
  type Actor,
  isUnitInScope,
  requireScope,
  requireUnitInScope,
  type Scope,
  scopeWithin,
} from '../../platform/scope.js';
import { endedUnitIssue } from '../../platform/unit-life.js';
import { type Issue, invalid, issue, readMessage } from '../../platform/validation.js';
import { admit } from '../members/members.admission.js';
import { sensitiveGate } from '../members/members.sensitive.js';
import { presentApplication } from './applications.presenter.js';
import * as repo from './applications.repository.js';

// ---------------------------------------------------------------- links

/** PUBLIC_URL when the server knows its public address; otherwise the address the officer used. */
export function publicBase(ctx: AppContext, requestOrigin: string): string {
  return (ctx.config.publicUrl ?? requestOrigin).replace(/\/+$/, '');
}

async function presentLink(
  ctx: AppContext,
  link: { unit_id: number; token: string; created_at: string },
  base: string,
): Promise<TApplyLink> {
  const unit = await repo.unitAt(ctx.db, link.unit_id, today(ctx));
  const url = `${base}/apply/${link.token}`;
  // Medium error correction survives a poster that is creased, faded or photographed at an angle.
  const qrSvg = await QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return {
    unitId: link.unit_id,
    unitName: unit?.name ?? '',
    parentName: unit?.parent_name ?? null,
    url,
    createdAt: link.created_at,
    qrSvg,
  };
}

export async function getLink(ctx: AppContext, actor: Actor, unitId: number, base: string) {
  const scope = await requireScope(ctx.db, actor, 'record.read');
  await requireUnitInScope(ctx.db, unitId, scope);
  const link = await repo.activeLinkOf(ctx.db, unitId);
  return { link: link ? await presentLink(ctx, link, base) : null };
}

/** 128 random bits: a link cannot be found by trying. */
const newToken = () => randomBytes(16).toString('base64url');

async function openUnit(ctx: AppContext, actor: Actor, unitId: number) {
  const scope = await requireScope(ctx.db, actor, 'record.write');
  await requireUnitInScope(ctx.db, unitId, scope);
  const date = today(ctx);
  const unit = await repo.unitAt(ctx.db, unitId, date);
  const ended = await endedUnitIssue(ctx.db, unitId, date, 'unitId');
  if (ended) invalid([ended]);
  if (!unit || unit.valid_from > date || (unit.valid_to !== null && unit.valid_to <= date)) {
    invalid([issue('unitId', M.unitClosed)]);
  }
}

async function newLink(trx: Db, actor: Actor, unitId: number) {
  const row = await repo.insertLink(trx, unitId, newToken(), actor.userId, new Date().toISOString());
  await audit(trx, actor, { action: 'apply_link.create', entity: 'apply_link', entityId: row.id, unitId });
  return row;
}

/** The unit's link, made on first request; asking again returns the same one (a poster stays valid). */
export async function ensureLink(ctx: AppContext, actor: Actor, unitId: number, base: string) {
  await openUnit(ctx, actor, unitId);
  const existing = await repo.activeLinkOf(ctx.db, unitId);
  if (existing) return { link: await presentLink(ctx, existing, base), created: false };
  const row = await ctx.db
    .transaction()
    .execute((trx) => newLink(trx, actor, unitId))
    .catch(async (e: unknown) => {
      // Two officers at once: the one-active index keeps one link, and both get it.
      if (translateDbError(e)?.code !== 'CONFLICT') throw e;
      const winner = await repo.activeLinkOf(ctx.db, unitId);
      if (!winner) throw e;
      return winner;
    });
  return { link: await presentLink(ctx, row, base), created: true };
}

/** A new link; the old one (a leaked poster, a photo posted online) stops working at once. */
export async function rotateLink(ctx: AppContext, actor: Actor, unitId: number, base: string) {
  await openUnit(ctx, actor, unitId);
  const row = await ctx.db.transaction().execute(async (trx) => {
    const old = await repo.revokeLinks(trx, unitId, actor.userId, new Date().toISOString());
    if (old.length > 0) {
      await audit(trx, actor, {
        action: 'apply_link.revoke',
        entity: 'apply_link',
        entityId: old[0]?.id,
        unitId,
      });
    }
    return newLink(trx, actor, unitId);
  });
  return { link: await presentLink(ctx, row, base) };
}

// ---------------------------------------------------------------- the review queue

async function present(ctx: AppContext, scope: Scope, rows: repo.ApplicationRow[]): Promise<TApplication[]> {
  const visible = new Map<number, boolean>();
  const out: TApplication[] = [];
  for (const r of rows) {
    let seen = false;
    if (r.active_unit_id !== null) {
      seen = visible.get(r.active_unit_id) ?? (await isUnitInScope(ctx.db, r.active_unit_id, scope));
      visible.set(r.active_unit_id, seen);
    }
    out.push(presentApplication(r, seen));
  }
  return out;
}

function searchTerms(raw: string | undefined) {
  const text = (raw ?? '').trim();
  const compact = text.replace(/[\s.\-+]/g, '');
  if (compact !== '' && /^\d+$/.test(compact)) {
    const phone = normalisePhone(text);
    return { folded: '', phonePrefix: /^0\d{1,10}$/.test(phone) ? phone : compact };
  }
  return { folded: fold(text), phonePrefix: null };
}

export async function list(ctx: AppContext, actor: Actor, q: TApplicationQuery) {
  const scope = await scopeWithin(ctx.db, actor, 'record.read', q.unitId);
  const { total, rows } = await repo.listPage(ctx.db, scope, { status: q.status, ...searchTerms(q.q) }, q);
  // The unit of a membership elsewhere is named within the caller's whole scope, not only the filter's.
  const read = await requireScope(ctx.db, actor, 'record.read');
  return { total, items: await present(ctx, read, rows) };
}

export async function detail(ctx: AppContext, actor: Actor, id: number) {
  const scope = await requireScope(ctx.db, actor, 'record.read');
  const row = await repo.findApplication(ctx.db, scope, id);
  if (!row) throw new AppError('NOT_FOUND');
  return (await present(ctx, scope, [row]))[0] as TApplication;
}

/** A pending application of the caller's write scope (outside it: 404; decided: 409). */
async function pendingOf(ctx: AppContext, actor: Actor, id: number) {
  const scope = await requireScope(ctx.db, actor, 'record.write');
  const row = await repo.findApplication(ctx.db, scope, id);
  if (!row) throw new AppError('NOT_FOUND');
  if (row.status !== 'pending') throw decidedAlready(row.status);
  return row;
}

/**
 * Error parameters are plain text and only the Vietnamese sentence names the status (the English one
 * says "already decided"), so the Vietnamese word is the one passed.
 */
const decidedAlready = (status: string) =>
  new AppError('APPLICATION_DECIDED', {
    status: (status === 'approved' ? M.statusApproved : status === 'rejected' ? M.statusRejected : M.statusDecided).vi,
  });

/** A second officer's click on an application decided meanwhile changes nothing. */
async function decide(trx: Db, id: number, set: Omit<Parameters<typeof repo.markDecided>[2], 'decided_at'>) {
  if (!(await repo.markDecided(trx, id, { ...set, decided_at: new Date().toISOString() }))) throw decidedAlready('');
}

/**
 * Admission issues name the approve dialog's fields. With one application: the form's own fields (not
 * the admission's people.0.*); with several: the application (ids.3), its applicant named in the
 * message. The application date (the day of submission, not editable) is answered at the decision date.
 */
function renameIssues(issues: Issue[] | undefined, rows: { full_name: string }[]): Issue[] | undefined {
  return issues?.map((i) => {
    if (i.path === 'applicationDate') return { ...i, path: 'decisionDate' };
    const m = /^people\.(\d+)\.?(.*)$/.exec(i.path);
    if (!m) return i;
    if (rows.length === 1) return { ...i, path: m[2] ?? '' };
    const who = rows[Number(m[1])]?.full_name ?? '';
    const said = readMessage(i.message);
    const text = (locale: Locale) => `${who}: ${inLocale(said, locale)}`;
    return { path: `ids.${m[1]}`, message: { vi: text('vi'), en: text('en') } };
  });
}

/** The admission names a row ("people.2"); the reviewer knows it as that applicant's application. */
const whoOf = (rows: { full_name: string }[], row: unknown) => {
  const i = /^people\.(\d+)/.exec(String(row ?? ''))?.[1];
  const r = rows[Number(i ?? 0)];
  // Plain text as error parameters are; the error's sentences are Vietnamese-first.
  return r ? say(M.applicationOf, { name: r.full_name }).vi : String(row ?? '');
};

/**
 * Approving is an admission decision through the same code as POST /api/members/admissions (so counts,
 * the one-active-membership rule and the audit are the same), with the applications marked approved in
 * the same transaction. Several applications approved together are one decision (a group admission,
 * Mẫu 5b), all or none; each membership keeps its own application date.
 */
export async function approveMany(ctx: AppContext, actor: Actor, input: TApproveMany) {
  const rows: repo.PendingRow[] = [];
  for (const id of input.ids) rows.push(await pendingOf(ctx, actor, id));
  const units = new Set(rows.map((r) => r.unit_id));
  const own = rows.every((r) => r.grassroots === 1) && units.size === 1 ? (rows[0]?.unit_id ?? null) : null;
  const unitId = input.unitId ?? own;
  if (unitId === null) {
    const names = [...new Set(rows.map((r) => r.unit_name))].join(', ');
    invalid([issue('unitId', M.chooseGrassroots, { units: names })]);
  }
  // The applicants' numbers go back into the admission, never to the caller: the write scope opens them.
  const write = await requireScope(ctx.db, actor, 'record.write');
  const cccds = await sensitiveGate(ctx, actor, { scope: write }, { refuse: true, permission: 'record.write' }, (f) =>
    Promise.all(rows.map((r) => (r.cccd_enc ? f.cccd(r.cccd_enc) : Promise.reject(new AppError('NOT_FOUND'))))),
  );
  // The latest submission bounds the decision date; each membership then gets its own date back.
  const latest = rows.map((r) => r.submitted_on).sort()[rows.length - 1] as string;
  try {
    const result = await admit(
      ctx,
      actor,
      {
        unitId,
        applicationDate: latest,
        decisionNo: input.decisionNo,
        decisionDate: input.decisionDate,
        ceremonyDate: input.ceremonyDate ?? null,
        people: rows.map((row, i) => {
          return {
            fullName: row.full_name,
            birthDate: row.birth_date,
            gender: row.gender,
            cccd: cccds[i] ?? '',
            phone: row.phone,
            nationality: 'VN',
            informalTradeCode: row.informal_trade_code,
            employerEnterpriseId: rows.length === 1 ? (input.employerEnterpriseId ?? null) : null,
            occupation: null,
            address: null,
            adminAreaCode: null,
            adminAreaName: null,
            socialInsuranceNo: null,
            confirmWarnings: input.confirmWarnings,
          };
        }),
      },
      async (trx, admitted) => {
        for (const [i, row] of rows.entries()) {
          const membershipId = admitted[i]?.membershipId ?? null;
          if (membershipId !== null && row.submitted_on !== latest) {
            await repo.setMembershipApplicationDate(trx, membershipId, row.submitted_on);
          }
          await decide(trx, row.id, { status: 'approved', decided_by: actor.userId, membership_id: membershipId });
          await audit(trx, actor, {
            action: 'application.approve',
            entity: 'application',
            entityId: row.id,
            unitId: row.unit_id,
            after: { membershipId, admittedInto: unitId, decisionNo: input.decisionNo, cccdMasked: row.cccd_masked },
          });
        }
      },
      'application',
    );
    const read = await requireScope(ctx.db, actor, 'record.read');
    const fresh: repo.ApplicationRow[] = [];
    for (const row of rows) {
      const r = await repo.findApplication(ctx.db, read, row.id);
      if (r) fresh.push(r);
    }
    return { applications: await present(ctx, read, fresh), admission: result };
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    if (e.code === 'MEMBER_ACTIVE_ELSEWHERE') {
      throw new AppError(e.code, { ...e.params, row: whoOf(rows, e.params.row) }, renameIssues(e.issues, rows));
    }
    if (e.code === 'MEMBER_WARNINGS_UNCONFIRMED') {
      const [first] = renameIssues([{ path: String(e.params.path ?? ''), message: '' }], rows) ?? [];
      throw new AppError(e.code, { ...e.params, path: first?.path ?? '' }, renameIssues(e.issues, rows));
    }
    if (e.issues) throw new AppError(e.code, e.params, renameIssues(e.issues, rows));
    throw e;
  }
}

export async function approve(ctx: AppContext, actor: Actor, id: number, input: TApprove) {
  const out = await approveMany(ctx, actor, { ...input, ids: [id] });
  return { application: out.applications[0] as TApplication, admission: out.admission };
}

export async function reject(ctx: AppContext, actor: Actor, id: number, input: { reason: string }) {
  const row = await pendingOf(ctx, actor, id);
  await ctx.db.transaction().execute(async (trx) => {
    await decide(trx, id, { status: 'rejected', decided_by: actor.userId, reject_reason: input.reason });
    await audit(trx, actor, {
      action: 'application.reject',
      entity: 'application',
      entityId: id,
      unitId: row.unit_id,
      after: { reason: input.reason, cccdMasked: row.cccd_masked },
    });
  });
  return detail(ctx, actor, id);
}

/**
 * The applicant withdrew their consent or asked for erasure (Law 91/2025/QH15): an application not
 * (yet) admitted is deleted outright. The audit keeps that it happened, and why, never who.
 */
export async function erase(ctx: AppContext, actor: Actor, id: number, input: { reason: string }) {
  const scope = await requireScope(ctx.db, actor, 'record.write');
  const row = await repo.findApplication(ctx.db, scope, id);
  if (!row) throw new AppError('NOT_FOUND');
  if (row.status === 'approved') throw new AppError('APPLICATION_ADMITTED');
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await repo.deleteUnadmitted(trx, id))) throw new AppError('APPLICATION_ADMITTED');
    await audit(trx, actor, {
      action: 'application.erase',
      entity: 'application',
      entityId: id,
      unitId: row.unit_id,
      before: { status: row.status, consentVersion: row.consent_version },
      after: { reason: input.reason },
    });
  });
  return { ok: true as const };
}
