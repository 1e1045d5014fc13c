import { cp, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PipelineConfig } from '../../ingest/core/config.js';
import { createOfflineEmbedder } from '../../ingest/embed/createEmbedder.js';
import { runIngest } from '../../ingest/pipeline/runIngest.js';
import { answerQuestion } from '../../retrieval/answer/answerQuestion.js';
import { loadIndex } from '../../retrieval/open/loadIndex.js';
import { createSeededRandom } from '../bench/corpus/createSeededRandom.js';
import { createMemoryLogger, createTempWorkspace, type TempWorkspace } from '../helpers/tempWorkspace.js';
import { writeArchive, writeNextVersion } from './support/buildCorpusWorkspace.js';
import { describeIndexState, findInconsistencies } from './support/describeIndexState.js';
import { spawnIngest } from './support/spawnIngest.js';
import { survivalCount } from './support/survivalScale.js';

/**
 * `kill -9` at random moments of `npm run ingest` (another process, real index files) must
 * always leave an index that loads and answers, holding the old version or the new, never a mix.
 * Half the trials make a small change (a delta generation that hard-links the snapshot), half a
 * large one (a full snapshot), so kills land in both kinds of commit.
 */

const TRIALS = survivalCount(6, 24);
const embedder = createOfflineEmbedder();

type Version = { name: string; seedsDir: string; state: string; seconds: number };

describe(`kill -9 during ingest (${TRIALS} trials)`, () => {
  let ws: TempWorkspace;
  let pristineIndex: string;
  let oldState: string;
  let versions: Version[];
  let question: string;
  const configFor = (seedsDir: string, indexDir: string): PipelineConfig => ({ ...ws.config, seedsDir, indexDir });

  /** A fresh copy of the old index, and how long an uninterrupted child ingest of `version` takes. */
  async function measureVersion(name: string, seedsDir: string): Promise<Version> {
    const indexDir = join(ws.root, `measure-${name}`);
    await cp(pristineIndex, indexDir, { recursive: true });
    const run = spawnIngest(seedsDir, indexDir);
    await run.started;
    const began = performance.now();
    expect(await run.exited, run.stderr()).toBe(0);
    const seconds = (performance.now() - began) / 1000;
    return { name, seedsDir, state: describeIndexState(await loadIndex(configFor(seedsDir, indexDir), embedder)), seconds };
  }

  beforeAll(async () => {
    ws = await createTempWorkspace({ withSeeds: false });
    const questions = await writeArchive(ws.config.seedsDir, 1500);
    await runIngest(ws.config, { embedder, logger: createMemoryLogger(), tty: false });
    pristineIndex = join(ws.root, 'pristine-index');
    await cp(ws.config.indexDir, pristineIndex, { recursive: true });
    const oldIndex = await loadIndex(ws.config, embedder);
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
  afterAll(() => ws.cleanup());

  it('GIVEN a kill at a random moment THEN the index loads, answers, and is wholly the old or the new version', async () => {
    const random = createSeededRandom(6);
    const outcomes: string[] = [];
    for (let trial = 0; trial < TRIALS; trial++) {
      const version = versions[trial % versions.length]!;
      const indexDir = join(ws.root, `trial-${trial}`);
      await cp(pristineIndex, indexDir, { recursive: true });
      const run = spawnIngest(version.seedsDir, indexDir);
      await run.started;
      // Every other kill aims at the last stretch of the run, where the generation is written and committed.
      const window = trial % 4 < 2 ? [0, 1.2] : [0.6, 1.1];
      const delayMs = Math.round((window[0]! + random.next() * (window[1]! - window[0]!)) * version.seconds * 1000);
      await new Promise((resolve) => setTimeout(resolve, delayMs));
      const killed = run.child.kill('SIGKILL');
      const exit = await run.exited;

      const config = configFor(version.seedsDir, indexDir);
      const index = await loadIndex(config, embedder);
      const state = describeIndexState(index);
      const which = state === oldState ? 'old' : state === version.state ? 'new' : 'MIX';
      outcomes.push(`${version.name}@${delayMs}ms:${which}${killed && exit === 'SIGKILL' ? '' : '(finished first)'}`);
      expect(which, `trial ${trial}: ${version.name} change killed after ${delayMs} ms`).not.toBe('MIX');
      expect(findInconsistencies(index)).toEqual([]);
      expect((await answerQuestion(index, question)).answer).not.toBeNull();

      // The next ordinary run recovers from whatever the kill left behind.
      if (trial % 4 === 3) {
        await runIngest(config, { embedder, logger: createMemoryLogger(), tty: false });
        expect(describeIndexState(await loadIndex(config, embedder))).toBe(version.state);
        expect((await readdir(indexDir)).filter((f) => f.startsWith('gen-') && !f.endsWith('.tmp')).length).toBeLessThanOrEqual(2);
      }
      await rm(indexDir, { recursive: true, force: true });
    }
    console.log(
      `kill -9 trials (uninterrupted: ${versions.map((v) => `${v.name} ${v.seconds.toFixed(2)} s`).join(', ')}): ${outcomes.join(', ')}`,
    );
  }, 900_000);
});
