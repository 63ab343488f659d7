import type { TEnterprise, TEnterpriseDetail } from '../../../shared/enterprises/contract.js';
import { enterprisesMessages as M } from '../../../shared/enterprises/messages.js';
import { type Locale, type Message, say } from '../../../shared/i18n/messages.js';
import { sortByPersonName } from '../../../shared/text/index.js';
import type * as repo from './enterprises.repository.js';

type Ref = {
  id: number | null;
  code: string | null;
  name: string | null;
  district: string | null;
  province: string | null;
};
const ref = (r: Ref) =>
  r.id !== null && r.code !== null && r.name !== null
    ? { id: r.id, code: r.code, name: r.name, districtName: r.district, provinceName: r.province ?? '' }
    : null;

/** Row → response. Contact people and phones are only in the detail's surveys, never in lists. */
export function presentEnterprise(r: repo.EnterpriseRow, withPeriod: boolean): TEnterprise {
  return {
    id: r.id,
    unitId: r.unit_id,
    unitName: r.unit_name,
    mst: r.mst,
    name: r.name,
    shortName: r.short_name,
    address: r.address,
    adminAreaCode: r.admin_area_code,
    adminAreaName: r.admin_area_name,
    commune: {
      how: r.commune_how,
      note: r.commune_note,
      detail: r.commune_detail,
      unit: ref({ id: r.cu_id, code: r.cu_code, name: r.cu_name, district: r.cu_district, province: r.cu_province }),
      now: ref({ id: r.cn_id, code: r.cn_code, name: r.cn_name, district: r.cn_district, province: r.cn_province }),
    },
    ownershipCode: r.ownership_code,
    industry: r.industry,
    officerUserId: r.officer_user_id,
    officerName: r.officer_name,
    grassrootsUnitId: r.grassroots_unit_id,
    grassrootsUnitName: r.grassroots_unit_name,
    workerCount: r.worker_count,
    femaleCount: r.female_count,
    memberCount: r.member_count,
    lastSurveyDate: r.last_survey_date,
    lastContactDate: r.last_contact_date,
    duplicateReason: r.duplicate_reason,
    nonState: Number(r.non_state) === 1,
    inSurveyScope: Number(r.in_scope) === 1,
    eligibleForFounding: Number(r.eligible) === 1,
    hasUnion: r.grassroots_unit_id !== null,
    reachedInPeriod: withPeriod ? Number(r.reached) === 1 : null,
  };
}

type Surveys = Awaited<ReturnType<typeof repo.surveysOf>>;
type Outreach = Awaited<ReturnType<typeof repo.outreachOf>>;

function surveySummary(s: Surveys[number]): Message {
  return s.member_count != null
    ? say(M.timelineSurveyMembers, { workers: s.worker_count, members: s.member_count })
    : say(M.timelineSurvey, { workers: s.worker_count });
}

function outreachSummary(o: Outreach[number], locale: Locale): Message {
  const form = locale === 'vi' ? o.form_name_vi : o.form_name_en;
  return o.title
    ? say(M.timelineOutreachTitled, { form, title: o.title, workers: o.workers_reached })
    : say(M.timelineOutreach, { form, workers: o.workers_reached });
}

/**
 * The enterprise with its surveys and a timeline of what happened to it, newest first; the summaries
 * are in the reader's language (`createdOn` is the calendar day it was listed).
 */
export function presentDetail(
  row: repo.EnterpriseRow,
  surveys: Surveys,
  outreach: Outreach,
  createdOn: string,
  locale: Locale,
): TEnterpriseDetail {
  const timeline = [
    ...surveys.map((s) => ({
      date: s.survey_date,
      kind: 'survey' as const,
      refId: s.id,
      summary: surveySummary(s)[locale],
    })),
    ...outreach.map((o) => ({
      date: o.event_date,
      kind: 'outreach' as const,
      refId: o.id,
      summary: outreachSummary(o, locale)[locale],
    })),
    { date: createdOn, kind: 'created' as const, refId: row.id, summary: M.timelineCreated[locale] },
  ].sort((a, b) => b.date.localeCompare(a.date));
  return {
    ...presentEnterprise(row, true),
    surveys: surveys.map((s) => ({
      id: s.id,
      surveyDate: s.survey_date,
      workerCount: s.worker_count,
      femaleCount: s.female_count,
      memberCount: s.member_count,
      employerAttitude: s.employer_attitude as TEnterpriseDetail['surveys'][number]['employerAttitude'],
      contactName: s.contact_name,
      contactPhone: s.contact_phone,
      notes: s.notes,
      surveyedBy: s.surveyed_by_name,
    })),
    timeline,
  };
}

export function presentConfig(ownershipTypes: repo.OwnershipType[], t: repo.Thresholds) {
  return {
    ownershipTypes,
    thresholds: { surveyMinWorkers: t.surveyMin, foundingMinWorkers: t.foundingMin },
  };
}

/** Officers by given name, the way Vietnamese lists of people are read. */
export function presentOfficers(rows: Awaited<ReturnType<typeof repo.officersInScope>>) {
  return sortByPersonName(rows, (r) => r.full_name).map((r) => ({
    id: r.id,
    fullName: r.full_name,
    username: r.username,
  }));
}
