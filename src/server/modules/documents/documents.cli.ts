import fs from 'node:fs/promises';
import path from 'node:path';
import { formatViDate } from '../../../shared/text/index.js';
import type { AppContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { CliProblem, resolvePlan } from '../plans/plans.cli.js';
import { planReference } from '../plans/plans.presenter.js';
import { reviewById } from '../reviews/reviews.repository.js';
import { view } from '../reviews/reviews.service.js';
import { docxToPdf, type PdfOptions } from './documents.pdf.js';
import { reviewAnnexBuffer, reviewDocumentBuffer } from './documents.review-file.js';
import { planDocumentBuffer } from './documents.service.js';

/**
 * `npm run cli -- document plan <plan> --out <file.docx|file.pdf>`: the same file as the web's download,
 * the format from the file's extension. The operator's words are Vietnamese; a PDF without LibreOffice
 * says so (the reason of the API's error) and writes nothing.
 */
export async function documentPlan(
  ctx: AppContext,
  ref: string,
  o: { out: string; unit?: string },
  pdf: PdfOptions = {},
): Promise<string> {
  const ext = path.extname(o.out).toLowerCase();
  if (ext !== '.docx' && ext !== '.pdf') {
    throw new CliProblem(`Tệp "${o.out}" phải có đuôi .docx hoặc .pdf`);
  }
  const plan = await resolvePlan(ctx, ref, o.unit);
  const body = await asExt(await planDocumentBuffer(ctx, plan), ext, pdf);
  await fs.writeFile(o.out, body);
  return `Đã ghi Kế hoạch số ${planReference(plan)} ngày ${formatViDate(plan.issued_on)} vào ${o.out} (${Math.ceil(body.length / 1024)} kB).`;
}

/** The .docx as is, or through LibreOffice for a .pdf; without it the reason, and nothing written. */
async function asExt(docx: Buffer, ext: string, pdf: PdfOptions): Promise<Buffer> {
  if (ext !== '.pdf') return docx;
  try {
    return await docxToPdf(docx, pdf);
  } catch (e) {
    if (e instanceof AppError && e.code === 'PDF_UNAVAILABLE') {
      const reason = e.params.reason as { vi: string };
      throw new CliProblem(`Không tạo được bản PDF: ${reason.vi} Chưa ghi tệp nào.`);
    }
    throw e;
  }
}

/**
 * `npm run cli -- document review <id> --out <file.docx|file.xlsx|file.pdf>`: the report, its figures annex
 * or its PDF, the same files as the web's downloads (frozen figures once frozen, live while a draft).
 */
export async function documentReview(ctx: AppContext, id: string, o: { out: string }, pdf: PdfOptions = {}) {
  const ext = path.extname(o.out).toLowerCase();
  if (ext !== '.docx' && ext !== '.pdf' && ext !== '.xlsx') {
    throw new CliProblem(`Tệp "${o.out}" phải có đuôi .docx, .xlsx hoặc .pdf`);
  }
  const row = /^\d+$/.test(id) ? await reviewById(ctx.db, Number(id)) : undefined;
  if (!row) throw new CliProblem(`Không có báo cáo số ${id} (dùng id của báo cáo, như trong địa chỉ /reviews/<id>)`);
  const review = await view(ctx, null, row);
  const body =
    ext === '.xlsx'
      ? await reviewAnnexBuffer(ctx, review)
      : await asExt(await reviewDocumentBuffer(ctx, review), ext, pdf);
  await fs.writeFile(o.out, body);
  const state = review.live
    ? 'số liệu hiện tại, chưa chốt'
    : `số liệu chốt đến ngày ${formatViDate(review.figures.asOf)}`;
  return `Đã ghi báo cáo ${review.label} (${review.plan.reference}, phiên bản ${review.version}, ${state}) vào ${o.out} (${Math.ceil(body.length / 1024)} kB).`;
}
