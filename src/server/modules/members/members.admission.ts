import { maskCccd, maskPassport, normalisePhone, validateCccd, validatePhone } from '../../../shared/ids/index.js';
import type { TAdmission, TAdmissionPerson } from '../../../shared/members/contract.js';
import { fold, formatViDate, personSortKey } from '../../../shared/text/index.js';
import type { Db } from '../../db/database.js';
import { audit } from '../../platform/audit.js';
import { codesValidOn } from '../../platform/code-lists.js';
import type { AppContext } from '../../platform/context.js';
import { today } from '../../platform/dates.js';
import { AppError } from '../../platform/errors.js';
import { ruleTextAt } from '../../platform/rules.js';
import { type Actor, isUnitInScope, requireScope, requireUnitInScope, unitInScope } from '../../platform/scope.js';
import { checkedDataKeys, encrypt, lookupHash } from '../../platform/secrets.js';
import { type Issue, invalid } from '../../platform/validation.js';

import { type Conflict, notePossibleTransfers, type TransferSource } from './members.notices.js';
import { addEvent } from './members.repository.js';

export const FOREIGN_RULE = 'membership.foreign_allowed_from';

// ---------------------------------------------------------------- identity numbers

type Identity = { value: string; kind: 'cccd' | 'cmnd' | 'passport'; hashInput: string; masked: string };

/**
 * A Vietnamese citizen is identified by the CCCD (or a legacy CMND); a foreign national, who has
 * neither, by passport number and nationality. Only the shape can make a number wrong; anything the
 * number disagrees with comes back as warnings for the officer to confirm.
 */
