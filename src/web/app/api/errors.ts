import type { FormInstance } from 'antd';
import type { MessageKey } from '../i18n/i18n.js';
import { ApiError } from './client.js';

type T = (key: MessageKey) => string;

/** The sentence to show for a failed request: the server's own message (already in the user's language) when there is one. */
export function errorText(err: unknown, t: T): string {
  if (err instanceof ApiError) {
    if (err.code === 'NETWORK') return t('error.network');
    if (err.message) return err.message;
  }
  return t('error.unexpected');
}

/**
 * Puts the server's field issues ("roles.0.unitId") on the matching form fields and returns what is
 * left to show above the form: the error's message plus any issue no field on screen can carry.
 */
export function applyServerErrors(form: FormInstance, err: unknown, t: T): string | null {
  if (!(err instanceof ApiError) || err.issues.length === 0) return errorText(err, t);
  const registered = new Set(form.getFieldsError().map((f) => JSON.stringify(f.name)));
  const byField = new Map<string, { name: (string | number)[]; errors: string[] }>();
  const unmatched: string[] = [];
  for (const issue of err.issues) {
    const name = issue.path.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p));
    const key = JSON.stringify(name);
    if (!registered.has(key)) {
      unmatched.push(issue.message);
      continue;
    }
    const entry = byField.get(key) ?? { name, errors: [] };
    entry.errors.push(issue.message);
    byField.set(key, entry);
  }
  form.setFields([...byField.values()]);
  if (unmatched.length === 0) return null;
  return [err.message, ...unmatched].filter(Boolean).join(' — ');
}
