import { watch, type FSWatcher } from 'node:fs';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Logger } from '../../core/logger.js';
import { listSeedFiles } from '../seeds/listSeedFiles.js';

/**
 * Notices changes under the seeds folder. Node's recursive `fs.watch` (inotify on Linux, new
 * subfolders included) needs no dependency. When the folder is missing, removed, moved away or
 * not a folder, the watcher says so in the log and checks every `checkMs` (one `stat`) until it
 * is back, then watches it again and reports a change; a folder put in the place of the watched
 * one is watched in its stead. Where the folder is there but cannot be watched (the inotify watch
 * limit is reached, a subfolder cannot be read) it is polled instead, comparing a listing of names,
 * sizes and times every `pollMs` so an unchanged folder costs no ingest run.
 */

export type SeedWatcher = { close(): void };

export type WatchSeedsOptions = {
  logger: Logger;
  /** How often a folder that cannot be watched is listed; 30 s by default. */
  pollMs?: number;
  /** How often the folder's presence and identity are checked (one `stat`); 1 s by default. */
  checkMs?: number;
};

const isHidden = (path: string) => path.split(/[\\/]/).some((part) => part.startsWith('.'));

/** Names, sizes and modification times of the seed files: equal listings mean nothing changed. */
async function describeFolder(dir: string): Promise<string> {
  try {
    // Links out of the folder are left unwalked here whatever SEEDS_FOLLOW_SYMLINKS says: a poll must stay cheap.
    const { files } = await listSeedFiles(dir, 'inside');
    const stamps = await Promise.all(
      files.map((f) =>
        stat(join(dir, f)).then(
          (s) => `${f}:${s.size}:${s.mtimeMs}`,
          () => f,
        ),
      ),
    );
    return stamps.join('\n');
  } catch {
    return '(missing)';
  }
}

/** Which folder is at `dir` (device and inode), or null when there is none: a folder moved away and another put in its place differ. */
async function identifyFolder(dir: string): Promise<string | null> {
  const found = await stat(dir).catch(() => null);
  return found?.isDirectory() ? `${found.dev}:${found.ino}` : null;
}

const describeEvery = (ms: number) => (ms < 1000 ? `${ms} ms` : `${Math.round(ms / 1000)} s`);

export function watchSeeds(
  dir: string,
  onChange: () => void,
  { logger, pollMs = 30_000, checkMs = 1_000 }: WatchSeedsOptions,
): SeedWatcher {
  let watcher: FSWatcher | undefined;
  let timer: NodeJS.Timeout | undefined;
  let closed = false;
  // Each mode (watching, waiting for the folder, polling it) bumps this, so a step of the one before ends there.
  let mode = 0;

  /** Runs `step` every `ms` for as long as the current mode lasts; a step never overlaps the next. */
  const repeat = (ms: number, step: () => Promise<void>) => {
    const own = mode;
    const tick = async () => {
      await step();
      if (!closed && mode === own) timer = setTimeout(tick, ms);
    };
    timer = setTimeout(tick, ms);
  };

  const enterMode = () => {
    mode += 1;
    watcher?.close();
    watcher = undefined;
    clearTimeout(timer);
    timer = undefined;
  };

  // The folder is gone: one stat per check until it is back, then it is watched again and read.
  const waitForFolder = (what: string) => {
    enterMode();
    if (closed) return;
    logger.warn(`${what}; checking every ${describeEvery(checkMs)} until it is back`);
    repeat(checkMs, async () => {
      if ((await identifyFolder(dir)) === null || closed) return;
      logger.info(`${dir} is back; watching it again`);
      await startWatching();
      onChange();
    });
  };

  const pollListing = async (reason: unknown) => {
    enterMode();
    const own = mode;
    if (closed) return;
    logger.warn(`cannot watch ${dir} for changes; checking it every ${describeEvery(pollMs)} instead`, { error: reason });
    let last = await describeFolder(dir);
    if (closed || mode !== own) return;
    repeat(pollMs, async () => {
      if ((await identifyFolder(dir)) === null) return waitForFolder(`${dir} was removed or moved`);
      const now = await describeFolder(dir);
      if (now !== last && !closed) onChange();
      last = now;
    });
  };

  const startWatching = async (): Promise<void> => {
    enterMode();
    const own = mode;
    const identity = await identifyFolder(dir);
    if (closed || mode !== own) return;
    if (identity === null) return waitForFolder(`${dir} does not exist or is not a folder`);
    // Node drops the whole watch without an error when the folder itself goes (the process then had
    // nothing left to wait on and exited 13): an event about the folder, an error or a periodic stat
    // finds out whether it is still the same folder.
    const checkFolder = async (error?: unknown) => {
      const now = await identifyFolder(dir);
      if (closed || mode !== own) return;
      if (now === null) return waitForFolder(`${dir} was removed or moved`);
      if (now !== identity) {
        logger.warn(`${dir} is now another folder; watching that one`);
        await startWatching();
        onChange();
        return;
      }
      if (error !== undefined) await pollListing(error);
    };
    try {
      watcher = watch(dir, { recursive: true }, (_event, file) => {
        if (file !== null && file !== '' && isHidden(file)) return;
        onChange();
        if (!file) void checkFolder();
      });
      watcher.on('error', (error) => void checkFolder(error));
    } catch (error) {
      return checkFolder(error);
    }
    repeat(checkMs, () => checkFolder());
  };

  void startWatching();

  return {
    close() {
      closed = true;
      enterMode();
    },
  };
}
