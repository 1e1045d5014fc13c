import { closeSync, constants, fstatSync, lstatSync, openSync, readSync, realpathSync, statSync, type Stats } from 'node:fs';
import { isAbsolute, join, relative, sep } from 'node:path';
import type { SeedFolder } from './openSeedFolder.js';

/**
 * How a seed file's bytes are obtained, safely against a hostile folder: its real path must be
 * inside the seeds folder (unless SEEDS_FOLLOW_SYMLINKS=outside), only a regular file is opened,
 * it is opened without blocking and checked again on the descriptor, and never read past the
 * size limit. Synchronous, like readSeedFile: nothing here waits on anything but the local disk
 * (a pipe or a device is never read, so it cannot stall the thread).
 */

/** A seed file found where it may be read: its real path and what stat said of it then. */
export type LocatedSeed = { ok: true; path: string; stats: Stats } | { ok: false; reason: string };

/** The bytes of a seed file, or why they could not be read. */
export type SeedBytes = { ok: true; bytes: Buffer } | { ok: false; reason: string };

/** Opened read-only; O_NONBLOCK so that opening a pipe (swapped in after the stat) returns at once; O_NOFOLLOW so that its last step is no link. */
const OPEN_FLAGS = constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOFOLLOW;
/** The first read's buffer when the size is unknown (0 for files whose size the kernel makes up). */
const FIRST_CHUNK = 64 * 1024;

/** True when `path` lies under the folder `root` (both real paths). */
export function isInsideFolder(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel !== '' && rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel);
}

export function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${(n / 1024).toFixed(1)} KB`;
}

function describeKind(stats: Stats): string {
  if (stats.isDirectory()) return 'a folder';
  if (stats.isFIFO()) return 'a named pipe';
  if (stats.isCharacterDevice()) return 'a character device';
  if (stats.isBlockDevice()) return 'a block device';
  if (stats.isSocket()) return 'a socket';
  return 'an unknown kind of file';
}

const unreadable = (error: unknown) => `unreadable (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`;

/** Resolves `sourceId` in the folder, and says why not when it is outside it or not a regular file. */
export function locateSeedFile(folder: SeedFolder, sourceId: string): LocatedSeed {
  let path: string;
  let stats: Stats;
  try {
    // The file's folder resolved once a run; the file itself by lstat: only a link needs resolving.
    const slash = sourceId.lastIndexOf('/');
    const dirId = slash === -1 ? '' : sourceId.slice(0, slash);
    let realDir = folder.realDirs.get(dirId);
    if (realDir === undefined) {
      realDir = realpathSync.native(join(folder.realRoot, dirId));
      folder.realDirs.set(dirId, realDir);
    }
    path = join(realDir, sourceId.slice(slash + 1));
    stats = lstatSync(path);
    if (stats.isSymbolicLink()) {
      path = realpathSync.native(path);
      stats = statSync(path);
    }
  } catch (error) {
    return { ok: false, reason: unreadable(error) };
  }
  if (folder.symlinks === 'inside' && !isInsideFolder(folder.realRoot, path)) {
    return { ok: false, reason: `a symbolic link to ${path}, outside SEEDS_DIR (SEEDS_FOLLOW_SYMLINKS=outside follows such links)` };
  }
  if (!stats.isFile()) return { ok: false, reason: `not a regular file (${describeKind(stats)})` };
  return { ok: true, path, stats };
}

/** Reads a located file once, checking on the descriptor that it is still a regular file within the size limit. */
export function readSeedBytes(folder: SeedFolder, located: Extract<LocatedSeed, { ok: true }>): SeedBytes {
  const tooLarge = (size: string) => ({ ok: false as const, reason: `too large (${size}; the limit is ${formatBytes(folder.maxBytes)}, MAX_SEED_BYTES)` });
  let fd: number;
  try {
    fd = openSync(located.path, OPEN_FLAGS);
  } catch (error) {
    return { ok: false, reason: unreadable(error) };
  }
  try {
    // The path may have been replaced since it was located: what counts is what was opened.
    const stats = fstatSync(fd);
    if (!stats.isFile()) return { ok: false, reason: `not a regular file (${describeKind(stats)})` };
    if (stats.size > folder.maxBytes) return tooLarge(formatBytes(stats.size));
    // One byte past the limit tells a file that grew (or whose size was made up) from one that fits.
    let buffer = Buffer.allocUnsafe(Math.min(folder.maxBytes + 1, stats.size > 0 ? stats.size + 1 : FIRST_CHUNK));
    let length = 0;
    for (;;) {
      if (length === buffer.length) {
        if (length > folder.maxBytes) return tooLarge(`more than ${formatBytes(folder.maxBytes)} read`);
        const grown = Buffer.allocUnsafe(Math.min(folder.maxBytes + 1, buffer.length * 2));
        buffer.copy(grown, 0, 0, length);
        buffer = grown;
      }
      const read = readSync(fd, buffer, length, buffer.length - length, null);
      if (read === 0) break;
      length += read;
    }
    return { ok: true, bytes: buffer.subarray(0, length) };
  } catch (error) {
    return { ok: false, reason: unreadable(error) };
  } finally {
    closeSync(fd);
  }
}
