import path from 'node:path';
import { z } from 'zod';

/**
 * The one place that reads environment variables. Everything else receives a Config.
 * Defaults give a working embedded install (SQLite in ./data, port 8080).
 */
const ZEnv = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(8080),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL phải bắt đầu bằng postgres:// (PostgreSQL)')
    .optional(),
  /** PostgreSQL schema to use (tests give each run its own). */
  DATABASE_SCHEMA: z
    .string()
    .regex(/^[a-z_][a-z0-9_]*$/)
    .optional(),
  /** The request thread's wait for SQLite's write lock before answering DB_BUSY (it blocks all requests meanwhile). */
  SQLITE_BUSY_TIMEOUT_MS: z.coerce.number().int().min(0).max(60_000).default(250),
  SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(5)
    .max(7 * 24 * 60)
    .default(8 * 60),
  SESSION_MAX_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 90)
    .default(7 * 24),
  /** Set when the app is served over HTTPS (directly or behind a TLS proxy): Secure cookies, HSTS, upgrade-insecure-requests. */
  PUBLIC_URL: z.string().url().optional(),
  TRUST_PROXY: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Failed sign-ins of one username from one source before each further attempt waits 1 s, 2 s, 4 s … */
  LOGIN_FREE_FAILURES: z.coerce.number().int().min(1).max(1000).default(5),
  /** The same for every username together from one source: against spraying, above any office's typos. */
  LOGIN_FREE_FAILURES_PER_SOURCE: z.coerce.number().int().min(1).max(1_000_000).default(100),
  LOGIN_MAX_DELAY_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(15),
  /** A count starts again after this long without a failure; longer than the longest delay. */
  LOGIN_FORGET_MINUTES: z.coerce
    .number()
    .int()
    .min(2)
    .max(7 * 24 * 60)
    .default(60),
  WEB_DIST: z.string().optional(),
  /** 'Today' for as-of dates and defaults is the calendar day in this zone, whatever the server's clock zone. */
  APP_TIMEZONE: z.string().default('Asia/Ho_Chi_Minh'),
  /**
   * The key protecting identity numbers (base64 of 32 random bytes). Without it the server creates
   * DATA_DIR/keys/data.key on first use; several servers sharing one PostgreSQL database must share it.
   */
  DATA_KEY: z
    .string()
    .refine((v) => /^[A-Za-z0-9+/]+={0,2}$/.test(v.trim()) && Buffer.from(v.trim(), 'base64').length === 32, {
      message: 'DATA_KEY phải là 32 byte mã hoá base64 (ví dụ: openssl rand -base64 32)',
    })
    .optional(),
  /**
   * Protects the data key inside a backup archive (`cli backup`, `cli restore`); unset, the command asks on a
   * terminal. Long enough that the scrypt-derived key is not guessed offline from a stolen archive.
   */
  BACKUP_PASSPHRASE: z.string().min(12, 'BACKUP_PASSPHRASE phải có ít nhất 12 ký tự').optional(),
  /** Import limits: a file past any of them is refused with a message saying which, before it can exhaust the server. */
  IMPORT_MAX_ROWS: z.coerce.number().int().min(1).default(1_000_000),
  IMPORT_MAX_INFLATED_MB: z.coerce.number().int().min(1).default(500),
  IMPORT_MAX_CELL_KB: z.coerce.number().int().min(1).default(32),
  IMPORT_MAX_PER_UNIT: z.coerce.number().int().min(1).default(1),
  /** Hours an upload never run, and a batch's rejected-rows file, are kept (encrypted) before they are deleted. */
  IMPORT_KEEP_HOURS: z.coerce.number().int().min(1).default(72),
  /** Runs imports in a worker thread with its own database connection (false: on the request thread). */
  IMPORT_WORKER: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true'),
  /**
   * Worker threads (each with its own database connection, kept between requests) for the heavy requests:
   * exports, the plan progress workbook, national counts (platform/jobs). 0 runs them on the request thread.
   * Each one takes a core while it works, so more than the machine's cores only queues longer.
   */
  HEAVY_WORKERS: z.coerce.number().int().min(0).max(64).default(2),
  /** A heavy request unanswered after this long (queued or running), or a file stalled as long, is stopped and its worker ended. */
  HEAVY_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(86_400).default(600),
  /** Niceness added to each such worker thread (Linux), so that busy cores serve the request thread first. */
  HEAVY_WORKER_NICE: z.coerce.number().int().min(0).max(19).default(10),
});

