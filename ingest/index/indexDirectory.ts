import { randomBytes } from 'node:crypto';
import { mkdir, open, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { OWN_STAGING, readOwnGenerations, writeOwnGenerations } from './claimIndexDirectory.js';

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
 * Keeps the previous generation (a reader may still be loading it) and removes the older ones
 * newsdesk wrote (see claimIndexDirectory), never anything else. A commit that fails removes what
 * it had written. Runs under the index lock (see lockIndexDirectory), in a claimed directory.
 */
export async function commitGeneration(indexDir: string, write: (dir: string) => Promise<void>): Promise<string> {
  const name = `gen-${Date.now().toString(36)}-${randomBytes(4).toString('hex')}`;
  const staging = join(indexDir, `${name}.tmp`);
  const final = join(indexDir, name);
  const pointer = join(indexDir, `${CURRENT}.${name}.tmp`);
  // Recorded before it exists: a crash at any later moment leaves nothing pruning does not know.
  const own = await readOwnGenerations(indexDir);
  await writeOwnGenerations(indexDir, [...own, name]);
  let live = false;
  let previous: string | null = null;
  try {
    await mkdir(staging);
    await write(staging);
    for (const file of await readdir(staging)) await fsyncPath(join(staging, file));
    await rename(staging, final);
    await writeFile(pointer, `${name}\n`);
    await fsyncPath(pointer);
    previous = await readCurrentGeneration(indexDir).catch(() => null);
    await rename(pointer, join(indexDir, CURRENT));
    live = true;
    await fsyncPath(indexDir);
  } catch (error) {
    // A full disk or any other failure: the partial generation goes; once live, it stays.
    if (!live) await Promise.all([staging, final, pointer].map((path) => rm(path, { recursive: true, force: true })));
    throw error;
  }
  // Pruning is tidying: a failure leaves old generations that the next commit removes (the marker still lists them).
  await pruneGenerations(indexDir, new Set([name, previous ? basename(previous) : ''])).catch(() => {});
  return final;
}

/** A waiting writer's own copy of its lock (see lockIndexDirectory), left when it was killed: a live one is minutes old at most. */
const LOCK_LEFTOVER = /^\.newsdesk-lock\.[0-9a-f]{16}\.tmp(?:\.takeover)?$/;

async function isOlderThanAnHour(path: string): Promise<boolean> {
  const info = await stat(path).catch(() => null);
  return info !== null && info.mtimeMs < Date.now() - 60 * 60 * 1000;
}

/** Removes the generations newsdesk wrote other than `keep`, and the staging its crashed writers left (the lock excludes live ones). */
async function pruneGenerations(indexDir: string, keep: ReadonlySet<string>): Promise<void> {
  const own = await readOwnGenerations(indexDir);
  for (const generation of own) {
    if (!keep.has(generation)) await rm(join(indexDir, generation), { recursive: true, force: true });
  }
  for (const entry of await readdir(indexDir)) {
    if (OWN_STAGING.test(entry) || (LOCK_LEFTOVER.test(entry) && (await isOlderThanAnHour(join(indexDir, entry))))) {
      await rm(join(indexDir, entry), { recursive: true, force: true });
    }
  }
  await writeOwnGenerations(
    indexDir,
    own.filter((generation) => keep.has(generation)),
  );
}
