import type { Generated } from 'kysely';
import type { AdminUnitKind, CommuneHow, CommuneNote } from '../../shared/admin-units/labels.js';
import type { ApplicationStatus } from '../../shared/applications/contract.js';
import type { Role } from '../../shared/auth/roles.js';
import type { EmployerAttitude } from '../../shared/enterprises/labels.js';
import type { Locale } from '../../shared/errors/codes.js';
import type { ImportBatchStatus } from '../../shared/imports/contract.js';
import type { AdmissionDocumentKind } from '../../shared/members/documents.js';
import type { Gender, IdKind, MembershipEventKind, MembershipStatus, PartyStatus } from '../../shared/members/enums.js';
import type { PossibleTransferSource } from '../../shared/members/possible-transfers.js';
import type { OrgEventKind } from '../../shared/org/contract.js';

/**
 * Table shapes as Kysely sees them. Conventions that keep one code path over SQLite and PostgreSQL:
 * dates are ISO 'YYYY-MM-DD' text, timestamps ISO-8601 text (UTC), booleans integers 0/1,
 * JSON stored as text. Date ranges are half-open: valid_to is the first day no longer valid.
 * One file on purpose (over 400 lines): Kysely needs the one `Database` map, and migrations.test.ts reads
 * this file to check it against the tables the migrations build.
 */
export interface UnitTypeTable {
  code: string;
  name_vi: string;
  name_en: string;
  short_vi: string;
  short_en: string;
  level: number;
  grassroots: number;
  /** JSON array of parent type codes; empty = may be a top unit. */
  allowed_parents: string;
  valid_from: string;
  valid_to: string | null;
  sort_order: number;
}

export interface OrgUnitTable {
  id: Generated<number>;
  code: string;
  /** Latest name; the dated names live in org_unit_version. */
  name: string;
  name_folded: string;
  type_code: string;
  address: string | null;
  founding_decision_no: string | null;
  founding_decision_date: string | null;
  valid_from: string;
  valid_to: string | null;
  merged_into_id: number | null;
  created_at: string;
  updated_at: string;
}

/** One dated state of a unit: where it sat in the tree and what it was called. */
export interface OrgUnitVersionTable {
  id: Generated<number>;
  unit_id: number;
  parent_id: number | null;
  /** Materialised path of unit ids, root first: '/1/5/17/'. Binary collation in both databases. */
  path: string;
  depth: number;
  name: string;
  name_folded: string;
  short_name: string | null;
  type_code: string;
  admin_area_code: string | null;
  admin_area_name: string | null;
  valid_from: string;
  valid_to: string | null;
}

export interface OrgEventTable {
  id: Generated<number>;
  kind: OrgEventKind;
  unit_id: number;
  effective_date: string;
  related_unit_id: number | null;
  decision_no: string | null;
  decision_date: string | null;
  note: string | null;
  created_by: number | null;
  created_at: string;
}

export interface AppUserTable {
  id: Generated<number>;
  username: string;
  full_name: string;
  full_name_folded: string;
  email: string | null;
  phone: string | null;
  password_hash: string;
  locale: Locale;
  active: number;
  created_at: string;
  updated_at: string;
  created_by: number | null;
}

export interface UserRoleTable {
  id: Generated<number>;
  user_id: number;
  unit_id: number;
  role: Role;
  created_at: string;
  created_by: number | null;
}

export interface SessionTable {
  /** sha256 of the cookie token: a stolen database does not yield usable cookies. */
  id: string;
  user_id: number;
  csrf_token: string;
  created_at: string;
  expires_at: string;
  last_seen_at: string;
  ip: string | null;
  user_agent: string | null;
}

/**
 * Failed sign-ins of one username from one source (migration 023); username '' is the source as a whole.
 * An attempt before `slowed_until` is refused without checking the password.
 */
export interface LoginThrottleTable {
  username: string;
  source: string;
  failures: number;
  last_failure_at: string | null;
  slowed_until: string;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  user_id: number | null;
  action: string;
  entity: string;
  entity_id: string | null;
  unit_id: number | null;
  before_json: string | null;
  after_json: string | null;
  ip: string | null;
}

