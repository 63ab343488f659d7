import { z } from 'zod';
import { ZId, ZIsoDate, zOptionalText, zText } from '../http/common.js';
import type { RouteTable } from '../http/route.js';
import { ZPlanParams } from '../plans/contract.js';

export const DOCUMENT_FORMATS = ['docx', 'pdf'] as const;
/** `?format=pdf`: the same document through LibreOffice, when the server has it. */
export const ZDocumentQuery = z.object({ format: z.enum(DOCUMENT_FORMATS).default('docx') }).strict();

/**
 * A unit's document header from a day on (issue 12 §4): what its official documents print in the header and
 * under the signature. An empty text falls back to what the tree says that day (the parent's name, the
 * unit's own); superior '' prints no superior line at all.
 */
export const ZHeaderInput = z
  .object({
    validFrom: ZIsoDate,
    superior: z.string().max(200).nullish(),
    issuer: zOptionalText(200),
    nationalTitle: zOptionalText(200),
    motto: zOptionalText(200),
    signerAuthority: zOptionalText(200),
    signerPosition: zOptionalText(120),
    recipients: z.array(zText(300)).max(50).default([]),
  })
  .strict();
export type THeaderInput = z.output<typeof ZHeaderInput>;
export const ZHeaderQuery = z.object({ date: ZIsoDate.optional() }).strict();
export const ZHeader = z.object({
  unitId: z.number().int(),
  date: z.string(),
  /** The configured row in force that day, if any. */
  configured: z
    .object({
      validFrom: z.string(),
      superior: z.string().nullable(),
      issuer: z.string().nullable(),
      nationalTitle: z.string().nullable(),
      motto: z.string().nullable(),
      signerAuthority: z.string().nullable(),
      signerPosition: z.string().nullable(),
      recipients: z.array(z.string()),
    })
    .nullable(),
  /** What a document of that day prints (the configuration, else the tree's defaults). */
  printed: z.object({
    superior: z.string().nullable(),
    issuer: z.string(),
    nationalTitle: z.string(),
    motto: z.string(),
  }),
});

export const documentsApi = {
  'GET /api/org/units/:id/document-header': {
    summary: 'Thể thức văn bản của đơn vị tại một ngày / a unit’s document header on a day',
    params: z.object({ id: ZId }).strict(),
    query: ZHeaderQuery,
    response: ZHeader,
  },
  'PUT /api/org/units/:id/document-header': {
    summary: 'Đặt thể thức văn bản của đơn vị từ một ngày / set a unit’s document header from a day',
    params: z.object({ id: ZId }).strict(),
    body: ZHeaderInput,
    response: ZHeader,
  },
  'GET /api/plans/:id/document.docx': {
    summary: 'Văn bản kế hoạch đúng thể thức (.docx, hoặc PDF với ?format=pdf) / the plan as an official document',
    params: ZPlanParams,
    query: ZDocumentQuery,
    file: true,
  },
} as const satisfies RouteTable;
