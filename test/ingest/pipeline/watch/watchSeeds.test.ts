import { watch } from 'node:fs';
import { mkdir, mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { watchSeeds, type SeedWatcher } from '../../../../ingest/pipeline/watch/watchSeeds.js';
import { createMemoryLogger } from '../../../helpers/tempWorkspace.js';

async function waitFor(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/**
 * Resolves when a plain watch of `dir` reports `name`. Watches of one folder share one inotify
 * watch, whose events reach every watcher in order and in one pass: a turn of the event loop
 * later, every event before this one has reached the watcher under test too.
 */
function nextEventFor(dir: string, name: string): Promise<void> {
  return new Promise((resolve) => {
    const plain = watch(dir, (_event, file) => {
      if (file !== name) return;
      plain.close();
      setImmediate(resolve);
    });
  });
}

describe('watchSeeds', () => {
  let root: string;
  let watcher: SeedWatcher | undefined;
  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'newsdesk-watch-'));
  });
  afterEach(async () => {
    watcher?.close();
    await rm(root, { recursive: true, force: true });
  });

  it('GIVEN a file written in a new subfolder THEN a change is noticed', async () => {
    let changes = 0;
    watcher = watchSeeds(root, () => changes++, { logger: createMemoryLogger() });
    await mkdir(join(root, 'id', '2024'), { recursive: true });
    await writeFile(join(root, 'id', '2024', 'new.txt'), 'Artikel baru');
    await waitFor(() => changes > 0);
  });

  it('GIVEN a hidden file and then a new folder THEN only the folder is noticed', async () => {
    let changes = 0;
    watcher = watchSeeds(root, () => changes++, { logger: createMemoryLogger() });
    const folderSeen = nextEventFor(root, 'control');
    await writeFile(join(root, '.draft.txt'), 'editor swap file');
    // The control: an empty folder is exactly one change, and its event comes after the hidden file's.
    await mkdir(join(root, 'control'));
    await folderSeen;
    expect(changes).toBe(1);
  });

  it('GIVEN a folder that does not exist yet THEN a line says so, and once it is created with a file the change is reported and the folder is watched', async () => {
    const logger = createMemoryLogger();
    const missing = join(root, 'not-yet');
    let changes = 0;
    watcher = watchSeeds(missing, () => changes++, { logger, checkMs: 50 });
    await waitFor(() => logger.lines.some((l) => l.includes(`${missing} does not exist or is not a folder; checking every 50 ms`)));
    expect(changes).toBe(0);
    await mkdir(missing);
    await writeFile(join(missing, 'a.txt'), 'Artikel');
    await waitFor(() => changes > 0 && logger.lines.some((l) => l.includes(`${missing} is back; watching it again`)));
    const before = changes;
    await writeFile(join(missing, 'b.txt'), 'Artikel kedua');
    await waitFor(() => changes > before);
  });

  it('GIVEN the watched folder is removed THEN a line says so; recreated with a file THEN the change is reported and later changes too', async () => {
    const logger = createMemoryLogger();
    const seeds = join(root, 'seeds');
    await mkdir(seeds);
    let changes = 0;
    watcher = watchSeeds(seeds, () => changes++, { logger, checkMs: 50 });
    await writeFile(join(seeds, 'first.txt'), 'Artikel');
    await waitFor(() => changes > 0);
    await rm(seeds, { recursive: true });
    await waitFor(() => logger.lines.some((l) => l.includes(`${seeds} was removed or moved; checking every 50 ms until it is back`)));
    const whileGone = changes;
    await mkdir(seeds);
    await writeFile(join(seeds, 'again.txt'), 'Artikel lagi');
    await waitFor(() => changes > whileGone && logger.lines.some((l) => l.includes('is back')));
    const afterReturn = changes;
    await writeFile(join(seeds, 'later.txt'), 'Artikel nanti');
    await waitFor(() => changes > afterReturn);
  });

  it('GIVEN the watched folder is moved away and another put in its place THEN changes in the new folder are reported, not those in the old', async () => {
    const logger = createMemoryLogger();
    const seeds = join(root, 'seeds');
    await mkdir(seeds);
    let changes = 0;
    watcher = watchSeeds(seeds, () => changes++, { logger, checkMs: 50 });
    await new Promise((resolve) => setTimeout(resolve, 100));
    await rename(seeds, join(root, 'old'));
    await mkdir(seeds);
    await waitFor(() =>
      logger.lines.some((l) => l.includes(`${seeds} was removed or moved`) || l.includes(`${seeds} is now another folder`)),
    );
    await waitFor(() => logger.lines.some((l) => l.includes('is back') || l.includes('is now another folder')));
    await new Promise((resolve) => setTimeout(resolve, 200));
    const settled = changes;
    await writeFile(join(root, 'old', 'stale.txt'), 'Artikel lama');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(changes).toBe(settled);
    await writeFile(join(seeds, 'fresh.txt'), 'Artikel baru');
    await waitFor(() => changes > settled);
  });
});
