/**
 * UI text of the applications feature, spread into the app catalogues (app/i18n). Kept beside the feature so
 * its screens and their words change together; English is typed by the Vietnamese keys.
 */
export const applicationsVi = {} as const;

export const applicationsEn: Record<keyof typeof applicationsVi, string> = {};
