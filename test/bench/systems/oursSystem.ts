import { join } from 'node:path';
import type { PipelineConfig } from '../../../ingest/core/config.js';
import { createOfflineEmbedder } from '../../../ingest/embed/createEmbedder.js';
import { createLogger } from '../../../ingest/core/logger.js';
import { runIngest, type WarmStore } from '../../../ingest/pipeline/runIngest.js';
import { readCurrentGeneration } from '../../../ingest/index/indexDirectory.js';
import { VECTORS_FILE } from '../../../ingest/index/storeFiles.js';
import { answerQuestion } from '../../../retrieval/answer/answerQuestion.js';
import { loadIndex } from '../../../retrieval/open/loadIndex.js';
import { measureRecall, readHnswVectors } from '../measure/measureRecall.js';
import { timeQueries } from '../measure/timeQueries.js';
import { PASSAGE_MAX_CHARS, PASSAGE_OVERLAP_CHARS, type BenchPaths, type BenchSystem } from './benchSystem.js';

/** newsdesk itself: incremental ingest into generations, hybrid retrieval and extractive answers. */

const embedder = createOfflineEmbedder();

const configOf = ({ seedsDir, indexDir, indexUrl }: BenchPaths): PipelineConfig => ({
  seedsDir,
  indexDir,
  ...(indexUrl ? { indexUrl } : {}),
  passageMaxChars: PASSAGE_MAX_CHARS,
  passageOverlapChars: PASSAGE_OVERLAP_CHARS,
  maxSeedBytes: 10 * 1024 * 1024,
});

export const oursSystem: BenchSystem = {
  async ingest(paths) {
    const began = performance.now();
    const report = await runIngest(configOf(paths), { embedder, logger: createLogger({ level: 'error' }), tty: false });
    return { passages: report.passages, embedded: report.passagesEmbedded, seconds: (performance.now() - began) / 1000 };
  },

  async reingestWarm(paths, change) {
    const warm: WarmStore = { store: null, generation: null };
    const options = { embedder, logger: createLogger({ level: 'error' }), tty: false, warm };
    await runIngest(configOf(paths), options);
    await change();
    const began = performance.now();
    const report = await runIngest(configOf(paths), options);
    return { passages: report.passages, embedded: report.passagesEmbedded, seconds: (performance.now() - began) / 1000 };
  },

  async serve(paths, questions) {
    const began = performance.now();
    const index = await loadIndex(configOf(paths), embedder);
    const loadSeconds = (performance.now() - began) / 1000;
    return { loadSeconds, ...(await timeQueries(questions, (q) => answerQuestion(index, q))) };
  },

  async recall(paths, questions) {
    const index = await loadIndex(configOf(paths), embedder);
    const queries = await embedder.embeddings.embedDocuments([...questions]);
    const stored = await readHnswVectors(
      join(index.generation, VECTORS_FILE),
      embedder.identity.dimensions,
      (label) => index.store.passage(label) !== undefined,
    );
    return measureRecall(stored, queries, async (q, k) => (await index.store.searchLabels(q, k)).map(([label]) => label));
  },

  async indexFiles(paths) {
    const generation = await readCurrentGeneration(paths.indexDir);
    if (!generation) throw new Error(`no index in ${paths.indexDir}`);
    return generation;
  },
};
