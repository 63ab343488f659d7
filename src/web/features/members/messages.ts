/**
 * UI text of the members feature, spread into the app catalogues (app/i18n). Kept beside the feature so
 * its screens and their words change together; English is typed by the Vietnamese keys.
 */
export const membersVi = {} as const;

export const membersEn: Record<keyof typeof membersVi, string> = {};
