import {
  REVIEW_SECTIONS,
  type ReviewSection,
  SECTION_MAX,
  type TMeeting,
  type TReview,
  type TReviewCreate,
  type TReviewFigures,
  type TReviewSummary,
  type TReviewUpdate,
} from '../../../shared/reviews/contract.js';
import { reviewsMessages as M } from '../../../shared/reviews/messages.js';
import { periodOf, type ReviewKind } from '../../../shared/reviews/periods.js';
import { addDays, formatViDate } from '../../../shared/text/index.js';
import type { Db } from '../../db/database.js';
import { audit } from '../../platform/audit.js';
import type { AppContext } from '../../platform/context.js';
import { today } from '../../platform/dates.js';
import { AppError } from '../../platform/errors.js';
import { ruleAt } from '../../platform/rules.js';
import { type Actor, isUnitInScope, requireScope, requireUnitInScope } from '../../platform/scope.js';
import { type Issue, invalid, issue } from '../../platform/validation.js';
import { presentSummary } from '../plans/plans.presenter.js';
import * as plans from '../plans/plans.repository.js';
import { manageablePlan, readablePlan } from '../plans/plans.service.js';
import { draftSections, placeholderValues, unknownPlaceholders } from './reviews.drafts.js';
import { liveFigures } from './reviews.figures.js';
import * as repo from './reviews.repository.js';

const SECTION_NAMES: Record<ReviewSection, string> = {
  situation: 'Tình hình chung',
  direction: 'Công tác lãnh đạo, chỉ đạo',
  results: 'Kết quả thực hiện các chỉ tiêu',
  strengths: 'Ưu điểm',
  difficulties: 'Tồn tại, hạn chế, khó khăn, vướng mắc và nguyên nhân',
  lessons: 'Bài học kinh nghiệm, cách làm hay',
  next_tasks: 'Nhiệm vụ, giải pháp kỳ tới',
  proposals: 'Kiến nghị, đề xuất',
};
export const sectionName = (s: ReviewSection) => SECTION_NAMES[s];

/** The stored meeting with every field present (an older or partial row reads as empty fields). */
function meetingOf(stored: string) {
  const m = JSON.parse(stored || '{}') as Partial<TMeeting>;
  return { place: null, chair: null, ...m, attendees: m.attendees ?? [] };
}

const now = () => new Date().toISOString();
const parse = <T>(s: string | null, fallback: T): T => (s ? (JSON.parse(s) as T) : fallback);

