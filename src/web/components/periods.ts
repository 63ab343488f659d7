import { addDays } from '../../shared/text/index.js';

/** A named period a page can jump to; a plan's period (next issue) is one more of these. */
export type PeriodChoice = { key: string; label: string; from: string; to: string };

const pad = (n: number) => String(n).padStart(2, '0');

/** The quarter so far: 1 April to today in May. */
export function thisQuarter(today: string): { from: string; to: string } {
  const month = Number(today.slice(5, 7));
  const first = Math.floor((month - 1) / 3) * 3 + 1;
  return { from: `${today.slice(0, 4)}-${pad(first)}-01`, to: today };
}

/** The last six months counted by calendar day: 3 June to 2 December. */
export function lastSixMonths(today: string): { from: string; to: string } {
  const y = Number(today.slice(0, 4));
  const m = Number(today.slice(5, 7)) - 6;
  const year = m <= 0 ? y - 1 : y;
  const month = m <= 0 ? m + 12 : m;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const day = Math.min(Number(today.slice(8, 10)), lastDay);
  return { from: addDays(`${year}-${pad(month)}-${pad(day)}`, 1), to: today };
}

/** 1 January to today. */
export function yearSoFar(today: string): { from: string; to: string } {
  return { from: `${today.slice(0, 4)}-01-01`, to: today };
}
