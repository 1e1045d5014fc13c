import type { PipelineConfig } from '../../ingest/config.js';
import type { Embedder } from '../../ingest/embed/createEmbedder.js';
import { createError } from '../../ingest/errors.js';
import { formatIngestReport } from '../../ingest/formatIngestReport.js';
import type { Logger } from '../../ingest/logger.js';
import { runIngest, type IngestReport } from '../../ingest/runIngest.js';
import type { LiveIndex } from '../../retrieval/liveIndex.js';

export type ReingestRunner = {
  /**
   * Starts an incremental ingest and, once committed, switches the live index to it. Throws
   * REINGEST_RUNNING synchronously when one is already running, so the caller can refuse before
   * acknowledging anything.
   */
  start(): Promise<IngestReport>;
};

export function createReingestRunner(config: PipelineConfig, embedder: Embedder, live: LiveIndex, logger: Logger): ReingestRunner {
  let running = false;
  return {
    start() {
      if (running) throw createError('REINGEST_RUNNING');
      running = true;
      return (async () => {
        try {
          const report = await runIngest(config, { embedder, logger });
          logger.info(formatIngestReport(report, config.indexDir));
          await live.refresh();
          return report;
        } finally {
          running = false;
        }
      })();
    },
  };
}
