// Text normalisation shared by server and browser, so only ECMAScript built-ins
// are used here (no Buffer, no node:* imports).

const WHITESPACE_RUN = /\s+/g;

// Only the diacritic block that Vietnamese uses. Marks outside it are left
// alone so foreign text does not collapse into false matches.
const COMBINING_MARKS = /[\u0300-\u036f]/g;

// Đ/đ have no Unicode decomposition, so stripping marks does not reach them.
// Ð/ð (U+00D0/U+00F0, the Icelandic eth) are included on purpose: old
// TCVN3/VNI/Windows-1258 conversions often used them in place of Đ/đ, and a
// search for "dong nai" should still find "Ðồng Nai" typed that way.
const D_LOOKALIKES = /[\u0110\u00d0]/g;
const d_LOOKALIKES = /[\u0111\u00f0]/g;

const TONE_MARK = '[\u0300\u0301\u0303\u0309\u0323]';

// Only after a bare o/u can the old and new spellings disagree: "hòa"/"hoà",
// "khỏe"/"khoẻ", "thúy"/"thuý". Once the cluster is followed by any letter
// or mark (hoàn, thuyết, hoặc), both spellings agree, so the lookahead
// keeps us away from those.
const OLD_STYLE_OA_OE = new RegExp(`([oO])(${TONE_MARK})([aAeE])(?![\\p{L}\\p{M}])`, 'gu');
const OLD_STYLE_UY = new RegExp(`([uU])(${TONE_MARK})([yY])(?![\\p{L}\\p{M}])`, 'gu');

/** NFC, trimmed, with every internal whitespace run collapsed to one space. */
export function normalizeText(s: string): string {
  return s.normalize('NFC').replace(WHITESPACE_RUN, ' ').trim();
}

/**
 * Key for diacritic- and case-insensitive search: "Đặng" → "dang".
 * Not for display and not for sorting, since it throws away the distinctions
 * (a/ă/â, d/đ, tones) that Vietnamese collation needs.
 */
export function fold(s: string): string {
  // Lowercase before stripping: some lowercase mappings (e.g. İ → i + U+0307)
  // produce combining marks, and those should be stripped too.
  return s
    .normalize('NFD')
    .replace(D_LOOKALIKES, 'D')
    .replace(d_LOOKALIKES, 'd')
    .toLowerCase()
    .replace(COMBINING_MARKS, '')
    .replace(WHITESPACE_RUN, ' ')
    .trim();
}

/** True when `needle` occurs in `haystack` once both are folded; an empty needle matches anything. */
export function foldedContains(haystack: string, needle: string): boolean {
  return fold(haystack).includes(fold(needle));
}

/**
 * Rewrites old-style tone placement ("hòa", "khỏe", "thúy") to the new style
 * ("hoà", "khoẻ", "thuý") and returns NFC.
 * The same name is commonly typed both ways. Left as it is, a collator treats
 * the two as different strings, and a third name can sort between them
 * (hoà < hoá < hòa). Either style would work as the canonical form; new
 * style puts the tone on the main vowel, which is the modern convention.
 */
export function normalizeTonePlacement(s: string): string {
  return s.normalize('NFD').replace(OLD_STYLE_OA_OE, '$1$3$2').replace(OLD_STYLE_UY, '$1$3$2').normalize('NFC');
}
