/** One formatter per zone: building an Intl.DateTimeFormat costs far more than formatting with it (a profile of a list request found it first). */
const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** The calendar date now in the given zone, as ISO YYYY-MM-DD. */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  let f = dayFormats.get(timeZone);
  if (!f) {
    // en-CA formats as YYYY-MM-DD.
    f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dayFormats.set(timeZone, f);
  }
  return f.format(now);
}

/** The current instant in ms: the context's clock when a test set one (the sign-in limits read it), else the real one. */
export function nowMs(ctx: { clock?: () => number }): number {
  return ctx.clock ? ctx.clock() : Date.now();
}

/** "Today" for the app: the calendar day in the configured zone (APP_TIMEZONE). */
export function today(ctx: { config: { timeZone: string } }): string {
  return todayIn(ctx.config.timeZone);
}

/**
 * The instant (ISO UTC) a calendar day begins in the zone: timestamps are stored in UTC, while a
 * person asking for "01/07/2025" means the day as lived in Vietnam (from 30/06 17:00 UTC).
 */
export function dayStartUtc(timeZone: string, isoDate: string): string {
  const noon = new Date(`${isoDate}T12:00:00Z`);
  const name = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' })
    .formatToParts(noon)
    .find((p) => p.type === 'timeZoneName')?.value;
  const offset = name && name !== 'GMT' ? name.replace('GMT', '') : '+00:00';
  return new Date(`${isoDate}T00:00:00${offset}`).toISOString();
}
