import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { type Config, ConfigError } from '../../config.js';
import { openDatabase } from '../../db/database.js';
import { migrationProvider } from '../../db/migrations/index.js';
import type { Database } from '../../db/schema.js';
import { PRIVATE_DIR_MODE, PRIVATE_FILE_MODE, privateDir, privateWriteStream } from '../../platform/files.js';
import { assertDataKeyAtStart, keyFilePath, keyFingerprint, readKeyFile } from '../../platform/secrets.js';
import {
  DB_ENTRY,
  describe,
  KEY_ENTRY,
  MANIFEST_FORMAT,
  type Manifest,
  readArchive,
  type Source,
  writeArchive,
} from './backup.archive.js';
import { databaseFacts } from './backup.files.js';
import { openKey, sealKey } from './backup.key.js';
import * as pgTools from './backup.postgres.js';
import { BackupProblem, T } from './backup.problem.js';

/** Asked only when needed (a key to seal or to open): BACKUP_PASSPHRASE, a terminal prompt, or null = none. */
export type AskPassphrase = () => Promise<string | null>;

export type BackupSummary = {
  file: string;
  database: 'sqlite' | 'postgres';
  files: number;
  /** Stored files a row refers to that were not on disk. */
  missing: string[];
  keyIncluded: boolean;
  keySource: Manifest['key']['source'];
  bytes: number;
};

export type RestoreSummary = {
  database: 'sqlite' | 'postgres';
  files: number;
  keyRestored: boolean;
  createdAt: string;
  appVersion: string;
  /** Why the server would not start from the restored DATA_DIR (assertDataKeyAtStart), or null when it would. */
  startProblem: string | null;
};

export const MIN_PASSPHRASE = 12;

/** A 0700 folder of this process's own for copies that hold personal data in clear; the caller removes it. */
function privateTempDir(prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  fs.chmodSync(dir, PRIVATE_DIR_MODE);
  return dir;
}

/** SQLite's online backup API: a consistent copy page by page while the server keeps reading and writing. */
async function snapshotSqlite(file: string, copy: string): Promise<void> {
  if (!fs.existsSync(file)) throw new BackupProblem(T.noDatabase(file), 1);
  fs.closeSync(fs.openSync(copy, 'w', PRIVATE_FILE_MODE));
  const live = new SqliteDatabase(file, { fileMustExist: true });
  try {
    live.pragma('busy_timeout = 60000');
    await live.backup(copy);
  } finally {
    live.close();
  }
}

/** The copy, opened only to read what it refers to; closed before it is checksummed. */
function sqliteCopy(file: string): Kysely<Database> {
  return new Kysely<Database>({
    dialect: new SqliteDialect({ database: new SqliteDatabase(file, { fileMustExist: true }) }),
  });
}

/**
 * `cli backup <file>`: the database (a consistent copy while the server runs), the data key sealed with a
 * passphrase, and the stored files the copy's rows refer to, in one archive (backup.archive.ts). Without a
 * passphrase it refuses, unless `withoutKey`; the CLI then tells the operator to keep the key file apart.
 */
