import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

/** The files under `dir` (every depth) whose bytes contain `text` as UTF-8: for asserting that something never reached an index. */
export async function filesContaining(dir: string, text: string): Promise<string[]> {
  const needle = Buffer.from(text);
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
  const hits = await Promise.all(files.map(async (file) => ((await readFile(file)).includes(needle) ? file : null)));
  return hits.filter((file) => file !== null);
}
