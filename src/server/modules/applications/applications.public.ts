import { createHash, createHmac } from 'node:crypto';
import type { TApplyInfo, TApplySubmit, TConsentText } from '../../../shared/applications/contract.js';
import { applicationsMessages as M } from '../../../shared/applications/messages.js';
import type { Locale } from '../../../shared/errors/codes.js';
import { checkCccd, checkPhone, maskCccd, normalisePhone } from '../../../shared/ids/index.js';
import { fold, formatViDate } from '../../../shared/text/index.js';
import type { Db } from '../../db/database.js';
import type { ConsentTextTable } from '../../db/schema.js';
import { audit } from '../../platform/audit.js';
import { codesOn, codesValidOn } from '../../platform/code-lists.js';
import type { AppContext } from '../../platform/context.js';
import { today } from '../../platform/dates.js';
import { AppError, translateDbError } from '../../platform/errors.js';
import { ruleAt } from '../../platform/rules.js';
import { checkedDataKeys, type DataKeys, encrypt, lookupHash } from '../../platform/secrets.js';
import { type Issue, invalid, issue } from '../../platform/validation.js';
import { notePossibleTransfers } from '../members/members.notices.js';
import * as repo from './applications.repository.js';

/**
 * Limits on submissions, counted in the database so they hold across app processes. Per address:
 * a family or a few workmates sharing one phone's connection fit in the hour; a script does not.
 * Per link: a busy factory gate on the first day, not a flood. Wrong forms count separately and more
 * loosely, so a worker fixing typos is not locked out. The numbers are dated rules (migration 009).
 */
export const APPLY_LIMIT_RULES = {
  perIpPerHour: 'apply.per_ip_per_hour',
  attemptsPerIpPerHour: 'apply.attempts_per_ip_per_hour',
  perLinkPerDay: 'apply.per_link_per_day',
} as const;

const MIN_AGE = 15;

/** A link is usable while it is not revoked and its unit still exists today. */
async function usableLink(ctx: AppContext, token: string) {
  const link = await repo.linkByToken(ctx.db, token);
  if (!link) throw new AppError('APPLY_LINK_INVALID');
  const date = today(ctx);
  const unit = await repo.unitAt(ctx.db, link.unit_id, date);
  if (!unit) throw new AppError('APPLY_LINK_INVALID');
  const open = unit.valid_from <= date && (unit.valid_to === null || unit.valid_to > date);
  return { link, unit, date, valid: link.revoked_at === null && open };
}

export function renderConsent(row: ConsentTextTable, locale: Locale, unitName: string): TConsentText {
  const fill = (s: string) => s.replaceAll('{unit}', unitName);
  const en = locale === 'en';
  return {
    version: row.version,
    validFrom: row.valid_from,
    purpose: fill(en ? row.purpose_en : row.purpose_vi),
    data: fill(en ? row.data_en : row.data_vi),
    controller: fill(en ? row.controller_en : row.controller_vi),
    rights: fill(en ? row.rights_en : row.rights_vi),
  };
}

/** What the worker agreed to, word for word: stored as a hash beside the version. */
function consentHash(c: TConsentText): string {
  return createHash('sha256').update([c.version, c.purpose, c.data, c.controller, c.rights].join('\n')).digest('hex');
}

async function informalTrades(db: Db, date: string, locale: Locale) {
  const rows = await codesOn(db, 'informal_trade', date);
  return rows.map((r) => ({ code: r.code, name: locale === 'en' ? r.nameEn : r.nameVi }));
}

export async function info(ctx: AppContext, token: string, locale: Locale): Promise<TApplyInfo> {
  const { unit, date, valid } = await usableLink(ctx, token);
  const consent = valid ? await repo.consentAt(ctx.db, date) : undefined;
  return {
    valid,
    unitName: unit.name,
    parentName: unit.parent_name ?? null,
    consent: consent ? renderConsent(consent, locale, unit.name) : null,
    informalTrades: valid ? await informalTrades(ctx.db, date, locale) : [],
    today: date,
  };
}

// ---------------------------------------------------------------- checking the form

type Checked = {
  fullName: string;
  birthDate: string;
  gender: 'male' | 'female';
  cccd: string;
  warnings: string[];
  phone: string;
  workplace: string | null;
  informalTradeCode: string | null;
};

const clean = (s: string | undefined) => (s ?? '').normalize('NFC').trim().replace(/\s+/g, ' ');

