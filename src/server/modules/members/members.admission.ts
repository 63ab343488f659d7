import { type Message, say } from '../../../shared/i18n/messages.js';
import { checkCccd, checkPhone, maskCccd, maskPassport, normalisePhone } from '../../../shared/ids/index.js';
import type { TAdmission, TAdmissionPerson } from '../../../shared/members/contract.js';
import { membersMessages as M } from '../../../shared/members/messages.js';
import { fold, formatViDate, personSortKey } from '../../../shared/text/index.js';
import type { Db } from '../../db/database.js';
import { audit } from '../../platform/audit.js';
import { codesValidOn } from '../../platform/code-lists.js';
import type { AppContext } from '../../platform/context.js';
import { today } from '../../platform/dates.js';
import { AppError } from '../../platform/errors.js';
import { ruleTextAt } from '../../platform/rules.js';
import { type Actor, isUnitInScope, requireScope, requireUnitInScope } from '../../platform/scope.js';
import { checkedDataKeys, encrypt, lookupHash } from '../../platform/secrets.js';
import { endedUnitIssue } from '../../platform/unit-life.js';
import { type Issue, invalid, issue } from '../../platform/validation.js';
import * as admissionRepo from './members.admission.repository.js';
import { type Conflict, notePossibleTransfers, type TransferSource } from './members.notices.js';
import { addEvent, insertMembership, unitForMembers } from './members.repository.js';

export const FOREIGN_RULE = 'membership.foreign_allowed_from';

// ---------------------------------------------------------------- identity numbers

type Identity = { value: string; kind: 'cccd' | 'cmnd' | 'passport'; hashInput: string; masked: string };

/**
 * A Vietnamese citizen is identified by the CCCD (or a legacy CMND); a foreign national, who has
 * neither, by passport number and nationality. Only the shape can make a number wrong; anything the
 * number disagrees with comes back as warnings for the officer to confirm.
 */
export function checkIdentity(p: TAdmissionPerson): { identity?: Identity; error?: Message; warnings: Message[] } {
  if (p.nationality !== 'VN') {
    const value = p.cccd
      .trim()
      .toUpperCase()
      .replace(/[\s.-]/g, '');
    if (!/^[A-Z0-9]{6,20}$/.test(value)) {
      return { error: M.passportFormat, warnings: [] };
    }
    return {
      identity: {
        value,
        kind: 'passport',
        hashInput: `passport:${p.nationality}:${value}`,
        masked: maskPassport(value),
      },
      warnings: [],
    };
  }
  const r = checkCccd(p.cccd, { birthDate: p.birthDate, gender: p.gender });
  if (!r.ok) return { error: r.message, warnings: [] };
  return {
    identity: { value: r.value, kind: r.kind, hashInput: r.value, masked: maskCccd(r.value) },
    warnings: r.warnings.map((w) => w.message),
  };
}

// ---------------------------------------------------------------- reference checks

/** A grassroots union that exists on the date: only those admit and hold members. */
async function checkUnit(db: Db, unitId: number, date: string, path: string) {
  const u = await unitForMembers(db, unitId);
  let problem: Issue | null = null;
  if (!u) problem = issue(path, M.unitNotFound);
  else if (u.grassroots !== 1) problem = issue(path, M.notGrassroots, { name: u.name });
  else if (u.valid_to !== null && date >= u.valid_to) problem = await endedUnitIssue(db, unitId, date, path);
  else if (date < u.valid_from) {
    problem = issue(path, M.unitInactive, { name: u.name, date: formatViDate(date) });
  }
  return { unit: u, issue: problem };
}

export async function grassrootsUnitIssue(db: Db, unitId: number, date: string, path: string): Promise<Issue | null> {
  return (await checkUnit(db, unitId, date, path)).issue;
}

export function notInFuture(ctx: AppContext, date: string, path: string): Issue | null {
  return date > today(ctx) ? issue(path, M.dateInFuture) : null;
}

// ---------------------------------------------------------------- admission

/** What an admission wrote, as the route answers it. */
export type Admitted = {
  membershipId: number;
  personId: number;
  fullName: string;
  cccdMasked: string;
  readmitted: boolean;
};

/**
 * `within` runs inside the admission's transaction after the memberships are written, so a caller that
 * admits on behalf of something else (an approved self-application) commits its own change with them
 * or not at all.
 */
