import type { THeaderInput } from '../../../shared/documents/contract.js';
import { audit } from '../../platform/audit.js';
import type { AppContext } from '../../platform/context.js';
import { today } from '../../platform/dates.js';
import { type Actor, requireScope, requireUnitInScope } from '../../platform/scope.js';
import * as repo from './documents.repository.js';
import { headerTexts, jsonList } from './documents.service.js';

/** GET: the configured header of a unit on a day and what a document of that day prints. Read access to the unit. */
export async function getHeader(ctx: AppContext, actor: Actor, unitId: number, date?: string) {
  await requireUnitInScope(ctx.db, unitId, await requireScope(ctx.db, actor, 'org.read'));
  const day = date ?? today(ctx);
  const row = await repo.headerRowAt(ctx.db, unitId, day);
  return {
    unitId,
    date: day,
    configured: row
      ? {
          validFrom: row.valid_from,
          superior: row.superior_text,
          issuer: row.issuer_text,
          nationalTitle: row.national_text,
          motto: row.motto_text,
          signerAuthority: row.signer_authority,
          signerPosition: row.signer_position,
          recipients: jsonList(row.recipients),
        }
      : null,
    printed: await headerTexts(ctx, unitId, day, row),
  };
}

/** PUT: the unit's header from a day on (org.manage over the unit); documents dated before keep the old texts. */
export async function putHeader(ctx: AppContext, actor: Actor, unitId: number, input: THeaderInput) {
  await requireUnitInScope(ctx.db, unitId, await requireScope(ctx.db, actor, 'org.manage'));
  await ctx.db.transaction().execute(async (trx) => {
    await repo.saveHeaderFrom(trx, unitId, input.validFrom, {
      superior_text: input.superior === undefined ? null : input.superior,
      issuer_text: input.issuer,
      national_text: input.nationalTitle,
      motto_text: input.motto,
      signer_authority: input.signerAuthority,
      signer_position: input.signerPosition,
      recipients: input.recipients.length ? JSON.stringify(input.recipients) : null,
    });
    await audit(trx, actor, {
      action: 'document_header.set',
      entity: 'org_unit',
      entityId: unitId,
      unitId,
      after: input,
    });
  });
  return getHeader(ctx, actor, unitId, input.validFrom);
}