/** Every wrong field at once, each message naming the field as the form labels it. */
function checkForm(body: TApplySubmit, date: string, trades: Set<string>, consentVersion: string): Checked {
  const issues: Issue[] = [];
  const fullName = clean(body.fullName);
  if (!fullName) issues.push(issue('fullName', M.fullNameMissing));
  else if (fullName.length < 2 || !/\p{L}/u.test(fullName) || /\d/.test(fullName)) {
    issues.push(issue('fullName', M.fullNameLetters));
  } else if (fullName.length > 120) {
    issues.push(issue('fullName', M.fullNameTooLong));
  }

  const birthDate = clean(body.birthDate);
  const validDate =
    /^\d{4}-\d{2}-\d{2}$/.test(birthDate) &&
    new Date(`${birthDate}T00:00:00Z`).toISOString().slice(0, 10) === birthDate;
  if (!birthDate) issues.push(issue('birthDate', M.birthDateMissing));
  else if (!validDate) issues.push(issue('birthDate', M.birthDateWrong));
  else {
    const adult = `${String(Number(birthDate.slice(0, 4)) + MIN_AGE).padStart(4, '0')}${birthDate.slice(4)}`;
    if (birthDate > date) issues.push(issue('birthDate', M.birthDateFuture));
    else if (adult > date) issues.push(issue('birthDate', M.birthDateTooYoung, { age: MIN_AGE }));
    else if (birthDate < `${Number(date.slice(0, 4)) - 100}${date.slice(4)}`) {
      issues.push(issue('birthDate', M.birthDateImplausible, { date: formatViDate(birthDate) }));
    }
  }

  const gender = clean(body.gender);
  if (!gender) issues.push(issue('gender', M.genderMissing));
  else if (gender !== 'male' && gender !== 'female') issues.push(issue('gender', M.genderWrong));

  // Twelve digits only: the 9-digit CMND cards have all expired, and a self-applicant has a CCCD.
  let cccd = '';
  let warnings: string[] = [];
  const rawCccd = clean(body.cccd).replace(/[\s.-]/g, '');
  if (!rawCccd) issues.push(issue('cccd', M.cccdMissing));
  else if (!/^\d{12}$/.test(rawCccd)) issues.push(issue('cccd', M.cccdDigits, { count: rawCccd.length }));
  else {
    const r = checkCccd(rawCccd, {
      birthDate: validDate ? birthDate : undefined,
      gender: gender === 'male' || gender === 'female' ? gender : undefined,
    });
    if (!r.ok) issues.push(issue('cccd', M.cccdWrong, { detail: r.message }));
    else {
      cccd = r.value;
      // A mismatch with birth date or gender does not stop a worker: the reviewer checks the card.
      // Kept with the application for the reviewer, who reads Vietnamese (as stored before).
      warnings = r.warnings.map((w) => w.message.vi);
    }
  }

  const phoneRaw = clean(body.phone);
  let phone = '';
  if (!phoneRaw) issues.push(issue('phone', M.phoneMissing));
  else {
    const p = checkPhone(phoneRaw);
    if (!p.ok) issues.push(issue('phone', M.phoneWrong, { detail: p.message }));
    else phone = normalisePhone(p.value);
  }

  const workplace = clean(body.workplace) || null;
  const trade = clean(body.informalTradeCode) || null;
  if (!workplace && !trade) issues.push(issue('workplace', M.workplaceMissing));
  if (workplace && workplace.length > 255) issues.push(issue('workplace', M.workplaceTooLong));
  if (trade && !trades.has(trade)) issues.push(issue('informalTradeCode', M.tradeUnknown));

  if (body.consent !== true) issues.push(issue('consent', M.consentMissing));
  else if (body.consentVersion !== undefined && body.consentVersion !== consentVersion) {
    issues.push(issue('consent', M.consentStale));
  }
  if (issues.length > 0) invalid(issues);
  return {
    fullName,
    birthDate,
    gender: gender as 'male' | 'female',
    cccd,
    warnings,
    phone,
    workplace,
    informalTradeCode: trade,
  };
}

// ---------------------------------------------------------------- rate limit

const ipHashOf = (keys: DataKeys, ip: string) => createHmac('sha256', keys.mac).update(`apply-ip:${ip}`).digest('hex');

const HOUR = 3600_000;

