import { fold } from '../../../shared/text/index.js';
import type { CellValue, TableRow } from './types.js';

export interface FieldSpec<K extends string = string> {
  key: K;
  /** The Vietnamese header, as files write it: matched like a synonym, and the template's header. */
  label: string;
  /** The field's name for an English reader (the mapping screen, the report); the label when absent. */
  labelEn?: string;
  synonyms: readonly string[];
  required?: boolean;
  /**
   * Matched only when these fields are matched too: the parts of a date split over columns ("Năm" under
   * "Ngày, tháng, năm sinh" folds like "Nam" under "Ngày sinh", and is a year only beside a "Tháng").
   */
  requires?: readonly string[];
}

export interface HeaderColumn {
  index: number;
  header: string;
}

export interface HeaderDetection<K extends string = string> {
  /** Excel row numbers of the header: one row, or two for a grouped header. */
  headerRows: number[];
  /** First row of data (skips a "(1) (2) (3)" column-numbering row under the header). */
  dataStartRow: number;
  /** Every column with header text, with the text as shown (upper and lower parts joined for a grouped header). */
  columns: HeaderColumn[];
  mapping: Record<K, number | null>;
  unmapped: HeaderColumn[];
  /** Required fields that no column matched. */
  missingRequired: K[];
  /** Sum of the match strengths (each at most 1) of the mapped fields. */
  score: number;
}

