import { AppError } from '../../platform/errors.js';
import type { ImportKind } from '../../platform/import/index.js';
import { enterpriseImport } from '../enterprises/enterprises.import.js';
import { memberImport } from '../members/members.import.js';

/**
 * The kinds of record a file can be imported as — the one place that names them. Each feature
 * exports its kind; everything else (upload, preview, commit, undo, template, the command line)
 * looks the kind up here by the name in the URL or the batch.
 */
export const IMPORT_KINDS: readonly ImportKind[] = [enterpriseImport, memberImport];

/** The kind of that name; a name no kind has is a route that does not exist. */
export function importKind(name: string): ImportKind {
  const kind = IMPORT_KINDS.find((k) => k.name === name);
  if (!kind) throw new AppError('NOT_FOUND');
  return kind;
}
