/**
 * Initial list filters from the URL: a drill-down from the dashboard (or a shared link) opens a list
 * page with the figure's filters already applied. Each page names its filters and their kinds; values
 * that do not parse are left out rather than guessed.
 */
export type FilterKinds = Record<string, 'bool' | 'date' | 'id' | 'text' | readonly string[]>;

const ISO = /^\d{4}-\d{2}-\d{2}$/;

export function filtersFromParams(params: URLSearchParams, kinds: FilterKinds): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, kind] of Object.entries(kinds)) {
    const raw = params.get(name);
    if (raw === null || raw === '') continue;
    if (kind === 'bool') {
      if (raw === 'true' || raw === 'false') out[name] = raw === 'true';
    } else if (kind === 'date') {
      if (ISO.test(raw)) out[name] = raw;
    } else if (kind === 'id') {
      const n = Number(raw);
      if (Number.isInteger(n) && n > 0) out[name] = n;
    } else if (kind === 'text') {
      out[name] = raw.slice(0, 200);
    } else if (kind.includes(raw)) {
      out[name] = raw;
    }
  }
  return out;
}