/** Header text as compared: folded (no marks, đ→d, lowercase), punctuation turned into spaces. */
export function foldHeader(text: string): string {
  return fold(text)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

interface Folded {
  text: string;
  tokens: Set<string>;
}

function folded(text: string): Folded {
  const t = foldHeader(text);
  return { text: t, tokens: new Set(t.split(' ').filter(Boolean)) };
}

function subset(a: Set<string>, b: Set<string>): boolean {
  for (const x of a) if (!b.has(x)) return false;
  return true;
}

// Exact > synonym inside the header > header inside a synonym, and within each
// kind, the closer the lengths the better: "Mã số thuế" beats "Mã số thuế người
// đại diện" for the MST field. Containment is by words in any order, so "Số lao
// động – Tổng" (a grouped header) still matches "Tổng số lao động".
function matchScore(header: Folded, synonym: Folded): number {
  if (header.text === synonym.text) return 1;
  if (synonym.tokens.size === 0 || header.tokens.size === 0) return 0;
  const synInHeader = subset(synonym.tokens, header.tokens);
  const headerInSyn = subset(header.tokens, synonym.tokens);
  if (synInHeader && headerInSyn) return 0.95;
  if (synInHeader) return 0.5 + 0.4 * (synonym.text.length / header.text.length);
  // A lone short word ("số", "mã") says too little to guess from.
  if (headerInSyn && header.text.length >= 3) return 0.2 + 0.25 * (header.text.length / synonym.text.length);
  return 0;
}

function cellText(v: CellValue | undefined): string {
  if (typeof v === 'string') return v.normalize('NFC').replace(/\s+/g, ' ').trim();
  if (typeof v === 'number') return String(v);
  return '';
}

function isNumberingRow(r: TableRow): boolean {
  const texts = r.cells.map(cellText).filter(Boolean);
  if (texts.length < 2) return false;
  const marks = texts.filter((t) => /^\(?(\d{1,3}|[a-zA-Z])\)?$/.test(t)).length;
  return marks >= texts.length * 0.8;
}

// The shape merges leave in a grouped header: a label standing over an empty
// cell below (merged down, like "STT"), and a label whose first column has a
// sub-header and whose next column is blank above a sub-header (merged across).
function isGroupRow(upper: TableRow, lower: TableRow): boolean {
  const width = Math.max(upper.cells.length, lower.cells.length);
  const u = (i: number) => cellText(upper.cells[i]) !== '';
  const l = (i: number) => cellText(lower.cells[i]) !== '';
  let mergedDown = false;
  let mergedAcross = false;
  for (let i = 0; i < width; i++) {
    if (u(i) && !l(i)) mergedDown = true;
    if (u(i) && l(i) && !u(i + 1) && l(i + 1)) mergedAcross = true;
  }
  return mergedDown && mergedAcross;
}

interface Candidate {
  headerRows: number[];
  columns: HeaderColumn[];
  // Per column, the texts it could be matched on.
  variants: Map<number, Folded[]>;
}

function single(r: TableRow): Candidate {
  const columns: HeaderColumn[] = [];
  const variants = new Map<number, Folded[]>();
  r.cells.forEach((v, index) => {
    const header = cellText(v);
    if (!header) return;
    columns.push({ index, header });
    variants.set(index, [folded(header)]);
  });
  return { headerRows: [r.row], columns, variants };
}

// A grouped header: the upper row has a merged group label ("Người đại diện")
// over sub-headers in the lower row ("Họ tên", "Điện thoại"), and labels merged
// down over both rows ("STT"). The streaming reader gives a merged label only
// in its first cell, so the group label is carried right across the blank
// cells, but only over columns that have a sub-header.
function pair(upper: TableRow, lower: TableRow): Candidate {
  const width = Math.max(upper.cells.length, lower.cells.length);
  const columns: HeaderColumn[] = [];
  const variants = new Map<number, Folded[]>();
  let group = '';
  for (let index = 0; index < width; index++) {
    const own = cellText(upper.cells[index]);
    const sub = cellText(lower.cells[index]);
    // A label with nothing under it is merged down over both rows ("STT"): it heads no group.
    if (own) group = sub ? own : '';
    if (sub && group) {
      const header = `${group} ${sub}`;
      columns.push({ index, header });
      variants.set(index, [folded(header), folded(sub)]);
    } else if (sub || own) {
      const header = sub || own;
      columns.push({ index, header });
      variants.set(index, [folded(header)]);
    }
  }
  return { headerRows: [upper.row, lower.row], columns, variants };
}

interface Evaluated<K extends string> {
  candidate: Candidate;
  mapping: Record<K, number | null>;
  score: number;
}

function evaluate<K extends string>(
  candidate: Candidate,
  fields: readonly FieldSpec<K>[],
  synonyms: Folded[][],
): Evaluated<K> {
  // A field whose companions are not matched gives its column back, and the columns are matched again.
  const excluded = new Set<number>();
  for (;;) {
    const e = assign(candidate, fields, synonyms, excluded);
    const lonely = fields
      .map((f, i) => ({ f, i }))
      .filter(({ f, i }) => !excluded.has(i) && e.mapping[f.key] !== null)
      .filter(({ f }) => (f.requires ?? []).some((k) => e.mapping[k as K] === null || e.mapping[k as K] === undefined));
    if (lonely.length === 0) return e;
    for (const { i } of lonely) excluded.add(i);
  }
}

function assign<K extends string>(
  candidate: Candidate,
  fields: readonly FieldSpec<K>[],
  synonyms: Folded[][],
  excluded: Set<number>,
): Evaluated<K> {
  const scored: { column: number; field: number; score: number }[] = [];
  for (const [column, texts] of candidate.variants) {
    fields.forEach((_, field) => {
      if (excluded.has(field)) return;
      let best = 0;
      for (const text of texts) for (const syn of synonyms[field] ?? []) best = Math.max(best, matchScore(text, syn));
      if (best > 0) scored.push({ column, field, score: best });
    });
  }
  // Strongest matches claim their column and field first; ties go to the earlier field, then the earlier column.
  scored.sort((a, b) => b.score - a.score || a.field - b.field || a.column - b.column);
  const mapping = Object.fromEntries(fields.map((f) => [f.key, null])) as Record<K, number | null>;
  const taken = new Set<number>();
  const done = new Set<number>();
  let score = 0;
  for (const s of scored) {
    if (taken.has(s.column) || done.has(s.field)) continue;
    const field = fields[s.field];
    if (!field) continue;
    taken.add(s.column);
    done.add(s.field);
    mapping[field.key] = s.column;
    score += s.score;
  }
  return { candidate, mapping, score };
}

// A two-row reading must do clearly better than any single row: otherwise a
// title line or the first data row, glued onto a real one-row header, could
// win by a hair.
const PAIR_MARGIN = 0.25;

/**
 * Finds the header among the first rows of a sheet (pass the first ~30 rows as read) and maps each field to
 * at most one column. Returns null when no row matches any field.
 */
export function detectHeader<K extends string>(
  rows: readonly TableRow[],
  fields: readonly FieldSpec<K>[],
): HeaderDetection<K> | null {
  const synonyms = fields.map((f) => [f.label, ...f.synonyms].map(folded).filter((s) => s.text !== ''));
  let bestSingle: Evaluated<K> | null = null;
  let bestPair: Evaluated<K> | null = null;
  const pairsByLowerRow = new Map<number, { upper: TableRow; lower: TableRow; evaluated: Evaluated<K> }>();
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i] as TableRow;
    const s = evaluate(single(r), fields, synonyms);
    if (s.score > 0 && (!bestSingle || s.score > bestSingle.score)) bestSingle = s;
    const next = rows[i + 1];
    if (!next || next.row !== r.row + 1 || isNumberingRow(next)) continue;
    // A group row has several labels; a one-cell title line is not one.
    if (r.cells.filter((v) => cellText(v)).length < 2) continue;
    if (next.cells.some((v) => v instanceof Date)) continue;
    const p = evaluate(pair(r, next), fields, synonyms);
    pairsByLowerRow.set(next.row, { upper: r, lower: next, evaluated: p });
    if (p.score > 0 && (!bestPair || p.score > bestPair.score)) bestPair = p;
  }
  let best = bestPair && (!bestSingle || bestPair.score >= bestSingle.score + PAIR_MARGIN) ? bestPair : bestSingle;
  // When the sub-headers alone already match every field (the group labels add nothing), the single lower row
  // scores as well as the pair; the pair is still the header if the row above is laid out like a group row,
  // so that its columns (STT, Ghi chú…) are listed too.
  if (best && best === bestSingle) {
    const above = pairsByLowerRow.get(best.candidate.headerRows[0] as number);
    if (above && above.evaluated.score >= best.score - 1e-9 && isGroupRow(above.upper, above.lower)) {
      best = above.evaluated;
    }
  }
  if (!best) return null;

  const lastHeaderRow = best.candidate.headerRows[best.candidate.headerRows.length - 1] as number;
  const after = rows.find((r) => r.row === lastHeaderRow + 1);
  const dataStartRow = after && isNumberingRow(after) ? lastHeaderRow + 2 : lastHeaderRow + 1;
  const mapped = new Set(Object.values<number | null>(best.mapping).filter((v): v is number => v !== null));
  return {
    headerRows: best.candidate.headerRows,
    dataStartRow,
    columns: best.candidate.columns,
    mapping: best.mapping,
    unmapped: best.candidate.columns.filter((c) => !mapped.has(c.index)),
    missingRequired: fields.filter((f) => f.required && best.mapping[f.key] === null).map((f) => f.key),
    score: Math.round(best.score * 1000) / 1000,
  };
}
