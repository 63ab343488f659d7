import { z } from 'zod';
import { ZId, zQueryBool, zText } from '../http/common.js';

/**
 * A possible transfer: an attempt to admit a person who is active in another unit. Both sides see it;
 * the other side's unit is named only when it lies in the caller's scope.
 */
export const POSSIBLE_TRANSFER_SOURCES = ['admission', 'import', 'application'] as const;
export type PossibleTransferSource = (typeof POSSIBLE_TRANSFER_SOURCES)[number];
export const ZPossibleTransferQuery = z
  .object({
    unitId: ZId.optional(),
    open: zQueryBool.default(true),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    offset: z.coerce.number().int().min(0).default(0),
  })
  .strict();
const ZSideUnit = z.object({ id: z.number().int(), name: z.string() }).nullable();
export const ZPossibleTransfer = z.object({
  id: z.number().int(),
  personId: z.number().int(),
  fullName: z.string(),
  cccdMasked: z.string(),
  /** Which side the caller is on (both for a common superior). */
  side: z.enum(['holding', 'requesting', 'both']),
  holdingMembershipId: z.number().int().nullable(),
  holdingUnit: ZSideUnit,
  requestingUnit: ZSideUnit,
  source: z.enum(POSSIBLE_TRANSFER_SOURCES),
  requestedAt: z.string(),
  closedAt: z.string().nullable(),
  resolution: z.enum(['transferred', 'dismissed']).nullable(),
  note: z.string().nullable(),
});
export type TPossibleTransfer = z.infer<typeof ZPossibleTransfer>;
export const ZPossibleTransferList = z.object({ total: z.number().int(), items: z.array(ZPossibleTransfer) });
export const ZPossibleTransferDismiss = z.object({ note: zText(1000) }).strict();
