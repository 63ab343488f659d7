import type { Transaction } from 'kysely';
import { type Message, say } from '../../../shared/i18n/messages.js';
import { joinMessages, importsMessages as M, verbatim } from '../../../shared/imports/messages.js';
import { officeMessages as O } from '../../../shared/imports/office.messages.js';
import type { Db } from '../../db/database.js';
import type { Database } from '../../db/schema.js';
import { cellFault, endOfTable } from './cells.js';
import { importErrors } from './errors.js';
import { detectHeader, type FieldSpec, type HeaderDetection } from './header.js';
import { columnLetter, defaultLimits, type ReadLimits } from './limits.js';
import { openTable } from './reader.js';
import type { CellValue, TableRow } from './types.js';
import { foldValue, type ValueParser } from './values.js';

/**
 * One import engine for every kind of record. It streams the file, finds the header, parses each row
 * with the kind's parsers, dedupes by the kind's key within the file and against the database, and —
 * unless it is a dry run — writes inside ONE transaction: in 'all' mode a single rejected row rolls
 * everything back; in 'valid' mode the valid rows commit and the rejected ones come back to the caller
 * (to be returned as an .xlsx with an error column). Messages carry both languages; the caller picks.
 */
export type RowIssue = { row: number; column: Message; message: Message };
export type FieldIssue<K extends string> = { field: K; message: Message };
export type OnDuplicate = 'update' | 'skip' | 'create';
export type Mode = 'all' | 'valid';
export type Action = 'insert' | 'update' | 'skip';

/**
 * A record already holding the key. `conflict`, when set, rejects the row with that message (e.g. a
 * member active in another unit: a possible transfer, not a duplicate to update).
 */
export type Existing = { id: number; visible: boolean; label: string; conflict?: Message };

/** A change written by a kind; an insert unless said otherwise (a re-admission updates its person). */
export type Change = { entity: string; id: number; action?: 'insert' | 'update'; before?: unknown };
export type RecordedChange = { entity: string; id: number; action: 'insert' | 'update'; before: unknown };

/** The row rules of one run of a kind: parsers, cross-field rules, the key, and how rows are written. */
export interface ImportSpec<K extends string, V> {
  fields: readonly FieldSpec<K>[];
  parsers: Record<K, ValueParser<unknown>>;
  /** Cross-field rules and the typed value; issues name a field. */
  build(values: Partial<Record<K, unknown>>): {
    value: V | null;
    issues: FieldIssue<K>[];
    /** Cross-field warnings (e.g. a CCCD whose birth year disagrees with the date of birth). */
    warnings?: FieldIssue<K>[];
    skip?: Message;
  };
  keyField: K;
  keyOf(v: V): string | null;
  /**
   * The key of a row that was rejected, from its parsed cells, so that a later row with the same key is still
   * reported as a duplicate. By default the key field's parsed value.
   */
  keyOfCells?(values: Partial<Record<K, unknown>>): string | null;
  /** The entries a list field's values may be mapped to (by code), for the value mapping step. */
  choices?: Partial<Record<K, readonly ValueChoice[]>>;
  /** How the key is shown in messages and the preview, when the key itself should not be (a hash). */
  showKey?(v: V): string;
  /** How a row is named in the preview (e.g. the enterprise's name). */
  labelOf(v: V): string;
  findExisting(db: Db, keys: string[]): Promise<Map<string, Existing>>;
  /** Inserts a chunk in a few multi-row statements (a 100 k-row file is ~200 chunks, not 100 k round trips). */
  insertMany(trx: Transaction<Database>, values: V[], batchId: number | null): Promise<Change[]>;
  update(trx: Transaction<Database>, id: number, v: V, batchId: number | null): Promise<RecordedChange[]>;
  /**
   * Problems of the file as a whole once its columns are known (e.g. no survey date column and no date given
   * for the figures): each refuses the run, like a missing required column.
   */
  fileIssues?(mapped: (field: K) => boolean): Message[];
  /** After a run that could write (not a preview), committed or not: e.g. telling other units what it met. */
  afterRun?(): Promise<void>;
}

