import ExcelJS from 'exceljs';
import type { Entry } from '../../../shared/i18n/messages.js';
import {
  GENDER_LABELS,
  ID_KIND_LABELS,
  labelOf,
  MEMBERSHIP_EVENT_LABELS,
  MEMBERSHIP_STATUS_LABELS,
  PARTY_STATUS_LABELS,
} from '../../../shared/members/labels.js';
import { memberSheets as S } from '../../../shared/members/sheets.js';
import { codeNames } from '../../platform/code-lists.js';
import type { AppContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { exportRow, XLSX_MIME } from '../../platform/files.js';
import { type Actor, isUnitInScope } from '../../platform/scope.js';
import { isoDayOf, sheetText as t, viDateTime, viDay } from './members.export.js';
import * as privacy from './members.privacy.repository.js';
import * as repo from './members.repository.js';
import { sensitiveGate } from './members.sensitive.js';
import { readableMember } from './members.service.js';

/**
 * The data subject's right of access (Law 91/2025/QH15): a copy of everything held about the person,
 * for handing to them on request. It holds the identity number in clear and the sensitive fields, so
 * it goes through the sensitive gate (sensitive.read over the member's unit) and is audited.
 * Memberships, events and Party introductions are those in the caller's own scope.
 */

const heads = (...entries: Entry[]) => entries.map((e) => t(e));

function table(ws: ExcelJS.Worksheet, header: string[], rows: (string | number)[][]) {
  const h = ws.addRow(header);
  h.font = { bold: true };
  for (const r of rows) ws.addRow(exportRow(r));
  if (rows.length === 0) ws.addRow([t(S.none)]);
}

export async function personalDataExport(ctx: AppContext, actor: Actor, membershipId: number) {
  const { row, scope } = await readableMember(ctx, actor, membershipId);
  const db = ctx.db;
  return sensitiveGate(
    ctx,
    actor,
    { unitId: row.unit_id },
    {
      refuse: true,
      audit: (file: { personId: number; cccdMasked: string }) => ({
        action: 'member.personal_data_export',
        entity: 'person',
        entityId: file.personId,
        unitId: row.unit_id,
        after: { membershipId, cccdMasked: file.cccdMasked },
      }),
    },
    async (fields) => {
      const p = await privacy.personRecord(db, row.person_id);
      if (p.anonymised_at) throw new AppError('MEMBER_ANONYMISED');
      const cccd = p.cccd_enc ? await fields.cccd(p.cccd_enc) : '';
      const attributes = await fields.attributes(p.id);
      const names = await codeNames(db);

      const memberships = await privacy.membershipsOf(db, scope, p.id);
      const events: (string | number)[][] = [];
      for (const m of memberships) {
        for (const e of await repo.eventsOf(db, scope, m.id)) {
          // The other end of a transfer may lie outside the caller's scope: then it stays unnamed.
          const related =
            e.related_unit_id !== null && (await isUnitInScope(db, e.related_unit_id, scope))
              ? (e.related_unit_name ?? '')
              : '';
          events.push([
            m.unit_name,
            viDay(e.event_date),
            labelOf(MEMBERSHIP_EVENT_LABELS, e.kind),
            e.decision_no ?? '',
            viDay(e.decision_date),
            related,
            e.note ?? '',
          ]);
        }
      }
      const party = await fields.partiesOf(p.id);
      const applications = await privacy.consentsOf(
        db,
        scope,
        p.cccd_hash,
        memberships.map((m) => m.id),
      );

      const exportedAt = viDateTime(ctx.config.timeZone);
      const wb = new ExcelJS.Workbook();
      wb.creator = 'Đoàn Viên';
      const info = wb.addWorksheet(t(S.personalSheet));
      info.columns = [{ width: 32 }, { width: 60 }];
      const title = info.addRow([t(S.personalTitle, { name: p.full_name.toUpperCase() })]);
      title.font = { bold: true, size: 13 };
      info.addRow([t(S.personalBasis)]);
      info.addRow([t(S.exportedBy, { at: exportedAt, name: actor.fullName, username: actor.username })]);
      info.addRow([]);
      const area = [p.admin_area_name, p.admin_area_code && t(S.adminAreaCode, { code: p.admin_area_code })];
      table(
        info,
        [t(S.fieldHeader), t(S.valueHeader)],
        [
          [t(S.colName), p.full_name],
          [t(S.colBirth), viDay(p.birth_date)],
          [t(S.colGender), labelOf(GENDER_LABELS, p.gender)],
          [t(S.idKind), labelOf(ID_KIND_LABELS, p.cccd_kind)],
          [t(S.idNumber), cccd],
          [t(S.colNationality), p.nationality],
          [t(S.colEthnicity), names('ethnicity', attributes.ethnicityCode)],
          [t(S.colReligion), names('religion', attributes.religionCode)],
          [t(S.colPhone), p.phone ?? ''],
          [t(S.address), p.address ?? ''],
          [t(S.adminArea), area.filter(Boolean).join(' ')],
          [t(S.education), names('education', p.education_code)],
          [t(S.occupation), p.occupation ?? ''],
          [t(S.employer), row.employer_name ?? ''],
          [t(S.trade), names('informal_trade', p.informal_trade_code)],
          [t(S.socialInsurance), p.social_insurance_no ?? ''],
          [t(S.createdAt), p.created_at],
          [t(S.updatedAt), p.updated_at],
        ],
      );

      const history = wb.addWorksheet(t(S.historySheet));
      history.columns = [
        { width: 32 },
        { width: 18 },
        { width: 14 },
        { width: 16 },
        { width: 14 },
        { width: 14 },
        { width: 30 },
        { width: 14 },
        { width: 14 },
      ];
      history.addRow([t(S.historyMemberships)]).font = { bold: true };
      table(
        history,
        heads(
          S.colUnit,
          S.colStatus,
          S.colAdmitted,
          S.colDecision,
          S.historyStarted,
          S.historyEnded,
          S.historyEndReason,
          S.colCard,
          S.colCardIssued,
        ),
        memberships.map((m) => [
          m.unit_name,
          labelOf(MEMBERSHIP_STATUS_LABELS, m.status),
          viDay(m.admitted_on),
          m.decision_no ?? '',
          viDay(m.started_on),
          viDay(m.ended_on),
          m.end_reason ?? '',
          m.card_no ?? '',
          viDay(m.card_issued_on),
        ]),
      );
      history.addRow([]);
      history.addRow([t(S.historyEvents)]).font = { bold: true };
      table(
        history,
        heads(S.colUnit, S.eventDate, S.eventKind, S.colDecision, S.eventDecisionDate, S.eventRelatedUnit, S.note),
        events,
      );

      const partySheet = wb.addWorksheet(t(S.partySheet));
      partySheet.columns = [{ width: 32 }, { width: 14 }, { width: 32 }, { width: 22 }, { width: 14 }, { width: 40 }];
      table(
        partySheet,
        heads(S.partyUnit, S.partyIntroduced, S.partyOrganisation, S.partyResult, S.partyResultDate, S.note),
        party.map((x) => [
          x.unit_name,
          viDay(x.introduced_on),
          x.party_organisation,
          labelOf(PARTY_STATUS_LABELS, x.status),
          viDay(x.status_date),
          x.note ?? '',
        ]),
      );

      const consent = wb.addWorksheet(t(S.consentSheet));
      consent.columns = [{ width: 22 }, { width: 16 }, { width: 14 }, { width: 22 }, { width: 66 }];
      table(
        consent,
        heads(S.consentSubmitted, S.consentStatus, S.consentVersion, S.consentAt, S.consentHash),
        applications.map((a) => [a.submitted_at, a.status, a.consent_version, a.consent_at, a.consent_hash]),
      );

      const day = isoDayOf(exportedAt);
      return {
        personId: p.id,
        cccdMasked: p.cccd_masked,
        contentType: XLSX_MIME,
        fileName: t(S.personalFileName, { name: p.full_name, day }),
        asciiName: `du-lieu-ca-nhan-${p.id}-${day}.xlsx`,
        body: Buffer.from(await wb.xlsx.writeBuffer()),
      };
    },
  );
}