/** A review the caller may read (record.read over its unit — the unit's own subtree or a level above), or 404. */
export async function readableReview(ctx: AppContext, actor: Actor, id: number) {
  const scope = await requireScope(ctx.db, actor, 'record.read');
  const row = await repo.reviewInScope(ctx.db, scope, id);
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

/** A review of the caller's own unit (plan.manage over it), or 404 / 403. */
async function manageableReview(ctx: AppContext, actor: Actor, id: number) {
  const scope = await requireScope(ctx.db, actor, 'plan.manage');
  const row = await repo.reviewInScope(ctx.db, scope, id);
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

/** The day a report of this kind is due at the level above: the period's end plus the configured days. */
async function dueOn(db: Db, r: Pick<repo.ReviewRow, 'kind' | 'period_to'>) {
  return addDays(r.period_to, await ruleAt(db, `review.due_days.${r.kind}`, r.period_to));
}

async function summary(db: Db, r: repo.ReviewRow): Promise<TReviewSummary> {
  return {
    id: r.id,
    planId: r.plan_id,
    unitId: r.unit_id,
    unitName: await plans.unitNameAt(db, r.unit_id, r.period_to),
    kind: r.kind as ReviewKind,
    label: r.label,
    periodFrom: r.period_from,
    periodTo: r.period_to,
    version: r.version,
    status: r.status,
    frozenAt: r.frozen_at,
    submittedAt: r.submitted_at,
    submittedToName: r.submitted_to_unit_id ? await plans.unitNameAt(db, r.submitted_to_unit_id, r.period_to) : null,
    dueOn: await dueOn(db, r),
  };
}

/** The figures of a review: the frozen snapshot, or the records' figures now while it is a draft. */
export async function figuresOf(ctx: AppContext, r: repo.ReviewRow, plan: plans.PlanRow): Promise<TReviewFigures> {
  return r.figures ? (JSON.parse(r.figures) as TReviewFigures) : liveFigures(ctx, plan, r);
}

function diffOf(before: TReviewFigures, after: TReviewFigures) {
  const out: { code: string; field: string; before: number | null; after: number | null }[] = [];
  const flat = (f: TReviewFigures) => new Map(f.targets.flatMap((t) => [t, ...t.subTargets]).map((t) => [t.code, t]));
  const a = flat(before);
  const b = flat(after);
  for (const code of new Set([...a.keys(), ...b.keys()])) {
    for (const field of ['goal', 'actual', 'percent', 'pending'] as const) {
      const x = a.get(code)?.[field] ?? null;
      const y = b.get(code)?.[field] ?? null;
      if (x !== y) out.push({ code, field, before: x, after: y });
    }
  }
  return out;
}

/** A review as the API shows it; `actor` null (the CLI) sees no actions. */
export async function view(ctx: AppContext, actor: Actor | null, r: repo.ReviewRow): Promise<TReview> {
  const db = ctx.db;
  const plan = (await plans.planById(db, r.plan_id)) as plans.PlanRow;
  const [base, figures, versions, planName] = await Promise.all([
    summary(db, r),
    figuresOf(ctx, r, plan),
    repo.versionsOf(db, r),
    plans.unitNameAt(db, plan.unit_id, plan.period_from),
  ]);
  const parentRow = await repo.parentOn(db, r.unit_id, figures.asOf);
  const replaced = r.supersedes_id ? await repo.reviewById(db, r.supersedes_id) : undefined;
  const received = await repo.sentTo(db, r.unit_id, { kind: r.kind, from: r.period_from, to: r.period_to });
  const latestPerChild = received.filter((x, i) => received.findIndex((y) => y.unit_id === x.unit_id) === i);
  const withShare = new Set(
    figures.targets.flatMap((t) => t.children.filter((c) => c.share !== null).map((c) => c.unitId)),
  );
  const sentOk = new Set(latestPerChild.filter((x) => x.status !== 'returned').map((x) => x.unit_id));
  const due = base.dueOn;
  const seen = new Set<number>();
  const missing = figures.targets
    .flatMap((t) => t.children)
    .filter((c) => withShare.has(c.unitId) && !sentOk.has(c.unitId) && !seen.has(c.unitId) && seen.add(c.unitId))
    .map((c) => ({ unitId: c.unitId, unitName: c.unitName, overdue: today(ctx) > due }));
  const manage = actor ? await requireScope(db, actor, 'plan.manage').catch(() => null) : null;
  const within = async (unitId: number | null | undefined) =>
    manage !== null && unitId != null && (await isUnitInScope(db, unitId, manage));
  // What the screen offers: the reporting unit's own officers write, freeze, send and version it; the level
  // above (whose scope also holds the unit) decides on it. The API itself lets a higher level's plan manager
  // act for the unit, as it does for the unit's plans (the demo and the CLI's operator do).
  const own = (await within(r.unit_id)) && !(await within(parentRow?.unit_id));
  const canDecide = r.status === 'submitted' && (await within(r.submitted_to_unit_id));
  const latestId = versions[0]?.id ?? r.id;
  const known = placeholderValues(figures, r.label);
  const drafts = draftSections(figures, { unitName: base.unitName, label: r.label });
  return {
    ...base,
    plan: presentSummary(plan, planName),
    number: r.number,
    reportDate: r.report_date,
    sections: parse<Record<string, string | null>>(r.sections, {}),
    drafts: Object.fromEntries(Object.entries(drafts).filter(([, v]) => v)) as Record<string, string>,
    placeholders: [...known.keys()],
    meeting: meetingOf(r.meeting),
    figures,
    live: r.figures === null,
    supersedesId: r.supersedes_id,
    latestVersionId: latestId,
    diff: replaced?.figures && r.figures ? diffOf(JSON.parse(replaced.figures), figures) : null,
    parent: parentRow ? { unitId: parentRow.unit_id, name: parentRow.name } : null,
    returnComment: r.return_comment,
    received: await Promise.all(latestPerChild.map((x) => summary(db, x))),
    missing,
    can: {
      edit: own && r.status === 'draft',
      send: own && r.status === 'frozen' && parentRow !== undefined,
      version: own && r.status !== 'draft' && latestId === r.id,
      decide: canDecide,
    },
  };
}

export async function listOfPlan(ctx: AppContext, actor: Actor, planId: number) {
  const plan = await readablePlan(ctx, actor, planId);
  const rows = await repo.reviewsOfPlan(ctx.db, plan.id);
  return { items: await Promise.all(rows.map((r) => summary(ctx.db, r))) };
}

export async function get(ctx: AppContext, actor: Actor, id: number) {
  return view(ctx, actor, await readableReview(ctx, actor, id));
}

export async function create(ctx: AppContext, actor: Actor, planId: number, input: TReviewCreate) {
  const { plan } = await manageablePlan(ctx, actor, planId);
  const period = periodOf(input);
  if (!period) invalid([issue('kind', M.periodMissing)]);
  if (plan.status !== 'issued') invalid([issue('planId', M.planNotIssued)]);
  if (period.to < plan.period_from || period.from > plan.period_to) {
    invalid([
      issue('to', M.periodOutsidePlan, {
        from: formatViDate(period.from),
        to: formatViDate(period.to),
        planFrom: formatViDate(plan.period_from),
        planTo: formatViDate(plan.period_to),
      }),
    ]);
  }
  const key = { plan_id: plan.id, kind: input.kind, period_from: period.from, period_to: period.to };
  if ((await repo.versionsOf(ctx.db, key)).length) invalid([issue('kind', M.reviewExists, { label: period.label })]);
  const unitName = await plans.unitNameAt(ctx.db, plan.unit_id, period.to);
  const figures = await liveFigures(ctx, plan, key);
  const at = now();
  const id = await ctx.db.transaction().execute(async (trx) => {
    const id = await repo.insertReview(trx, {
      ...key,
      unit_id: plan.unit_id,
      label: period.label,
      version: 1,
      supersedes_id: null,
      status: 'draft',
      sections: JSON.stringify(draftSections(figures, { unitName, label: period.label })),
      meeting: JSON.stringify({ attendees: [] }),
      created_by: actor.userId,
      created_at: at,
      updated_at: at,
    });
    await audit(trx, actor, {
      action: 'review.create',
      entity: 'plan_review',
      entityId: id,
      unitId: plan.unit_id,
      after: input,
    });
    return id;
  });
  return get(ctx, actor, id);
}

/** Every section within its size, every {placeholder} one the figures have. */
async function sectionIssues(ctx: AppContext, r: repo.ReviewRow, sections: Record<string, string | null>) {
  const plan = (await plans.planById(ctx.db, r.plan_id)) as plans.PlanRow;
  const known = placeholderValues(await figuresOf(ctx, r, plan), r.label);
  const issues: Issue[] = [];
  for (const key of REVIEW_SECTIONS) {
    const text = sections[key];
    if (!text) continue;
    const section = sectionName(key);
    if (text.length > SECTION_MAX)
      issues.push(issue(`sections.${key}`, M.sectionTooLong, { section, length: text.length, max: SECTION_MAX }));
    const unknown = unknownPlaceholders(text, known);
    if (unknown.length) {
      const sample = [...known.keys()].slice(0, 8).map((k) => `{${k}}`);
      issues.push(
        issue(`sections.${key}`, M.placeholderUnknown, {
          section,
          placeholder: unknown.map((k) => `{${k}}`).join(', '),
          known: `${sample.join(', ')}…`,
        }),
      );
    }
  }
  return issues;
}

function requireDraft(r: repo.ReviewRow) {
  if (r.status !== 'draft')
    invalid([issue('status', M.notDraft, { date: formatViDate((r.frozen_at ?? r.updated_at).slice(0, 10)) })]);
}

export async function update(ctx: AppContext, actor: Actor, id: number, input: TReviewUpdate) {
  const r = await manageableReview(ctx, actor, id);
  requireDraft(r);
  const sections = { ...parse<Record<string, string | null>>(r.sections, {}), ...(input.sections ?? {}) };
  const issues = await sectionIssues(ctx, r, input.sections ?? {});
  if (issues.length) invalid(issues);
  await ctx.db.transaction().execute(async (trx) => {
    await repo.updateReview(trx, id, {
      sections: JSON.stringify(sections),
      ...(input.meeting ? { meeting: JSON.stringify(input.meeting) } : {}),
      ...(input.number !== undefined ? { number: input.number } : {}),
      ...(input.reportDate !== undefined ? { report_date: input.reportDate ?? null } : {}),
      updated_at: now(),
    });
    await audit(trx, actor, {
      action: 'review.update',
      entity: 'plan_review',
      entityId: id,
      unitId: r.unit_id,
      after: input,
    });
  });
  return get(ctx, actor, id);
}

/** Freezing stores the figures as they are now; nothing computed later reaches this version again. */
export async function freeze(ctx: AppContext, actor: Actor, id: number) {
  const r = await manageableReview(ctx, actor, id);
  requireDraft(r);
  const plan = (await plans.planById(ctx.db, r.plan_id)) as plans.PlanRow;
  const issues = await sectionIssues(ctx, r, parse(r.sections, {}));
  if (issues.length) invalid(issues);
  const figures = await liveFigures(ctx, plan, r);
  await ctx.db.transaction().execute(async (trx) => {
    const at = now();
    await repo.updateReview(trx, id, {
      status: 'frozen',
      figures: JSON.stringify(figures),
      frozen_at: at,
      frozen_by: actor.userId,
      report_date: r.report_date ?? today(ctx),
      updated_at: at,
    });
    await audit(trx, actor, {
      action: 'review.freeze',
      entity: 'plan_review',
      entityId: id,
      unitId: r.unit_id,
      after: { asOf: figures.asOf },
    });
  });
  return get(ctx, actor, id);
}

export async function newVersion(ctx: AppContext, actor: Actor, id: number) {
  const r = await manageableReview(ctx, actor, id);
  const versions = await repo.versionsOf(ctx.db, r);
  const latest = versions[0] as repo.ReviewRow;
  if (latest.status === 'draft') invalid([issue('status', M.draftExists, { version: latest.version })]);
  if (latest.id !== r.id) invalid([issue('id', M.notLatest, { version: latest.version })]);
  const newId = await ctx.db.transaction().execute(async (trx) => {
    const at = now();
    const id = await repo.insertReview(trx, {
      plan_id: r.plan_id,
      unit_id: r.unit_id,
      kind: r.kind,
      period_from: r.period_from,
      period_to: r.period_to,
      label: r.label,
      version: r.version + 1,
      supersedes_id: r.id,
      status: 'draft',
      number: r.number,
      sections: r.sections,
      meeting: r.meeting,
      created_by: actor.userId,
      created_at: at,
      updated_at: at,
    });
    await audit(trx, actor, {
      action: 'review.version',
      entity: 'plan_review',
      entityId: id,
      unitId: r.unit_id,
      before: { id: r.id, version: r.version },
    });
    return id;
  });
  return get(ctx, actor, newId);
}

export async function submit(ctx: AppContext, actor: Actor, id: number, toUnitId: number) {
  const r = await manageableReview(ctx, actor, id);
  if (r.status === 'draft') invalid([issue('status', M.notFrozen)]);
  if (r.status !== 'frozen') {
    const unit = r.submitted_to_unit_id ? await plans.unitNameAt(ctx.db, r.submitted_to_unit_id, r.period_to) : '';
    invalid([issue('status', M.alreadySent, { unit })]);
  }
  const asOf = parse<TReviewFigures | null>(r.figures, null)?.asOf ?? r.period_to;
  const parent = await repo.parentOn(ctx.db, r.unit_id, asOf);
  if (!parent) invalid([issue('toUnitId', M.noParent, { date: formatViDate(asOf) })]);
  if (parent.unit_id !== toUnitId) invalid([issue('toUnitId', M.notParent, { parent: parent.name })]);
  await ctx.db.transaction().execute(async (trx) => {
    const at = now();
    await repo.updateReview(trx, id, {
      status: 'submitted',
      submitted_to_unit_id: toUnitId,
      submitted_at: at,
      submitted_by: actor.userId,
      updated_at: at,
    });
    await audit(trx, actor, {
      action: 'review.submit',
      entity: 'plan_review',
      entityId: id,
      unitId: r.unit_id,
      after: { toUnitId },
    });
  });
  return get(ctx, actor, id);
}

/**
 * The level above decides on a report sent to it: plan.manage over the receiving unit. Anyone else — the
 * sender itself, a sibling, a unit outside the receiver's subtree — gets a 404, as for any record out of reach.
 */
async function receivedReview(ctx: AppContext, actor: Actor, id: number) {
  const scope = await requireScope(ctx.db, actor, 'plan.manage');
  const r = await repo.reviewInScope(ctx.db, scope, id);
  if (!r || r.submitted_to_unit_id === null || !(await isUnitInScope(ctx.db, r.submitted_to_unit_id, scope)))
    throw new AppError('NOT_FOUND');
  if (r.status !== 'submitted') invalid([issue('status', M.notSubmitted)]);
  return r;
}

export async function decide(
  ctx: AppContext,
  actor: Actor,
  id: number,
  decision: 'acknowledge' | 'return',
  comment?: string,
) {
  const r = await receivedReview(ctx, actor, id);
  if (decision === 'return' && !comment?.trim()) invalid([issue('comment', M.commentRequired)]);
  await ctx.db.transaction().execute(async (trx) => {
    const at = now();
    await repo.updateReview(trx, id, {
      status: decision === 'acknowledge' ? 'acknowledged' : 'returned',
      decided_at: at,
      decided_by: actor.userId,
      return_comment: decision === 'return' ? (comment?.trim() ?? null) : null,
      updated_at: at,
    });
    await audit(trx, actor, {
      action: `review.${decision}`,
      entity: 'plan_review',
      entityId: id,
      unitId: r.submitted_to_unit_id,
      after: decision === 'return' ? { comment } : {},
    });
  });
  return get(ctx, actor, id);
}

/** The reports sent to one unit, or (no unit asked) to any unit of the caller's scope; the latest version of each. */
export async function received(ctx: AppContext, actor: Actor, unitId?: number) {
  const scope = await requireScope(ctx.db, actor, 'record.read');
  if (unitId !== undefined) await requireUnitInScope(ctx.db, unitId, scope);
  const rows = unitId === undefined ? await repo.sentWithin(ctx.db, scope) : await repo.sentTo(ctx.db, unitId);
  const latest = rows.filter(
    (x, i) =>
      rows.findIndex(
        (y) =>
          y.plan_id === x.plan_id &&
          y.kind === x.kind &&
          y.period_to === x.period_to &&
          y.period_from === x.period_from,
      ) === i,
  );
  return { unitId: unitId ?? null, items: await Promise.all(latest.map((x) => summary(ctx.db, x))) };
}
