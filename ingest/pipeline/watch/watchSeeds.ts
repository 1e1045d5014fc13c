import { watch, type FSWatcher } from 'node:fs';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Logger } from '../../core/logger.js';
import { listSeedFiles } from '../seeds/listSeedFiles.js';

/**
 * Notices changes under the seeds folder. Node's recursive `fs.watch` (inotify on Linux, new
 * subfolders included) needs no dependency; where it fails (the folder is missing, the inotify
 * watch limit is reached, a network file system sends no events) the folder is polled instead,
 * comparing a listing of names, sizes and times so an unchanged folder costs no ingest run.
 */

export type SeedWatcher = { close(): void };

export type WatchSeedsOptions = { logger: Logger; pollMs?: number };

const isHidden = (path: string) => path.split(/[\\/]/).some((part) => part.startsWith('.'));

/** Names, sizes and modification times of the seed files: equal listings mean nothing changed. */
async function describeFolder(dir: string): Promise<string> {
  try {
    // Links out of the folder are left unwalked here whatever SEEDS_FOLLOW_SYMLINKS says: a poll must stay cheap.
    const { files } = await listSeedFiles(dir, 'inside');
    const stamps = await Promise.all(files.map((f) => stat(join(dir, f)).then((s) => `${f}:${s.size}:${s.mtimeMs}`, () => f)));
    return stamps.join('\n');
  } catch {
    return '(missing)';
  }
}

export function watchSeeds(dir: string, onChange: () => void, { logger, pollMs = 30_000 }: WatchSeedsOptions): SeedWatcher {
  let watcher: FSWatcher | undefined;
  let poll: NodeJS.Timeout | undefined;
  let polling = false;
  let closed = false;

  const startPolling = async (reason: unknown) => {
    watcher?.close();
    watcher = undefined;
    if (closed || polling) return;
    polling = true;
    logger.warn(`cannot watch ${dir} for changes; checking it every ${Math.round(pollMs / 1000)} s instead`, { error: reason });
    let last = await describeFolder(dir);
    if (closed) return;
    poll = setInterval(async () => {
      const now = await describeFolder(dir);
      if (now !== last && !closed) onChange();
      last = now;
    }, pollMs);
  };

  try {
    watcher = watch(dir, { recursive: true }, (_event, file) => {
      if (file !== null && isHidden(file)) return;
      onChange();
    });
    watcher.on('error', (error) => void startPolling(error));
  } catch (error) {
    void startPolling(error);
  }

  return {
    close() {
      closed = true;
      watcher?.close();
      clearInterval(poll);
    },
  };
}
