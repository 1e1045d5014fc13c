import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';

/** Bytes of the files in `dir` (recursively): what a generation or a saved store takes on disk. */
export async function measureDirectory(dir: string): Promise<number> {
  let bytes = 0;
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) bytes += (await stat(join(entry.parentPath, entry.name))).size;
  }
  return bytes;
}
