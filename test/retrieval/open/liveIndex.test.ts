import { cp, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createOfflineEmbedder } from '../../../ingest/embed/createEmbedder.js';
import { runIngest } from '../../../ingest/pipeline/runIngest.js';
import { answerQuestion } from '../../../retrieval/answer/answerQuestion.js';
import { createLiveIndex, type LiveIndex } from '../../../retrieval/open/liveIndex.js';
import { createMemoryLogger, createTempWorkspace, type TempWorkspace } from '../../helpers/tempWorkspace.js';
import { LIGHTHOUSE_QUESTION, LIGHTHOUSE_SEED, NIGER_QUESTION, waitFor } from '../../bot/support/fixtures.js';

describe('createLiveIndex', () => {
  let ws: TempWorkspace;
  let live: LiveIndex | undefined;
  const embedder = createOfflineEmbedder();
  const logger = createMemoryLogger();
  const ingest = () => runIngest(ws.config, { embedder, logger });

  beforeEach(async () => {
    ws = await createTempWorkspace();
    await ingest();
  });
  afterEach(async () => {
    live?.close();
    await ws.cleanup();
  });

  it('GIVEN another run commits a new generation THEN the new article is answered without a reload call', async () => {
    live = await createLiveIndex(ws.config, embedder, logger, { pollMs: 60_000 });
    const before = live.current();
    expect((await answerQuestion(before, LIGHTHOUSE_QUESTION)).citations.map((c) => c.sourceId)).not.toContain('lighthouse.md');

    await writeFile(join(ws.config.seedsDir, 'lighthouse.md'), LIGHTHOUSE_SEED);
    await ingest();

    // Only the file-system watch can notice this: the poll interval is a minute.
    await waitFor(() => live!.current() !== before);
    const answer = await answerQuestion(live.current(), LIGHTHOUSE_QUESTION);
    expect(answer.citations[0]?.sourceId).toBe('lighthouse.md');
    expect(answer.answer).toContain('lighthouse');
  });

  it('GIVEN a question holds the old index WHEN generations are replaced and pruned THEN it is still answered from the old one', async () => {
    live = await createLiveIndex(ws.config, embedder, logger, { pollMs: 60_000 });
    const held = live.current();
    const firstGeneration = held.generation;

    await writeFile(join(ws.config.seedsDir, 'lighthouse.md'), LIGHTHOUSE_SEED);
    await ingest();
    await writeFile(join(ws.config.seedsDir, 'lighthouse.md'), `${LIGHTHOUSE_SEED}\nA second paragraph about the keepers.\n`);
    await ingest();
    await live.refresh();

    expect(await readdir(ws.config.indexDir)).not.toContain(firstGeneration.split('/').pop());
    expect(live.current()).not.toBe(held);
    const answer = await answerQuestion(held, NIGER_QUESTION);
    expect(answer.answer).toMatch(/^4 December 2023/);
  });

  it('GIVEN the new generation is damaged THEN the old index keeps serving and the failure is logged', async () => {
    live = await createLiveIndex(ws.config, embedder, logger, { pollMs: 60_000 });
    const before = live.current();
    const damaged = join(ws.config.indexDir, 'gen-zz-damaged');
    await cp(before.generation, damaged, { recursive: true });
    await writeFile(join(damaged, 'passages.bin'), 'not what the manifest says\n');
    await writeFile(join(ws.config.indexDir, 'CURRENT'), 'gen-zz-damaged\n');

    expect(await live.refresh()).toBe(false);
    expect(live.current()).toBe(before);
    expect(logger.lines.some((l) => l.includes('could not be loaded'))).toBe(true);
    expect((await answerQuestion(live.current(), NIGER_QUESTION)).answer).toMatch(/^4 December 2023/);

    // A later good generation is picked up again.
    await writeFile(join(ws.config.seedsDir, 'lighthouse.md'), LIGHTHOUSE_SEED);
    await ingest();
    expect(await live.refresh()).toBe(true);
    expect(live.current().store.sources.has('lighthouse.md')).toBe(true);
  });

  it('GIVEN nothing changed THEN refresh loads nothing', async () => {
    live = await createLiveIndex(ws.config, embedder, logger, { pollMs: 60_000 });
    const before = live.current();
    expect(await live.refresh()).toBe(false);
    expect(live.current()).toBe(before);
  });
});