export interface RuleSettingTable {
  key: string;
  value: string;
  valid_from: string;
  valid_to: string | null;
  note: string | null;
}

export interface OwnershipTypeTable {
  code: string;
  name_vi: string;
  name_en: string;
  non_state: number;
  valid_from: string;
  valid_to: string | null;
  sort_order: number;
}

export interface EnterpriseTable {
  id: Generated<number>;
  unit_id: number;
  mst: string | null;
  name: string;
  name_folded: string;
  short_name: string | null;
  address: string | null;
  admin_area_code: string | null;
  admin_area_name: string | null;
  ownership_code: string;
  industry: string | null;
  officer_user_id: number | null;
  grassroots_unit_id: number | null;
  worker_count: number | null;
  female_count: number | null;
  member_count: number | null;
  last_survey_date: string | null;
  last_contact_date: string | null;
  duplicate_reason: string | null;
  import_batch_id: number | null;
  created_at: string;
  updated_at: string;
  created_by: number | null;
  /** admin_unit.id in the list of the record's date, resolved from the code, name or address. */
  commune_id: number | null;
  /** The same commune in today's list (itself, or its successor after a reform); null when split or unknown. */
  commune_now_id: number | null;
  commune_how: Generated<CommuneHow>;
  commune_note: CommuneNote | null;
  /** For an ambiguous name, the candidates; for an unknown one, the text that was tried. */
  commune_detail: string | null;
}

/** One commune of an official list, valid in [valid_from, valid_to). */
export interface AdminUnitTable {
  id: Generated<number>;
  code: string;
  name: string;
  name_key: string;
  kind: AdminUnitKind;
  province_code: string | null;
  province_name: string;
  district_code: string | null;
  district_name: string | null;
  valid_from: string;
  valid_to: string | null;
  imported_at: string;
}

export interface AdminUnitSuccessorTable {
  old_id: number;
  new_id: number;
  part: number;
  imported_at: string;
}

export interface EnterpriseSurveyTable {
  id: Generated<number>;
  enterprise_id: number;
  survey_date: string;
  worker_count: number;
  female_count: number | null;
  member_count: number | null;
  employer_attitude: EmployerAttitude | null;
  contact_name: string | null;
  contact_phone: string | null;
  notes: string | null;
  surveyed_by: number | null;
  import_batch_id: number | null;
  created_at: string;
}

export interface OutreachFormTable {
  code: string;
  name_vi: string;
  name_en: string;
  /** 'form' (how) or 'topic' (what about). */
  kind: 'form' | 'topic';
  valid_from: string;
  valid_to: string | null;
  sort_order: number;
}

export interface OutreachEventTable {
  id: Generated<number>;
  unit_id: number;
  event_date: string;
  form_code: string;
  topics: string;
  title: string | null;
  workers_reached: number;
  employer_reps_reached: number;
  officers_present: string | null;
  cost: number | null;
  notes: string | null;
  created_by: number | null;
  created_at: string;
  updated_at: string;
}

export interface OutreachEnterpriseTable {
  event_id: number;
  enterprise_id: number;
}

export interface OutreachAttachmentTable {
  id: Generated<number>;
  event_id: number;
  file_name: string;
  mime: string;
  size: number;
  storage_key: string;
  created_by: number | null;
  created_at: string;
}

export interface ImportBatchTable {
  id: Generated<number>;
  kind: string;
  unit_id: number;
  user_id: number | null;
  file_name: string;
  source: string | null;
  status: ImportBatchStatus;
  counts: string;
  created_at: string;
  committed_at: string | null;
  undone_at: string | null;
  /** Why a failed batch failed: 'interrupted' (the process stopped while it ran), else null. */
  failure: string | null;
}

export interface ImportChangeTable {
  id: Generated<number>;
  batch_id: number;
  entity: string;
  entity_id: number;
  action: 'insert' | 'update';
  before_json: string | null;
}

