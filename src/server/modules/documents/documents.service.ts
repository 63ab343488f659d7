import type { AppContext } from '../../platform/context.js';
import type { FileAnswer } from '../../platform/routes.js';
import type { Actor } from '../../platform/scope.js';
import type { PlanRow } from '../plans/plans.repository.js';
import { readablePlan, view } from '../plans/plans.service.js';
import { QUOC_HIEU, TIEU_NGU, vnShortDate } from './documents.format.js';
import type { HeaderTexts } from './documents.header.js';
import { docxToPdf, type PdfOptions } from './documents.pdf.js';
import { planDocx } from './documents.plan.js';
import * as repo from './documents.repository.js';
import { authorityLines, type SignatureTexts } from './documents.signature.js';

export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
export const PDF_MIME = 'application/pdf';

/** "Liên đoàn Lao động tỉnh Bình Phước" → "LĐLĐ tỉnh Bình Phước": how a superior body is written in a header. */
const abbreviate = (name: string) => name.replace(/^Liên đoàn Lao động\b/i, 'LĐLĐ');
const lowerFirst = (s: string) => s.charAt(0).toLocaleLowerCase('vi') + s.slice(1);

type Config = Awaited<ReturnType<typeof repo.headerRowAt>>;

/**
 * The header of a unit's document dated `date`: its configured row of that day where it says something,
 * else derived from the tree as it stood then — the issuer's name in capitals and its parent (abbreviated)
 * as the superior body; a unit at the root has none.
 */
export async function headerTexts(ctx: AppContext, unitId: number, date: string, row?: Config): Promise<HeaderTexts> {
  const config = row === undefined ? await repo.headerRowAt(ctx.db, unitId, date) : row;
  const unit = await repo.unitAt(ctx.db, unitId, date);
  const parent = unit?.parent_id ? await repo.unitAt(ctx.db, unit.parent_id, date) : undefined;
  const superior = config?.superior_text ?? (parent ? abbreviate(parent.name) : null);
  return {
    superior: superior?.trim() ? superior : null,
    issuer: config?.issuer_text?.trim() || unit?.name || '',
    nationalTitle: config?.national_text?.trim() || QUOC_HIEU,
    motto: config?.motto_text?.trim() || TIEU_NGU,
  };
}

/** Each legal basis as the sentence the plan cites it with: "Căn cứ Kế hoạch số 60/KH-LĐLĐ ngày 17/4/2024 của …". */
export async function basisLines(ctx: AppContext, planId: number): Promise<string[]> {
  const out: string[] = [];
  for (const b of await repo.basesForCitation(ctx.db, planId)) {
    if (b.plan_number !== null && b.plan_issued_on !== null && b.plan_unit_id !== null) {
      const unit = await repo.unitAt(ctx.db, b.plan_unit_id, b.plan_issued_on);
      out.push(
        `Căn cứ Kế hoạch số ${b.plan_number}/${b.plan_symbol} ngày ${vnShortDate(b.plan_issued_on)}` +
          `${unit ? ` của ${unit.name}` : ''}${b.plan_title ? ` về ${lowerFirst(b.plan_title)}` : ''}`,
      );
    } else if (b.assignment_number !== null && b.assignment_decided_on !== null) {
      const unit = b.assignment_unit_id
        ? await repo.unitAt(ctx.db, b.assignment_unit_id, b.assignment_decided_on)
        : null;
      out.push(
        `Căn cứ Quyết định số ${b.assignment_number} ngày ${vnShortDate(b.assignment_decided_on)}` +
          `${unit ? ` của ${unit.name}` : ''}${b.assignment_title ? ` về việc ${lowerFirst(b.assignment_title)}` : ''}`,
      );
    } else if (b.text?.trim()) {
      const text = b.text.trim();
      // Free text cites a document by its name ("Kế hoạch số …"), which keeps its capital.
      out.push(/^căn cứ(\s|$)/i.test(text) ? text : `Căn cứ ${text}`);
    }
  }
  return out;
}

/** A JSON array of strings as stored (recipients); anything else reads as none. */
export function jsonList(s: string | null | undefined): string[] {
  try {
    const v = JSON.parse(s ?? '[]') as unknown;
    return Array.isArray(v) ? v.map(String) : [];
  } catch {
    return [];
  }
}

/** A plan's official document (.docx), for a plan the caller has already been allowed to read. */
export async function planDocumentBuffer(ctx: AppContext, row: PlanRow): Promise<Buffer> {
  const [plan, config, bases] = await Promise.all([
    view(ctx, row),
    repo.headerRowAt(ctx.db, row.unit_id, row.issued_on),
    basisLines(ctx, row.id),
  ]);
  const header = await headerTexts(ctx, row.unit_id, row.issued_on, config);
  const signer = { authority: plan.signerAuthority, position: plan.signerPosition, name: plan.signerName };
  return planDocx({ header, plan, bases, signature: signatureTexts(config, signer, plan.recipients) });
}

/**
 * The signature block of a unit's document: the document's own signer forms and recipients where it has
 * them, else the unit's configured ones of the day (document_header), else `fallback` recipients.
 */
export function signatureTexts(
  config: Config,
  signer: { authority: string | null; position: string | null; name: string | null },
  recipients: string[],
  fallback: string[] = [],
): SignatureTexts {
  const configured = jsonList(config?.recipients);
  return {
    authority: authorityLines(
      signer.authority ?? config?.signer_authority ?? null,
      signer.position ?? config?.signer_position ?? null,
    ),
    name: signer.name,
    recipients: recipients.length ? recipients : configured.length ? configured : fallback,
  };
}

/** The download name: the plan's reference and date, never a person's name. */
export function planFileNames(row: PlanRow, ext: 'docx' | 'pdf') {
  const ref = `${row.number}-${row.symbol}`.replace(/[\\/]/g, '-');
  // The ASCII fallback is derived by contentDisposition ("ke-hoach-8-kh-ldld-ngay-2024-04-15.docx").
  return { fileName: `Kế hoạch ${ref} ngày ${row.issued_on}.${ext}` };
}

/** A document as the answer of its route: the .docx as is, or through LibreOffice for `?format=pdf`. */
export async function documentAnswer(
  docx: Buffer,
  format: 'docx' | 'pdf',
  fileName: (ext: 'docx' | 'pdf') => string,
  pdf: PdfOptions,
): Promise<FileAnswer> {
  const body = format === 'pdf' ? await docxToPdf(docx, pdf) : docx;
  return { contentType: format === 'pdf' ? PDF_MIME : DOCX_MIME, fileName: fileName(format), body, size: body.length };
}

/** GET /api/plans/:id/document.docx: read access first (outside the scope → 404), then the file. */
export async function planDocumentFile(
  ctx: AppContext,
  actor: Actor,
  id: number,
  format: 'docx' | 'pdf',
  pdf: PdfOptions = {},
): Promise<FileAnswer> {
  const row = await readablePlan(ctx, actor, id);
  return documentAnswer(await planDocumentBuffer(ctx, row), format, (ext) => planFileNames(row, ext).fileName, pdf);
}
