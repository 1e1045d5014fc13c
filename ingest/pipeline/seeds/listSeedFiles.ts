import { realpath, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { SeedSymlinks } from '../../core/config.js';
import { isInsideFolder } from './openSeedFile.js';
import type { SeedSkip } from './readSeedFile.js';

/** The seed files found, and the entries that cannot be seed files because of their names or where they lead. */
export type SeedListing = { files: string[]; skipped: SeedSkip[] };

const utf8 = new TextDecoder('utf-8', { fatal: true });
const DOT = 0x2e;

/** A name that is not valid UTF-8 as it can be shown: printable ASCII as it is, every other byte as \xNN. */
function showName(name: Buffer): string {
  return Array.from(name, (byte) => (byte >= 0x20 && byte < 0x7f ? String.fromCharCode(byte) : `\\x${byte.toString(16).padStart(2, '0')}`)).join('');
}

type LinkTarget = { kind: 'file' } | { kind: 'folder'; target: string } | { kind: 'skipped' };

const codeOf = (error: unknown) => (error as NodeJS.ErrnoException).code ?? (error as Error).message;

/**
 * Paths of every entry under `root` that is not a folder, relative with forward slashes, sorted;
 * dotfiles and dot-folders left out. Symbolic links, pipes and devices are listed too, so that
 * reading them reports why they are not articles rather than leaving them out unseen. A link to
 * a folder is walked when its target is inside the seeds folder (or `symlinks` is `outside`), and
 * not when it leads back to a folder being walked (a loop). Names are read as bytes: an entry
 * whose name is not valid UTF-8 (an archive unpacked with another encoding) cannot be an article
 * id, and is reported with its name shown byte by byte rather than opened under a mangled name.
 */
export async function listSeedFiles(root: string, symlinks: SeedSymlinks): Promise<SeedListing> {
  const files: string[] = [];
  const skipped: SeedSkip[] = [];
  const realRoot = await realpath(root);

  /** What a symbolic link is to the walk: a file (for reading to judge), a folder to walk, or a folder skipped with the reason. */
  const followLink = async (path: string, sourceId: string, walking: readonly string[]): Promise<LinkTarget> => {
    const target = await realpath(path).catch(() => null);
    if (target === null || !(await stat(target).catch(() => null))?.isDirectory()) return { kind: 'file' };
    if (walking.some((folder) => folder === target || isInsideFolder(target, folder))) {
      skipped.push({ sourceId, reason: `a symbolic link to ${target}, a folder that contains it (a loop)` });
      return { kind: 'skipped' };
    }
    if (symlinks === 'inside' && !isInsideFolder(realRoot, target)) {
      skipped.push({ sourceId, reason: `a symbolic link to the folder ${target}, outside SEEDS_DIR (SEEDS_FOLLOW_SYMLINKS=outside follows such links)` });
      return { kind: 'skipped' };
    }
    return { kind: 'folder', target };
  };

  const walk = async (dir: string, prefix: string, walking: readonly string[]): Promise<void> => {
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true, encoding: 'buffer' });
    } catch (error) {
      // The root failing is the caller's to report; a subfolder failing costs only its own files.
      if (prefix === '') throw error;
      skipped.push({ sourceId: prefix, reason: `folder unreadable (${codeOf(error)}): its files are not read` });
      return;
    }
    for (const entry of entries) {
      if (entry.name[0] === DOT) continue;
      let name: string;
      try {
        name = utf8.decode(entry.name);
      } catch {
        const shown = `${prefix}${showName(entry.name)}`;
        skipped.push(
          entry.isDirectory()
            ? { sourceId: `${shown}/`, reason: 'folder name is not valid UTF-8: its files are not read (rename it to index them)' }
            : { sourceId: shown, reason: 'file name is not valid UTF-8 (rename the file to index it)' },
        );
        continue;
      }
      const path = join(dir, name);
      const sourceId = `${prefix}${name}`;
      if (entry.isDirectory()) {
        // Not a link: its real path is its parent's, joined with its name.
        await walk(path, `${sourceId}/`, [...walking, join(walking.at(-1)!, name)]);
        continue;
      }
      const link = entry.isSymbolicLink() ? await followLink(path, sourceId, walking) : ({ kind: 'file' } as const);
      if (link.kind === 'folder') await walk(path, `${sourceId}/`, [...walking, link.target]);
      else if (link.kind === 'file') files.push(sourceId);
    }
  };
  await walk(root, '', [realRoot]);
  return { files: files.sort(), skipped: skipped.sort((a, b) => (a.sourceId < b.sourceId ? -1 : 1)) };
}
