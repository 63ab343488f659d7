import { Transform, type TransformCallback } from 'node:stream';
import { type ImportLimits, loadConfig } from '../../config.js';
import { type ImportFileError, importErrors } from './errors.js';

/**
 * What keeps one file from exhausting the server (issue 9 §4): rows, inflated bytes of an xlsx, characters of a
 * cell, imports at once per unit. The figures are configuration (IMPORT_MAX_* in config.ts); readers that are
 * given none use the defaults.
 */
export type ReadLimits = Pick<ImportLimits, 'maxRows' | 'maxInflatedBytes' | 'maxCellChars'>;

export const defaultLimits = (): ReadLimits => loadConfig({}).imports;

/** Column letters as Excel shows them (0 → A, 27 → AB). */
export function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

// One cell's text in the XML, at worst: 4 UTF-8 bytes per character, or an entity such as &amp; (5 bytes) for
// one; plus its markup. Past this an item cannot hold a cell within the limit, whatever else it holds.
const itemBytes = (maxCellChars: number) => maxCellChars * 6 + 4096;
const LT = 0x3c;
const RATIO = 100;
const BOMB_FLOOR = 16 * 1024 * 1024;
const NAME_END = new Set([0x20, 0x09, 0x0a, 0x0d, 0x3e, 0x2f]);
const MAX_NAME = 32;

/**
 * The budget of one xlsx read: every part streamed through `guard()` counts its inflated bytes against
 * maxInflatedBytes, and no item of the XML (a shared string `<si>`, a cell `<c>`, a row `<row>`; namespace
 * prefixes ignored) may grow past what a cell within maxCellChars needs. The zip's directory may lie about
 * sizes, so the bytes are counted as they come out of inflate, and the read stops at the first byte over:
 * a 100 KB file that inflates to 100 MB, or one 5 MB cell, never reaches the XML parser whole.
 */
export class InflateBudget {
  used = 0;
  /** The limit broken, if one was: the reader's caller throws this rather than "damaged file". */
  broken: ImportFileError | null = null;

  constructor(readonly limits: ReadLimits) {}

  /** Refuses at once when the directory already declares more than the budget. */
  checkDeclared(bytes: number): void {
    if (bytes > this.limits.maxInflatedBytes)
      throw this.fail(importErrors.tooMuchInflated(this.limits.maxInflatedBytes));
  }

  /**
   * A part that inflates more than RATIO times (past BOMB_FLOOR bytes) is a zip bomb, not a list: real sheets
   * and shared strings compress 4–20 times. Without this a 100 KB file could still fill the shared-strings
   * table (held in memory for the whole read) with 100 MB of one repeated string under the byte budget.
   */
  checkRatio(inflated: number, compressed: number): void {
    if (inflated > BOMB_FLOOR && inflated > compressed * RATIO) {
      throw this.fail(importErrors.zipBomb(RATIO));
    }
  }

  fail(e: ImportFileError): ImportFileError {
    this.broken ??= e;
    return this.broken;
  }

  guard(items: readonly string[], compressedSize: number): Transform {
    const budget = this;
    let inflated = 0;
    const max = this.limits.maxInflatedBytes;
    const maxItem = itemBytes(this.limits.maxCellChars);
    let sinceItem = 0;
    // The element name being read after a '<' (it may straddle chunks), or null outside a name.
    let name: number[] | null = null;
    return new Transform({
      transform(chunk: Buffer, _enc, cb: TransformCallback) {
        budget.used += chunk.length;
        inflated += chunk.length;
        if (budget.used > max) return cb(budget.fail(importErrors.tooMuchInflated(max)));
        try {
          budget.checkRatio(inflated, compressedSize);
        } catch (e) {
          return cb(e as Error);
        }
        // Text runs are skipped with indexOf (native); only element names are looked at byte by byte.
        let i = 0;
        while (i < chunk.length && sinceItem <= maxItem) {
          if (name === null) {
            const lt = chunk.indexOf(LT, i);
            const end = lt < 0 ? chunk.length : lt;
            sinceItem += end - i;
            if (lt < 0) break;
            sinceItem++;
            name = [];
            i = lt + 1;
            continue;
          }
          const b = chunk[i] as number;
          sinceItem++;
          if (NAME_END.has(b) || name.length >= MAX_NAME) {
            const full = String.fromCharCode(...name);
            if (items.includes(full.slice(full.indexOf(':') + 1))) sinceItem = 0;
            name = null;
          } else if (b === LT) name = [];
          else name.push(b);
          i++;
        }
        if (sinceItem > maxItem) return cb(budget.fail(importErrors.cellTooLarge(budget.limits.maxCellChars)));
        cb(null, chunk);
      },
    });
  }
}
