import { z } from 'zod';

/**
 * Zod speaks Vietnamese by default (the product's first language); a missing field gets a plain
 * "required" message instead of zod's "expected string, received undefined".
 */
let configured = false;
export function configureZodVietnamese(): void {
  if (configured) return;
  configured = true;
  const vi = z.locales.vi();
  z.config({
    ...vi,
    customError: (iss) => {
      if (iss.code === 'invalid_type' && iss.input === undefined) return 'Thiếu trường bắt buộc';
      if (iss.code === 'unrecognized_keys') return `Trường không được phép: ${iss.keys.join(', ')}`;
      return undefined;
    },
  });
}

export type FieldIssue = { path: string; message: string };

export function zodIssuesToFields(issues: readonly { path?: readonly PropertyKey[]; message: string }[]): FieldIssue[] {
  return issues.map((i) => ({ path: (i.path ?? []).map(String).join('.'), message: i.message }));
}
