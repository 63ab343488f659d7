import { z } from 'zod';
import { ZId, zText } from '../http/common.js';
import { membersMessages as M } from './messages.js';

/** Scans of admission papers (the application, the decision), stored per unit and decision number. */
export const ADMISSION_DOCUMENT_KINDS = ['application', 'decision'] as const;
export type AdmissionDocumentKind = (typeof ADMISSION_DOCUMENT_KINDS)[number];
export const ADMISSION_DOCUMENT_MAX_BYTES = 10 * 1024 * 1024;
/** The text fields of the multipart upload; they must come before the `file` part. */
export const ZAdmissionDocumentFields = z.object({
  unitId: ZId,
  decisionNo: zText(60),
  kind: z.enum(ADMISSION_DOCUMENT_KINDS, { message: M.documentKind.key }),
});
export const ZAdmissionDocument = z.object({
  id: z.number().int(),
  unitId: z.number().int(),
  decisionNo: z.string(),
  kind: z.enum(ADMISSION_DOCUMENT_KINDS),
  fileName: z.string(),
  mime: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  uploadedBy: z.string().nullable(),
  uploadedAt: z.string(),
});
export type TAdmissionDocument = z.infer<typeof ZAdmissionDocument>;
export const ZAdmissionDocumentList = z.array(ZAdmissionDocument);
