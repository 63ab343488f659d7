/** The calendar date now in the given zone, as ISO YYYY-MM-DD. */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  // en-CA formats as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** "Today" for the app: the calendar day in the configured zone (APP_TIMEZONE). */
export function today(ctx: { config: { timeZone: string } }): string {
  return todayIn(ctx.config.timeZone);
}
