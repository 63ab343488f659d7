import fs from 'node:fs/promises';
import path from 'node:path';
import { formatViDate } from '../../../shared/text/index.js';
import type { AppContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { CliProblem, resolvePlan } from '../plans/plans.cli.js';
import { planReference } from '../plans/plans.presenter.js';
import { docxToPdf, type PdfOptions } from './documents.pdf.js';
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
  const docx = await planDocumentBuffer(ctx, plan);
  let body = docx;
  if (ext === '.pdf') {
    try {
      body = await docxToPdf(docx, pdf);
    } catch (e) {
      if (e instanceof AppError && e.code === 'PDF_UNAVAILABLE') {
        const reason = e.params.reason as { vi: string };
        throw new CliProblem(`Không tạo được bản PDF: ${reason.vi} Chưa ghi tệp nào.`);
      }
      throw e;
    }
  }
  await fs.writeFile(o.out, body);
  return `Đã ghi Kế hoạch số ${planReference(plan)} ngày ${formatViDate(plan.issued_on)} vào ${o.out} (${Math.ceil(body.length / 1024)} kB).`;
}
