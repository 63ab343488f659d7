import { isIPv6 } from 'node:net';
import { authMessages as M } from '../../../shared/auth/messages.js';
import { say } from '../../../shared/i18n/messages.js';
import type { AppContext } from '../../platform/context.js';
import { nowMs } from '../../platform/dates.js';
import { AppError } from '../../platform/errors.js';
import * as repo from './auth.repository.js';

/**
 * Sign-in limits that cannot be turned against users. Failures are counted per (username, source), in the
 * database so every app process shares them: after `freeFailures` of them each further attempt of that
 * pair waits 1 s, 2 s, 4 s … (at most `maxDelayMinutes`) from the last failure, and an attempt before
 * then is refused without checking the password. Nobody else's failures delay an account: the right
 * password from another source works at once. A second, much higher count per source (every username
 * together) slows a spray of many accounts from one address. A success clears its pair; a count starts
 * again after `forgetMinutes` without a failure; an administrator's unlock clears an account everywhere.
 */

/** An attempt in progress holds its pair's turn this long at most (a crashed process frees it by itself). */
const LEASE_MS = 10_000;

/**
 * Where an attempt comes from: the client's address (X-Forwarded-For under TRUST_PROXY). An IPv6 client
 * counts as its /64, which one line or device holds whole and could otherwise walk through address by
 * address; an IPv4-mapped address is its IPv4.
 */
export function sourceOf(ip: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped?.[1]) return mapped[1];
  const bare = ip.split('%')[0] ?? ip;
  if (!isIPv6(bare)) return ip;
  const [head = '', tail] = bare.toLowerCase().split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = tail === undefined ? left : [...left, ...Array(8 - left.length - right.length).fill('0'), ...right];
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}

/** How long after its last failure the next attempt waits, for a count of failures. */
export function delayMs(failures: number, free: number, maxMs: number): number {
  if (failures < free) return 0;
  const doublings = failures - free;
  return doublings >= 40 ? maxMs : Math.min(maxMs, 1000 * 2 ** doublings);
}

/** The refusal: the wait in the reader's language, and the same in Retry-After. */
function slowed(code: 'LOGIN_SLOWED' | 'LOGIN_SLOWED_SOURCE', waitMs: number): AppError {
  const seconds = Math.max(1, Math.ceil(waitMs / 1000));
  const minutes = Math.ceil(seconds / 60);
  const wait =
    seconds < 60
      ? say(seconds === 1 ? M.waitOneSecond : M.waitSeconds, { n: seconds })
      : say(minutes === 1 ? M.waitOneMinute : M.waitMinutes, { n: minutes });
  return new AppError(code, { wait, retryAfter: seconds });
}

export type Turn = { username: string; source: string; failures: number; lastFailureAt: string | null };

/** Takes the pair's turn, or throws the 429 saying how long to wait; the password is not looked at. */
export async function takeTurn(ctx: AppContext, username: string, ip: string): Promise<Turn> {
  const source = sourceOf(ip);
  const now = nowMs(ctx);
  const whole = await repo.throttleRow(ctx.db, '', source);
  if (whole && Date.parse(whole.slowed_until) > now) {
    throw slowed('LOGIN_SLOWED_SOURCE', Date.parse(whole.slowed_until) - now);
  }
  const iso = new Date(now).toISOString();
  const held = await repo.claimThrottle(ctx.db, username, source, iso, new Date(now + LEASE_MS).toISOString());
  if (!held) {
    const row = await repo.throttleRow(ctx.db, username, source);
    throw slowed('LOGIN_SLOWED', row ? Date.parse(row.slowed_until) - now : 1000);
  }
  return { username, source, failures: Number(held.failures), lastFailureAt: held.last_failure_at };
}

/** A failure: the pair's count and wait, the source's count, and stale rows swept away. */
export async function failed(ctx: AppContext, turn: Turn): Promise<void> {
  const { freeFailures, freeFailuresPerSource, maxDelayMinutes, forgetMinutes } = ctx.config.login;
  const now = nowMs(ctx);
  const iso = new Date(now).toISOString();
  const forgetBefore = new Date(now - forgetMinutes * 60_000).toISOString();
  const maxMs = maxDelayMinutes * 60_000;
  const kept = turn.lastFailureAt !== null && turn.lastFailureAt >= forgetBefore ? turn.failures : 0;
  const failures = kept + 1;
  await repo.setThrottle(ctx.db, {
    username: turn.username,
    source: turn.source,
    failures,
    lastFailureAt: iso,
    slowedUntil: new Date(now + delayMs(failures, freeFailures, maxMs)).toISOString(),
  });
  const fromSource = await repo.countSourceFailure(ctx.db, turn.source, iso, forgetBefore);
  const wait = delayMs(fromSource, freeFailuresPerSource, maxMs);
  if (wait > 0) await repo.slowSource(ctx.db, turn.source, fromSource, new Date(now + wait).toISOString());
  await repo.pruneThrottle(ctx.db, iso, forgetBefore);
}

/** A success clears its own pair only: the source's count is not the account's to forgive. */
export async function succeeded(ctx: AppContext, turn: Turn): Promise<void> {
  await repo.deleteThrottle(ctx.db, turn.username, turn.source);
}
