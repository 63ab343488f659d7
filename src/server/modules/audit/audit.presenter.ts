import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { ZAuditDetail, ZAuditEntry } from '../../../shared/audit/contract.js';
import {
  auditActionLabel,
  auditEntityLabel,
  auditFieldLabel,
  auditValueLabel,
  camelKey,
  YES_NO,
} from '../../../shared/audit/labels.js';
import { ROLE_NAMES, ROLES, type Role } from '../../../shared/auth/roles.js';
import type { Locale } from '../../../shared/errors/codes.js';
import { formatViDate, isIsoDate } from '../../../shared/text/index.js';
import type { Database } from '../../db/schema.js';
import * as repo from './audit.repository.js';

/**
 * An entry in words: the action and the record named in the reader's language ("Kết nạp đoàn viên",
 * "Đoàn viên Nguyễn Văn A"), and the before/after snapshots as labelled fields whose values are names,
 * dd/mm/yyyy dates and Có/Không, never raw keys, ids or codes. The snapshots were scrubbed of secrets
 * when written (platform/audit.ts); a person anonymised since is no longer named, here or in the fields.
 */

type Detail = z.input<typeof ZAuditDetail>;
type Snapshot = Record<string, unknown>;

/** Fields that point at a unit, an enterprise or a user, shown by name. */
const UNIT_FIELDS = new Set([
  'unitId',
  'parentId',
  'newParentId',
  'targetId',
  'mergedIntoId',
  'toUnitId',
  'admittedInto',
  'grassrootsUnitId',
  'relatedUnitId',
]);
const ENTERPRISE_FIELDS = new Set(['enterpriseIds', 'employerEnterpriseId']);
const USER_FIELDS = new Set(['officerUserId']);
/** Internal bookkeeping (ids the record reference already names, materialised paths, hashes). */
const HIDDEN = new Set([
  'id',
  'personId',
  'membershipId',
  'newMembershipId',
  'path',
  'sha256',
  'createdBy',
  'createdAt',
  'updatedAt',
]);
/** What names a person: not shown once the person is anonymised. */
const PERSONAL = new Set(['fullName', 'cccdMasked', 'birthDate', 'phone', 'address', 'name']);
const CODE_FIELDS = ['typeCode', 'ownershipCode', 'formCode'] as const;

function parse(json: string | null): Snapshot | null {
  if (!json) return null;
  const v: unknown = JSON.parse(json);
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Snapshot) : { value: v };
}

const num = (v: unknown) => (typeof v === 'number' ? v : typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : NaN);

function walk(v: unknown, visit: (key: string, value: unknown) => void, key = '') {
  if (Array.isArray(v)) for (const x of v) walk(x, visit, key);
  else if (v !== null && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, visit, camelKey(k));
  else visit(key, v);
}

type Names = Awaited<ReturnType<typeof loadNames>>;

async function loadNames(db: Kysely<Database>, rows: repo.EntryRow[], snaps: (Snapshot | null)[]) {
  const units: number[] = [];
  const enterprises: number[] = [];
  const users: number[] = [];
  for (const s of snaps) {
    walk(s, (k, v) => {
      if (UNIT_FIELDS.has(k)) units.push(num(v));
      if (ENTERPRISE_FIELDS.has(k)) enterprises.push(num(v));
      if (USER_FIELDS.has(k)) users.push(num(v));
    });
  }
  const of = (entity: string) => rows.filter((r) => r.entity === entity).map((r) => num(r.entity_id));
  units.push(...of('org_unit'));
  users.push(...of('user'));
  enterprises.push(...of('enterprise'));
  const [unit, user, person, record, codes] = await Promise.all([
    repo.unitNames(db, units),
    repo.userNames(db, users),
    repo.people(db, {
      membership: of('membership'),
      person: of('person'),
      party: of('party_introduction'),
      transfer: of('possible_transfer'),
    }),
    repo.recordNames(db, {
      enterprise: enterprises,
      outreach: of('outreach_event'),
      batch: of('import_batch'),
      document: of('admission_document'),
      link: of('apply_link'),
      application: of('application'),
    }),
    repo.codeNames(db),
  ]);
  return { unit, user, person, record, codes };
}

function personOf(r: repo.EntryRow, names: Names): repo.PersonRef | undefined {
  const id = num(r.entity_id);
  switch (r.entity) {
    case 'membership':
      return names.person.membership.get(id);
    case 'person':
      return names.person.person.get(id);
    case 'party_introduction':
      return names.person.party.get(id);
    case 'possible_transfer':
      return names.person.transfer.get(id);
    default:
      return undefined;
  }
}

const GONE = { vi: '(không còn trong hệ thống)', en: '(no longer recorded)' };
const ANONYMISED = { vi: '(đã ẩn danh)', en: '(anonymised)' };

