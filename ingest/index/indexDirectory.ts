import { randomBytes } from 'node:crypto';
import { mkdir, open, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * An index directory holds generations (`gen-…/`, each a complete index) and a `CURRENT` file
 * naming the live one. A new generation is written beside the old, flushed to disk, and made
 * live by renaming a new `CURRENT` over the old: a crash at any moment leaves one whole
 * generation live, old or new, never a mix.
 */

const CURRENT = 'CURRENT';
const GENERATION = /^gen-[0-9a-z-]+$/;

async function fsyncPath(path: string): Promise<void> {
  const handle = await open(path, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** The live generation's directory, or null when the index has never been built. */
export async function readCurrentGeneration(indexDir: string): Promise<string | null> {
  let name: string;
  try {
    name = (await readFile(join(indexDir, CURRENT), 'utf8')).trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  if (!GENERATION.test(name)) throw new Error(`${join(indexDir, CURRENT)} names no generation ("${name.slice(0, 40)}")`);
  return join(indexDir, name);
}

/** A cheap token that changes whenever a new generation goes live (for readers that poll). */
export async function currentGenerationStamp(indexDir: string): Promise<string | null> {
  try {
    const info = await stat(join(indexDir, CURRENT));
    return `${info.ino}:${info.mtimeMs}:${info.size}`;
  } catch {
    return null;
  }
}

/**
 * Writes a new generation with `write(dir)` and makes it live atomically; returns its directory.
 * Keeps the previous generation (a reader may still be loading it) and removes older ones.
 */
export async function commitGeneration(indexDir: string, write: (dir: string) => Promise<void>): Promise<string> {
  await mkdir(indexDir, { recursive: true });
  const name = `gen-${Date.now().toString(36)}-${randomBytes(4).toString('hex')}`;
  const staging = join(indexDir, `${name}.tmp`);
  await mkdir(staging);
  try {
    await write(staging);
    for (const file of await readdir(staging)) await fsyncPath(join(staging, file));
    const final = join(indexDir, name);
    await rename(staging, final);
    const pointer = join(indexDir, `${CURRENT}.${name}.tmp`);
    await writeFile(pointer, `${name}\n`);
    await fsyncPath(pointer);
    const previous = await readCurrentGeneration(indexDir).catch(() => null);
    await rename(pointer, join(indexDir, CURRENT));
    await fsyncPath(indexDir);
    await pruneGenerations(indexDir, new Set([name, previous ? previous.slice(indexDir.length + 1) : '']));
    return final;
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
}

/** Removes generations other than `keep`, and staging left behind by crashed writers. */
async function pruneGenerations(indexDir: string, keep: ReadonlySet<string>): Promise<void> {
  for (const entry of await readdir(indexDir)) {
    const crashedStaging = entry.endsWith('.tmp') && (await stat(join(indexDir, entry))).mtimeMs < Date.now() - 60 * 60 * 1000;
    if ((GENERATION.test(entry) && !keep.has(entry)) || crashedStaging) {
      await rm(join(indexDir, entry), { recursive: true, force: true });
    }
  }
}
