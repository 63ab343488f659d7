import type { applicationsVi } from '../../features/applications/messages.js';
import type { auditVi } from '../../features/audit/messages.js';
import type { dashboardVi } from '../../features/dashboard/messages.js';
import type { enterprisesVi } from '../../features/enterprises/messages.js';
import type { importsVi } from '../../features/imports/messages.js';
import type { membersVi } from '../../features/members/messages.js';
import type { orgVi } from '../../features/org/messages.js';
import type { outreachVi } from '../../features/outreach/messages.js';
import type { plansVi } from '../../features/plans/messages.js';
import type { reviewsVi } from '../../features/reviews/messages.js';
import type { usersVi } from '../../features/users/messages.js';
import { en } from './en.js';
import { fill, type Locale, type MessageParams } from './locale.js';
import { vi } from './vi.js';

export { formatNumber, type Locale, type MessageParams, storedLocale, storeLocale } from './locale.js';

/**
 * Every key of every screen: the shell's catalogue (vi.ts, in the entry) and each feature's (features/<f>/
 * messages.ts), which is loaded with that feature's pages (features.ts, the router) and added here before
 * they render. The types see them all, so a key is checked wherever it is written.
 */
export type MessageKey =
  | keyof typeof vi
  | keyof typeof applicationsVi
  | keyof typeof auditVi
  | keyof typeof dashboardVi
  | keyof typeof enterprisesVi
  | keyof typeof importsVi
  | keyof typeof membersVi
  | keyof typeof orgVi
  | keyof typeof outreachVi
  | keyof typeof plansVi
  | keyof typeof reviewsVi
  | keyof typeof usersVi;

/** A feature's screen text in both languages; English is typed by the Vietnamese keys where it is defined. */
export type Catalogue = { vi: Partial<Record<MessageKey, string>>; en: Partial<Record<MessageKey, string>> };

const catalogues: Record<Locale, Partial<Record<MessageKey, string>>> = { vi: { ...vi }, en: { ...en } };

/** Adds a loaded feature's text; both languages at once, so the language switch never waits. */
export function addMessages(c: Catalogue): void {
  Object.assign(catalogues.vi, c.vi);
  Object.assign(catalogues.en, c.en);
}

export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(catalogues.vi, key);
}

/**
 * Looks up a message and fills its {placeholders}; numbers get Vietnamese digit grouping. A key whose
 * feature is not loaded shows as itself (features.test.ts checks each page loads what its screens use).
 */
export function translate(locale: Locale, key: MessageKey, params?: MessageParams): string {
  return fill(catalogues[locale][key] ?? catalogues.vi[key] ?? key, params);
}
