import { z } from 'zod';
import { commonMessages } from '../common/messages.js';

/** ISO calendar date (YYYY-MM-DD) that really exists; the UI shows it as dd/mm/yyyy. */
export const ZIsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: commonMessages.dateFormat.key })
  .refine(
    (s) => {
      const d = new Date(`${s}T00:00:00Z`);
      return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
    },
    { message: commonMessages.dateNotReal.key },
  );

export const ZId = z.coerce.number().int().positive();
export const ZIdParams = z.object({ id: ZId }).strict();

/** A yes/no filter in a query string: 'true' or 'false'. */
export const zQueryBool = z.enum(['true', 'false']).transform((v) => v === 'true');

/** Trimmed, NFC-normalised single-line text with a length limit. */
export const zText = (max: number, min = 1) =>
  z
    .string()
    .transform((s) => s.normalize('NFC').trim().replace(/\s+/g, ' '))
    .pipe(z.string().min(min).max(max));

export const zOptionalText = (max: number) =>
  z
    .string()
    .transform((s) => s.normalize('NFC').trim())
    .pipe(z.string().max(max))
    .nullish()
    .transform((s) => (s ? s : null));

export const ZOk = z.object({ ok: z.literal(true) });

export const ZPage = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
