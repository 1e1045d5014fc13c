import { readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';

/** Every file under `seedsDir`, as sorted paths relative to it (`en/000187.md`): the articles a system ingests. */
export async function listSeedFiles(seedsDir: string): Promise<string[]> {
  const entries = await readdir(seedsDir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => relative(seedsDir, join(e.parentPath, e.name)))
    .sort();
}
