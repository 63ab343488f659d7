/**
 * Countries by their names in the reader's language (Intl.DisplayNames, so no list to keep), for the
 * nationality picker: Việt Nam first, then by name. The value stays the ISO 3166 two-letter code.
 */
const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
// Codes Intl names that are not countries (unknown region, EU, UN, pseudo-regions).
const NOT_COUNTRIES = new Set(['EU', 'EZ', 'UN', 'QO', 'ZZ', 'XA', 'XB', 'AC', 'CP', 'DG', 'EA', 'IC', 'TA', 'CQ']);

const cache = new Map<string, { value: string; label: string }[]>();

export function countryName(code: string, locale: string): string {
  try {
    return new Intl.DisplayNames([locale], { type: 'region', fallback: 'code' }).of(code) ?? code;
  } catch {
    return code;
  }
}

export function countryOptions(locale: string): { value: string; label: string }[] {
  const known = cache.get(locale);
  if (known) return known;
  const names = new Intl.DisplayNames([locale], { type: 'region', fallback: 'none' });
  const out: { value: string; label: string }[] = [];
  for (const a of LETTERS) {
    for (const b of LETTERS) {
      const code = a + b;
      if (NOT_COUNTRIES.has(code)) continue;
      const label = names.of(code);
      if (label && label !== code) out.push({ value: code, label });
    }
  }
  const collator = new Intl.Collator(locale);
  out.sort((x, y) => (x.value === 'VN' ? -1 : y.value === 'VN' ? 1 : collator.compare(x.label, y.label)));
  cache.set(locale, out);
  return out;
}
