import type { FastifyRequest } from 'fastify';
import type { Locale } from '../../shared/errors/codes.js';

/** The signed-in user's choice wins; otherwise the browser's, defaulting to Vietnamese. */
export function requestLocale(req: FastifyRequest): Locale {
  if (req.actor) return req.actor.locale;
  const header = req.headers['accept-language'];
  const first = (Array.isArray(header) ? header[0] : header)?.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'vi';
}