/** An entry a value found in a file may be mapped to. */
export type ValueChoice = { code: string; name: string };
/** Field → folded value as written → code: the person's answer to "what does «Cty TNHH» mean". */
export type ValueMapping = Partial<Record<string, Record<string, string>>>;
/** A value that matched no entry of its list, once per file, with the rows that use it. */
export type UnknownValue = {
  field: string;
  label: Message;
  raw: string;
  folded: string;
  rows: number[];
  count: number;
  choices: readonly ValueChoice[];
  /** The list entry the caller's value mapping gave it (still listed, so the choice can be changed). */
  mappedTo: string | null;
};

export type RunOptions<K extends string> = {
  file: string;
  mapping?: Partial<Record<K, number | null>>;
  valueMapping?: ValueMapping;
  onDuplicate: OnDuplicate;
  duplicateReason?: string | null;
  mode: Mode;
  dryRun: boolean;
  batchId: number | null;
  /** Keeps what each write changed, in the same transaction (for undo). */
  onChanges?: (trx: Transaction<Database>, batchId: number, changes: RecordedChange[]) => Promise<void>;
  /** Called every few hundred rows so a progress bar can move. */
  onProgress?: (rowsRead: number) => void;
  previewLimit?: number;
  /** Rows, inflated bytes, cell size (config.imports); a file past one throws ImportFileError TOO_LARGE. */
  limits?: ReadLimits;
};

export type Report<K extends string> = {
  header: Pick<HeaderDetection<K>, 'headerRows' | 'dataStartRow' | 'columns' | 'missingRequired'> & {
    mapping: Record<K, number | null>;
  };
  rows: number;
  inserted: number;
  updated: number;
  skipped: number;
  rejected: RowIssue[];
  warnings: RowIssue[];
  /** Excel row numbers rejected, with their cells, for the rejected-rows file. */
  rejectedRows: { row: number; cells: CellValue[]; issues: RowIssue[] }[];
  preview: { row: number; action: Action | 'reject'; key: string | null; label: string }[];
  /** Values no list entry matched, once each, for the value mapping step. */
  unknownValues: UnknownValue[];
  /** Where the table ended (a total row, a signature line) and how many rows from there were left out. */
  endOfTable: { row: number; text: string; ignored: number } | null;
  /** Notes about the file as a whole (the end of the table), not about a row. */
  info: Message[];
  committed: boolean;
};

const CHUNK = 500;
const HEAD_ROWS = 30;

export class ImportAborted extends Error {}

export { columnLetter } from './limits.js';

/** A field's name in both languages. */
export const fieldLabel = (f: FieldSpec): Message => ({ vi: f.label, en: f.labelEn ?? f.label });

export async function readHeader<K extends string>(
  file: string,
  fields: readonly FieldSpec<K>[],
  limits: ReadLimits = defaultLimits(),
) {
  const table = await openTable(file, { limits });
  const head: TableRow[] = [];
  for await (const r of table.rows()) {
    head.push(r);
    if (head.length >= HEAD_ROWS) break;
  }
  return { table, detection: detectHeader(head, fields) };
}