export interface ImportMappingTable {
  id: Generated<number>;
  unit_id: number;
  kind: string;
  source: string;
  mapping: string;
  /** JSON: field → folded spelling → code, the answers of the value mapping step. */
  value_mapping: Generated<string>;
  updated_at: string;
}

/** Spellings that mean an entry of a list (ownership, ethnicity, gender, religion, informal_trade), dated. */
export interface CodeAliasTable {
  id: Generated<number>;
  list: string;
  code: string;
  alias: string;
  valid_from: string;
  valid_to: string | null;
}

/** Dated code lists (ethnicity, religion, informal_trade, education): configuration, not enums. */
export interface CodeListTable {
  list: string;
  code: string;
  name_vi: string;
  name_en: string;
  valid_from: string;
  valid_to: string | null;
  sort_order: number;
}

/** One row per human, keyed by the identity number (never stored in clear). */
export interface PersonTable {
  id: Generated<number>;
  /** HMAC-SHA256 (hex) of the normalised identity number under the data key; null once anonymised. */
  cccd_hash: string | null;
  /** AES-256-GCM ciphertext of the normalised number ('v1.' + base64(iv | tag | ciphertext)). */
  cccd_enc: string | null;
  cccd_masked: string;
  /** 'cccd' | 'cmnd' | 'passport' (foreign members). */
  cccd_kind: IdKind;
  full_name: string;
  full_name_folded: string;
  /** personSortKey(full_name), binary collation. */
  sort_key: string;
  birth_date: string;
  gender: Gender;
  ethnicity_code: string | null;
  religion_code: string | null;
  nationality: string;
  phone: string | null;
  address: string | null;
  admin_area_code: string | null;
  admin_area_name: string | null;
  education_code: string | null;
  occupation: string | null;
  employer_enterprise_id: number | null;
  informal_trade_code: string | null;
  social_insurance_no: string | null;
  anonymised_at: string | null;
  created_at: string;
  updated_at: string;
}

/**
 * One row per word of person.full_name_folded (split at spaces): the name from that word to its end, with
 * the person's sort key. The member search's index, kept by triggers on person (migration 029); derived,
 * never written by the application.
 */
export interface PersonNameTailTable {
  tail: string;
  sort_key: string;
  person_id: number;
}

export interface MembershipTable {
  id: Generated<number>;
  person_id: number;
  unit_id: number;
  /** 'active' | 'transferred' | 'left' | 'expelled' | 'honorary' */
  status: MembershipStatus;
  informal: number;
  foreign: number;
  application_date: string | null;
  admitted_on: string;
  decision_no: string | null;
  ceremony_date: string | null;
  started_on: string;
  card_no: string | null;
  card_issued_on: string | null;
  ended_on: string | null;
  end_reason: string | null;
  transferred_from_id: number | null;
  created_at: string;
  updated_at: string;
}

export interface MembershipEventTable {
  id: Generated<number>;
  membership_id: number;
  kind: MembershipEventKind;
  event_date: string;
  decision_no: string | null;
  decision_date: string | null;
  related_unit_id: number | null;
  note: string | null;
  created_by: number | null;
  created_at: string;
}

export interface PartyIntroductionTable {
  id: Generated<number>;
  person_id: number;
  membership_id: number;
  unit_id: number;
  introduced_on: string;
  party_organisation: string;
  /** 'introduced' | 'in_training' | 'admitted' | 'not_admitted' */
  status: PartyStatus;
  status_date: string;
  note: string | null;
  created_by: number | null;
  created_at: string;
  updated_at: string;
}

/** A scan of an admission application or decision, keyed by (unit, decision number). */
export interface AdmissionDocumentTable {
  id: Generated<number>;
  unit_id: number;
  decision_no: string;
  /** 'application' | 'decision' */
  kind: AdmissionDocumentKind;
  file_name: string;
  /** Sniffed from the content, never taken from the browser. */
  mime: string;
  size: number;
  sha256: string;
  /** Relative to DATA_DIR/admission-documents/. */
  storage_path: string;
  uploaded_by: number | null;
  uploaded_at: string;
}

export interface DataKeyCheckTable {
  id: string;
  fingerprint: string;
  created_at: string;
}

