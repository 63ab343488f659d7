import type { EventEmitter } from 'node:events';

/** What a streamed sheet of ExcelJS holds that says whether the zip is behind: see sheetCaughtUp. */
type SheetStream = { stream?: { pipes?: unknown[] } };
type OldWritable = EventEmitter & { _writableState?: { needDrain?: boolean } };

/**
 * Waits while the zip behind a streamed ExcelJS sheet is behind. ExcelJS writes each row on into the zip
 * without asking whether the zip took the last (its sheet stream ignores backpressure), and over
 * better-sqlite3 a chunk's query resolves without the event loop turning, so the rows of a whole export
 * piled up in memory ahead of the compression (external memory grew with the rows: 156 MB at 200 k members).
 * The zip's input is a readable-stream PassThrough, whose own state says when it wants draining; reading
 * it is reaching inside ExcelJS, so a version without it only loses the wait, never a row.
 */
export async function sheetCaughtUp(sheet: unknown): Promise<void> {
  const pipes = ((sheet as SheetStream).stream?.pipes ?? []) as OldWritable[];
  for (const p of pipes) {
    if (!p._writableState?.needDrain) continue;
    await new Promise<void>((resolve) => {
      const done = () => {
        p.off('drain', done).off('close', done).off('error', done);
        resolve();
      };
      p.on('drain', done).on('close', done).on('error', done);
    });
  }
}