export type Config = {
  port: number;
  host: string;
  dataDir: string;
  db: { kind: 'sqlite'; file: string; busyTimeoutMs?: number } | { kind: 'postgres'; url: string; schema?: string };
  session: { idleMinutes: number; maxHours: number };
  https: boolean;
  publicUrl?: string;
  trustProxy: boolean;
  logLevel: string;
  /** Sign-in slowing per (username, source) and per source: modules/auth/auth.throttle.ts. */
  login: { freeFailures: number; freeFailuresPerSource: number; maxDelayMinutes: number; forgetMinutes: number };
  webDist: string;
  timeZone: string;
  /** Base64 of 32 bytes; undefined = use (or create) DATA_DIR/keys/data.key. */
  dataKey?: string;
  /** The passphrase sealing the data key in a backup; undefined = ask on a terminal, or refuse. */
  backupPassphrase?: string;
  imports: ImportLimits & { keepHours: number; worker: boolean };
  /** Heavy requests off the request thread: how many workers at most, and how long one may take. */
  heavy: { workers: number; timeoutMs: number; nice: number };
};

export type ImportLimits = {
  maxRows: number;
  /** Uncompressed bytes of an xlsx's parts read (shared strings, styles, the sheet), counted while inflating. */
  maxInflatedBytes: number;
  /** Characters of one cell (an xlsx string, a CSV field), and so also of one shared string. */
  maxCellChars: number;
  maxConcurrentPerUnit: number;
};

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}): Config {
  const parsed = ZEnv.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Cấu hình không hợp lệ / invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  // Otherwise waiting out the longest delay would also wipe the count, and the slowing would never grow.
  if (e.LOGIN_FORGET_MINUTES <= e.LOGIN_MAX_DELAY_MINUTES) {
    throw new ConfigError(
      `Cấu hình không hợp lệ / invalid configuration:\n  LOGIN_FORGET_MINUTES: phải lớn hơn LOGIN_MAX_DELAY_MINUTES (${e.LOGIN_MAX_DELAY_MINUTES}) / must be longer than LOGIN_MAX_DELAY_MINUTES`,
    );
  }
  const dataDir = path.resolve(e.DATA_DIR);
  const base: Config = {
    port: e.PORT,
    host: e.HOST,
    dataDir,
    db: e.DATABASE_URL
      ? { kind: 'postgres', url: e.DATABASE_URL, schema: e.DATABASE_SCHEMA }
      : { kind: 'sqlite', file: path.join(dataDir, 'doanvien.db'), busyTimeoutMs: e.SQLITE_BUSY_TIMEOUT_MS },
    session: { idleMinutes: e.SESSION_IDLE_MINUTES, maxHours: e.SESSION_MAX_HOURS },
    https: e.PUBLIC_URL?.startsWith('https://') ?? false,
    publicUrl: e.PUBLIC_URL,
    trustProxy: e.TRUST_PROXY,
    logLevel: e.LOG_LEVEL,
    login: {
      freeFailures: e.LOGIN_FREE_FAILURES,
      freeFailuresPerSource: e.LOGIN_FREE_FAILURES_PER_SOURCE,
      maxDelayMinutes: e.LOGIN_MAX_DELAY_MINUTES,
      forgetMinutes: e.LOGIN_FORGET_MINUTES,
    },
    webDist: path.resolve(e.WEB_DIST ?? 'dist/web'),
    timeZone: e.APP_TIMEZONE,
    dataKey: e.DATA_KEY?.trim(),
    backupPassphrase: e.BACKUP_PASSPHRASE,
    imports: {
      maxRows: e.IMPORT_MAX_ROWS,
      maxInflatedBytes: e.IMPORT_MAX_INFLATED_MB * 1024 * 1024,
      maxCellChars: e.IMPORT_MAX_CELL_KB * 1024,
      maxConcurrentPerUnit: e.IMPORT_MAX_PER_UNIT,
      keepHours: e.IMPORT_KEEP_HOURS,
      worker: e.IMPORT_WORKER,
    },
    heavy: { workers: e.HEAVY_WORKERS, timeoutMs: e.HEAVY_TIMEOUT_SECONDS * 1000, nice: e.HEAVY_WORKER_NICE },
  };
  return { ...base, ...overrides };
}
