import { describe, expect, it } from 'vitest';
import * as applications from '../modules/applications/applications.repository.js';
import * as audit from '../modules/audit/audit.repository.js';
import * as enterprises from '../modules/enterprises/enterprises.repository.js';
import * as memberCounts from '../modules/members/members.counts.repository.js';
import * as members from '../modules/members/members.repository.js';
import * as org from '../modules/org/org.repository.js';
import * as outreach from '../modules/outreach/outreach.repository.js';
import * as users from '../modules/users/users.repository.js';
import type { Scope } from '../platform/scope.js';
import { sqlOf } from '../test/sql-capture.js';
import type { Db } from './database.js';

/**
 * The compiled SQL of the main list and report queries, checked in beside this file
 * (`__snapshots__/<query>.<dialect>.sql`), so a change to one of them shows in review as a change to
 * its SQL on both databases. `vitest run -u` rewrites them after a deliberate change.
 */
const scope: Scope = { permission: 'record.read', ranges: [{ from: '/1/5/', to: '/1/50' }], unitIds: [5] };
const period = { from: '2024-04-01', to: '2024-10-30' };
const thresholds = { surveyMin: 10, foundingMin: 25 };

const QUERIES: Record<string, (db: Db) => Promise<unknown>> = {
  'enterprises-list': async (db) => {
    const q = enterprises.filtered(db, scope, thresholds, period, {
      folded: 'cao su',
      nonState: true,
      eligibleForFounding: true,
      reached: false,
      sort: 'name',
      order: 'asc',
      limit: 20,
      offset: 0,
      from: period.from,
      to: period.to,
    } as never);
    await enterprises.countOf(db, q);
    await enterprises.pageOf(q, { sort: 'name', order: 'asc', limit: 20, offset: 0 });
  },
  'members-list-by-name': (db) => {
    const f = { folded: 'nguyen thi lan', cccdHash: null, phonePrefix: null, status: 'active', limit: 50, offset: 0 };
    return members.membersPage(db, scope, f as members.MemberFilters, 50, 0);
  },
  // The whole country: the count through the tail index (migration 029), the page by the probes' answer.
  'members-search-national': (db) => {
    const f = { folded: 'nguyen van an', cccdHash: null, phonePrefix: null, limit: 50, offset: 0 };
    const country: Scope = { permission: 'record.read', ranges: [{ from: '/1/', to: '/10' }], unitIds: [1] };
    return members.membersPage(db, country, f as members.MemberFilters, 50, 0);
  },
  'members-by-identity': (db) => {
    const f = { folded: '', cccdHash: 'ab12', phonePrefix: null, limit: 50, offset: 0 };
    return members.listPage(db, members.filteredMembers(db, scope, f as members.MemberFilters), 50, 0);
  },
  'members-counts': (db) => memberCounts.countsFromRecords(db, scope, period),
  'members-counts-summaries': (db) => memberCounts.countsFromSummaries(db, scope, 5, period),
  'outreach-coverage': (db) => outreach.coverageFigures(db, scope, thresholds, period),
  'org-children': (db) => org.childrenAt(db, 5, '2024-06-30', scope),
  'org-search': (db) => org.searchAt(db, scope, { folded: 'phu rieng', code: 'PHU', date: '2024-06-30', limit: 20 }),
  'users-list': (db) => users.listUsers(db, scope, { folded: 'nguyen', limit: 50, offset: 0 }),
  'audit-list': (db) => audit.listEntries(db, scope, { limit: 50, offset: 0 }),
  'applications-queue': (db) =>
    applications.listPage(db, scope, { status: 'pending', folded: 'lan', phonePrefix: null }, { limit: 20, offset: 0 }),
};

describe('compiled SQL of the main list and report queries', () => {
  for (const [name, run] of Object.entries(QUERIES)) {
    for (const dialect of ['sqlite', 'postgres'] as const) {
      it(`${name} on ${dialect}`, async () => {
        await expect(await sqlOf(dialect, run)).toMatchFileSnapshot(`__snapshots__/${name}.${dialect}.sql`);
      });
    }
  }
});
