import { normalizeTonePlacement } from './fold.js';
import { splitPersonName } from './person-name.js';

/**
 * A byte-comparable sort key for Vietnamese person names, for ORDER BY in the database (11 M members
 * cannot be sorted in JavaScript). It reproduces comparePersonNames: given name, then middle, then
 * family; within each, letters first (a<ă<â, d<đ, e<ê, o<ô<ơ, u<ư), tones only to break ties
 * (none < grave < hook < tilde < acute < dot). Stored in a binary-collated column.
 */
const LETTERS = 'aăâbcdđeêfghijklmnoôơpqrstuưvwxyz';
const PRIMARY = new Map([...LETTERS].map((ch, i) => [ch, String.fromCharCode(0x41 + i)]));
// Combining marks after NFD: tone marks and the letter-shaping marks (breve, circumflex, horn).
const TONES: Record<string, string> = { '\u0300': '1', '\u0309': '2', '\u0303': '3', '\u0301': '4', '\u0323': '5' };
// â/ê/ô share U+0302, ă is U+0306, ơ/ư share U+031B: the base letter decides which letter results.
const SHAPED: Record<string, Record<string, string>> = {
  '\u0306': { a: 'ă' },
  '\u0302': { a: 'â', e: 'ê', o: 'ô' },
  '\u031b': { o: 'ơ', u: 'ư' },
};

type Letter = { base: string; tone: string };

function letters(word: string): Letter[] {
  const out: Letter[] = [];
  for (const ch of word.normalize('NFD').toLowerCase()) {
    const last = out.at(-1);
    if (TONES[ch] && last) {
      last.tone = TONES[ch];
    } else if (SHAPED[ch] && last) {
      last.base = SHAPED[ch]?.[last.base] ?? last.base;
    } else if (ch === 'đ') {
      out.push({ base: 'đ', tone: '0' });
    } else if (/[\p{L}\p{N}]/u.test(ch)) {
      out.push({ base: ch, tone: '0' });
    }
  }
  return out;
}

function fieldKey(text: string): string {
  const ls = text
    .split(' ')
    .filter(Boolean)
    .flatMap((w, i) => (i > 0 ? [{ base: ' ', tone: '' }, ...letters(w)] : letters(w)));
  const primary = ls
    .map((l) => (l.base === ' ' ? '"' : (PRIMARY.get(l.base) ?? (/\d/.test(l.base) ? l.base : '~'))))
    .join('');
  const secondary = ls.map((l) => l.tone).join('');
  return `${primary}!${secondary}`;
}

export function personSortKey(fullName: string): string {
  const p = splitPersonName(normalizeTonePlacement(fullName));
  return [fieldKey(p.given), fieldKey(p.middle), fieldKey(p.family)].join(' ');
}