export async function admit(
  ctx: AppContext,
  actor: Actor,
  input: TAdmission,
  within?: (trx: Db, admitted: Admitted[]) => Promise<void>,
  source: TransferSource = 'admission',
) {
  const scope = await requireScope(ctx.db, actor, 'record.write');
  await requireUnitInScope(ctx.db, input.unitId, scope);
  const db = ctx.db;
  const date = input.decisionDate;
  const issues: Issue[] = [];
  const unitCheck = await checkUnit(db, input.unitId, date, 'unitId');
  if (unitCheck.issue) issues.push(unitCheck.issue);
  if (input.applicationDate > date) issues.push(issue('applicationDate', M.applicationAfterDecision));
  if (input.ceremonyDate && input.ceremonyDate < date) issues.push(issue('ceremonyDate', M.ceremonyBeforeDecision));
  const future = notInFuture(ctx, date, 'decisionDate');
  if (future) issues.push(future);

  const [ethnicities, religions, trades, educations] = await Promise.all(
    (['ethnicity', 'religion', 'informal_trade', 'education'] as const).map((l) => codesValidOn(db, l, date)),
  );
  const foreignFrom = await ruleTextAt(db, FOREIGN_RULE, date);

  // Employers must be enterprises of the caller's own part of the tree (outside it they do not exist).
  const employerIds = [
    ...new Set(input.people.flatMap((p) => (p.employerEnterpriseId ? [p.employerEnterpriseId] : []))),
  ];
  if (
    employerIds.length > 0 &&
    (await admissionRepo.enterprisesInScope(db, scope, employerIds)) !== employerIds.length
  ) {
    throw new AppError('NOT_FOUND');
  }

  const identities: Identity[] = [];
  const unconfirmed: Issue[] = [];
  const seen = new Map<string, number>();
  input.people.forEach((p, i) => {
    const at = (field: string) => `people.${i}.${field}`;
    const id = checkIdentity(p);
    if (id.error || !id.identity) {
      issues.push({ path: at('cccd'), message: id.error ?? M.cccdInvalid });
    } else {
      identities[i] = id.identity;
      const first = seen.get(id.identity.hashInput);
      if (first !== undefined) {
        issues.push(issue(at('cccd'), M.duplicateInDecision, { first: String(first) }));
      } else seen.set(id.identity.hashInput, i);
      if (!p.confirmWarnings) for (const w of id.warnings) unconfirmed.push({ path: at('cccd'), message: w });
    }
    if (p.phone) {
      const ph = checkPhone(p.phone);
      if (!ph.ok) issues.push({ path: at('phone'), message: ph.message });
    }
    const adult = `${String(Number(p.birthDate.slice(0, 4)) + 15).padStart(4, '0')}${p.birthDate.slice(4)}`;
    if (adult > date) {
      issues.push(issue(at('birthDate'), M.tooYoung));
    }
    const code = (value: string | null | undefined, set: Set<string> | undefined, field: string, m: Message) => {
      if (value && !set?.has(value)) issues.push(issue(at(field), m, { value }));
    };
    code(p.ethnicityCode, ethnicities, 'ethnicityCode', M.ethnicityNotListed);
    code(p.religionCode, religions, 'religionCode', M.religionNotListed);
    code(p.informalTradeCode, trades, 'informalTradeCode', M.tradeNotListed);
    code(p.educationCode, educations, 'educationCode', M.educationNotListed);
    if (p.informalTradeCode && p.employerEnterpriseId) issues.push(issue(at('informalTradeCode'), M.employerOrTrade));
    if (p.nationality !== 'VN' && date < foreignFrom) {
      issues.push(issue(at('nationality'), M.foreignTooEarly, { date: formatViDate(foreignFrom) }));
    }
  });
  if (issues.length > 0) invalid(issues);
  if (unconfirmed.length > 0) {
    const first = unconfirmed[0] as Issue;
    throw new AppError(
      'MEMBER_WARNINGS_UNCONFIRMED',
      { count: unconfirmed.length, path: first.path, message: first.message },
      unconfirmed,
    );
  }

  const keys = await checkedDataKeys(db, ctx.config);
  const hashes = identities.map((id) => lookupHash(keys, id.hashInput));
  const readScope = await requireScope(db, actor, 'record.read');
  const unitIsInformal = unitCheck.unit?.type_code === 'NDCS';

  // Filled when the person is active elsewhere: the refusal writes nothing of its own, but both
  // units learn of the possible transfer (recorded after the rollback).
  const elsewhere: Conflict[] = [];
  const admitted = await db
    .transaction()
    .execute(async (trx) => {
      const known = await admissionRepo.knownPeople(trx, hashes);
      const byHash = new Map(known.map((k) => [k.cccd_hash, k]));
      const conflicts: Issue[] = [];
      let firstConflict: { row: string; unit: string | Message } | null = null;
      for (const [i, h] of hashes.entries()) {
        const k = byHash.get(h);
        if (!k?.active_id || k.unit_id === null) continue;
        // Outside the caller's scope the other unit's name is not theirs to see; the fact is.
        const visible = await isUnitInScope(trx, k.unit_id, readScope);
        const unit = visible ? (k.unit_name ?? '') : M.unitOutsideScope;
        conflicts.push({
          path: `people.${i}.cccd`,
          message: say(M.activeElsewhere, { unit }),
        });
        firstConflict ??= { row: `people.${i}`, unit };
        elsewhere.push({ personId: k.id, membershipId: k.active_id, unitId: k.unit_id });
      }
      if (firstConflict) throw new AppError('MEMBER_ACTIVE_ELSEWHERE', firstConflict, conflicts);

      const now = new Date().toISOString();
      const out: Admitted[] = [];
      for (const [i, p] of input.people.entries()) {
        const identity = identities[i] as Identity;
        const hash = hashes[i] as string;
        const existing = byHash.get(hash);
        const fields = {
          full_name: p.fullName,
          full_name_folded: fold(p.fullName),
          sort_key: personSortKey(p.fullName),
          birth_date: p.birthDate,
          gender: p.gender,
          ethnicity_code: p.ethnicityCode ?? null,
          religion_code: p.religionCode ?? null,
          nationality: p.nationality,
          phone: p.phone ? normalisePhone(p.phone) : null,
          address: p.address ?? null,
          admin_area_code: p.adminAreaCode ?? null,
          admin_area_name: p.adminAreaName ?? null,
          education_code: p.educationCode ?? null,
          occupation: p.occupation ?? null,
          employer_enterprise_id: p.employerEnterpriseId ?? null,
          informal_trade_code: p.informalTradeCode ?? null,
          social_insurance_no: p.socialInsuranceNo ?? null,
          updated_at: now,
        };
        let personId: number;
        if (existing) {
          personId = existing.id;
          await admissionRepo.updatePerson(trx, personId, fields);
        } else {
          personId = await admissionRepo.insertPerson(trx, {
            ...fields,
            cccd_hash: hash,
            cccd_enc: encrypt(keys, identity.value),
            cccd_masked: identity.masked,
            cccd_kind: identity.kind,
            anonymised_at: null,
            created_at: now,
          });
        }
        const membershipId = await insertMembership(
          trx,
          {
            person_id: personId,
            unit_id: input.unitId,
            informal: p.informalTradeCode || unitIsInformal ? 1 : 0,
            foreign: p.nationality !== 'VN' ? 1 : 0,
            application_date: input.applicationDate,
            admitted_on: date,
            decision_no: input.decisionNo,
            ceremony_date: input.ceremonyDate ?? null,
            started_on: date,
            card_no: null,
            card_issued_on: null,
            transferred_from_id: null,
          },
          now,
        );
        await addEvent(trx, actor, membershipId, {
          kind: 'admitted',
          event_date: date,
          decision_no: input.decisionNo,
          decision_date: date,
        });
        await audit(trx, actor, {
          action: 'member.admit',
          entity: 'membership',
          entityId: membershipId,
          unitId: input.unitId,
          after: {
            personId,
            fullName: p.fullName,
            cccdMasked: identity.masked,
            decisionNo: input.decisionNo,
            decisionDate: date,
            readmitted: existing !== undefined,
          },
        });
        out.push({
          membershipId,
          personId,
          fullName: p.fullName,
          cccdMasked: identity.masked,
          readmitted: existing !== undefined,
        });
      }
      if (within) await within(trx, out);
      return out;
    })
    .catch(async (e: unknown) => {
      if (elsewhere.length > 0) await notePossibleTransfers(db, elsewhere, input.unitId, source, actor.userId);
      throw e;
    });
  return { decisionNo: input.decisionNo, unitId: input.unitId, admitted };
}