export function checkIdentity(p: TAdmissionPerson): { identity?: Identity; error?: string; warnings: string[] } {
  if (p.nationality !== 'VN') {
    const value = p.cccd
      .trim()
      .toUpperCase()
      .replace(/[\s.-]/g, '');
    if (!/^[A-Z0-9]{6,20}$/.test(value)) {
      return { error: 'Số hộ chiếu phải gồm 6–20 chữ cái hoặc chữ số', warnings: [] };
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
  const r = validateCccd(p.cccd, { birthDate: p.birthDate, gender: p.gender });
  if (!r.ok) return { error: r.message, warnings: [] };
  return {
    identity: { value: r.value, kind: r.kind, hashInput: r.value, masked: maskCccd(r.value) },
    warnings: r.warnings.map((w) => w.message),
  };
}

// ---------------------------------------------------------------- reference checks

/** A grassroots union that exists on the date: only those admit and hold members. */
export async function grassrootsUnitIssue(db: Db, unitId: number, date: string, path: string): Promise<Issue | null> {
  const u = await db
    .selectFrom('org_unit as u')
    .innerJoin('unit_type as t', 't.code', 'u.type_code')
    .select(['u.name', 'u.valid_from', 'u.valid_to', 't.grassroots', 'u.type_code'])
    .where('u.id', '=', unitId)
    .executeTakeFirst();
  if (!u) return { path, message: 'Không tìm thấy đơn vị' };
  if (u.grassroots !== 1) {
    return { path, message: `"${u.name}" không phải công đoàn cơ sở; chỉ công đoàn cơ sở mới có đoàn viên` };
  }
  if (date < u.valid_from || (u.valid_to !== null && date >= u.valid_to)) {
    return { path, message: `"${u.name}" không hoạt động vào ngày ${formatViDate(date)}` };
  }
  return null;
}

export function notInFuture(ctx: AppContext, date: string, path: string): Issue | null {
  return date > today(ctx) ? { path, message: 'Ngày không được sau hôm nay' } : null;
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
  const unitIssue = await grassrootsUnitIssue(db, input.unitId, date, 'unitId');
  if (unitIssue) issues.push(unitIssue);
  if (input.applicationDate > date) {
    issues.push({ path: 'applicationDate', message: 'Ngày nộp đơn không được sau ngày quyết định kết nạp' });
  }
  if (input.ceremonyDate && input.ceremonyDate < date) {
    issues.push({ path: 'ceremonyDate', message: 'Ngày tổ chức lễ kết nạp không được trước ngày quyết định' });
  }
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
  if (employerIds.length > 0) {
    const found = await db
      .selectFrom('enterprise as e')
      .select('e.id')
      .where('e.id', 'in', employerIds)
      .where((eb) => unitInScope(eb, 'e.unit_id', scope))
      .execute();
    if (found.length !== employerIds.length) throw new AppError('NOT_FOUND');
  }

  const unitType = await db
    .selectFrom('org_unit')
    .select('type_code')
    .where('id', '=', input.unitId)
    .executeTakeFirst();
  const identities: Identity[] = [];
  const unconfirmed: Issue[] = [];
  const seen = new Map<string, number>();
  input.people.forEach((p, i) => {
    const at = (field: string) => `people.${i}.${field}`;
    const id = checkIdentity(p);
    if (id.error || !id.identity) {
      issues.push({ path: at('cccd'), message: id.error ?? 'Số CCCD không hợp lệ' });
    } else {
      identities[i] = id.identity;
      const first = seen.get(id.identity.hashInput);
      if (first !== undefined) {
        issues.push({ path: at('cccd'), message: `Trùng số giấy tờ với người ở dòng people.${first}` });
      } else seen.set(id.identity.hashInput, i);
      if (!p.confirmWarnings) for (const w of id.warnings) unconfirmed.push({ path: at('cccd'), message: w });
    }
    if (p.phone) {
      const ph = validatePhone(p.phone);
      if (!ph.ok) issues.push({ path: at('phone'), message: ph.message });
    }
    const adult = `${String(Number(p.birthDate.slice(0, 4)) + 15).padStart(4, '0')}${p.birthDate.slice(4)}`;
    if (adult > date) {
      issues.push({ path: at('birthDate'), message: 'Người được kết nạp phải đủ 15 tuổi vào ngày quyết định' });
    }
    const code = (value: string | null | undefined, set: Set<string> | undefined, field: string, label: string) => {
      if (value && !set?.has(value))
        issues.push({ path: at(field), message: `${label} "${value}" không có trong danh mục` });
    };
    code(p.ethnicityCode, ethnicities, 'ethnicityCode', 'Dân tộc');
    code(p.religionCode, religions, 'religionCode', 'Tôn giáo');
    code(p.informalTradeCode, trades, 'informalTradeCode', 'Nghề lao động tự do');
    code(p.educationCode, educations, 'educationCode', 'Trình độ học vấn');
    if (p.informalTradeCode && p.employerEnterpriseId) {
      issues.push({
        path: at('informalTradeCode'),
        message: 'Chọn doanh nghiệp nơi làm việc hoặc nghề lao động tự do, không chọn cả hai',
      });
    }
    if (p.nationality !== 'VN' && date < foreignFrom) {
      issues.push({
        path: at('nationality'),
        message: `Người lao động nước ngoài chỉ được kết nạp từ ngày ${formatViDate(foreignFrom)} (Luật Công đoàn 2024)`,
      });
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
  const unitIsInformal = unitType?.type_code === 'NDCS';

  // Filled when the person is active elsewhere: the refusal writes nothing of its own, but both
  // units learn of the possible transfer (recorded after the rollback).
  const elsewhere: Conflict[] = [];
  const admitted = await db
    .transaction()
    .execute(async (trx) => {
      const known = await trx
        .selectFrom('person as p')
        .leftJoin('membership as m', (j) => j.onRef('m.person_id', '=', 'p.id').on('m.status', '=', 'active'))
        .leftJoin('org_unit as u', 'u.id', 'm.unit_id')
        .select(['p.id', 'p.cccd_hash', 'm.id as active_id', 'm.unit_id', 'u.name as unit_name'])
        .where('p.cccd_hash', 'in', hashes)
        .execute();
      const byHash = new Map(known.map((k) => [k.cccd_hash, k]));
      const conflicts: Issue[] = [];
      let firstConflict: { row: string; unit: string } | null = null;
      for (const [i, h] of hashes.entries()) {
        const k = byHash.get(h);
        if (!k?.active_id || k.unit_id === null) continue;
        // Outside the caller's scope the other unit's name is not theirs to see; the fact is.
        const visible = await isUnitInScope(trx, k.unit_id, readScope);
        const unit = visible ? (k.unit_name ?? '') : 'một đơn vị ngoài phạm vi quản lý của bạn';
        conflicts.push({
          path: `people.${i}.cccd`,
          message: `Đang là đoàn viên sinh hoạt tại ${unit}; nếu người này chuyển đến, hãy làm thủ tục chuyển sinh hoạt`,
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
          // Someone who left earlier comes back as the same person: the application's data is the newest.
          personId = existing.id;
          await trx.updateTable('person').set(fields).where('id', '=', personId).execute();
        } else {
          const row = await trx
            .insertInto('person')
            .values({
              ...fields,
              cccd_hash: hash,
              cccd_enc: encrypt(keys, identity.value),
              cccd_masked: identity.masked,
              cccd_kind: identity.kind,
              anonymised_at: null,
              created_at: now,
            })
            .returning('id')
            .executeTakeFirstOrThrow();
          personId = row.id;
        }
        const m = await trx
          .insertInto('membership')
          .values({
            person_id: personId,
            unit_id: input.unitId,
            status: 'active',
            informal: p.informalTradeCode || unitIsInformal ? 1 : 0,
            foreign: p.nationality !== 'VN' ? 1 : 0,
            application_date: input.applicationDate,
            admitted_on: date,
            decision_no: input.decisionNo,
            ceremony_date: input.ceremonyDate ?? null,
            started_on: date,
            card_no: null,
            card_issued_on: null,
            ended_on: null,
            end_reason: null,
            transferred_from_id: null,
            created_at: now,
            updated_at: now,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await addEvent(trx, actor, m.id, {
          kind: 'admitted',
          event_date: date,
          decision_no: input.decisionNo,
          decision_date: date,
        });
        await audit(trx, actor, {
          action: 'member.admit',
          entity: 'membership',
          entityId: m.id,
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
          membershipId: m.id,
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
