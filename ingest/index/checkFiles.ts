import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { createError } from '../core/errors.js';
import type { FileRecord } from './manifest.js';
import { READ_CHUNK, sha256File } from './storeFiles.js';

/**
 * Checks a generation's files against their manifest records (size, then SHA-256) while the
 * loading thread reads and decodes them: hashing the 150 MB of a 100k-passage index took 130 ms
 * of its 1 s load. Past ASIDE_BYTES the hashing runs in a worker thread; below it, starting the
 * thread (and its memory) costs more than hashing inline.
 */

/** Files totalling at least this many bytes are hashed in a worker thread. */
export const ASIDE_BYTES = 16 * 1024 * 1024;

type Hashed = { path: string; sha256?: string; error?: string };

function hashInWorker(paths: string[]): Promise<Hashed[]> {
  return new Promise((resolve, reject) => {
    const hashed: Hashed[] = [];
    const worker = new Worker(new URL('./hashFilesWorker.mjs', import.meta.url), { workerData: { paths, chunkBytes: READ_CHUNK } });
    worker.on('message', (message: Hashed) => hashed.push(message));
    worker.on('error', reject);
    worker.on('exit', () =>
      hashed.length === paths.length ? resolve(hashed) : reject(new Error(`the hashing thread stopped after ${hashed.length} files`)),
    );
  });
}

async function hashInline(paths: string[]): Promise<Hashed[]> {
  const hashed: Hashed[] = [];
  for (const path of paths)
    hashed.push(
      await sha256File(path).then(
        (sha256) => ({ path, sha256 }),
        (error: Error) => ({ path, error: error.message }),
      ),
    );
  return hashed;
}

/**
 * Resolves once every file of `records` in `dir` is as its record says; rejects with
 * INDEX_DAMAGED naming the first that is missing, of another size, or of another checksum.
 * `asideBytes`: where the worker thread takes over (ASIDE_BYTES; the tests lower it).
 */
export async function checkFiles(dir: string, records: readonly FileRecord[], asideBytes = ASIDE_BYTES): Promise<void> {
  const paths = records.map((record) => join(dir, record.file));
  const sizes = await Promise.all(
    paths.map((path) =>
      stat(path).then(
        (s) => s.size,
        () => -1,
      ),
    ),
  );
  records.forEach((record, i) => {
    if (sizes[i] === -1) throw createError('INDEX_DAMAGED', { file: paths[i]!, reason: 'missing' });
    if (sizes[i] !== record.bytes)
      throw createError('INDEX_DAMAGED', { file: paths[i]!, reason: `${sizes[i]} bytes, the manifest says ${record.bytes}` });
  });
  const total = sizes.reduce((sum, size) => sum + size, 0);
  const hashed = await (total >= asideBytes ? hashInWorker(paths) : hashInline(paths));
  hashed.forEach(({ path, sha256, error }, i) => {
    if (error !== undefined) throw createError('INDEX_DAMAGED', { file: path, reason: error });
    if (sha256 !== records[i]!.sha256) throw createError('INDEX_DAMAGED', { file: path, reason: 'checksum mismatch' });
  });
}
