import { watch } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
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

/**
 * Takes over the next `setInterval` of `ms` (the poller's clock), resolving with its callback so
 * that the test runs each poll itself and waits for it to finish: no poll runs unseen, none is missed.
 */
function capturePoll(ms: number): Promise<() => Promise<void>> {
  const realSetInterval = globalThis.setInterval;
  return new Promise((resolve) => {
    const spy = vi.spyOn(globalThis, 'setInterval').mockImplementation(((callback: () => Promise<void>, delay?: number) => {
      if (delay !== ms) return realSetInterval(callback, delay);
      spy.mockRestore();
      resolve(callback);
      // A real timer that never fires, so that clearInterval on close works as it does in production.
      return realSetInterval(() => undefined, 2 ** 31 - 1);
    }) as typeof setInterval);
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

  it('GIVEN a folder that cannot be watched THEN it is polled, and only a poll that finds a change reports one', async () => {
    const logger = createMemoryLogger();
    const missing = join(root, 'not-yet');
    const polled = capturePoll(100);
    let changes = 0;
    watcher = watchSeeds(missing, () => changes++, { logger, pollMs: 100 });
    const poll = await polled;
    expect(logger.lines.some((l) => l.includes('checking it every'))).toBe(true);
    await poll();
    await poll();
    expect(changes).toBe(0);
    await mkdir(missing);
    await writeFile(join(missing, 'a.txt'), 'Artikel');
    await poll();
    expect(changes).toBe(1);
    await poll();
    await poll();
    expect(changes).toBe(1);
    await writeFile(join(missing, 'b.txt'), 'Artikel kedua');
    await poll();
    expect(changes).toBe(2);
  });
});
