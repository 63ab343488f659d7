import type { Mode, OnDuplicate, Report } from '../../platform/import/index.js';

/** One import as asked for (web or command line), and what it did: shared by this thread and the worker. */
export type ImportRequest = {
  file: string;
  fileName: string;
  unitId: number;
  source?: string | null;
  mapping?: Partial<Record<string, number | null>>;
  onDuplicate: OnDuplicate;
  duplicateReason?: string | null;
  mode: Mode;
  dryRun: boolean;
  batchId?: number;
};

export type ImportResult = { batchId: number | null; report: Report<string> };
