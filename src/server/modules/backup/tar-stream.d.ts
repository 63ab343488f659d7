/**
 * The part of tar-stream 2.x (the version exceljs and better-sqlite3 already bring, declared in package.json at
 * that version) that the backup uses. @types/tar-stream describes 3.x, whose API differs.
 */
declare module 'tar-stream' {
  import type { Readable, Writable } from 'node:stream';

  export type Headers = {
    name: string;
    size?: number;
    mode?: number;
    mtime?: Date;
    type?: 'file' | 'directory' | 'symlink' | 'link' | string;
  };
  export interface Pack extends Readable {
    entry(header: Headers, buffer: Buffer, callback: (err?: Error | null) => void): Writable;
    entry(header: Headers, callback: (err?: Error | null) => void): Writable;
    finalize(): void;
  }
  export interface Extract extends Writable {
    on(
      event: 'entry',
      listener: (
        header: Required<Pick<Headers, 'name' | 'type'>> & Headers,
        stream: Readable,
        next: (err?: Error) => void,
      ) => void,
    ): this;
    on(event: string, listener: (...args: never[]) => void): this;
  }
  const tar: { pack(): Pack; extract(): Extract };
  export default tar;
}
