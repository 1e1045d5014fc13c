import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOfflineEmbedder } from '../../ingest/embed/createEmbedder.js';
import { runIngest } from '../../ingest/pipeline/runIngest.js';
import { answerQuestion } from '../../retrieval/answer/answerQuestion.js';
import { createLiveIndex, type LiveIndex } from '../../retrieval/open/liveIndex.js';
import { summarizeLatencies } from '../bench/measure/summarizeLatencies.js';
import { createMemoryLogger, createTempWorkspace, type TempWorkspace } from '../helpers/tempWorkspace.js';
import { writeArchive, writeNextVersion } from './support/buildCorpusWorkspace.js';
import { spawnIngest } from './support/spawnIngest.js';

/**
 * A bot answering while the archive is re-ingested by another process: bursts of 200 questions
 * at once, again and again until the new generation is live, and once more after. Every
 * question must get its answer; latency is printed, never asserted.
 */

const BURST = 200;

describe('200 questions at once while a re-ingest runs', () => {
  let ws: TempWorkspace;
  let live: LiveIndex;
  let questions: string[];
  const embedder = createOfflineEmbedder();
  const logger = createMemoryLogger();

  beforeAll(async () => {
    ws = await createTempWorkspace({ withSeeds: false });
    const candidates = await writeArchive(ws.config.seedsDir, 3000);
    await runIngest(ws.config, { embedder, logger, tty: false });
    live = await createLiveIndex(ws.config, embedder, logger, { pollMs: 500 });
    // Questions the archive answers before and (being about untouched articles' words) after the re-ingest.
    const answerable: string[] = [];
    for (const question of candidates) if ((await answerQuestion(live.current(), question)).answer !== null) answerable.push(question);
    questions = Array.from({ length: BURST }, (_, i) => answerable[i % answerable.length]!);
  }, 600_000);
  afterAll(async () => {
    live.close();
    await ws.cleanup();
  });

  it('GIVEN bursts of 200 questions during and after the re-ingest THEN every one is answered and none fails', async () => {
    const before = live.current();
    const nextSeeds = join(ws.root, 'seeds-next');
    await writeNextVersion(ws.config.seedsDir, nextSeeds, { step: 10, removed: 5, added: 5 });
    const reingest = spawnIngest(nextSeeds, ws.config.indexDir);
    let finished = false;
    const exited = reingest.exited.then((code) => {
      finished = true;
      return code;
    });

    const latencies: number[] = [];
    const failures: string[] = [];
    const generations = new Set<string>();
    let asked = 0;
    const burst = () =>
      Promise.all(
        questions.map(async (question) => {
          const submitted = performance.now();
          try {
            const index = live.current();
            const answer = await answerQuestion(index, question);
            latencies.push(performance.now() - submitted);
            generations.add(index.generation);
            if (answer.answer === null) failures.push(`no answer: ${question}`);
          } catch (error) {
            failures.push(`${question}: ${(error as Error).message}`);
          }
          asked += 1;
        }),
      );

    await reingest.started;
    let bursts = 0;
    while (!finished || live.current() === before) {
      await burst();
      bursts += 1;
      // Yield to the loader between bursts, as a bot's event loop would between messages.
      await new Promise((resolve) => setTimeout(resolve, 20));
      if (bursts > 2000) throw new Error('the new generation never went live');
    }
    await burst();
    expect(await exited, reingest.stderr()).toBe(0);

    const { p50, p95 } = summarizeLatencies(latencies);
    console.log(
      `load: ${asked} questions in ${bursts + 1} bursts of ${BURST}, ${failures.length} failed; latency from submission p50 ${p50.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms; generations used: ${generations.size}`,
    );
    expect(failures).toEqual([]);
    expect(asked).toBe((bursts + 1) * BURST);
    expect(live.current()).not.toBe(before);
    expect(generations.size).toBeGreaterThanOrEqual(2);
  }, 600_000);
});
