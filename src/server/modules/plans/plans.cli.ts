import type { TPlanProgress, TTargetProgress } from '../../../shared/plans/contract.js';
import { formatViDate, parseViDate } from '../../../shared/text/index.js';
import type { AppContext } from '../../platform/context.js';
import { today } from '../../platform/dates.js';
import { BASIS_VI, STATUS_VI } from './plans.export.js';
import { planProgress } from './plans.progress.js';
import * as repo from './plans.repository.js';

/** The operator's words for what went wrong; the CLI prints them and exits non-zero. */
export class CliProblem extends Error {}

/**
 * The plan an operator names: "8/KH-LĐLĐ", a plan number ("8"), or a plan id; `--unit CODE` narrows a
 * number that several units use.
 */
export async function resolvePlan(ctx: AppContext, ref: string, unitCode?: string) {
  const db = ctx.db;
  let unitId: number | undefined;
  if (unitCode) {
    const u = await db
      .selectFrom('org_unit')
      .select('id')
      .where('code', '=', unitCode.toUpperCase())
      .executeTakeFirst();
    if (!u) throw new CliProblem(`Không có đơn vị mã "${unitCode}"`);
    unitId = u.id;
  }
  const [number, ...rest] = ref.trim().split('/');
  let q = db
    .selectFrom('plan')
    .selectAll()
    .where('number', '=', number ?? '');
  if (rest.length) q = q.where('symbol', '=', rest.join('/'));
  if (unitId !== undefined) q = q.where('unit_id', '=', unitId);
  const found = await q.orderBy('issued_on').execute();
  if (found.length === 1 && found[0]) return found[0];
  if (found.length > 1) {
    const list = found.map((p) => `#${p.id} ${p.number}/${p.symbol} ngày ${formatViDate(p.issued_on)}`).join('; ');
    throw new CliProblem(`Có ${found.length} kế hoạch số "${ref}": ${list}. Dùng --unit <mã đơn vị> hoặc số id.`);
  }
  if (/^\d+$/.test(ref)) {
    const byId = await repo.planById(db, Number(ref));
    if (byId && (unitId === undefined || byId.unit_id === unitId)) return byId;
  }
  throw new CliProblem(`Không tìm thấy kế hoạch "${ref}"`);
}

/** dd/mm/yyyy (or ISO) → ISO; the operator's date. */
export function cliDate(s: string | undefined, ctx: AppContext): string {
  if (!s) return today(ctx);
  const iso = parseViDate(s) ?? (/^\d{4}-\d{2}-\d{2}$/.test(s) ? s : null);
  if (!iso) throw new CliProblem(`Ngày "${s}" không hợp lệ: ghi dạng dd/mm/yyyy`);
  return iso;
}

type JsonTarget = {
  code: string;
  metric: string;
  label: string;
  goal: number;
  actual: number;
  pending: number | null;
  percent: number | null;
  forecast: number;
  forecastBasis: 'pace' | 'last_year';
  status: string;
};
const jsonTarget = (t: Omit<TTargetProgress, 'subTargets' | 'children'>): JsonTarget => ({
  code: t.code,
  metric: t.metric,
  label: t.label,
  goal: t.goal,
  actual: t.actual,
  pending: t.pending,
  percent: t.percent,
  forecast: t.forecast.value,
  forecastBasis: t.forecast.basis,
  status: t.status,
});

/** What `--json` prints: the same figures as the API's progress, in a stable shape for scripts. */
export function progressJson(p: TPlanProgress) {
  return {
    plan: {
      id: p.plan.id,
      reference: p.plan.reference,
      title: p.plan.title,
      periodFrom: p.plan.periodFrom,
      periodTo: p.plan.periodTo,
    },
    unit: { id: p.plan.unitId, name: p.plan.unitName },
    asOf: p.asOf,
    targets: p.targets.map((t) => ({
      ...jsonTarget(t),
      subTargets: t.subTargets.map(jsonTarget),
      children: t.children.map((c) => ({
        unitId: c.unitId,
        unit: c.unitName,
        share: c.share,
        actual: c.actual,
        percent: c.percent,
        status: c.status,
      })),
    })),
  };
}

const num = (n: number | null) => (n === null ? '—' : new Intl.NumberFormat('vi-VN').format(n));

/** The same figures as lines an operator reads, in Vietnamese. */
export function progressText(p: TPlanProgress): string {
  const lines = [
    `Kế hoạch số ${p.plan.reference} ngày ${formatViDate(p.plan.issuedOn)} — ${p.plan.unitName}`,
    p.plan.title,
    `Kỳ ${formatViDate(p.plan.periodFrom)} – ${formatViDate(p.plan.periodTo)}; số liệu tính đến ngày ${formatViDate(p.countedTo)} (${p.elapsedDays}/${p.totalDays} ngày)`,
    '',
  ];
  const line = (indent: string, t: Omit<TTargetProgress, 'subTargets' | 'children'>) =>
    `${indent}${t.code}. ${t.label}: ${num(t.actual)}/${num(t.goal)}${t.metricUnit === 'percent' ? '%' : ''} (${t.percent === null ? '—' : `${num(t.percent)}%`})` +
    `${t.pending ? `, đang chờ ${num(t.pending)}` : ''}; dự báo ${num(t.forecast.value)} ${BASIS_VI[t.forecast.basis]} — ${STATUS_VI[t.status]}`;
  for (const t of p.targets) {
    lines.push(line('', t));
    for (const s of t.subTargets) lines.push(line('   trong đó ', s));
    for (const c of t.children) {
      lines.push(
        `   · ${c.unitName}: ${num(c.actual)}${c.share === null ? ' (chưa giao)' : `/${num(c.share)} (${num(c.percent)}%)`} — ${STATUS_VI[c.status]}`,
      );
    }
  }
  return lines.join('\n');
}

export async function progressReport(ctx: AppContext, ref: string, o: { asOf?: string; unit?: string }) {
  const plan = await resolvePlan(ctx, ref, o.unit);
  return planProgress(ctx, plan, cliDate(o.asOf, ctx));
}