function entityName(r: repo.EntryRow, names: Names, locale: Locale): string | null {
  const id = num(r.entity_id);
  const p = personOf(r, names);
  if (p) return p.anonymised ? ANONYMISED[locale] : p.fullName;
  switch (r.entity) {
    case 'org_unit':
      return names.unit.get(id) ?? null;
    case 'user': {
      const u = names.user.get(id);
      return u ? `${u.fullName} (${u.username})` : null;
    }
    case 'enterprise':
      return names.record.enterprise.get(id) ?? null;
    case 'outreach_event': {
      const e = names.record.outreach.get(id);
      return e ? `${e.title ?? ''} ${formatViDate(e.date)}`.trim() : null;
    }
    case 'import_batch':
      return names.record.batch.get(id) ?? null;
    case 'admission_document':
      return names.record.document.get(id) ?? null;
    case 'apply_link':
      return names.record.link.get(id) ?? null;
    case 'application':
      return names.record.application.get(id) ?? null;
    default:
      return null;
  }
}

function entityLabel(r: repo.EntryRow, names: Names, locale: Locale): string {
  const kind = auditEntityLabel(r.entity, locale) ?? auditEntityLabel('org_unit', locale) ?? '';
  // An export or a list-wide action is about no one record.
  if (r.entity_id === null) return kind;
  return `${kind} ${entityName(r, names, locale) ?? GONE[locale]}`;
}

function words(field: string, v: unknown, names: Names, locale: Locale): string | null {
  if (v === null || v === undefined || v === '') return null;
  if (Array.isArray(v)) {
    const parts = v.map((x) => words(field, x, names, locale)).filter((x): x is string => x !== null);
    return parts.length > 0 ? parts.join('; ') : null;
  }
  if (typeof v === 'object') {
    const parts = Object.entries(v as Snapshot)
      .map(([k, x]) => {
        const key = camelKey(k);
        if (HIDDEN.has(key)) return null;
        const label = auditFieldLabel(key, locale);
        const value = words(key, x, names, locale);
        return label && value !== null ? `${label}: ${value}` : null;
      })
      .filter((x): x is string => x !== null);
    return parts.length > 0 ? parts.join(', ') : null;
  }
  if (typeof v === 'boolean') return YES_NO[v ? 'yes' : 'no'][locale];
  if (UNIT_FIELDS.has(field)) return names.unit.get(num(v)) ?? GONE[locale];
  if (ENTERPRISE_FIELDS.has(field)) return names.record.enterprise.get(num(v)) ?? GONE[locale];
  if (USER_FIELDS.has(field)) return names.user.get(num(v))?.fullName ?? GONE[locale];
  const s = String(v);
  if (field === 'role' && (ROLES as readonly string[]).includes(s)) return ROLE_NAMES[s as Role][locale];
  for (const f of CODE_FIELDS) if (field === f) return names.codes[f].get(s)?.[locale] ?? s;
  if (field === 'topics') return names.codes.formCode.get(s)?.[locale] ?? s;
  const valueLabel = auditValueLabel(field, s, locale);
  if (valueLabel) return valueLabel;
  if (typeof v === 'number') return new Intl.NumberFormat('vi-VN').format(v);
  if (isIsoDate(s)) return formatViDate(s);
  if (/^\d{4}-\d{2}-\d{2}T/.test(s) && isIsoDate(s.slice(0, 10))) return formatViDate(s.slice(0, 10));
  return s;
}

function details(
  before: Snapshot | null,
  after: Snapshot | null,
  names: Names,
  locale: Locale,
  anonymised: boolean,
): Detail[] {
  const keys = new Map<string, string[]>();
  for (const s of [before, after]) {
    for (const k of Object.keys(s ?? {})) {
      const key = camelKey(k);
      keys.set(key, [...(keys.get(key) ?? []), k]);
    }
  }
  const out: Detail[] = [];
  const pick = (s: Snapshot | null, raw: string[]) => {
    for (const k of raw) if (s && Object.hasOwn(s, k)) return s[k];
    return undefined;
  };
  for (const [field, raw] of keys) {
    if (HIDDEN.has(field) || (anonymised && PERSONAL.has(field))) continue;
    // A field without words of its own is left out rather than shown as a raw key.
    const label = auditFieldLabel(field, locale);
    if (!label) continue;
    const b = words(field, pick(before, raw), names, locale);
    const a = words(field, pick(after, raw), names, locale);
    if (b === null && a === null) continue;
    out.push({ field, label, before: b, after: a });
  }
  return out;
}

export async function presentEntries(
  db: Kysely<Database>,
  locale: Locale,
  rows: repo.EntryRow[],
): Promise<z.input<typeof ZAuditEntry>[]> {
  const parsed = rows.map((r) => ({ before: parse(r.before_json), after: parse(r.after_json) }));
  const names = await loadNames(
    db,
    rows,
    parsed.flatMap((p) => [p.before, p.after]),
  );
  return rows.map((r, i) => {
    const p = parsed[i] ?? { before: null, after: null };
    const anonymised = personOf(r, names)?.anonymised ?? false;
    return {
      id: r.id,
      at: r.at,
      username: r.username,
      userFullName: r.user_full_name,
      action: r.action,
      actionLabel: auditActionLabel(r.action, locale) ?? r.action,
      entity: r.entity,
      entityId: r.entity_id,
      entityLabel: entityLabel(r, names, locale),
      unitId: r.unit_id,
      unitName: r.unit_name,
      details: details(p.before, p.after, names, locale, anonymised),
    };
  });
}
