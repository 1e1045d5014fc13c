import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
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

  it('GIVEN a file written in a new subfolder THEN a change is noticed; a hidden file THEN none', async () => {
    let changes = 0;
    watcher = watchSeeds(root, () => changes++, { logger: createMemoryLogger() });
    await writeFile(join(root, '.draft.txt'), 'editor swap file');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(changes).toBe(0);
    await mkdir(join(root, 'id', '2024'), { recursive: true });
    await writeFile(join(root, 'id', '2024', 'new.txt'), 'Artikel baru');
    await waitFor(() => changes > 0);
  });

  it('GIVEN a folder that cannot be watched THEN it is polled, and only a real change is reported', async () => {
    const logger = createMemoryLogger();
    const missing = join(root, 'not-yet');
    let changes = 0;
    watcher = watchSeeds(missing, () => changes++, { logger, pollMs: 100 });
    await waitFor(() => logger.lines.some((l) => l.includes('checking it every')));
    await new Promise((resolve) => setTimeout(resolve, 350));
    expect(changes).toBe(0);
    await mkdir(missing);
    await writeFile(join(missing, 'a.txt'), 'Artikel');
    await waitFor(() => changes === 1);
    await new Promise((resolve) => setTimeout(resolve, 350));
    expect(changes).toBe(1);
  });
});