async function assertWithinLimits(db: Db, ipHash: string, linkId: number, date: string) {
  const limit = (key: keyof typeof APPLY_LIMIT_RULES) => ruleAt(db, APPLY_LIMIT_RULES[key], date);
  const now = Date.now();
  const hourAgo = new Date(now - HOUR).toISOString();
  const dayAgo = new Date(now - 24 * HOUR).toISOString();
  if (
    (await repo.attemptsSince(db, { ipHash }, hourAgo, true)) >= (await limit('perIpPerHour')) ||
    (await repo.attemptsSince(db, { ipHash }, hourAgo, false)) >= (await limit('attemptsPerIpPerHour')) ||
    (await repo.attemptsSince(db, { linkId }, dayAgo, true)) >= (await limit('perLinkPerDay'))
  ) {
    throw new AppError('RATE_LIMITED');
  }
}

function recordAttempt(db: Db, ipHash: string, linkId: number, ok: boolean) {
  const now = Date.now();
  // Counts older than the longest window serve nothing: kept small as it goes.
  return repo.recordAttempt(
    db,
    { ipHash, linkId, ok, at: new Date(now).toISOString() },
    new Date(now - 48 * HOUR).toISOString(),
  );
}

// ---------------------------------------------------------------- submitting

export async function submit(ctx: AppContext, token: string, body: TApplySubmit, ip: string, locale: Locale) {
  const { link, unit, date, valid } = await usableLink(ctx, token);
  if (!valid) throw new AppError('APPLY_LINK_REVOKED', { unit: unit.name });
  const keys = await checkedDataKeys(ctx.db, ctx.config);
  const ipHash = ipHashOf(keys, ip);
  await assertWithinLimits(ctx.db, ipHash, link.id, date);
  const answer = { ok: true as const, unitName: unit.name, phone: normalisePhone(clean(body.phone)) };

  // A bot filled the field people never see: it gets the same answer as a person, and nothing is kept.
  if (clean(body.website) !== '') {
    await recordAttempt(ctx.db, ipHash, link.id, true);
    return answer;
  }

  const consentRow = await repo.consentAt(ctx.db, date);
  if (!consentRow) throw new AppError('APPLY_LINK_INVALID');
  const trades = await codesValidOn(ctx.db, 'informal_trade', date);
  let form: Checked;
  try {
    form = checkForm(body, date, trades, consentRow.version);
  } catch (e) {
    await recordAttempt(ctx.db, ipHash, link.id, false);
    throw e;
  }
  const consent = renderConsent(consentRow, locale, unit.name);
  const hash = lookupHash(keys, form.cccd);
  if (await repo.pendingAt(ctx.db, link.unit_id, hash)) throw new AppError('APPLY_DUPLICATE_PENDING');

  const now = new Date().toISOString();
  await ctx.db
    .transaction()
    .execute(async (trx) => {
      await recordAttempt(trx, ipHash, link.id, true);
      const row = await repo.insertApplication(trx, {
        link_id: link.id,
        unit_id: link.unit_id,
        status: 'pending',
        full_name: form.fullName,
        full_name_folded: fold(form.fullName),
        birth_date: form.birthDate,
        gender: form.gender,
        cccd_hash: hash,
        cccd_enc: encrypt(keys, form.cccd),
        cccd_masked: maskCccd(form.cccd),
        cccd_kind: 'cccd',
        cccd_warnings: JSON.stringify(form.warnings),
        phone: form.phone,
        workplace: form.workplace,
        informal_trade_code: form.informalTradeCode,
        consent_version: consent.version,
        // The server's clock, not the phone's: the moment the consent reached the controller.
        consent_at: now,
        consent_hash: consentHash(consent),
        submitted_at: now,
        submitted_on: date,
        decided_at: null,
        decided_by: null,
        reject_reason: null,
        membership_id: null,
      });
      // No account behind it: the entry says when and under which consent, not who (that is the record).
      await audit(trx, null, {
        action: 'application.submit',
        entity: 'application',
        entityId: row.id,
        unitId: link.unit_id,
        after: { cccdMasked: maskCccd(form.cccd), consentVersion: consent.version, consentAt: now },
      });
    })
    .catch((e: unknown) => {
      // Two taps on "send" at the same moment: the second meets the one-pending index.
      if (translateDbError(e)?.code === 'CONFLICT') throw new AppError('APPLY_DUPLICATE_PENDING');
      throw e;
    });
  // Already a member elsewhere: the union holding them learns of it now, not only when a reviewer acts.
  const active = await repo.activeMembershipsOf(ctx.db, hash);
  await notePossibleTransfers(
    ctx.db,
    active.map((a) => ({ personId: a.person_id, membershipId: a.id, unitId: a.unit_id })),
    link.unit_id,
    'application',
    null,
  );
  return { ...answer, phone: form.phone };
}
