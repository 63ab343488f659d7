import { REVIEW_SECTIONS, type ReviewSection, type TReview } from '../../../shared/reviews/contract.js';
import type { AppContext } from '../../platform/context.js';
import { today } from '../../platform/dates.js';
import { XLSX_MIME } from '../../platform/files.js';
import type { FileAnswer } from '../../platform/routes.js';
import type { Actor } from '../../platform/scope.js';
import * as plans from '../plans/plans.repository.js';
import { fillPlaceholders, placeholderValues } from '../reviews/reviews.drafts.js';
import type { ReviewRow } from '../reviews/reviews.repository.js';
import { readableReview, view } from '../reviews/reviews.service.js';
import { reviewAnnex } from './documents.annex.js';
import type { PdfOptions } from './documents.pdf.js';
import * as repo from './documents.repository.js';
import { reviewDocx } from './documents.review.js';
import { documentAnswer, headerTexts, signatureTexts } from './documents.service.js';

/** The report's day: the one the officer set, else the day it was frozen; a draft prints today's. */
const reportDay = (ctx: AppContext, r: TReview) => r.reportDate ?? r.frozenAt?.slice(0, 10) ?? today(ctx);

/** A review's report (.docx) from its figures (the frozen ones once frozen) and its sections with the figures filled in. */
export async function reviewDocumentBuffer(ctx: AppContext, review: TReview): Promise<Buffer> {
  const plan = (await plans.planById(ctx.db, review.planId)) as plans.PlanRow;
  const date = reportDay(ctx, review);
  const config = await repo.headerRowAt(ctx.db, review.unitId, date);
  const header = await headerTexts(ctx, review.unitId, date, config);
  const known = placeholderValues(review.figures, review.label);
  const sections: Partial<Record<ReviewSection, string>> = {};
  for (const k of REVIEW_SECTIONS) {
    const text = review.sections[k];
    if (text?.trim()) sections[k] = fillPlaceholders(text, known);
  }
  // The report's own symbol follows the plan's: "KH-LĐLĐ" → "BC-LĐLĐ".
  const symbol = plan.symbol.replace(/^KH(?=-|$)/, 'BC');
  return reviewDocx({
    header,
    review,
    place: plan.place,
    date,
    numberLine: review.number?.trim() ? `Số: ${review.number.trim()}` : `Số:        /${symbol}`,
    to: review.parent?.name ?? null,
    sections,
    // A report to the level above names it in "Kính gửi", so its recipients start "Như trên".
    signature: signatureTexts(
      config,
      { authority: plan.signer_authority, position: plan.signer_position, name: plan.signer_name },
      [],
      ['Như trên', 'Lưu: VT'],
    ),
  });
}

/** The download name: the period and the plan's reference, never a person's name. */
function fileName(review: Pick<TReview, 'label' | 'plan' | 'version'>, ext: string) {
  const ref = review.plan.reference.replace(/[\\/]/g, '-');
  const version = review.version > 1 ? ` v${review.version}` : '';
  return `Báo cáo ${review.label} ${ref}${version}.${ext}`.replace(/[()]/g, '');
}

async function loaded(ctx: AppContext, actor: Actor, id: number) {
  const row: ReviewRow = await readableReview(ctx, actor, id);
  return view(ctx, actor, row);
}

/** GET /api/reviews/:id/document.docx: read access first (outside the scope → 404), then the file. */
export async function reviewDocumentFile(
  ctx: AppContext,
  actor: Actor,
  id: number,
  format: 'docx' | 'pdf',
  pdf: PdfOptions = {},
): Promise<FileAnswer> {
  const review = await loaded(ctx, actor, id);
  return documentAnswer(await reviewDocumentBuffer(ctx, review), format, (ext) => fileName(review, ext), pdf);
}

export async function reviewAnnexBuffer(ctx: AppContext, review: TReview): Promise<Buffer> {
  const date = reportDay(ctx, review);
  return reviewAnnex(review, await headerTexts(ctx, review.unitId, date));
}

export async function reviewAnnexFile(ctx: AppContext, actor: Actor, id: number): Promise<FileAnswer> {
  const review = await loaded(ctx, actor, id);
  const body = await reviewAnnexBuffer(ctx, review);
  return {
    contentType: XLSX_MIME,
    fileName: fileName(review, 'xlsx').replace(/^Báo cáo/, 'Phụ lục'),
    body,
    size: body.length,
  };
}
