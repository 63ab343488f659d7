import { z } from 'zod';
import { ZId, ZIsoDate, zOptionalText, zText } from '../http/common.js';

import { PARTY_STATUSES } from './enums.js';

// Party introductions: sensitive data, read only with sensitive.read (the counts are for everyone).

export const ZPartyIntroduction = z.object({
  id: z.number().int(),
  membershipId: z.number().int(),
  personId: z.number().int(),
  fullName: z.string(),
  unitId: z.number().int(),
  unitName: z.string(),
  introducedOn: z.string(),
  partyOrganisation: z.string(),
  status: z.enum(PARTY_STATUSES),
  statusDate: z.string(),
  note: z.string().nullable(),
});

export type TPartyIntroduction = z.infer<typeof ZPartyIntroduction>;

export const ZPartyIntroductionCreate = z
  .object({ introducedOn: ZIsoDate, partyOrganisation: zText(255), note: zOptionalText(2000) })
  .strict();
export const ZPartyIntroductionPatch = z
  .object({ status: z.enum(PARTY_STATUSES), statusDate: ZIsoDate, note: zOptionalText(2000) })
  .strict();
export const ZPartyQuery = z
  .object({
    unitId: ZId.optional(),
    from: ZIsoDate.optional(),
    to: ZIsoDate.optional(),
    limit: z.coerce.number().int().min(1).max(500).default(100),
    offset: z.coerce.number().int().min(0).default(0),
  })
  .strict();
export const ZPartyList = z.object({ total: z.number().int(), items: z.array(ZPartyIntroduction) });
