import type { ListWide, Mode, OnDuplicate, Report } from '../../platform/import/index.js';
import type { ValueMap } from './imports.repository.js';

/** One import as asked for (web or command line), and what it did: shared by this thread and the worker. */
export type ImportRequest = {
  file: string;
  fileName: string;
  unitId: number;
  source?: string | null;
  mapping?: Partial<Record<string, number | null>>;
  valueMapping?: ValueMap;
  listWide?: Partial<ListWide>;
  onDuplicate: OnDuplicate;
  duplicateReason?: string | null;
  mode: Mode;
  dryRun: boolean;
  batchId?: number;
};

export type ImportResult = { batchId: number | null; report: Report<string> };
