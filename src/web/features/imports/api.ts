import type { z } from 'zod';
import type { ZImportRun } from '../../../shared/imports/contract.js';
import { call, fileUrl, uploadTo } from '../../app/api/client.js';

export type ImportRunInput = z.input<typeof ZImportRun>;
export type OnDuplicate = NonNullable<ImportRunInput['onDuplicate']>;
export type ImportMode = NonNullable<ImportRunInput['mode']>;
/** The kinds the wizard offers; each has its own upload and template on the server (`/api/imports/:kind`). */
export type ImportKind = 'enterprises' | 'members';
export const IMPORT_KINDS: ImportKind[] = ['enterprises', 'members'];

export const importKeys = {
  all: ['imports'] as const,
  batches: (unitId?: number) => ['imports', 'batches', unitId ?? 0] as const,
  batch: (id: number) => ['imports', 'batch', id] as const,
};

export const importsApi = {
  templateUrl: (kind: ImportKind) => fileUrl('GET /api/imports/:kind/template.xlsx', { params: { kind } }),
  upload: (kind: ImportKind, unitId: number, source: string, file: File) => {
    const form = new FormData();
    // Fields before the file: the server reads them as the file part arrives.
    form.append('unitId', String(unitId));
    form.append('source', source);
    form.append('file', file, file.name);
    return uploadTo('POST /api/imports/:kind', form, { params: { kind } });
  },
  preview: (id: number, run: ImportRunInput) => call('POST /api/imports/:id/preview', { params: { id }, body: run }),
  commit: (id: number, run: ImportRunInput) => call('POST /api/imports/:id/commit', { params: { id }, body: run }),
  undo: (id: number) => call('POST /api/imports/:id/undo', { params: { id } }),
  batches: (unitId: number | undefined, limit: number, offset: number) =>
    call('GET /api/imports', { query: { unitId, limit, offset } }),
  batch: (id: number) => call('GET /api/imports/:id', { params: { id } }),
  rejectedUrl: (id: number) => fileUrl('GET /api/imports/:id/rejected.xlsx', { params: { id } }),
};

export type TImportUpload = Awaited<ReturnType<typeof importsApi.upload>>;
export type TImportReport = Awaited<ReturnType<typeof importsApi.preview>>;
export type TImportBatch = Awaited<ReturnType<typeof importsApi.batch>>;
