import type { Transaction } from 'kysely';
import type { Message } from '../../../shared/i18n/messages.js';
import type { Db } from '../../db/database.js';
import type { Database } from '../../db/schema.js';
import type { AppContext } from '../context.js';
import type { FileAnswer } from '../routes.js';
import type { Actor, Scope } from '../scope.js';
import type { ImportSpec, OnDuplicate } from './engine.js';
import type { FieldSpec } from './header.js';

/** Who runs an import, into which unit, and how duplicates are treated: what a kind builds its rules from. */
export type ImportRun = {
  actor: Actor;
  /** The caller's write scope. */
  scope: Scope;
  /** The caller's read scope: another unit is named only inside it. */
  readScope: Scope;
  unitId: number;
  today: string;
  onDuplicate: OnDuplicate;
  /** The reason given for creating records whose key already exists (onDuplicate 'create'), else null. */
  duplicateReason: string | null;
  /** What the person said for the whole list when the file lacks the column (ISO dates). */
  listWide: ListWide;
};

/**
 * Values given once for a whole list: the date of an enterprise list's figures, the admission decision a
 * member list is attached to. A row with its own value keeps it.
 */
export type ListWide = {
  asOf: string | null;
  decisionNo: string | null;
  decisionDate: string | null;
  ceremonyDate: string | null;
};

export const NO_LIST_WIDE: ListWide = { asOf: null, decisionNo: null, decisionDate: null, ceremonyDate: null };

/** A committed batch being undone. */
export type UndoBatch = { id: number; unitId: number; committedAt: string };

/** One change a batch made, newest first; `before` is the row as it was (updates only). */
export type BatchChange = {
  entity: string;
  entityId: number;
  action: 'insert' | 'update';
  before: Record<string, unknown> | null;
};

/** Something newer that depends on a batch, counted ("2 hoạt động tuyên truyền"). */
export type UndoBlocker = { count: number; what: Message };

/**
 * A kind of record a file can be imported as. Each feature exports its kind (`enterpriseImport`,
 * `memberImport`); the registry lists them, and the engine and the batch bookkeeping only ever see
 * this shape — a new kind is a new feature file plus one registry line.
 */
export interface ImportKind<K extends string = string, V = unknown> {
  /** The name in URLs, batches and the command line ("enterprises"). */
  name: string;
  fields: readonly FieldSpec<K>[];
  /** Said when an upload names no unit; the kind knows what unit it means. */
  unitRequired: Message;
  /** Rules on the target unit beyond the caller's write scope (e.g. a grassroots union existing today). Throws. */
  checkUnit?(ctx: AppContext, unitId: number): Promise<void>;
  /** The row rules for one run. */
  spec(ctx: AppContext, run: ImportRun): Promise<ImportSpec<K, V>>;
  /** What newer records depend on a committed batch; any blocker refuses the undo. */
  undoBlockers(db: Db, batch: UndoBatch, changes: BatchChange[]): Promise<UndoBlocker[]>;
  /** Deletes what the batch inserted and restores what it updated, inside the undo's transaction. */
  undo(trx: Transaction<Database>, changes: BatchChange[]): Promise<void>;
  /** The blank template (headers, an example row, drop-down lists), ready to send. */
  template(ctx: AppContext): Promise<FileAnswer>;
}

/** Blockers that count nothing are dropped; the rest are what the person is told. */
export function blockers(list: UndoBlocker[]): UndoBlocker[] {
  return list.filter((b) => b.count > 0);
}
