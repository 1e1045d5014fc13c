import type { PipelineConfig } from '../../../ingest/core/config.js';
import type { Embedder } from '../../../ingest/embed/createEmbedder.js';
import { createError } from '../../../ingest/core/errors.js';
import { formatIngestReport } from '../../../ingest/pipeline/formatIngestReport.js';
import type { Logger } from '../../../ingest/core/logger.js';
import { runIngest, type IngestReport } from '../../../ingest/pipeline/runIngest.js';
import type { LiveIndex } from '../../../retrieval/open/liveIndex.js';
import type { Metrics } from '../../../ingest/core/metrics/createMetrics.js';

export type ReingestRunner = {
  /**
   * Starts an incremental ingest and, once committed, switches the live index to it. Throws
   * REINGEST_RUNNING synchronously when one is already running in this process, so the caller
   * can refuse before acknowledging anything; rejects with INGEST_RUNNING (naming its pid and
   * host) when another process is ingesting into the same index — /reingest does not queue, the
   * admin is told at once and can try again.
   */
  start(): Promise<IngestReport>;
};

export type ReingestDependencies = { embedder: Embedder; live: LiveIndex; logger: Logger; metrics: Pick<Metrics, 'recordIngestRun'> };

export function createReingestRunner(config: PipelineConfig, { embedder, live, logger, metrics }: ReingestDependencies): ReingestRunner {
  let running = false;
  return {
    start() {
      if (running) throw createError('REINGEST_RUNNING');
      running = true;
      return (async () => {
        const began = performance.now();
        try {
          const report = await runIngest(config, { embedder, logger, lockWaitMs: 0 });
          metrics.recordIngestRun(report.seconds, report.generation ? 'committed' : 'unchanged');
          logger.info(formatIngestReport(report, config.indexDir));
          await live.refresh();
          return report;
        } catch (error) {
          metrics.recordIngestRun((performance.now() - began) / 1000, 'failed');
          throw error;
        } finally {
          running = false;
        }
      })();
    },
  };
}
