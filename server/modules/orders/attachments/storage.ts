/**
 * Where the bytes of order attachments live. The database keeps the row (name, type, size,
 * digest, storage key); the store behind this interface keeps the file. The built-in store is a
 * directory under DATA_DIR; an S3-compatible object store (MinIO, OSS, COS) can be added as a
 * second implementation of the same interface when a center runs several app processes. No S3
 * SDK is added until then.
 */
import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';

export interface AttachmentStorage {
  /** Stores the bytes under the key; when it resolves, the file is complete and durable. */
  put(key: string, data: Buffer): Promise<void>;
  /** The stored bytes; rejects (ENOENT for the local store) when the key names nothing. */
  get(key: string): Promise<Readable | Buffer>;
  /** Removes a file whose row never committed; a missing key is not an error. */
  delete(key: string): Promise<void>;
}

/** `2026/11/<attachment id>`: one directory per month keeps directories small. */
export function storageKeyFor(attachmentId: string, at: Date): string {
  const yyyy = String(at.getUTCFullYear());
  const mm = String(at.getUTCMonth() + 1).padStart(2, '0');
  return `${yyyy}/${mm}/${attachmentId}`;
}

const KEY = /^\d{4}\/\d{2}\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Fsyncs a directory so that a new entry in it survives a crash (a no-op where unsupported). */
async function syncDir(dir: string): Promise<void> {
  let handle: fs.FileHandle | undefined;
  try {
    handle = await fs.open(dir, 'r');
    await handle.sync();
  } catch (e) {
    // Windows cannot open or fsync a directory; the rename is as durable as it gets there.
    const code = (e as { code?: string }).code;
    if (!['EISDIR', 'EPERM', 'EINVAL', 'EBADF', 'EACCES'].includes(code ?? '')) throw e;
  } finally {
    await handle?.close();
  }
}

/**
 * Files under `<root>/<yyyy>/<mm>/<id>`. A file is written under a temporary name, fsynced and
 * then renamed into place, so a reader (or a restart after a crash) sees the whole file or none;
 * a crash mid-write leaves only a `.tmp` file that no row points to.
 */
export function localAttachmentStorage(root: string): AttachmentStorage {
  const fileOf = (key: string): string => {
    if (!KEY.test(key)) throw new Error(`Not an attachment storage key: ${key}`);
    return path.join(root, ...key.split('/'));
  };
  return {
    async put(key, data) {
      const file = fileOf(key);
      const dir = path.dirname(file);
      const created = await fs.mkdir(dir, { recursive: true });
      const tmp = `${file}.${crypto.randomBytes(6).toString('hex')}.tmp`;
      try {
        const handle = await fs.open(tmp, 'wx', 0o640);
        try {
          await handle.writeFile(data);
          await handle.sync();
        } finally {
          await handle.close();
        }
        await fs.rename(tmp, file);
      } catch (e) {
        await fs.rm(tmp, { force: true });
        throw e;
      }
      await syncDir(dir);
      // A new month (or the first upload): each new directory's entry lives in its parent, up to
      // the parent of the first directory created.
      if (created !== undefined) {
        const stop = path.dirname(created);
        for (let d = path.dirname(dir); ; d = path.dirname(d)) {
          await syncDir(d);
          if (d === stop || d === path.dirname(d)) break;
        }
      }
    },
    async get(key) {
      // Opened here, not lazily by the stream, so that a missing file fails before any reply.
      const handle = await fs.open(fileOf(key), 'r');
      return handle.createReadStream();
    },
    async delete(key) {
      await fs.rm(fileOf(key), { force: true });
    },
  };
}
