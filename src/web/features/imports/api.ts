import type { z } from 'zod';
import type { ZImportBatch, ZImportReport, ZImportRun, ZImportUploadAnswer } from '../../../shared/imports/contract.js';
import { api, downloadUrl } from '../../app/api/client.js';

export type TImportUpload = z.infer<typeof ZImportUploadAnswer>;
export type TImportReport = z.infer<typeof ZImportReport>;
export type TImportBatch = z.infer<typeof ZImportBatch>;
export type ImportRunInput = z.input<typeof ZImportRun>;
export type OnDuplicate = 'update' | 'skip' | 'create';
export type ImportMode = 'all' | 'valid';
/** What a file holds: the server has one upload route and one template per kind. */
export type ImportKind = 'enterprises' | 'members';
export const IMPORT_KINDS: ImportKind[] = ['enterprises', 'members'];

export const importKeys = {
  all: ['imports'] as const,
  batches: (unitId?: number) => ['imports', 'batches', unitId ?? 0] as const,
  batch: (id: number) => ['imports', 'batch', id] as const,
};

export const importsApi = {
  templateUrl: (kind: ImportKind) => `/api/imports/${kind}/template.xlsx`,
  upload: (kind: ImportKind, unitId: number, source: string, file: File) => {
    const form = new FormData();
    // Fields before the file: the server reads them as the file part arrives.
    form.append('unitId', String(unitId));
    form.append('source', source);
    form.append('file', file, file.name);
    return api.upload<TImportUpload>(`/api/imports/${kind}`, form);
  },
  preview: (id: number, run: ImportRunInput) => api.post<TImportReport>(`/api/imports/${id}/preview`, run),
  commit: (id: number, run: ImportRunInput) => api.post<TImportReport>(`/api/imports/${id}/commit`, run),
  undo: (id: number) => api.post<{ ok: true }>(`/api/imports/${id}/undo`),
  batches: (unitId?: number) => api.get<TImportBatch[]>('/api/imports', { unitId }),
  batch: (id: number) => api.get<TImportBatch>(`/api/imports/${id}`),
  rejectedUrl: (id: number) => downloadUrl(`/api/imports/${id}/rejected.xlsx`),
};
