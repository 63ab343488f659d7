import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { PassThrough, type Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';
import tar from 'tar-stream';
import { z } from 'zod';
import { PRIVATE_FILE_MODE } from '../../platform/files.js';
import { BackupProblem, T } from './backup.problem.js';

/**
 * A backup is one gzip'd tar (`tar -tzf` lists it, `tar -xzOf x manifest.json` shows what it holds):
 *   manifest.json            what, when, which version and migrations, every other entry with its size and sha256
 *   key/data.key.sealed.json the data key sealed with the passphrase (backup.key.ts), absent with --without-key
 *   database/doanvien.db     SQLite's online-backup copy, or database/postgres.dump (pg_dump -Fc)
 *   files/<path>             the stored files the database refers to, at their path under DATA_DIR
 * The manifest comes first so a restore knows every name, size and checksum before it takes a byte, and the key
 * second so a wrong passphrase stops it before the database is read.
 */
export const MANIFEST = 'manifest.json';
export const KEY_ENTRY = 'key/data.key.sealed.json';
export const DB_ENTRY = { sqlite: 'database/doanvien.db', postgres: 'database/postgres.dump' } as const;
const FORMAT = 'doanvien-backup';
export const FORMAT_VERSION = 1;
// ustar's size field: 11 octal digits.
const MAX_ENTRY = 8 * 1024 ** 3 - 1;

/** The folders under DATA_DIR whose files a backup carries (see backup.files.ts); nothing else is restored. */
export const FILE_ROOTS = ['attachments', 'admission-documents', 'imports'] as const;
const SEGMENT = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/** A path under DATA_DIR that a restore may write: inside one of FILE_ROOTS, plain segments, no `..`. */
export function isSafeFilePath(rel: string): boolean {
  const parts = rel.split('/');
  return (
    parts.length >= 2 &&
    (FILE_ROOTS as readonly string[]).includes(parts[0] as string) &&
    parts.every((p) => SEGMENT.test(p) && p !== '..' && p !== '.')
  );
}

const isKnownEntry = (name: string) =>
  name === KEY_ENTRY ||
  name === DB_ENTRY.sqlite ||
  name === DB_ENTRY.postgres ||
  (name.startsWith('files/') && isSafeFilePath(name.slice('files/'.length)));

const ZEntry = z.object({
  name: z.string().refine(isKnownEntry),
  size: z.number().int().nonnegative(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});
export type Entry = z.infer<typeof ZEntry>;

export const ZManifest = z.object({
  format: z.literal(FORMAT),
  formatVersion: z.literal(FORMAT_VERSION),
  appVersion: z.string(),
  createdAt: z.string(),
  database: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('sqlite') }),
    z.object({
      kind: z.literal('postgres'),
      schema: z.string(),
      serverVersion: z.string(),
      extensions: z.array(z.string()),
    }),
  ]),
  /** Applied migrations, so a restore into an older version can say it is older. */
  migrations: z.array(z.string()),
  /** Whether the sealed key is inside; where it came from (DATA_DIR/keys/data.key or DATA_KEY). */
  key: z.object({ included: z.boolean(), source: z.enum(['file', 'env', 'none']) }),
  entries: z.array(ZEntry),
});
export type Manifest = z.infer<typeof ZManifest>;
export const MANIFEST_FORMAT = { format: FORMAT, formatVersion: FORMAT_VERSION } as const;

/** What goes into an archive: a file on disk or bytes in memory (the manifest, the sealed key). */
export type Source = { name: string; file: string } | { name: string; data: Buffer };

const sha256Of = (data: Buffer) => createHash('sha256').update(data).digest('hex');

/** Size and checksum of a source, read once before the archive is written (the manifest lists them first). */
export async function describe(s: Source): Promise<Entry> {
  if ('data' in s) return { name: s.name, size: s.data.length, sha256: sha256Of(s.data) };
  const hash = createHash('sha256');
  let size = 0;
  for await (const chunk of fs.createReadStream(s.file)) {
    hash.update(chunk as Buffer);
    size += (chunk as Buffer).length;
  }
  if (size > MAX_ENTRY) throw new BackupProblem(T.tooLarge(s.name), 1);
  return { name: s.name, size, sha256: hash.digest('hex') };
}

/** Counts and hashes what flows through, for the check against the manifest. */
function meter() {
  const hash = createHash('sha256');
  let size = 0;
  const stream = new Transform({
    transform(chunk: Buffer, _enc, cb) {
      hash.update(chunk);
      size += chunk.length;
      cb(null, chunk);
    },
  });
  return { stream, done: () => ({ size, sha256: hash.digest('hex') }) };
}

/**
 * Writes manifest + sources to `target` (0600), through a temporary name in the same folder renamed at the end,
 * so a half-written archive never carries the final name. A file on disk that changed since it was described
 * (an import upload swept meanwhile) fails the backup rather than leaving a checksum the restore would refuse.
 */
