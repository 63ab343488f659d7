import { PassThrough } from 'node:stream';
import { importsMessages as M } from '../../../shared/imports/messages.js';
import { XLSX_MIME } from '../files.js';
import type { FileAnswer } from '../routes.js';
import type { FieldSpec } from './header.js';
import { type TemplateField, writeTemplateXlsx } from './xlsx-out.js';

/**
 * A kind's template columns from its fields: the Vietnamese header, the example value, the drop-down
 * list where there is one, and "Bắt buộc" on required columns. `omit` leaves out fields that only
 * exist to read other people's layouts.
 */
export function templateFields<K extends string>(
  fields: readonly FieldSpec<K>[],
  o: { examples: Partial<Record<K, unknown>>; options?: Partial<Record<K, readonly string[]>>; omit?: readonly K[] },
): TemplateField[] {
  return fields
    .filter((f) => !o.omit?.includes(f.key))
    .map((f) => {
      const options = o.options?.[f.key];
      return {
        label: f.label,
        example: o.examples[f.key] ?? '',
        ...(options ? { options } : {}),
        ...(f.required ? { note: M.required.vi } : {}),
      };
    });
}

/** The template workbook as a download (templates are small: built in memory). */
export async function templateAnswer(
  fileName: string,
  spec: { title: string; fields: readonly TemplateField[] },
): Promise<FileAnswer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const ended = new Promise<void>((resolve, reject) => {
    out.on('end', resolve);
    out.on('error', reject);
  });
  await writeTemplateXlsx(out, spec);
  out.end();
  await ended;
  return { contentType: XLSX_MIME, fileName, body: Buffer.concat(chunks) };
}
