import type { z } from 'zod';
import type { ZCoverage, ZOutreach, ZOutreachConfig } from '../../../shared/outreach/contract.js';
import type { Period } from '../enterprises/enterprises.repository.js';
import type * as repo from './outreach.repository.js';

type TOutreach = z.input<typeof ZOutreach>;

/** Events with the enterprises they reached (by name) and their attachments, in the rows' order. */
export function presentEvents({ events, links, files }: repo.EventsWithLinks): TOutreach[] {
  return events.map((ev) => ({
    id: ev.id,
    unitId: ev.unit_id,
    unitName: ev.unit_name,
    eventDate: ev.event_date,
    formCode: ev.form_code,
    topics: JSON.parse(ev.topics) as string[],
    title: ev.title,
    workersReached: ev.workers_reached,
    employerRepsReached: ev.employer_reps_reached,
    officersPresent: ev.officers_present,
    cost: ev.cost,
    notes: ev.notes,
    enterprises: links.filter((l) => l.event_id === ev.id).map((l) => ({ id: l.id, name: l.name, mst: l.mst })),
    attachments: files
      .filter((f) => f.event_id === ev.id)
      .map((f) => ({ id: f.id, fileName: f.file_name, mime: f.mime, size: f.size })),
    createdBy: ev.created_by_name,
  }));
}

export function presentConfig(rows: Awaited<ReturnType<typeof repo.outreachCodes>>): z.input<typeof ZOutreachConfig> {
  const pick = (kind: repo.OutreachKind) =>
    rows.filter((r) => r.kind === kind).map((r) => ({ code: r.code, nameVi: r.name_vi, nameEn: r.name_en }));
  return { forms: pick('form'), topics: pick('topic') };
}

export type CommuneGroup = {
  unit: Awaited<ReturnType<typeof repo.communesById>>[number] | null;
  in_scope: number;
  reached: number;
  ns_in_scope: number;
  ns_reached: number;
  workers: number;
};

/** Coverage overall (the communes' sums) and by commune, the unresolved row last. */
export function presentCoverage(
  groups: CommuneGroup[],
  events: repo.CoverageFigures['events'],
  period: Period,
): z.input<typeof ZCoverage> {
  const byCommune = groups.map((g) => ({
    communeId: g.unit?.id ?? null,
    adminAreaCode: g.unit?.code ?? null,
    adminAreaName: g.unit?.name ?? null,
    districtName: g.unit?.district_name ?? null,
    provinceName: g.unit?.province_name ?? null,
    unresolved: g.unit === null,
    enterprisesInScope: g.in_scope,
    reached: g.reached,
    nonStateInScope: g.ns_in_scope,
    nonStateReached: g.ns_reached,
    workersInReachedEnterprises: g.workers,
  }));
  const sum = (
    k: 'enterprisesInScope' | 'reached' | 'nonStateInScope' | 'nonStateReached' | 'workersInReachedEnterprises',
  ) => byCommune.reduce((s, c) => s + c[k], 0);
  return {
    period,
    enterprisesInScope: sum('enterprisesInScope'),
    reached: sum('reached'),
    nonStateInScope: sum('nonStateInScope'),
    nonStateReached: sum('nonStateReached'),
    workersInReachedEnterprises: sum('workersInReachedEnterprises'),
    workersReached: Number(events.workers),
    events: Number(events.n),
    byCommune,
  };
}
