import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PipelineConfig } from '../../ingest/core/config.js';
import { createOfflineEmbedder } from '../../ingest/embed/createEmbedder.js';
import { closeIndexPools } from '../../ingest/index/postgres/databaseBackend.js';
import { runIngest } from '../../ingest/pipeline/runIngest.js';
import { answerQuestion } from '../../retrieval/answer/answerQuestion.js';
import { loadIndex } from '../../retrieval/open/loadIndex.js';
import { createSeededRandom } from '../bench/corpus/createSeededRandom.js';
import { createTestDatabase, type TestDatabase } from '../ingest/index/postgres/support/createTestDatabase.js';
import { createMemoryLogger, createTempWorkspace, type TempWorkspace } from '../helpers/tempWorkspace.js';
import { writeArchive, writeNextVersion } from './support/buildCorpusWorkspace.js';
import { describeIndexState, findInconsistencies } from './support/describeIndexState.js';
import { spawnIngest } from './support/spawnIngest.js';
import { survivalCount } from './support/survivalScale.js';

/**
 * `kill -9` at random moments of `npm run ingest` into PostgreSQL (INDEX_URL; another process,
 * the real server) must always leave the old generation live or the new one, never a mix; the
 * next ordinary run undoes what the killed one left. Half the trials make a small change (an
 * incremental generation sharing the table), half a large one.
 */

const TRIALS = survivalCount(4, 16);
const embedder = createOfflineEmbedder();

type Version = { name: string; seedsDir: string; state: string; seconds: number };

describe(`kill -9 during a PostgreSQL ingest (${TRIALS} trials)`, () => {
  let db: TestDatabase;
  let ws: TempWorkspace;
  let config: PipelineConfig;
  let oldState: string;
  let versions: Version[];
  let question: string;
  const ingest = (seedsDir: string) => runIngest({ ...config, seedsDir }, { embedder, logger: createMemoryLogger(), tty: false });

  async function measureVersion(name: string, seedsDir: string): Promise<Version> {
    const run = spawnIngest(seedsDir, config.indexDir);
    await run.started;
    const began = performance.now();
    expect(await run.exited, run.stderr()).toBe(0);
    const seconds = (performance.now() - began) / 1000;
    const state = describeIndexState(await loadIndex({ ...config, seedsDir }, embedder));
    await ingest(config.seedsDir);
    return { name, seedsDir, state, seconds };
  }

  beforeAll(async () => {
    db = await createTestDatabase();
    ws = await createTempWorkspace({ withSeeds: false });
    config = { ...ws.config, indexUrl: db.url };
    // The child ingests read INDEX_URL from the environment they inherit (this file's worker only).
    process.env.INDEX_URL = db.url;
    const questions = await writeArchive(ws.config.seedsDir, 1500);
    await ingest(config.seedsDir);
    const oldIndex = await loadIndex(config, embedder);
    oldState = describeIndexState(oldIndex);
    question = (await Promise.all(questions.map(async (q) => ({ q, a: await answerQuestion(oldIndex, q) })))).find(
      (x) => x.a.answer !== null,
    )!.q;
    const small = join(ws.root, 'seeds-small-change');
    const large = join(ws.root, 'seeds-large-change');
    await writeNextVersion(ws.config.seedsDir, small, { step: 200, removed: 2, added: 2 });
    await writeNextVersion(ws.config.seedsDir, large, { step: 4, removed: 20, added: 30 });
    versions = [await measureVersion('small', small), await measureVersion('large', large)];
  }, 600_000);
  afterAll(async () => {
    delete process.env.INDEX_URL;
    await closeIndexPools();
    await db?.drop();
    await ws?.cleanup();
  });

  it('GIVEN a kill at a random moment THEN the database serves wholly the old or the new version, and the next run recovers', async () => {
    const random = createSeededRandom(19);
    const outcomes: string[] = [];
    for (let trial = 0; trial < TRIALS; trial++) {
      const version = versions[trial % versions.length]!;
      const run = spawnIngest(version.seedsDir, config.indexDir);
      await run.started;
      const window = trial % 4 < 2 ? [0, 1.2] : [0.6, 1.1];
      const delayMs = Math.round((window[0]! + random.next() * (window[1]! - window[0]!)) * version.seconds * 1000);
      await new Promise((resolve) => setTimeout(resolve, delayMs));
      const killed = run.child.kill('SIGKILL');
      const exit = await run.exited;

      const index = await loadIndex({ ...config, seedsDir: version.seedsDir }, embedder);
      const state = describeIndexState(index);
      const which = state === oldState ? 'old' : state === version.state ? 'new' : 'MIX';
      const failure =
        exit !== 'SIGKILL' && exit !== 0
          ? `, exit ${exit}: ${
              run
                .stderr()
                .match(/"message":"([^"]*)"/g)
                ?.at(-1) ?? ''
            }`
          : '';
      outcomes.push(`${version.name}@${delayMs}ms:${which}${killed && exit === 'SIGKILL' ? '' : `(finished first${failure})`}`);
      expect(which, `trial ${trial}: ${version.name} change killed after ${delayMs} ms`).not.toBe('MIX');
      expect(findInconsistencies(index)).toEqual([]);
      expect((await answerQuestion(index, question)).answer).not.toBeNull();

      // The next ordinary run (back to the old seeds) undoes the killed build and serves exactly the old version.
      await ingest(config.seedsDir);
      expect(describeIndexState(await loadIndex(config, embedder))).toBe(oldState);
    }
    console.log(
      `kill -9 trials (uninterrupted: ${versions.map((v) => `${v.name} ${v.seconds.toFixed(2)} s`).join(', ')}): ${outcomes.join(', ')}`,
    );
  }, 900_000);
});
