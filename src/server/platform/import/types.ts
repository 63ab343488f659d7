/** One cell as read: rich text and hyperlinks flattened to their text, formulas to their cached result. */
export type CellValue = string | number | boolean | Date | null;

export interface TableRow {
  /** The row number Excel shows (1-based, counting title rows and blank rows). */
  row: number;
  /** 0-based by column; empty cells are null and trailing empty cells are dropped. Never empty. */
  cells: CellValue[];
}

export interface TableSource {
  kind: 'xlsx' | 'csv';
  /** CSV only: `utf-8`, `utf-16le`, `utf-16be` or `windows-1258`. */
  encoding?: string;
  /** CSV only: `,`, `;` or a tab. */
  delimiter?: string;
  /** XLSX only: the sheet being read, and all sheet names in tab order. */
  sheetName?: string;
  sheetNames?: string[];
  /**
   * Streams the rows that have at least one non-empty cell, in order. Each call starts a fresh pass over the
   * file; stopping early (break) is fine and releases the file. Damage found only while reading (bad sheet
   * data, a CSV quote never closed) throws ImportFileError (CORRUPT_XLSX, CORRUPT_CSV).
   */
  rows(): AsyncIterable<TableRow>;
}
