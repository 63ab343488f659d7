import type { Locale } from '../../../shared/i18n/messages.js';
import { officeMessages } from '../../../shared/imports/office.messages.js';
import { type FieldSpec, fieldLabel, type Report, type RowIssue } from '../../platform/import/index.js';
import { messageIn } from '../../platform/validation.js';
import type { BatchViewRow } from './imports.repository.js';

/** Reports and batches as the API answers them: every message in the caller's language. */

const issueIn = (i: RowIssue, locale: Locale) => ({
  row: i.row,
  column: messageIn(i.column, locale),
  message: messageIn(i.message, locale),
});

export function presentReport(batchId: number | null, r: Report<string>, locale: Locale) {
  return {
    batchId,
    committed: r.committed,
    rows: r.rows,
    inserted: r.inserted,
    updated: r.updated,
    skipped: r.skipped,
    // The screen shows the first thousand problems; the rejected-rows file has them all.
    rejected: r.rejected.slice(0, 1000).map((i) => issueIn(i, locale)),
    warnings: r.warnings.slice(0, 1000).map((i) => issueIn(i, locale)),
    rejectedRowCount: r.rejectedRows.length,
    preview: r.preview,
    unknownValues: r.unknownValues.map((u) => ({
      field: u.field,
      fieldLabel: messageIn(u.label, locale),
      raw: u.raw,
      folded: u.folded,
      count: u.count,
      rows: u.rows,
      choices: [...u.choices],
      mappedTo: u.mappedTo,
    })),
    info: r.info.map((m) => messageIn(m, locale)),
  };
}

export function presentFields(fields: readonly FieldSpec[], locale: Locale) {
  return fields.map((f) => ({ key: f.key, label: fieldLabel(f)[locale], required: f.required === true }));
}

export function presentBatch(b: BatchViewRow, progress: number | null, locale: Locale) {
  return {
    id: b.id,
    kind: b.kind,
    unitId: b.unit_id,
    unitName: b.unit_name,
    fileName: b.file_name,
    source: b.source,
    status: b.status,
    counts: JSON.parse(b.counts) as Record<string, number>,
    createdAt: b.created_at,
    committedAt: b.committed_at,
    undoneAt: b.undone_at,
    username: b.username,
    failure: b.failure === 'interrupted' ? messageIn(officeMessages.batchInterrupted, locale) : null,
    progress,
  };
}
