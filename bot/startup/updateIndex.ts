import type { PipelineConfig } from '../../ingest/core/config.js';
import type { Embedder } from '../../ingest/embed/createEmbedder.js';
import { isEmbedderSource, type EmbedderSource } from '../../ingest/embed/createEmbedderSource.js';
import { NewsdeskError } from '../../ingest/core/errors.js';
import { formatIngestReport } from '../../ingest/pipeline/formatIngestReport.js';
import type { Logger } from '../../ingest/core/logger.js';
import { describeIndexLocation, openIndexBackend } from '../../ingest/index/indexBackend.js';
import { runIngest } from '../../ingest/pipeline/runIngest.js';

/** A start-up ingest queues behind another writer this long (a first embedding of a large archive takes longer: then see below). */
const STARTUP_LOCK_WAIT_MS = 10 * 60_000;

/**
 * `npm start`'s start-up ingest: brings the index up to date with the seeds (building it when
 * missing, re-embedding only what changed) without loading it for questions, so a process that
 * does not serve (the shard manager) never holds a generation. This is a writer: it takes the
 * index lock like any ingest. When another ingest still holds the lock after `lockWaitMs`
 * (STARTUP_LOCK_WAIT_MS) and an index is live, that index is left to be served, and the other
 * writer's commit is picked up when it lands (see createLiveIndex); with no index live,
 * INGEST_RUNNING stops the start.
 */
export async function updateIndex(
  config: PipelineConfig,
  embedder: Embedder | EmbedderSource,
  logger: Logger,
  { lockWaitMs = STARTUP_LOCK_WAIT_MS } = {},
): Promise<void> {
  try {
    const ingestEmbedder = isEmbedderSource(embedder) ? await embedder.forIngest() : embedder;
    const report = await runIngest(config, { embedder: ingestEmbedder, logger, lockWaitMs });
    logger.info(formatIngestReport(report, describeIndexLocation(config)));
  } catch (error) {
    const live = await (await openIndexBackend(config)).liveGeneration().catch(() => null);
    if (!(error instanceof NewsdeskError && error.code === 'INGEST_RUNNING' && live)) throw error;
    logger.warn(`${error.message} Serving the index that is live until it commits.`);
  }
}
