import { PassThrough, type Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { type Entry, type MessageParams, say } from '../../../shared/i18n/messages.js';
import { maskCccd } from '../../../shared/ids/index.js';
import type { TMemberExportQuery } from '../../../shared/members/contract.js';
import { GENDER_LABELS, labelOf, MEMBERSHIP_STATUS_LABELS } from '../../../shared/members/labels.js';
import { memberSheets as S } from '../../../shared/members/sheets.js';
import { formatViDate } from '../../../shared/text/index.js';
import { isPostgres } from '../../db/dialect.js';
import { codeNames } from '../../platform/code-lists.js';
import type { AppContext } from '../../platform/context.js';
import { exportRow, XLSX_MIME } from '../../platform/files.js';
import type { FileAnswer } from '../../platform/routes.js';
import { type Actor, narrowScope, type Scope, scopeWithin } from '../../platform/scope.js';
import { checkedDataKeys } from '../../platform/secrets.js';
import { sheetCaughtUp } from '../../platform/xlsx-backpressure.js';
import * as repo from './members.repository.js';
import { sensitiveGate } from './members.sensitive.js';
import { searchTerms } from './members.service.js';

/** Rows fetched per query: memory stays flat however large the province. */
const CHUNK = 5000;

/** A workbook's text: in Vietnamese, the language the files are written in. */
export const sheetText = (entry: Entry, params?: MessageParams) => say(entry, params).vi;
export const viDay = (iso: string | null | undefined) => (iso ? formatViDate(iso) : '');

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

/** The ISO day of a "dd/mm/yyyy HH:mm" moment, for file names. */
export const isoDayOf = (viMoment: string) => viMoment.slice(0, 10).split('/').reverse().join('-');

/**
 * A search text that is an identity number must not land in clear in the file's title or the audit
 * log (the export itself only carries masked numbers).
 */
function safeSearchText(q: string | undefined): string | undefined {
  if (!q) return q;
  const compact = q.replace(/[\s.\-+]/g, '');
  return /^\d{9}$|^\d{12}$/.test(compact) ? maskCccd(compact) : q;
}

async function filterText(ctx: AppContext, q: TMemberExportQuery, names: Awaited<ReturnType<typeof codeNames>>) {
  const parts: string[] = [];
  const add = (entry: Entry, params?: MessageParams) => parts.push(sheetText(entry, params));
  if (q.status) add(S.filterStatus, { label: labelOf(MEMBERSHIP_STATUS_LABELS, q.status) });
  if (q.gender) add(S.filterGender, { label: labelOf(GENDER_LABELS, q.gender) });
  if (q.informal !== undefined) add(q.informal ? S.filterInformal : S.filterFormal);
  if (q.foreign !== undefined) add(q.foreign ? S.filterForeign : S.filterVietnamese);
  if (q.employerEnterpriseId !== undefined) {
    const name = await repo.enterpriseName(ctx.db, q.employerEnterpriseId);
    add(S.filterEmployer, { name: name ?? `#${q.employerEnterpriseId}` });
  }
  if (q.informalTradeCode) add(S.filterTrade, { name: names('informal_trade', q.informalTradeCode) });
  if (q.admittedFrom) add(S.filterAdmittedFrom, { date: viDay(q.admittedFrom) });
  if (q.admittedTo) add(S.filterAdmittedTo, { date: viDay(q.admittedTo) });
  if (q.cardIssued !== undefined) add(q.cardIssued ? S.filterCard : S.filterNoCard);
  if (q.q?.trim()) add(S.filterSearch, { q: safeSearchText(q.q.trim()) });
  return parts.length ? parts.join('; ') : sheetText(S.filterNone);
}

const BASE_COLUMNS: [Entry, number][] = [
  [S.colNo, 6],
  [S.colName, 28],
  [S.colBirth, 12],
  [S.colGender, 9],
  [S.colCccd, 16],
  [S.colPhone, 13],
  [S.colUnit, 32],
  [S.colStatus, 18],
  [S.colAdmitted, 12],
  [S.colDecision, 16],
  [S.colCard, 14],
  [S.colCardIssued, 12],
  [S.colWork, 32],
  [S.colInformal, 10],
  [S.colNationality, 9],
];
const SENSITIVE_COLUMNS: [Entry, number][] = [
  [S.colEthnicity, 12],
  [S.colReligion, 14],
];

/**
 * Whether a narrow scope's export walks the country's list in order instead of starting from its own units.
 * SQLite starts a province's query from its units (members.repository startFromScopeUnits), so every chunk
 * reads and sorts all the province's rows again: rows × chunks, the square of the rows. Past the point where
 * that outgrows one walk of every membership in list order (each chunk then goes on where the last stopped),
 * the walk is cheaper. The rows are the same either way; PostgreSQL joins the scope by itself.
 */
async function walksInOrder(ctx: AppContext, scope: Scope, rows: number, chunkSize: number) {
  if (isPostgres(ctx.db) || !narrowScope(scope) || rows <= chunkSize) return false;
  return rows * Math.ceil(rows / chunkSize) > (await repo.membershipTotal(ctx.db));
}

/**
 * The member list as .xlsx, exactly as filtered on screen (every row, not a page), sorted like the
 * list. Access is checked and the export audited before the first byte is written; `write` then
 * streams the rows in chunks. Identity numbers stay masked: a bulk export is kept minimal (PDPL), the
 * clear number is only ever revealed one person at a time. Ethnicity and religion go in only when the
 * sensitive gate opens them over the whole scope.
 */
export async function prepareMemberExport(
  ctx: AppContext,
  actor: Actor,
  q: TMemberExportQuery,
  opts: { chunk?: number } = {},
) {
  const chunkSize = opts.chunk ?? CHUNK;
  const scope = await scopeWithin(ctx.db, actor, 'record.read', q.unitId);
  return sensitiveGate(
    ctx,
    actor,
    { scope },
    {
      refuse: false,
      audit: (exp: { rows: number }, opened) => ({
        action: 'member.export',
        entity: 'membership',
        unitId: q.unitId ?? null,
        after: { filter: { ...q, q: safeSearchText(q.q) }, rows: exp.rows, sensitiveColumns: opened },
      }),
    },
    async (fields) => {
      const withSensitive = fields !== null;
      const keys = q.q ? await checkedDataKeys(ctx.db, ctx.config) : null;
      const filters = { ...q, limit: 0, offset: 0, ...searchTerms(keys, q.q) };
      const rows = await repo.countOf(repo.filteredMembers(ctx.db, scope, filters));
      const how = (await walksInOrder(ctx, scope, rows, chunkSize)) ? { access: 'order' as const } : {};
      const base = () => repo.filteredMembers(ctx.db, scope, filters, how);
      const names = await codeNames(ctx.db);
      const unitName = q.unitId ? ((await repo.unitName(ctx.db, q.unitId)) ?? '') : sheetText(S.listWholeScope);
      const filter = await filterText(ctx, q, names);
      const exportedAt = viDateTime(ctx.config.timeZone);
      const by = sheetText(S.exportedBy, { at: exportedAt, name: actor.fullName, username: actor.username });

      const write = async (out: Writable) => {
        // Without styles: fonts would need them, and they double the writing time of a province's export.
        const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: false });
        const ws = wb.addWorksheet(sheetText(S.listSheet), { views: [{ state: 'frozen', ySplit: 5 }] });
        const columns = withSensitive ? [...BASE_COLUMNS, ...SENSITIVE_COLUMNS] : BASE_COLUMNS;
        ws.columns = columns.map(([, width]) => ({ width }));
        ws.addRow([sheetText(S.listTitle)]).commit();
        ws.addRow([sheetText(S.listUnit, { unit: unitName })]).commit();
        ws.addRow([sheetText(S.listFilter, { filter })]).commit();
        ws.addRow([sheetText(S.listRows, { by, rows: String(rows) })]).commit();
        ws.addRow(columns.map(([h]) => h.vi)).commit();
        let n = 0;
        let after: { sortKey: string; personId: number; id: number } | null = null;
        for (;;) {
          const chunk = await repo.filteredChunk(base(), after, chunkSize, withSensitive);
          for (const r of chunk) {
            n += 1;
            const cells: (string | number)[] = [
              n,
              r.full_name,
              viDay(r.birth_date),
              labelOf(GENDER_LABELS, r.gender),
              r.cccd_masked,
              r.phone ?? '',
              r.unit_name,
              labelOf(MEMBERSHIP_STATUS_LABELS, r.status),
              viDay(r.admitted_on),
              r.decision_no ?? '',
              r.card_no ?? '',
              viDay(r.card_issued_on),
              r.employer_name ?? names('informal_trade', r.informal_trade_code),
              Number(r.informal) === 1 ? sheetText(S.yes) : '',
              r.nationality,
            ];
            if (withSensitive) {
              cells.push(names('ethnicity', r.ethnicity_code ?? null), names('religion', r.religion_code ?? null));
            }
            ws.addRow(exportRow(cells)).commit();
            await sheetCaughtUp(ws);
          }
          const last = chunk.at(-1);
          if (!last || chunk.length < chunkSize) break;
          after = { sortKey: last.sort_key, personId: last.person_id, id: last.id };
        }
        ws.commit();
        await wb.commit();
      };
      return { rows, write, fileName: sheetText(S.listFileName, { day: isoDayOf(exportedAt) }) };
    },
  );
}

/** The export as the route sends it: streamed while it is written. */
export async function memberExportFile(ctx: AppContext, actor: Actor, q: TMemberExportQuery): Promise<FileAnswer> {
  const exp = await prepareMemberExport(ctx, actor, q);
  const body = new PassThrough();
  void exp.write(body).catch((err) => body.destroy(err));
  return { contentType: XLSX_MIME, fileName: exp.fileName, body };
}
