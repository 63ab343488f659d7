import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { maskCccd } from '../../../shared/ids/index.js';
import type { TMemberExportQuery } from '../../../shared/members/contract.js';
import { GENDER_LABELS, labelOf, MEMBERSHIP_STATUS_LABELS } from '../../../shared/members/labels.js';
import { formatViDate } from '../../../shared/text/index.js';
import type { Db } from '../../db/database.js';
import { audit } from '../../platform/audit.js';
import { codeNames } from '../../platform/code-lists.js';
import type { AppContext } from '../../platform/context.js';
import { contentDisposition } from '../../platform/files.js';
import { type Actor, scopeWithin } from '../../platform/scope.js';
import { checkedDataKeys } from '../../platform/secrets.js';
import { sensitiveOverScope } from './members.presenter.js';
import * as repo from './members.repository.js';
import { searchTerms } from './members.service.js';

/** Rows fetched per query: memory stays flat however large the province. */
const CHUNK = 5000;

const vi = (iso: string | null | undefined) => (iso ? formatViDate(iso) : '');

/** "dd/mm/yyyy HH:mm" in the app's time zone: the moment an officer reads on the printed sheet. */
export function viDateTime(timeZone: string, at = new Date()): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  return `${parts.day}/${parts.month}/${parts.year} ${parts.hour}:${parts.minute}`;
}

/**
 * A search text that is an identity number must not land in clear in the file's title or the audit
 * log (the export itself only carries masked numbers).
 */
function safeSearchText(q: string | undefined): string | undefined {
  if (!q) return q;
  const compact = q.replace(/[\s.\-+]/g, '');
  return /^\d{9}$|^\d{12}$/.test(compact) ? maskCccd(compact) : q;
}

