import { PassThrough } from 'node:stream';
import type { TargetStatus, TPlanProgress } from '../../../shared/plans/contract.js';
import { formatViDate } from '../../../shared/text/index.js';
import type { AppContext } from '../../platform/context.js';
import { today } from '../../platform/dates.js';
import { XLSX_MIME } from '../../platform/files.js';
import { writeRowsXlsx } from '../../platform/import/xlsx-out.js';
import type { FileAnswer } from '../../platform/routes.js';
import type { Actor } from '../../platform/scope.js';
import { planProgress } from './plans.progress.js';
import { readablePlan } from './plans.service.js';

/** Files are written in Vietnamese, the language of the records. */
export const STATUS_VI: Record<TargetStatus, string> = {
  on_track: 'Đúng tiến độ',
  at_risk: 'Có nguy cơ chậm',
  behind: 'Chậm tiến độ',
  not_started: 'Chưa bắt đầu',
  no_goal: 'Chưa được giao',
};
export const BASIS_VI = { pace: 'theo tốc độ hiện tại', last_year: 'theo diễn biến cùng kỳ năm trước' } as const;

const HEADERS = [
  'Chỉ tiêu',
  'Nội dung',
  'Đơn vị',
  'Chỉ tiêu giao',
  'Thực hiện',
  'Đang chờ xét',
  'Tỷ lệ (%)',
  'Dự báo cuối kỳ',
  'Cách dự báo',
  'Tình trạng',
];

/** The rows of a progress table: each target, its sub-targets, then its child units (lagging first). */
export function progressRows(p: TPlanProgress): unknown[][] {
  const rows: unknown[][] = [];
  for (const t of p.targets) {
    const line = (code: string, x: (typeof p.targets)[number] | (typeof t.subTargets)[number]) => [
      code,
      x.label,
      p.plan.unitName,
      x.goal,
      x.actual,
      x.pending,
      x.percent,
      x.forecast.value,
      BASIS_VI[x.forecast.basis],
      STATUS_VI[x.status],
    ];
    rows.push(line(t.code, t));
    for (const s of t.subTargets) rows.push(line(`${t.code} · ${s.code}`, s));
    for (const c of t.children) {
      rows.push([t.code, t.label, c.unitName, c.share, c.actual, null, c.percent, null, null, STATUS_VI[c.status]]);
    }
  }
  return rows;
}

export async function progressWorkbook(ctx: AppContext, actor: Actor, id: number, asOf?: string): Promise<FileAnswer> {
  const plan = await readablePlan(ctx, actor, id);
  const day = asOf ?? today(ctx);
  const p = await planProgress(ctx, plan, day);
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise((resolve) => out.on('end', resolve));
  await writeRowsXlsx(out, {
    sheetName: `Tiến độ ${p.plan.reference}`.slice(0, 31),
    headers: HEADERS,
    rows: [
      ...progressRows(p),
      [],
      [`Kế hoạch số ${p.plan.reference} ngày ${formatViDate(p.plan.issuedOn)} — ${p.plan.title}`],
      [
        `Số liệu tính đến ngày ${formatViDate(p.countedTo)} (kỳ ${formatViDate(p.plan.periodFrom)} – ${formatViDate(p.plan.periodTo)})`,
      ],
    ],
  });
  await done;
  const body = Buffer.concat(chunks);
  return {
    contentType: XLSX_MIME,
    fileName: `Tiến độ kế hoạch ${p.plan.number} ${day}.xlsx`,
    asciiName: `tien-do-ke-hoach-${p.plan.number}-${day}.xlsx`,
    body,
    size: body.length,
  };
}
