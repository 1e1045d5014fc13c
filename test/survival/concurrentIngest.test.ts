import { spawnSync } from 'node:child_process';
import { appendFile, cp, mkdir, stat, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOfflineEmbedder } from '../../ingest/embed/createEmbedder.js';
import { LOCK_FILE } from '../../ingest/index/lockIndexDirectory.js';
import { readCurrentGeneration } from '../../ingest/index/indexDirectory.js';
import { runIngest } from '../../ingest/pipeline/runIngest.js';
import { loadIndex } from '../../retrieval/open/loadIndex.js';
import { createMemoryLogger, createTempWorkspace, INDONESIAN_SEED, type TempWorkspace } from '../helpers/tempWorkspace.js';
import { spawnIngest } from './support/spawnIngest.js';
import { survivalCount } from './support/survivalScale.js';

/**
 * Three `npm run ingest` processes at once on one INDEX_DIR (watch mode, a manual run, /reingest
 * and `npm start` side by side), over the project's two seeds: every trial must leave a loadable
 * index whose CURRENT names an existing generation, and every exit code must tell the truth —
 * 0 with the generation committed or "unchanged", non-zero only when refused, and CURRENT the
 * generation the last committer reported. Trials alternate between no index yet and an index
 * with a seed changed since; every fourth starts with a stale lock left by a dead process.
 * A trial takes about 11 s on two shared cores (three processes starting tsx and the embedder),
 * so `npm test` runs 5 (about 1 min) and SURVIVAL_FULL=1 runs 20 (about 4 min).
 */

const TRIALS = survivalCount(5, 20);
const WRITERS = 3;
const embedder = createOfflineEmbedder();

type Outcome = { exit: number | NodeJS.Signals; generation: string | null | undefined; stderr: string };

/** What a finished child reported: the generation of its "ingest finished" log line (null: unchanged), undefined when it has none. */
function outcomeOf(exit: number | NodeJS.Signals, stderr: string): Outcome {
  const finished = stderr
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as { msg: string; generation?: string | null })
    .find((entry) => entry.msg === 'ingest finished');
  return { exit, generation: finished ? (finished.generation ?? null) : undefined, stderr };
}

describe(`${WRITERS} concurrent ingests on one index (${TRIALS} trials)`, () => {
  let ws: TempWorkspace;
  let pristine: string;
  beforeAll(async () => {
    ws = await createTempWorkspace();
    await runIngest(ws.config, { embedder, logger: createMemoryLogger(), tty: false });
    pristine = join(ws.root, 'pristine-index');
    await cp(ws.config.indexDir, pristine, { recursive: true });
  }, 120_000);
  afterAll(() => ws.cleanup());

  it('GIVEN three writers at once THEN one commits, the others wait and find it unchanged, and CURRENT names the committed generation', async () => {
    const began = performance.now();
    for (let trial = 0; trial < TRIALS; trial++) {
      const indexDir = join(ws.root, `trial-${trial}`);
      if (trial % 2 === 1) {
        await cp(pristine, indexDir, { recursive: true });
        await appendFile(join(ws.config.seedsDir, INDONESIAN_SEED), `\nA line added for trial ${trial}.`);
      }
      if (trial % 4 === 3) {
        const dead = spawnSync(process.execPath, ['-e', '0']).pid!;
        await mkdir(indexDir, { recursive: true });
        await writeFile(
          join(indexDir, LOCK_FILE),
          JSON.stringify({ pid: dead, host: hostname(), startedAt: '2026-01-01T00:00:00.000Z', token: 'dead' }),
        );
      }
      const runs = Array.from({ length: WRITERS }, () => spawnIngest(ws.config.seedsDir, indexDir));
      const outcomes = await Promise.all(runs.map(async (run) => outcomeOf(await run.exited, run.stderr())));
      const context = `trial ${trial}: ${JSON.stringify(outcomes.map(({ exit, generation }) => ({ exit, generation })))}\n${outcomes.map((o) => o.stderr).join('\n')}`;

      for (const outcome of outcomes) {
        if (outcome.exit === 0) expect(outcome.generation, context).not.toBeUndefined();
        else expect(outcome.stderr, context).toContain('"code":"INGEST_RUNNING"');
      }
      const committed = outcomes.map((o) => o.generation).filter((g): g is string => typeof g === 'string');
      expect(committed, context).toHaveLength(1);
      const current = await readCurrentGeneration(indexDir);
      expect(current, context).toBe(committed[0]);
      expect((await stat(join(current!, 'manifest.json'))).isFile()).toBe(true);
      const index = await loadIndex({ ...ws.config, indexDir }, embedder);
      expect(index.store.sources.size).toBe(2);
      await expect(stat(join(indexDir, LOCK_FILE))).rejects.toMatchObject({ code: 'ENOENT' });
    }
    console.log(`${TRIALS} trials of ${WRITERS} concurrent ingests: ${((performance.now() - began) / 1000).toFixed(1)} s`);
  }, 600_000);
});
