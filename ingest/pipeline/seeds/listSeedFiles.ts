import { readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';

/**
 * Paths of every file under `root` (symbolic links included: a dangling one is then reported as
 * unreadable rather than silently ignored), relative with forward slashes, sorted; dotfiles left out.
 */
export async function listSeedFiles(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() || e.isSymbolicLink())
    .map((e) => relative(root, join(e.parentPath, e.name)).split(sep).join('/'))
    .filter((p) => !p.split('/').some((part) => part.startsWith('.')))
    .sort();
}
