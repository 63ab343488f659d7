import type { TPlan } from '../../../shared/plans/contract.js';
import { formatViDate } from '../../../shared/text/index.js';
import { metricOf } from './plans.metrics.js';
import type * as repo from './plans.repository.js';

type Row<F extends (...a: never[]) => unknown> = Awaited<ReturnType<F>>;

/** "8/KH-LĐLĐ": how a plan is cited. */
export const planReference = (p: { number: string; symbol: string }) => `${p.number}/${p.symbol}`;

export function presentSummary(p: repo.PlanRow, unitName: string) {
  return {
    id: p.id,
    unitId: p.unit_id,
    unitName,
    number: p.number,
    symbol: p.symbol,
    reference: planReference(p),
    issuedOn: p.issued_on,
    title: p.title,
    periodFrom: p.period_from,
    periodTo: p.period_to,
    status: p.status,
  };
}

export function parseFilters(json: string): Record<string, boolean | number> {
  try {
    const v = JSON.parse(json) as unknown;
    return v && typeof v === 'object' ? (v as Record<string, boolean | number>) : {};
  } catch {
    return {};
  }
}

export function presentTarget(t: repo.TargetRow, shares: repo.ShareRow[], goal: number) {
  const metric = metricOf(t.metric);
  return {
    id: t.id,
    parentTargetId: t.parent_target_id,
    code: t.code,
    label: t.label,
    metric: t.metric,
    metricLabel: metric?.label.vi ?? t.metric,
    metricUnit: metric?.unit ?? 'count',
    filters: parseFilters(t.filters),
    comparator: t.comparator,
    goal,
    adoptedShareId: t.adopted_share_id,
    shares: shares.filter((s) => s.target_id === t.id).map(presentShare),
  };
}

export function presentShare(s: repo.ShareRow) {
  return {
    id: s.id,
    unitId: s.unit_id,
    unitName: s.unit_name,
    goal: s.goal,
    assignment:
      s.assignment_id !== null && s.assignment_number !== null && s.assignment_decided_on !== null
        ? { id: s.assignment_id, number: s.assignment_number, decidedOn: s.assignment_decided_on }
        : null,
  };
}

export function presentPlan(x: {
  plan: repo.PlanRow;
  unitName: string;
  targets: repo.TargetRow[];
  shares: repo.ShareRow[];
  goals: Map<number, number>;
  bases: Row<typeof repo.basesOf>;
  assignments: Row<typeof repo.assignmentsOf>;
  amendments: Row<typeof repo.amendmentsOf>;
}): TPlan {
  const { plan: p } = x;
  const goal = (t: repo.TargetRow) => x.goals.get(t.id) ?? t.goal;
  const top = x.targets.filter((t) => t.parent_target_id === null);
  let sections: Record<string, string | null> = {};
  let recipients: string[] = [];
  try {
    sections = JSON.parse(p.sections) as Record<string, string | null>;
    recipients = JSON.parse(p.recipients) as string[];
  } catch {
    // Stored by this module only; an unreadable value shows as empty rather than failing the read.
  }
  return {
    ...presentSummary(p, x.unitName),
    place: p.place,
    signerName: p.signer_name,
    signerPosition: p.signer_position,
    signerAuthority: p.signer_authority,
    recipients,
    sections,
    bases: x.bases.map((b) => ({
      planId: b.ref_plan_id,
      assignmentId: b.ref_assignment_id,
      text: b.text,
      display:
        b.plan_number !== null && b.plan_symbol !== null
          ? `Kế hoạch số ${b.plan_number}/${b.plan_symbol} ngày ${formatViDate(b.plan_issued_on ?? '')}${b.plan_title ? ` ${b.plan_title}` : ''}`
          : b.assignment_number !== null
            ? `Quyết định số ${b.assignment_number} ngày ${formatViDate(b.assignment_decided_on ?? '')}`
            : (b.text ?? ''),
    })),
    targets: top.map((t) => ({
      ...presentTarget(t, x.shares, goal(t)),
      subTargets: x.targets.filter((s) => s.parent_target_id === t.id).map((s) => presentTarget(s, x.shares, goal(s))),
    })),
    assignments: x.assignments.map((a) => ({ id: a.id, number: a.number, decidedOn: a.decided_on })),
    amendments: x.amendments.map((a) => ({
      id: a.id,
      targetId: a.target_id,
      targetCode: a.target_code,
      amendedOn: a.amended_on,
      field: a.field,
      oldValue: a.old_value,
      newValue: a.new_value,
      decisionNo: a.decision_no,
      reason: a.reason,
    })),
    issuedAt: p.issued_at,
  };
}
