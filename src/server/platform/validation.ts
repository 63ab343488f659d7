import { z } from 'zod';
import { commonMessages } from '../../shared/common/messages.js';
import {
  inLocale,
  type Locale,
  type Message,
  type MessageParams,
  messageByKey,
  say,
} from '../../shared/i18n/messages.js';
import { AppError } from './errors.js';

/**
 * A zod message can only be a string, yet the reader's language is known only when the error is
 * answered. Built-in messages are therefore rendered in both languages when zod raises them and
 * carried as one marked string; schema messages carry a catalogue key. `readMessage` undoes both.
 */
const BOTH = '\u2063';
const encode = (m: Message) => `${BOTH}${JSON.stringify(m)}`;

type LocaleMap = { localeError: (issue: never) => string | { message: string } | undefined | null };
const asText = (r: ReturnType<LocaleMap['localeError']>) => (typeof r === 'string' ? r : (r?.message ?? ''));

let configured = false;
/**
 * Zod speaks Vietnamese first (the product's first language) and English on request; a missing
 * field gets a plain "required" message instead of zod's "expected string, received undefined".
 */
export function configureZodMessages(): void {
  if (configured) return;
  configured = true;
  const vi = z.locales.vi() as unknown as LocaleMap;
  const en = z.locales.en() as unknown as LocaleMap;
  z.config({
    customError: (iss) => {
      if (iss.code === 'invalid_type' && iss.input === undefined) return encode(commonMessages.required);
      if (iss.code === 'unrecognized_keys')
        return encode(say(commonMessages.unknownFields, { keys: iss.keys.join(', ') }));
      return encode({ vi: asText(vi.localeError(iss as never)), en: asText(en.localeError(iss as never)) });
    },
  });
}

/** A field message as zod or a service left it: both languages, a catalogue key, or a plain text. */
export function readMessage(s: string | Message): Message | string {
  if (typeof s !== 'string') return s;
  if (s.startsWith(BOTH)) {
    try {
      return JSON.parse(s.slice(BOTH.length)) as Message;
    } catch {
      return s;
    }
  }
  return messageByKey(s) ?? s;
}

export function messageIn(s: string | Message, locale: Locale): string {
  return inLocale(readMessage(s), locale);
}

/** One problem with one field of the input: `path` names the field ("people.3.cccd"). */
export type Issue = { path: string; message: Message | string };

/** The issue for a field, from a catalogue entry and its parameters. */
export function issue(path: string, message: Message, params?: MessageParams): Issue {
  return { path, message: say(message, params) };
}

/** Refuses the input: a 400 naming each field and what is wrong with it. Nothing is written. */
export function invalid(issues: Issue[]): never {
  throw new AppError('VALIDATION', {}, issues);
}

export function zodIssuesToFields(issues: readonly { path?: readonly PropertyKey[]; message: string }[]): Issue[] {
  return issues.map((i) => ({ path: (i.path ?? []).map(String).join('.'), message: readMessage(i.message) }));
}
