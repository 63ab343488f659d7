export {
  addDays,
  compareIso,
  formatViDate,
  formatViDateLong,
  isIsoDate,
  parseViDate,
  todayIso,
} from './date.js';
export { fold, foldedContains, normalizeText, normalizeTonePlacement } from './fold.js';
export type { PersonNameParts } from './person-name.js';
export { comparePersonNames, sortByPersonName, splitPersonName } from './person-name.js';
export { personSortKey } from './sort-key.js';
