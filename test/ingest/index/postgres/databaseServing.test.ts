import { appendFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { summarizeArchive } from '../../../../bot/discord/services/summarizeArchive.js';
import { ensureIndex } from '../../../../bot/startup/ensureIndex.js';
import type { PipelineConfig } from '../../../../ingest/core/config.js';
import { createOfflineEmbedder } from '../../../../ingest/embed/createEmbedder.js';
import { closeIndexPools } from '../../../../ingest/index/postgres/databaseBackend.js';
import { runIngest, type WarmStore } from '../../../../ingest/pipeline/runIngest.js';
import { answerQuestion } from '../../../../retrieval/answer/answerQuestion.js';
import { createLiveIndex } from '../../../../retrieval/open/liveIndex.js';
import { loadIndex } from '../../../../retrieval/open/loadIndex.js';
import { ARABIC_SEED, createMemoryLogger, createTempWorkspace, type TempWorkspace } from '../../../helpers/tempWorkspace.js';
import { createTestDatabase, type TestDatabase } from './support/createTestDatabase.js';

const embedder = createOfflineEmbedder();

describe('npm start and watch mode with INDEX_URL', () => {
  let db: TestDatabase;
  let ws: TempWorkspace;
  let config: PipelineConfig;
  const indexedText = async () => [...(await loadIndex(config, embedder)).store.passages()].map((p) => p.text).join('\n');

  beforeAll(async () => {
    db = await createTestDatabase();
    ws = await createTempWorkspace();
    config = { ...ws.config, indexUrl: db.url, indexDir: join(ws.root, 'no-index-here') };
  });
  afterAll(async () => {
    await closeIndexPools();
    await db?.drop();
    await ws?.cleanup();
  });

  it('GIVEN an empty database THEN the start-up ingest builds the index there and the bot answers from it, naming the database in its report', async () => {
    const logger = createMemoryLogger();
    const index = await ensureIndex(config, embedder, logger);
    expect(index.store.sources.size).toBe(2);
    expect((await answerQuestion(index, 'when did Niger end EU cooperation?')).answer).not.toBeNull();
    expect(logger.lines.some((line) => line.includes(`→ ${new URL(db.url).toString()}`))).toBe(true);
    await expect(readdir(config.indexDir)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it("GIVEN the index in the database THEN /about's summary says when its generation was written", async () => {
    const before = Date.now();
    await writeFile(join(config.seedsDir, 'about.md'), '# Rainfall\n\nThe rainy season in Maradi began two weeks early.\n');
    await runIngest(config, { embedder, logger: createMemoryLogger(), tty: false });
    const summary = await summarizeArchive(await loadIndex(config, embedder), join(ws.root, 'no-gaps.jsonl'));
    expect(summary.lastIngest.getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(summary.articles).toBe(3);
  });

  it('GIVEN a running bot WHEN a separate ingest commits THEN the bot answers from the new generation without a restart', async () => {
    const live = await createLiveIndex(config, embedder, createMemoryLogger(), {
      initial: await loadIndex(config, embedder),
      pollMs: 3_600_000,
    });
    try {
      await writeFile(
        join(config.seedsDir, 'port.md'),
        '# Port of Cotonou\n\nContainer traffic at the port of Cotonou doubled this year.\n',
      );
      await runIngest(config, { embedder, logger: createMemoryLogger(), tty: false });
      await vi.waitFor(() => expect(live.current().store.sources.has('port.md')).toBe(true), { timeout: 30_000, interval: 50 });
      const answer = await answerQuestion(live.current(), 'container traffic at the port of Cotonou');
      expect(answer.citations.map((c) => c.sourceId)).toContain('port.md');
    } finally {
      live.close();
    }
  });

  it("GIVEN watch mode's writer kept warm THEN the next run builds on it, commits only the change, and the database holds it", async () => {
    const warm: WarmStore = { store: null, generation: null };
    await runIngest(config, { embedder, logger: createMemoryLogger(), tty: false, warm });
    const store = warm.store;
    await appendFile(join(config.seedsDir, ARABIC_SEED), '\nوأعلنت الحكومة عن مناورات عسكرية جديدة في أغاديز.\n');
    const second = await runIngest(config, { embedder, logger: createMemoryLogger(), tty: false, warm });
    expect(second.changed).toEqual([ARABIC_SEED]);
    expect(warm.store).toBe(store);
    expect(warm.generation).toBe(second.generation);
    expect(await indexedText()).toContain('مناورات عسكرية جديدة');
    const third = await runIngest(config, { embedder, logger: createMemoryLogger(), tty: false, warm });
    expect(third.generation).toBeNull();
    expect((await loadIndex(config, embedder)).store.passageCount).toBe(warm.store!.passageCount);
  });
});