export async function writeArchive(target: string, manifest: Manifest, sources: Source[]): Promise<void> {
  const partial = `${target}.${process.pid}.partial`;
  const out = fs.createWriteStream(partial, { flags: 'wx', mode: PRIVATE_FILE_MODE });
  const pack = tar.pack();
  const written = pipeline(pack, zlib.createGzip(), out);
  // Reported by `written`; without this an error before it is awaited would be an unhandled rejection.
  written.catch(() => {});
  const byName = new Map(manifest.entries.map((e) => [e.name, e]));
  const header = (name: string, size: number) => ({ name, size, mode: PRIVATE_FILE_MODE, mtime: new Date() });
  const add = (name: string, data: Buffer) =>
    new Promise<void>((resolve, reject) =>
      pack.entry(header(name, data.length), data, (e) => (e ? reject(e) : resolve())),
    );
  try {
    await add(MANIFEST, Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`));
    for (const s of sources) {
      const expected = byName.get(s.name);
      if (!expected) throw new Error(`${s.name} is not in the manifest`);
      if ('data' in s) {
        await add(s.name, s.data);
        continue;
      }
      const m = meter();
      const entryDone = new Promise<void>((resolve, reject) => {
        const entry = pack.entry(header(s.name, expected.size), (e) => (e ? reject(e) : resolve()));
        // tar-stream refuses an entry whose length differs from its header: that is the "changed" case too.
        pipeline(fs.createReadStream(s.file), m.stream, entry).catch(reject);
      });
      try {
        await Promise.race([entryDone, written]);
      } catch (e) {
        // Shorter or longer than described, or gone (an import upload deleted meanwhile).
        const gone = (e as NodeJS.ErrnoException).code === 'ENOENT' || (e as Error).message === 'size mismatch';
        throw gone ? new BackupProblem(T.changedDuringBackup(s.name), 1) : e;
      }
      const got = m.done();
      if (got.size !== expected.size || got.sha256 !== expected.sha256)
        throw new BackupProblem(T.changedDuringBackup(s.name), 1);
    }
    pack.finalize();
    await written;
    fs.renameSync(partial, target);
  } catch (e) {
    pack.destroy();
    out.destroy();
    fs.rmSync(partial, { force: true });
    throw e;
  }
}

/**
 * Reads an archive: the manifest first (checked against what this version reads), then every entry, each handed to
 * `onEntry` as a stream while its size and sha256 are checked against the manifest. Anything unexpected (an entry
 * the manifest does not name, a duplicate, a link, a missing one) refuses the whole archive; the caller writes only
 * into a staging folder, so nothing of a refused archive reaches DATA_DIR.
 */
export async function readArchive(
  file: string,
  handlers: {
    onManifest: (m: Manifest) => Promise<void> | void;
    onEntry: (entry: Entry, stream: Readable) => Promise<void>;
  },
): Promise<Manifest> {
  let manifest: Manifest | null = null;
  const seen = new Set<string>();
  const extract = tar.extract();
  extract.on('entry', (h, stream, next) => {
    const handle = async () => {
      if (h.type !== 'file') throw new BackupProblem(T.badEntry(h.name));
      if (!manifest) {
        if (h.name !== MANIFEST) throw new BackupProblem(T.notArchive(file));
        const chunks: Buffer[] = [];
        for await (const c of stream) chunks.push(c as Buffer);
        manifest = parseManifest(Buffer.concat(chunks), file);
        await handlers.onManifest(manifest);
        return;
      }
      const expected = manifest.entries.find((e) => e.name === h.name);
      if (!expected || seen.has(h.name)) throw new BackupProblem(T.badEntry(h.name));
      seen.add(h.name);
      const m = meter();
      const body = new PassThrough();
      const flowing = pipeline(stream, m.stream, body);
      await Promise.all([handlers.onEntry(expected, body), flowing]);
      const got = m.done();
      if (got.size !== expected.size || got.sha256 !== expected.sha256) throw new BackupProblem(T.checksum(h.name));
    };
    handle().then(
      () => next(),
      (e) => extract.destroy(e),
    );
  });
  try {
    await pipeline(fs.createReadStream(file), zlib.createGunzip(), extract);
  } catch (e) {
    if (e instanceof BackupProblem) throw e;
    throw new BackupProblem(T.notArchive(file), 1);
  }
  const m = manifest as Manifest | null;
  if (!m) throw new BackupProblem(T.notArchive(file), 1);
  for (const e of m.entries) if (!seen.has(e.name)) throw new BackupProblem(T.missingEntry(e.name), 1);
  return m;
}

function parseManifest(raw: Buffer, file: string): Manifest {
  let json: unknown;
  try {
    json = JSON.parse(raw.toString('utf8'));
  } catch {
    throw new BackupProblem(T.notArchive(file), 1);
  }
  const head = z.object({ format: z.literal(FORMAT), formatVersion: z.number() }).safeParse(json);
  if (!head.success) throw new BackupProblem(T.notArchive(file), 1);
  if (head.data.formatVersion > FORMAT_VERSION) throw new BackupProblem(T.newerFormat(head.data.formatVersion), 1);
  const parsed = ZManifest.safeParse(json);
  if (!parsed.success) {
    const bad = parsed.error.issues.find((i) => i.path[0] === 'entries');
    const name = bad ? String((json as Manifest).entries?.[Number(bad.path[1])]?.name) : MANIFEST;
    throw new BackupProblem(T.badEntry(name));
  }
  return parsed.data;
}