export async function runImport<K extends string, V>(
  db: Db,
  spec: ImportSpec<K, V>,
  opts: RunOptions<K>,
): Promise<Report<K>> {
  const limits = opts.limits ?? defaultLimits();
  const { table, detection } = await readHeader(opts.file, spec.fields, limits);
  const mapping = { ...(detection?.mapping ?? {}), ...(opts.mapping ?? {}) } as Record<K, number | null>;
  const columns = detection?.columns ?? [];
  const headerText = (i: number) => columns.find((c) => c.index === i)?.header ?? '';
  const labelOf = (field: K): Message => {
    const f = spec.fields.find((x) => x.key === field);
    return f ? fieldLabel(f) : verbatim(field);
  };
  const columnName = (field: K): Message => {
    const idx = mapping[field];
    if (idx === null || idx === undefined) return labelOf(field);
    const header = headerText(idx);
    return say(M.column, { header: header ? verbatim(header) : labelOf(field), letter: columnLetter(idx) });
  };
  const report: Report<K> = {
    header: {
      headerRows: detection?.headerRows ?? [],
      dataStartRow: detection?.dataStartRow ?? 1,
      columns,
      missingRequired: spec.fields
        .filter((f) => f.required && (mapping[f.key] === null || mapping[f.key] === undefined))
        .map((f) => f.key),
      mapping,
    },
    rows: 0,
    inserted: 0,
    updated: 0,
    skipped: 0,
    rejected: [],
    warnings: [],
    rejectedRows: [],
    preview: [],
    unknownValues: [],
    endOfTable: null,
    info: [],
    committed: false,
  };
  if (!detection || report.header.missingRequired.length > 0) {
    const missing = joinMessages(report.header.missingRequired.map(labelOf));
    const examples = joinMessages(spec.fields.slice(0, 2).map((f) => say(verbatim('"{l}"'), { l: fieldLabel(f) })));
    report.rejected.push({
      row: 0,
      column: missing,
      message: detection ? say(M.missingColumns, { fields: missing }) : say(M.noHeader, { examples }),
    });
    return report;
  }

  // Each key with the first row holding it, and whether that row was rejected (a duplicate is still one).
  const fileIssues = spec.fileIssues?.((f) => mapping[f] !== null && mapping[f] !== undefined) ?? [];
  if (fileIssues.length > 0) {
    for (const message of fileIssues) report.rejected.push({ row: 0, column: verbatim(''), message });
    return report;
  }
  const seen = new Map<string, { row: number; rejected: boolean }>();
  const unknown = new Map<string, UnknownValue>();
  const valueMapping = opts.valueMapping ?? {};
  const choiceCodes = new Map<string, Set<string>>(
    Object.entries<readonly ValueChoice[] | undefined>(spec.choices ?? {}).map(([f, list]) => [
      f,
      new Set((list ?? []).map((c) => c.code)),
    ]),
  );
  const mappedCode = (field: K, raw: CellValue | undefined): string | null => {
    if (typeof raw !== 'string' && typeof raw !== 'number') return null;
    const code = valueMapping[field]?.[foldValue(String(raw))];
    return code !== undefined && choiceCodes.get(field)?.has(code) ? code : null;
  };
  /** A spelling met on a row, once per file: unknown (mappedTo null) or mapped by the caller. */
  const met = (field: K, raw: string, row: number, mappedTo: string | null) => {
    const folded = foldValue(raw);
    const id = `${field}\u0000${folded}`;
    const u = unknown.get(id) ?? {
      field,
      label: labelOf(field),
      raw,
      folded,
      rows: [],
      count: 0,
      choices: spec.choices?.[field] ?? [],
      mappedTo,
    };
    u.count++;
    if (u.rows.length < 20) u.rows.push(row);
    unknown.set(id, u);
  };
  const keyOfCells =
    spec.keyOfCells ??
    ((values: Partial<Record<K, unknown>>) => {
      const k = values[spec.keyField];
      return typeof k === 'string' ? k : null;
    });
  const previewLimit = opts.previewLimit ?? 200;
  type Parsed = { row: number; cells: CellValue[]; value: V; key: string | null };
  const shownKey = (v: V, key: string | null) => (key !== null && spec.showKey ? spec.showKey(v) : key);
  const reject = (row: number, cells: CellValue[], issues: (RowIssue & { once?: boolean })[]) => {
    // An unknown value is listed once per file (unknownValues); the row still carries it in the rejected file.
    report.rejected.push(...issues.filter((i) => !i.once).map(({ once: _, ...i }) => i));
    report.rejectedRows.push({ row, cells, issues });
    if (report.preview.length < previewLimit) report.preview.push({ row, action: 'reject', key: null, label: '' });
  };
  const keyIssue = (row: number, message: Message): RowIssue => ({ row, column: columnName(spec.keyField), message });
  const record = async (trx: Transaction<Database>, changes: Change[]) => {
    if (opts.batchId === null || !opts.onChanges || changes.length === 0) return;
    await opts.onChanges(
      trx,
      opts.batchId,
      changes.map((c) => ({ entity: c.entity, id: c.id, action: c.action ?? 'insert', before: c.before ?? null })),
    );
  };

  // The unknown values become one issue each (at their first row), so an all-or-nothing run still refuses them.
  const finishOffice = () => {
    report.unknownValues = [...unknown.values()];
    for (const u of report.unknownValues) {
      if (u.mappedTo !== null) continue;
      const field = u.field as K;
      report.rejected.push({
        row: u.rows[0] ?? 0,
        column: columnName(field),
        message: say(O.unknownValue, { raw: u.raw, field: labelOf(field), rows: String(u.count) }),
      });
    }
    const end = report.endOfTable;
    if (end) report.info.push(say(O.endOfTable, { row: String(end.row), text: end.text, n: String(end.ignored) }));
  };

  const work = async (trx: Transaction<Database> | null) => {
    let chunk: Parsed[] = [];
    const flush = async () => {
      if (chunk.length === 0) return;
      // All-or-nothing and a row already failed: the transaction will roll back, so stop writing and
      // only keep validating, for the report (a 300 k-row file with an early error stays fast).
      const write = trx !== null && !(opts.mode === 'all' && report.rejectedRows.length > 0);
      const keys = [...new Set(chunk.map((p) => p.key).filter((k): k is string => k !== null))];
      const existing = await spec.findExisting(trx ?? db, keys);
      const toInsert: V[] = [];
      for (const p of chunk) {
        const ex = p.key ? existing.get(p.key) : undefined;
        let action: Action = 'insert';
        if (ex) {
          const key = shownKey(p.value, p.key);
          if (ex.conflict || !ex.visible) {
            reject(p.row, p.cells, [keyIssue(p.row, ex.conflict ?? say(M.otherUnit, { key }))]);
            continue;
          }
          action = opts.onDuplicate === 'update' ? 'update' : opts.onDuplicate === 'skip' ? 'skip' : 'insert';
          if (action === 'insert' && !opts.duplicateReason) {
            reject(p.row, p.cells, [keyIssue(p.row, say(M.duplicateNeedsReason, { key, label: ex.label }))]);
            continue;
          }
        }
        if (report.preview.length < previewLimit) {
          report.preview.push({
            row: p.row,
            action,
            key: shownKey(p.value, p.key),
            label: ex?.label || spec.labelOf(p.value),
          });
        }
        if (action === 'skip') {
          report.skipped++;
          continue;
        }
        if (action === 'update' && ex) {
          report.updated++;
          if (write && trx) await record(trx, await spec.update(trx, ex.id, p.value, opts.batchId));
        } else {
          report.inserted++;
          toInsert.push(p.value);
        }
      }
      if (write && trx && toInsert.length > 0) await record(trx, await spec.insertMany(trx, toInsert, opts.batchId));
      chunk = [];
    };

    for await (const r of table.rows()) {
      if (r.row < report.header.dataStartRow) continue;
      // Below the total row or in the signature block: not records. Counted, so the person sees it happened.
      if (report.endOfTable) {
        report.endOfTable.ignored++;
        continue;
      }
      const end = endOfTable(r);
      if (end !== null) {
        report.endOfTable = { row: r.row, text: end.length > 60 ? `${end.slice(0, 57)}…` : end, ignored: 1 };
        continue;
      }
      report.rows++;
      if (report.rows > limits.maxRows) throw importErrors.tooManyRows(limits.maxRows);
      if (report.rows % CHUNK === 0) opts.onProgress?.(report.rows);
      const values: Partial<Record<K, unknown>> = {};
      const issues: (RowIssue & { once?: boolean })[] = [];
      for (const f of spec.fields) {
        const idx = mapping[f.key];
        if (idx === null || idx === undefined) continue;
        const raw = r.cells[idx];
        const fault = cellFault(raw);
        if (fault) {
          issues.push({ row: r.row, column: columnName(f.key), message: fault });
          continue;
        }
        const code = mappedCode(f.key, raw);
        if (code !== null) {
          values[f.key] = code;
          met(f.key, String(raw).trim(), r.row, code);
          continue;
        }
        const parsed = spec.parsers[f.key](raw);
        if ('error' in parsed && parsed.unknown !== undefined && spec.choices?.[f.key]) {
          // Said once per file (below), not on every row that uses the spelling.
          met(f.key, parsed.unknown, r.row, null);
          issues.push({
            row: r.row,
            column: columnName(f.key),
            message: say(O.unknownValueRow, { raw: parsed.unknown }),
            once: true,
          });
        } else if ('error' in parsed) issues.push({ row: r.row, column: columnName(f.key), message: parsed.error });
        else {
          values[f.key] = parsed.value;
          if ('warning' in parsed)
            report.warnings.push({ row: r.row, column: columnName(f.key), message: parsed.warning });
        }
      }
      const built = spec.build(values);
      if (built.skip) {
        report.skipped++;
        report.warnings.push({ row: r.row, column: verbatim(''), message: built.skip });
        continue;
      }
      // A cell that failed to parse is reported once: not again as "missing" by the cross-field rules.
      const failed = new Set(issues.map((i) => i.column.vi));
      for (const i of built.issues) {
        const column = columnName(i.field);
        if (!failed.has(column.vi)) issues.push({ row: r.row, column, message: i.message });
      }
      if (issues.length === 0) {
        for (const w of built.warnings ?? [])
          report.warnings.push({ row: r.row, column: columnName(w.field), message: w.message });
      }
      if (issues.length > 0 || !built.value) {
        const key = keyOfCells(values);
        if (key !== null && !seen.has(key)) seen.set(key, { row: r.row, rejected: true });
        reject(r.row, r.cells, issues);
        continue;
      }
      const key = spec.keyOf(built.value);
      if (key !== null) {
        const first = seen.get(key);
        if (first !== undefined) {
          const shown = shownKey(built.value, key);
          const params = { key: shown, first: String(first.row) };
          const message = say(first.rejected ? O.duplicateOfRejected : M.duplicateInFile, params);
          reject(r.row, r.cells, [keyIssue(r.row, message)]);
          continue;
        }
        seen.set(key, { row: r.row, rejected: false });
      }
      chunk.push({ row: r.row, cells: r.cells, value: built.value, key });
      if (chunk.length >= CHUNK) await flush();
    }
    await flush();
    opts.onProgress?.(report.rows);
    finishOffice();
    if (trx && opts.mode === 'all' && report.rejectedRows.length > 0) throw new ImportAborted();
  };

  // Rows rejected against the database come at the end of their chunk: put every list back in row order.
  const sortPreview = () => {
    report.preview.sort((a, b) => a.row - b.row);
    report.rejected.sort((a, b) => a.row - b.row);
    report.warnings.sort((a, b) => a.row - b.row);
    report.rejectedRows.sort((a, b) => a.row - b.row);
  };
  if (opts.dryRun) {
    await work(null);
    sortPreview();
    return report;
  }
  try {
    await db.transaction().execute(async (trx) => work(trx));
    report.committed = true;
  } catch (err) {
    if (!(err instanceof ImportAborted)) throw err;
  }
  sortPreview();
  return report;
}
