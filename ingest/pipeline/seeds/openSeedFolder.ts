import { constants } from 'node:fs';
import { access, realpath, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { PipelineConfig, SeedSymlinks } from '../../core/config.js';
import { createError } from '../../core/errors.js';

/** The seeds folder of one run, checked and resolved once: every seed file is read against it. */
export type SeedFolder = {
  /** SEEDS_DIR as configured, for messages. */
  dir: string;
  /** Its real path (every symbolic link resolved): a seed file is inside the folder when its own real path is under this one. */
  realRoot: string;
  /** MAX_SEED_BYTES: no file is read past it. */
  maxBytes: number;
  /** SEEDS_FOLLOW_SYMLINKS: whether a symbolic link to a file outside the folder is followed. */
  symlinks: SeedSymlinks;
  /** Real paths of the subfolders met in this run ("" the root), so each is resolved once, not once per file. */
  realDirs: Map<string, string>;
};

/**
 * Checks that SEEDS_DIR is a folder newsdesk can read, before any work is done: a missing
 * folder, a file or an unreadable folder is a user-facing error naming the variable and the path
 * (rather than a run that later finds "every file skipped").
 */
export async function openSeedFolder(config: PipelineConfig): Promise<SeedFolder> {
  const dir = config.seedsDir;
  const params = { dir, path: resolve(dir) };
  const failed = (error: unknown): never => {
    const code = (error as NodeJS.ErrnoException).code;
    // ENOTDIR: a file stands where one of the path's folders should be.
    if (code === 'ENOENT' || code === 'ENOTDIR') throw createError('SEEDS_DIR_MISSING', params, { cause: error });
    throw createError('SEEDS_DIR_UNREADABLE', { ...params, reason: code ?? String(error) }, { cause: error });
  };
  const info = await stat(dir).catch(failed);
  if (!info.isDirectory()) throw createError('SEEDS_DIR_NOT_FOLDER', params);
  await access(dir, constants.R_OK | constants.X_OK).catch(failed);
  const realRoot = await realpath(dir).catch(failed);
  return { dir, realRoot, maxBytes: config.maxSeedBytes, symlinks: config.followSymlinks ?? 'inside', realDirs: new Map([['', realRoot]]) };
}
