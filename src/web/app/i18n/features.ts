import { addMessages } from './i18n.js';

/**
 * Each feature's screen catalogue is its own chunk, loaded with the pages that show it (the router's
 * `page(…, [features])`), so the entry carries only the shell's and the sign-in's words.
 */
const loaders = {
  applications: () =>
    import('../../features/applications/messages.js').then((m) => ({ vi: m.applicationsVi, en: m.applicationsEn })),
  audit: () => import('../../features/audit/messages.js').then((m) => ({ vi: m.auditVi, en: m.auditEn })),
  dashboard: () =>
    import('../../features/dashboard/messages.js').then((m) => ({ vi: m.dashboardVi, en: m.dashboardEn })),
  enterprises: () =>
    import('../../features/enterprises/messages.js').then((m) => ({ vi: m.enterprisesVi, en: m.enterprisesEn })),
  imports: () => import('../../features/imports/messages.js').then((m) => ({ vi: m.importsVi, en: m.importsEn })),
  members: () => import('../../features/members/messages.js').then((m) => ({ vi: m.membersVi, en: m.membersEn })),
  org: () => import('../../features/org/messages.js').then((m) => ({ vi: m.orgVi, en: m.orgEn })),
  outreach: () => import('../../features/outreach/messages.js').then((m) => ({ vi: m.outreachVi, en: m.outreachEn })),
  plans: () => import('../../features/plans/messages.js').then((m) => ({ vi: m.plansVi, en: m.plansEn })),
  reviews: () => import('../../features/reviews/messages.js').then((m) => ({ vi: m.reviewsVi, en: m.reviewsEn })),
  users: () => import('../../features/users/messages.js').then((m) => ({ vi: m.usersVi, en: m.usersEn })),
};

export type FeatureMessages = keyof typeof loaders;

const loaded = new Map<FeatureMessages, Promise<void>>();

/** Loads (once) and adds the catalogues of these features. */
export function loadMessages(features: readonly FeatureMessages[]): Promise<void> {
  return Promise.all(
    features.map((f) => {
      let p = loaded.get(f);
      if (!p) {
        p = loaders[f]().then(addMessages);
        // A failed download (a dropped line) may be tried again by the next navigation.
        p.catch(() => loaded.delete(f));
        loaded.set(f, p);
      }
      return p;
    }),
  ).then(() => undefined);
}
