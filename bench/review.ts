import { performance } from 'node:perf_hooks';
import { loadConfig } from '../src/server/config.js';
import { reviewDocumentBuffer } from '../src/server/modules/documents/documents.review-file.js';
import type { PlanRow } from '../src/server/modules/plans/plans.repository.js';
import { liveFigures } from '../src/server/modules/reviews/reviews.figures.js';
import * as repo from '../src/server/modules/reviews/reviews.repository.js';
import { view } from '../src/server/modules/reviews/reviews.service.js';
import type { AppContext } from '../src/server/platform/context.js';
import { periodOf } from '../src/shared/reviews/periods.js';

const stats = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const at = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))] ?? 0;
  return `min ${at(0).toFixed(0)} · median ${at(0.5).toFixed(0)} · max ${at(1).toFixed(0)} ms`;
};

/**
 * Issue 12's bench: the annual report of a province on the national dataset — the figures computed from the
 * summaries, frozen, and the report written as .docx — beside, in the same run, the same report printed again
 * from its frozen figures (the document alone). Goal: ≤ 1 s for the first. Printed, never asserted.
 */
export async function benchReviewReport(base: AppContext, provincePlans: PlanRow[], runs = 5) {
  // The metrics bench's context has no configuration; a report needs the time zone (today) and nothing else.
  const ctx: AppContext = { ...base, config: base.config ?? loadConfig({ LOG_LEVEL: 'silent' }) };
  const period = periodOf({ kind: 'year', year: 2024 });
  if (!period) throw new Error('no period');
  const full: number[] = [];
  const again: number[] = [];
  let bytes = 0;
  let shape = '';
  for (let i = 0; i < runs; i++) {
    const plan = provincePlans[i % provincePlans.length] as PlanRow;
    const at = new Date().toISOString();
    // A fresh review each run, so no figure of it was asked before.
    const id = await repo.insertReview(ctx.db, {
      plan_id: plan.id,
      unit_id: plan.unit_id,
      kind: 'custom',
      period_from: period.from,
      period_to: `2024-12-${String(31 - i).padStart(2, '0')}`,
      label: `${period.label} (${i + 1})`,
      version: 1,
      supersedes_id: null,
      status: 'draft',
      sections: '{}',
      meeting: '{"attendees":[]}',
      created_by: null,
      created_at: at,
      updated_at: at,
    });
    const t0 = performance.now();
    const row = (await repo.reviewById(ctx.db, id)) as repo.ReviewRow;
    const figures = await liveFigures(ctx, plan, row);
    await repo.updateReview(ctx.db, id, { status: 'frozen', figures: JSON.stringify(figures), frozen_at: at });
    const frozen = (await repo.reviewById(ctx.db, id)) as repo.ReviewRow;
    bytes = (await reviewDocumentBuffer(ctx, await view(ctx, null, frozen))).length;
    shape = `${figures.targets.length} targets × ${figures.targets[0]?.children.length ?? 0} child units, ${figures.founded.length} unions founded`;
    full.push(performance.now() - t0);
    const t1 = performance.now();
    await reviewDocumentBuffer(ctx, await view(ctx, null, frozen));
    again.push(performance.now() - t1);
  }
  console.log(
    `  annual report of a province (${runs} runs, ${provincePlans.length} provinces): figures + freeze + .docx ${stats(full)} | the same .docx from frozen figures ${stats(again)} | ${Math.round(bytes / 1024)} kB (${shape})`,
  );
}
