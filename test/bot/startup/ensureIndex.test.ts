import { appendFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ensureIndex } from '../../../bot/startup/ensureIndex.js';
import { createOfflineEmbedder } from '../../../ingest/embed/createEmbedder.js';
import { claimIndexDirectory } from '../../../ingest/index/claimIndexDirectory.js';
import { lockIndexDirectory } from '../../../ingest/index/lockIndexDirectory.js';
import { readCurrentGeneration } from '../../../ingest/index/indexDirectory.js';
import { runIngest } from '../../../ingest/pipeline/runIngest.js';
import { createMemoryLogger, createTempWorkspace, INDONESIAN_SEED, type TempWorkspace } from '../../helpers/tempWorkspace.js';

describe('the start-up ingest while another process ingests', () => {
  let ws: TempWorkspace;
  beforeEach(async () => {
    ws = await createTempWorkspace();
  });
  afterEach(() => ws.cleanup());

  it('GIVEN a live index and another writer that keeps the lock past the wait THEN the live index is served, with a warning naming the writer', async () => {
    await runIngest(ws.config, { embedder: createOfflineEmbedder(), logger: createMemoryLogger(), tty: false });
    const live = await readCurrentGeneration(ws.config.indexDir);
    await appendFile(join(ws.config.seedsDir, INDONESIAN_SEED), '\nA change the other writer is ingesting.');
    const other = await lockIndexDirectory(ws.config.indexDir, { waitMs: 0, logger: createMemoryLogger() });
    const logger = createMemoryLogger();
    try {
      const index = await ensureIndex(ws.config, createOfflineEmbedder(), logger, { lockWaitMs: 200 });
      expect(index.generation).toBe(live);
    } finally {
      await other.release();
    }
    expect(
      logger.lines.some(
        (line) =>
          line.includes(`An ingest is already running on ${ws.config.indexDir} (pid ${process.pid}`) &&
          line.includes('Serving the index that is live'),
      ),
    ).toBe(true);
  });

  it('GIVEN no index yet and another writer that keeps the lock past the wait THEN the start stops with INGEST_RUNNING', async () => {
    await claimIndexDirectory(ws.config.indexDir, ws.config.seedsDir);
    const other = await lockIndexDirectory(ws.config.indexDir, { waitMs: 0, logger: createMemoryLogger() });
    try {
      await expect(ensureIndex(ws.config, createOfflineEmbedder(), createMemoryLogger(), { lockWaitMs: 200 })).rejects.toMatchObject({
        code: 'INGEST_RUNNING',
      });
    } finally {
      await other.release();
    }
  });
});
