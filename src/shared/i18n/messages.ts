/**
 * Messages a user reads, in both languages. Each feature keeps one catalogue
 * (`src/shared/<feature>/messages.ts` for what the server says, `src/web/features/<f>/messages.ts` for
 * screen text); entries are `{ vi, en }` with `{placeholders}`. A message travels as both languages
 * (`say(entry, params)`) and is put in the reader's language at the edge: the error handler, a presenter,
 * the CLI. Zod schemas can only carry a string, so they carry the entry's key, which the error handler
 * looks up here.
 */
export type Locale = 'vi' | 'en';
export type Message = { readonly vi: string; readonly en: string };
/** A parameter may itself be a message (a label): each language then gets its own words. */
export type MessageParams = Record<string, string | number | Message | null | undefined>;
/** A catalogue entry: a message with its key ("members.cccdInvalid"). */
export type Entry = Message & { readonly key: string };

const registry = new Map<string, Message>();

/** Declares a feature's catalogue under a namespace; every entry gets its key and can be found by it. */
export function defineMessages<const C extends Record<string, Message>>(
  namespace: string,
  catalogue: C,
): { readonly [K in keyof C]: C[K] & { readonly key: string } } {
  const out: Record<string, Entry> = {};
  for (const [name, m] of Object.entries(catalogue)) {
    const key = `${namespace}.${name}`;
    registry.set(key, m);
    out[name] = { ...m, key };
  }
  return out as { readonly [K in keyof C]: C[K] & { readonly key: string } };
}

const numberFormat = new Intl.NumberFormat('vi-VN');

function fillTemplate(template: string, params: MessageParams, locale: Locale): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const v = params[name];
    if (v === undefined || v === null) return whole;
    if (typeof v === 'object') return v[locale];
    // Numbers keep Vietnamese grouping (1.234) in both languages: the data is Vietnamese.
    return typeof v === 'number' ? numberFormat.format(v) : v;
  });
}

/** The message with its placeholders filled, still in both languages. */
export function say(m: Message, params: MessageParams = {}): Message {
  return { vi: fillTemplate(m.vi, params, 'vi'), en: fillTemplate(m.en, params, 'en') };
}

/** A message (or a catalogue key, or a plain text) in one language. */
export function inLocale(m: Message | string, locale: Locale): string {
  if (typeof m !== 'string') return m[locale];
  return registry.get(m)?.[locale] ?? m;
}

/** Both languages of a catalogue key; undefined for a text that is not a key. */
export function messageByKey(key: string): Message | undefined {
  return registry.get(key);
}
