import { normalizeText, normalizeTonePlacement } from './fold.js';

export interface PersonNameParts {
  family: string;
  middle: string;
  given: string;
}

// Collation approach: Intl.Collator('vi') instead of our own sort key.
// ICU's CLDR "vi" tailoring already does what a Vietnamese roster needs:
// a < ă < â, d < đ, e < ê, o < ô < ơ, u < ư are primary differences, and tones
// are secondary, ordered none < grave < hook < tilde < acute < dot.
// person-name.test.ts checks this against the runtime's ICU, so a build
// without full ICU (e.g. Node built with small-icu) fails loudly instead of
// sorting wrongly. A hand-written key would duplicate ICU and still need the
// same tests, so no personNameSortKey is exported.
// 'variant' keeps case differences as a last-resort tie-break, which gives a
// deterministic order for "an" vs "An".
const collator = new Intl.Collator('vi', { sensitivity: 'variant', usage: 'sort' });

/**
 * Splits a Vietnamese full name, which is written family-first:
 * "Nguyễn Thị Minh Khai" → { family: 'Nguyễn', middle: 'Thị Minh', given: 'Khai' }.
 * A one-word name is given-only, because it is how a person is addressed.
 */
export function splitPersonName(full: string): PersonNameParts {
  const words = normalizeText(full)
    .split(' ')
    .filter((w) => w !== '');
  if (words.length === 0) return { family: '', middle: '', given: '' };
  if (words.length === 1) return { family: '', middle: '', given: words[0] ?? '' };
  return {
    family: words[0] ?? '',
    middle: words.slice(1, -1).join(' '),
    given: words[words.length - 1] ?? '',
  };
}

/** Sort-ready parts: tone placement unified so that "Hòa" and "Hoà" compare equal. */
function collationParts(full: string): PersonNameParts {
  return splitPersonName(normalizeTonePlacement(full));
}

// Rosters in Vietnam are ordered by given name; family names repeat too
// often (Nguyễn, Trần, Lê…) to be a useful first key.
function compareParts(a: PersonNameParts, b: PersonNameParts): number {
  return (
    collator.compare(a.given, b.given) || collator.compare(a.middle, b.middle) || collator.compare(a.family, b.family)
  );
}

/** Compares by given name, then middle name, then family name, using Vietnamese collation. */
export function comparePersonNames(a: string, b: string): number {
  return compareParts(collationParts(a), collationParts(b));
}

/** Returns a new array sorted by person name; items with equal names keep their input order. */
export function sortByPersonName<T>(items: readonly T[], get: (t: T) => string): T[] {
  // Each name is split once here instead of once per comparison.
  const keyed = items.map((item) => ({ item, parts: collationParts(get(item)) }));
  keyed.sort((x, y) => compareParts(x.parts, y.parts));
  return keyed.map((k) => k.item);
}