export interface PossibleTransferTable {
  id: Generated<number>;
  person_id: number;
  holding_membership_id: number;
  holding_unit_id: number;
  requesting_unit_id: number;
  source: PossibleTransferSource;
  requested_by: number | null;
  requested_at: string;
  closed_at: string | null;
  resolution: 'transferred' | 'dismissed' | null;
  closed_by: number | null;
  note: string | null;
}

/** A unit's public self-application link (the QR poster); rotating revokes it and makes a new one. */
export interface ApplyLinkTable {
  id: Generated<number>;
  unit_id: number;
  token: string;
  created_at: string;
  created_by: number | null;
  revoked_at: string | null;
  revoked_by: number | null;
}

/** The consent wording in force between valid_from and valid_to ({unit} = the unit on the link). */
export interface ConsentTextTable {
  version: string;
  valid_from: string;
  valid_to: string | null;
  purpose_vi: string;
  data_vi: string;
  controller_vi: string;
  rights_vi: string;
  purpose_en: string;
  data_en: string;
  controller_en: string;
  rights_en: string;
}

/** A worker's application through a link: pending until an officer approves (→ admission) or rejects it. */
export interface ApplicationTable {
  id: Generated<number>;
  link_id: number;
  unit_id: number;
  /** 'pending' | 'approved' | 'rejected' */
  status: ApplicationStatus;
  full_name: string;
  full_name_folded: string;
  birth_date: string;
  gender: Gender;
  cccd_hash: string | null;
  cccd_enc: string | null;
  cccd_masked: string;
  cccd_kind: IdKind;
  /** JSON array of strings. */
  cccd_warnings: string;
  phone: string;
  workplace: string | null;
  informal_trade_code: string | null;
  consent_version: string;
  consent_at: string;
  consent_hash: string;
  submitted_at: string;
  submitted_on: string;
  decided_at: string | null;
  decided_by: number | null;
  reject_reason: string | null;
  membership_id: number | null;
}

export interface ApplyAttemptTable {
  id: Generated<number>;
  ip_hash: string;
  link_id: number;
  at: string;
  ok: number;
}

export type PlanStatus = 'draft' | 'issued';
export type PlanComparator = 'at_least' | 'at_most';

/** A plan of a unit (Kế hoạch 8/KH-LĐLĐ): its period, signer, recipients and text sections (JSON). */
export interface PlanTable {
  id: Generated<number>;
  unit_id: number;
  number: string;
  symbol: string;
  issued_on: string;
  place: string | null;
  title: string;
  period_from: string;
  period_to: string;
  status: PlanStatus;
  signer_name: string | null;
  signer_position: string | null;
  signer_authority: string | null;
  /** JSON array of strings. */
  recipients: string;
  /** JSON {preamble, purpose, requirements, tasks, organisation, schedule, closing}. */
  sections: string;
  created_by: number | null;
  created_at: string;
  updated_at: string;
  issued_at: string | null;
}

export interface PlanAssignmentTable {
  id: Generated<number>;
  plan_id: number;
  number: string;
  decided_on: string;
  title: string | null;
  created_at: string;
}

export interface PlanBasisTable {
  id: Generated<number>;
  plan_id: number;
  sort_order: number;
  ref_plan_id: number | null;
  ref_assignment_id: number | null;
  text: string | null;
}

export interface PlanTargetTable {
  id: Generated<number>;
  plan_id: number;
  parent_target_id: number | null;
  sort_order: number;
  code: string;
  label: string | null;
  metric: string;
  /** JSON MetricFilters. */
  filters: string;
  comparator: PlanComparator;
  goal: number;
  adopted_share_id: number | null;
}

export interface PlanShareTable {
  id: Generated<number>;
  target_id: number;
  unit_id: number;
  goal: number;
  assignment_id: number | null;
  created_at: string;
}

export interface PlanAmendmentTable {
  id: Generated<number>;
  plan_id: number;
  target_id: number;
  amended_on: string;
  field: 'goal' | 'comparator';
  old_value: string;
  new_value: string;
  decision_no: string | null;
  reason: string;
  created_by: number | null;
  created_at: string;
}