async function filterText(db: Db, q: TMemberExportQuery, names: Awaited<ReturnType<typeof codeNames>>) {
  const parts: string[] = [];
  if (q.status) parts.push(`Trạng thái: ${labelOf(MEMBERSHIP_STATUS_LABELS, q.status)}`);
  if (q.gender) parts.push(`Giới tính: ${labelOf(GENDER_LABELS, q.gender)}`);
  if (q.informal !== undefined) parts.push(q.informal ? 'Khu vực phi chính thức' : 'Khu vực chính thức');
  if (q.foreign !== undefined) parts.push(q.foreign ? 'Người nước ngoài' : 'Người Việt Nam');
  if (q.employerEnterpriseId !== undefined) {
    const e = await db
      .selectFrom('enterprise')
      .select('name')
      .where('id', '=', q.employerEnterpriseId)
      .executeTakeFirst();
    parts.push(`Nơi làm việc: ${e?.name ?? `#${q.employerEnterpriseId}`}`);
  }
  if (q.informalTradeCode) parts.push(`Nghề tự do: ${names('informal_trade', q.informalTradeCode)}`);
  if (q.admittedFrom) parts.push(`Kết nạp từ ${vi(q.admittedFrom)}`);
  if (q.admittedTo) parts.push(`Kết nạp đến ${vi(q.admittedTo)}`);
  if (q.cardIssued !== undefined) parts.push(q.cardIssued ? 'Đã cấp thẻ' : 'Chưa cấp thẻ');
  if (q.q?.trim()) parts.push(`Tìm: "${safeSearchText(q.q.trim())}"`);
  return parts.length ? parts.join('; ') : 'Không lọc (tất cả đoàn viên trong phạm vi)';
}

const BASE_COLUMNS: [string, number][] = [
  ['STT', 6],
  ['Họ và tên', 28],
  ['Ngày sinh', 12],
  ['Giới tính', 9],
  ['Số CCCD', 16],
  ['Điện thoại', 13],
  ['Đơn vị', 32],
  ['Trạng thái', 18],
  ['Ngày kết nạp', 12],
  ['Số QĐ', 16],
  ['Số thẻ', 14],
  ['Ngày cấp thẻ', 12],
  ['Nơi làm việc / Nghề tự do', 32],
  ['Phi chính thức', 10],
  ['Quốc tịch', 9],
];
const SENSITIVE_COLUMNS: [string, number][] = [
  ['Dân tộc', 12],
  ['Tôn giáo', 14],
];

/**
 * The member list as .xlsx, exactly as filtered on screen (every row, not a page), sorted like the
 * list. Access is checked and the export audited before the first byte is written; `write` then
 * streams the rows in chunks. Identity numbers stay masked: a bulk export is kept minimal (PDPL), the
 * clear number is only ever revealed one person at a time.
 */
export async function prepareMemberExport(
  ctx: AppContext,
  actor: Actor,
  q: TMemberExportQuery,
  opts: { chunk?: number } = {},
) {
  const chunkSize = opts.chunk ?? CHUNK;
  const scope = await scopeWithin(ctx.db, actor, 'record.read', q.unitId);
  const withSensitive = await sensitiveOverScope(ctx.db, actor, scope);
  const keys = q.q ? await checkedDataKeys(ctx.db, ctx.config) : null;
  const filters = { ...q, limit: 0, offset: 0, ...searchTerms(keys, q.q) };
  const base = () => repo.filteredMembers(ctx.db, scope, filters);
  const total = await base()
    .clearSelect()
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const rows = Number(total.n);
  const names = await codeNames(ctx.db);
  const unitName = q.unitId
    ? ((await ctx.db.selectFrom('org_unit').select('name').where('id', '=', q.unitId).executeTakeFirst())?.name ?? '')
    : 'Toàn bộ phạm vi quản lý';
  const filter = await filterText(ctx.db, q, names);
  await audit(ctx.db, actor, {
    action: 'member.export',
    entity: 'membership',
    unitId: q.unitId ?? null,
    after: { filter: { ...q, q: safeSearchText(q.q) }, rows, sensitiveColumns: withSensitive },
  });

  const exportedAt = viDateTime(ctx.config.timeZone);
  const day = exportedAt.slice(0, 10).split('/').reverse().join('-');
  const write = async (out: Writable) => {
    // Without styles: fonts would need them, and they double the writing time of a province's export.
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: false });
    const ws = wb.addWorksheet('Đoàn viên', { views: [{ state: 'frozen', ySplit: 5 }] });
    const columns = withSensitive ? [...BASE_COLUMNS, ...SENSITIVE_COLUMNS] : BASE_COLUMNS;
    ws.columns = columns.map(([, width]) => ({ width }));
    ws.addRow(['DANH SÁCH ĐOÀN VIÊN CÔNG ĐOÀN']).commit();
    ws.addRow([`Đơn vị: ${unitName}`]).commit();
    ws.addRow([`Điều kiện lọc: ${filter}`]).commit();
    ws.addRow([`Xuất lúc ${exportedAt} bởi ${actor.fullName} (${actor.username}) — ${rows} đoàn viên`]).commit();
    ws.addRow(columns.map(([h]) => h)).commit();
    let n = 0;
    let after: { sortKey: string; id: number } | null = null;
    for (;;) {
      // Ethnicity and religion are not even read unless they may be written.
      let page = base()
        .select('p.sort_key')
        .$if(withSensitive, (qb) => qb.select(['p.ethnicity_code', 'p.religion_code']));
      if (after) {
        const { sortKey, id } = after;
        // Keyset paging on the list's own order: no OFFSET that grows with every page.
        page = page.where((eb) =>
          eb.or([eb('p.sort_key', '>', sortKey), eb.and([eb('p.sort_key', '=', sortKey), eb('m.id', '>', id)])]),
        );
      }
      const chunk = await page.orderBy('p.sort_key').orderBy('m.id').limit(chunkSize).execute();
      for (const r of chunk) {
        n += 1;
        const cells: (string | number)[] = [
          n,
          r.full_name,
          vi(r.birth_date),
          labelOf(GENDER_LABELS, r.gender),
          r.cccd_masked,
          r.phone ?? '',
          r.unit_name,
          labelOf(MEMBERSHIP_STATUS_LABELS, r.status),
          vi(r.admitted_on),
          r.decision_no ?? '',
          r.card_no ?? '',
          vi(r.card_issued_on),
          r.employer_name ?? names('informal_trade', r.informal_trade_code),
          Number(r.informal) === 1 ? 'Có' : '',
          r.nationality,
        ];
        if (withSensitive) {
          cells.push(names('ethnicity', r.ethnicity_code ?? null), names('religion', r.religion_code ?? null));
        }
        ws.addRow(cells).commit();
      }
      const last = chunk.at(-1);
      if (!last || chunk.length < chunkSize) break;
      after = { sortKey: last.sort_key, id: last.id };
    }
    ws.commit();
    await wb.commit();
  };
  return {
    rows,
    write,
    disposition: contentDisposition(`Danh sách đoàn viên ${day}.xlsx`),
  };
}