export async function createBackup(
  config: Config,
  target: string,
  o: { withoutKey: boolean; passphrase: AskPassphrase; version: string; tools?: pgTools.PgTools },
): Promise<BackupSummary> {
  const tools = o.tools ?? pgTools.PG_TOOLS;
  if (fs.existsSync(target)) throw new BackupProblem(T.targetExists(target));
  if (config.db.kind === 'postgres') pgTools.requireTools(tools);
  const master = config.dataKey ? Buffer.from(config.dataKey, 'base64') : readKeyFile(config.dataDir);
  const keySource: Manifest['key']['source'] = config.dataKey ? 'env' : master ? 'file' : 'none';
  // Asked before the copy is taken, so a refusal costs nothing and the copy is not held while someone types.
  let sealed: Buffer | null = null;
  if (master && !o.withoutKey) {
    const passphrase = await o.passphrase();
    if (!passphrase) throw new BackupProblem(T.noPassphrase);
    if (passphrase.length < MIN_PASSPHRASE) throw new BackupProblem(T.shortPassphrase);
    sealed = await sealKey(master, passphrase);
  }
  const work = privateTempDir('doanvien-backup-');
  try {
    const kind = config.db.kind;
    const dbCopy = path.join(work, path.basename(DB_ENTRY[kind]));
    let database: Manifest['database'];
    let facts: Awaited<ReturnType<typeof databaseFacts>>;
    if (config.db.kind === 'sqlite') {
      await snapshotSqlite(config.db.file, dbCopy);
      const copy = sqliteCopy(dbCopy);
      try {
        facts = await databaseFacts(copy, config.dataDir);
      } finally {
        await copy.destroy();
      }
      database = { kind: 'sqlite' };
    } else {
      const info = await pgTools.dump(config.db, dbCopy, tools);
      // The files as of just after the dump: one added meanwhile travels as an orphan, never the other way round
      // except for a file deleted in between, which is reported as missing.
      const h = await openDatabase(config.db);
      try {
        facts = await databaseFacts(h.db, config.dataDir);
      } finally {
        await h.close();
      }
      database = { kind: 'postgres', schema: pgTools.schemaOf(config.db), ...info };
    }
    if (facts.fingerprint) {
      if (!master && !o.withoutKey) throw new BackupProblem(T.keyMissing(keyFilePath(config.dataDir)));
      if (master && keyFingerprint(master) !== facts.fingerprint) throw new BackupProblem(T.keyMismatch);
    }
    const sources: Source[] = [
      ...(sealed ? [{ name: KEY_ENTRY, data: sealed }] : []),
      { name: DB_ENTRY[kind], file: dbCopy },
      ...facts.files.map((rel) => ({ name: `files/${rel}`, file: path.join(config.dataDir, rel) })),
    ];
    const entries = [];
    for (const s of sources) entries.push(await describe(s));
    const manifest: Manifest = {
      ...MANIFEST_FORMAT,
      appVersion: o.version,
      createdAt: new Date().toISOString(),
      database,
      migrations: facts.migrations,
      key: { included: sealed !== null, source: keySource },
      entries,
    };
    await writeArchive(target, manifest, sources);
    return {
      file: target,
      database: kind,
      files: facts.files.length,
      missing: facts.missing,
      keyIncluded: sealed !== null,
      keySource,
      bytes: fs.statSync(target).size,
    };
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

const isEmptyDir = (dir: string) =>
  !fs.existsSync(dir) || (fs.statSync(dir).isDirectory() && fs.readdirSync(dir).length === 0);

async function toFile(body: Readable, file: string): Promise<void> {
  privateDir(path.dirname(file));
  await pipeline(body, privateWriteStream(file));
}

async function readAll(body: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of body) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

/**
 * `cli restore <file>` into an empty (or absent) DATA_DIR, and on PostgreSQL an empty database: the archive is
 * read into a staging folder beside DATA_DIR while every checksum is checked and the key is opened; only when all
 * of it is sound is the database restored and the folder renamed into place. A wrong passphrase, a damaged
 * archive or a non-empty target leaves nothing behind. The result says whether the server will start from it.
 */
export async function restoreBackup(
  config: Config,
  archive: string,
  o: { passphrase: AskPassphrase; tools?: pgTools.PgTools },
): Promise<RestoreSummary> {
  const tools = o.tools ?? pgTools.PG_TOOLS;
  if (!fs.existsSync(archive)) throw new BackupProblem(T.notArchive(archive));
  const dataDir = config.dataDir;
  if (!isEmptyDir(dataDir)) throw new BackupProblem(T.notEmpty(dataDir));
  if (config.db.kind === 'postgres') {
    pgTools.requireTools(tools);
    await pgTools.requireEmpty(config.db);
  }
  fs.mkdirSync(path.dirname(dataDir), { recursive: true });
  // Beside DATA_DIR, so the last step is one rename on the same disk.
  const stage = fs.mkdtempSync(path.join(path.dirname(dataDir), `.${path.basename(dataDir)}.restore-`));
  fs.chmodSync(stage, PRIVATE_DIR_MODE);
  const scratch = privateTempDir('doanvien-restore-');
  const dumpFile = path.join(scratch, path.basename(DB_ENTRY.postgres));
  const known = new Set(Object.keys(await migrationProvider.getMigrations()));
  let master: Buffer | null = null;
  let files = 0;
  try {
    const manifest = await readArchive(archive, {
      onManifest: (m) => {
        if (m.database.kind !== config.db.kind)
          throw new BackupProblem(T.kindMismatch(m.database.kind, config.db.kind));
        if (m.database.kind === 'postgres' && config.db.kind === 'postgres') {
          const here = pgTools.schemaOf(config.db);
          if (m.database.schema !== here) throw new BackupProblem(T.pgSchemaMismatch(m.database.schema, here));
        }
        const unknown = m.migrations.find((n) => !known.has(n));
        if (unknown) throw new BackupProblem(T.newerApp(m.appVersion, unknown));
      },
      onEntry: async (e, body) => {
        if (e.name === KEY_ENTRY) {
          const blob = await readAll(body);
          const passphrase = await o.passphrase();
          if (!passphrase) throw new BackupProblem(T.noPassphraseRestore);
          master = await openKey(blob, passphrase);
        } else if (e.name === DB_ENTRY[config.db.kind]) {
          await toFile(body, config.db.kind === 'sqlite' ? path.join(stage, path.basename(config.db.file)) : dumpFile);
        } else if (e.name.startsWith('files/')) {
          await toFile(body, path.join(stage, ...e.name.slice('files/'.length).split('/')));
          files++;
        } else throw new BackupProblem(T.badEntry(e.name));
      },
    });
    const key = master as Buffer | null;
    if (key) {
      const file = keyFilePath(stage);
      privateDir(path.dirname(file));
      fs.writeFileSync(file, `${key.toString('base64')}\n`, { flag: 'wx', mode: PRIVATE_FILE_MODE });
    }
    if (config.db.kind === 'postgres') {
      await pgTools.restore(
        config.db,
        dumpFile,
        path.join(scratch, 'restore.list'),
        manifestExtensions(manifest),
        tools,
      );
    }
    if (fs.existsSync(dataDir)) fs.rmdirSync(dataDir);
    fs.renameSync(stage, dataDir);
    fs.chmodSync(dataDir, PRIVATE_DIR_MODE);
    return {
      database: config.db.kind,
      files,
      keyRestored: key !== null,
      createdAt: manifest.createdAt,
      appVersion: manifest.appVersion,
      startProblem: await startProblem(config),
    };
  } finally {
    fs.rmSync(stage, { recursive: true, force: true });
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

const manifestExtensions = (m: Manifest) => (m.database.kind === 'postgres' ? m.database.extensions : []);

/** The server's own check at start, on what was restored: a key it cannot find is named, as the server would. */
async function startProblem(config: Config): Promise<string | null> {
  const h = await openDatabase(config.db);
  try {
    await assertDataKeyAtStart(h.db, config);
    return null;
  } catch (e) {
    if (e instanceof ConfigError) return e.message;
    throw e;
  } finally {
    await h.close();
  }
}