/** What one record contributes to a metric key on a day, placed under the ancestors of that day (migration 020). */
export interface MetricFactTable {
  source: string;
  source_id: number;
  key: string;
  unit_id: number;
  path: string;
  day: string;
  delta: number;
}

/** The facts summed per ancestor unit, key and day. */
export interface MetricDayTable {
  unit_id: number;
  key: string;
  day: string;
  value: number;
}

/** Counters kept by triggers; 'tree' moves with every write to the tree (migration 025), so a process may keep a scope while it stays. */
export interface AppCounterTable {
  key: string;
  value: number;
}

/** The header and signer texts of a unit's documents from a day on (migration 026); null columns: derived from the tree. */
export interface DocumentHeaderTable {
  id: Generated<number>;
  unit_id: number;
  valid_from: string;
  valid_to: string | null;
  superior_text: string | null;
  issuer_text: string | null;
  national_text: string | null;
  motto_text: string | null;
  signer_authority: string | null;
  signer_position: string | null;
  /** JSON array of strings. */
  recipients: string | null;
  created_at: string;
}

export interface PlanReviewTable {
  id: Generated<number>;
  plan_id: number;
  unit_id: number;
  kind: string;
  period_from: string;
  period_to: string;
  label: string;
  version: Generated<number>;
  supersedes_id: number | null;
  status: 'draft' | 'frozen' | 'submitted' | 'returned' | 'acknowledged';
  number: string | null;
  report_date: string | null;
  /** JSON object: section key → text. */
  sections: string;
  /** JSON object: date, chair, attendees. */
  meeting: string;
  /** JSON of the frozen figures; null while a draft. */
  figures: string | null;
  frozen_at: string | null;
  frozen_by: number | null;
  submitted_to_unit_id: number | null;
  submitted_at: string | null;
  submitted_by: number | null;
  decided_at: string | null;
  decided_by: number | null;
  return_comment: string | null;
  created_by: number | null;
  created_at: string;
  updated_at: string;
}

export interface Database {
  app_counter: AppCounterTable;
  document_header: DocumentHeaderTable;
  plan: PlanTable;
  plan_assignment: PlanAssignmentTable;
  plan_basis: PlanBasisTable;
  plan_target: PlanTargetTable;
  plan_share: PlanShareTable;
  plan_amendment: PlanAmendmentTable;
  plan_review: PlanReviewTable;
  possible_transfer: PossibleTransferTable;
  unit_type: UnitTypeTable;
  org_unit: OrgUnitTable;
  org_unit_version: OrgUnitVersionTable;
  org_event: OrgEventTable;
  app_user: AppUserTable;
  user_role: UserRoleTable;
  session: SessionTable;
  login_throttle: LoginThrottleTable;
  audit_log: AuditLogTable;
  ownership_type: OwnershipTypeTable;
  rule_setting: RuleSettingTable;
  enterprise: EnterpriseTable;
  admin_unit: AdminUnitTable;
  admin_unit_successor: AdminUnitSuccessorTable;
  enterprise_survey: EnterpriseSurveyTable;
  outreach_form: OutreachFormTable;
  outreach_event: OutreachEventTable;
  outreach_enterprise: OutreachEnterpriseTable;
  outreach_attachment: OutreachAttachmentTable;
  import_batch: ImportBatchTable;
  import_change: ImportChangeTable;
  import_mapping: ImportMappingTable;
  code_list: CodeListTable;
  code_alias: CodeAliasTable;
  person: PersonTable;
  person_name_tail: PersonNameTailTable;
  membership: MembershipTable;
  membership_event: MembershipEventTable;
  party_introduction: PartyIntroductionTable;
  data_key_check: DataKeyCheckTable;
  admission_document: AdmissionDocumentTable;
  apply_link: ApplyLinkTable;
  consent_text: ConsentTextTable;
  application: ApplicationTable;
  apply_attempt: ApplyAttemptTable;
  metric_fact: MetricFactTable;
  metric_day: MetricDayTable;
}
