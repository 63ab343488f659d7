import { z } from 'zod';
import type { RouteTable } from '../http/route.js';
import { ZPlanParams } from '../plans/contract.js';

export const DOCUMENT_FORMATS = ['docx', 'pdf'] as const;
/** `?format=pdf`: the same document through LibreOffice, when the server has it. */
export const ZDocumentQuery = z.object({ format: z.enum(DOCUMENT_FORMATS).default('docx') }).strict();

export const documentsApi = {
  'GET /api/plans/:id/document.docx': {
    summary: 'Văn bản kế hoạch đúng thể thức (.docx, hoặc PDF với ?format=pdf) / the plan as an official document',
    params: ZPlanParams,
    query: ZDocumentQuery,
    file: true,
  },
} as const satisfies RouteTable;
