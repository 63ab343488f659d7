import type { Migration, MigrationProvider } from 'kysely';
import * as m001 from './001_foundation.js';
import * as m002 from './002_unit_types.js';
import * as m003 from './003_enterprises.js';
import * as m004 from './004_members.js';

/** Listed in code (not read from a folder) so the compiled build and tsx run the same set. */
const MIGRATIONS: Record<string, Migration> = {
  '001_foundation': m001,
  '002_unit_types': m002,
  '003_enterprises': m003,
  '004_members': m004,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => MIGRATIONS,
};
