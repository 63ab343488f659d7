import type { Migration, MigrationProvider } from 'kysely';
import * as m001 from './001_foundation.js';
import * as m002 from './002_unit_types.js';
import * as m003 from './003_enterprises.js';
import * as m004 from './004_members.js';
import * as m005 from './005_applications.js';
import * as m006 from './006_member_documents.js';
import * as m007 from './007_member_search.js';
import * as m008 from './008_possible_transfers.js';
import * as m009 from './009_apply_limits.js';
import * as m011 from './011_admin_units.js';
import * as m012 from './012_code_aliases.js';
import * as m014 from './014_audit_filters.js';
import * as m020 from './020_metric_summaries.js';
import * as m021 from './021_plans.js';
import * as m022 from './022_scale_indexes.js';
import * as m023 from './023_login_throttle.js';
import * as m024 from './024_metric_probe_keys.js';
import * as m025 from './025_tree_version.js';
import * as m026 from './026_document_header.js';
import * as m027 from './027_enterprise_name_order.js';
import * as m028 from './028_reviews.js';
import * as m029 from './029_person_name_tails.js';

/** Listed in code (not read from a folder) so the compiled build and tsx run the same set. */
const MIGRATIONS: Record<string, Migration> = {
  '001_foundation': m001,
  '002_unit_types': m002,
  '003_enterprises': m003,
  '004_members': m004,
  '005_applications': m005,
  '006_member_documents': m006,
  '007_member_search': m007,
  '008_possible_transfers': m008,
  '009_apply_limits': m009,
  '011_admin_units': m011,
  '012_code_aliases': m012,
  '014_audit_filters': m014,
  '020_metric_summaries': m020,
  '021_plans': m021,
  '022_scale_indexes': m022,
  '023_login_throttle': m023,
  '024_metric_probe_keys': m024,
  '025_tree_version': m025,
  '026_document_header': m026,
  '027_enterprise_name_order': m027,
  '028_reviews': m028,
  '029_person_name_tails': m029,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => MIGRATIONS,
};
