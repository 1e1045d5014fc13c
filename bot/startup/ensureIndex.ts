import type { PipelineConfig } from '../../ingest/core/config.js';
import type { Embedder } from '../../ingest/embed/createEmbedder.js';
import { isEmbedderSource, type EmbedderSource } from '../../ingest/embed/createEmbedderSource.js';
import { formatIngestReport } from '../../ingest/pipeline/formatIngestReport.js';
import type { Logger } from '../../ingest/core/logger.js';
import { readCurrentGeneration } from '../../ingest/index/indexDirectory.js';
import { runIngest } from '../../ingest/pipeline/runIngest.js';
import { loadIndex, type LoadedIndex } from '../../retrieval/open/loadIndex.js';

/**
 * Loads the index, building it first when it is missing (`always: true` also brings an existing
 * one up to date with the seeds, which re-embeds only what changed).
 */
export async function ensureIndex(config: PipelineConfig, embedder: Embedder | EmbedderSource, logger: Logger, { always = false } = {}): Promise<LoadedIndex> {
  const live = await readCurrentGeneration(config.indexDir).catch(() => null);
  if (always || !live) {
    const report = await runIngest(config, { embedder: isEmbedderSource(embedder) ? await embedder.forIngest() : embedder, logger });
    logger.info(formatIngestReport(report, config.indexDir));
  }
  return loadIndex(config, embedder);
}
