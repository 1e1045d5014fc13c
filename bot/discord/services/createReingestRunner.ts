import type { PipelineConfig } from '../../../ingest/core/config.js';
import type { Embedder } from '../../../ingest/embed/createEmbedder.js';
import { createError } from '../../../ingest/core/errors.js';
import { formatIngestReport } from '../../../ingest/pipeline/formatIngestReport.js';
import { describeIndexLocation } from '../../../ingest/index/indexBackend.js';
import type { Logger } from '../../../ingest/core/logger.js';
import { runIngest, type IngestReport } from '../../../ingest/pipeline/runIngest.js';
import type { LiveIndex } from '../../../retrieval/open/liveIndex.js';
import type { Metrics } from '../../../ingest/core/metrics/createMetrics.js';
import type { JobLock } from '../../services/createJobLock.js';

export type ReingestRunner = {
  /**
   * Starts an incremental ingest and, once committed, switches the live index to it. Throws
   * REINGEST_RUNNING synchronously when one is already running in this process, so the caller
   * can refuse before acknowledging anything; rejects with REINGEST_RUNNING when another bot
   * process on the same index database holds the re-ingest job, and with INGEST_RUNNING (naming
   * its pid and host) when another process is ingesting into the same index — /reingest does not
   * queue, the admin is told at once and can try again.
   */
  start(): Promise<IngestReport>;
};

export type ReingestDependencies = {
  embedder: Embedder;
  live: LiveIndex;
  logger: Logger;
  metrics: Pick<Metrics, 'recordIngestRun'>;
  /** Shared by every bot process on INDEX_URL's database; without one, only this process is checked (and the index's writer lock). */
  jobLock?: JobLock;
};

export function createReingestRunner(
  config: PipelineConfig,
  { embedder, live, logger, metrics, jobLock }: ReingestDependencies,
): ReingestRunner {
  let running = false;

  const ingest = async (): Promise<IngestReport> => {
    const began = performance.now();
    try {
      const report = await runIngest(config, { embedder, logger, lockWaitMs: 0 });
      metrics.recordIngestRun(report.seconds, report.generation ? 'committed' : 'unchanged');
      logger.info(formatIngestReport(report, describeIndexLocation(config)));
      await live.refresh();
      return report;
    } catch (error) {
      metrics.recordIngestRun((performance.now() - began) / 1000, 'failed');
      throw error;
    }
  };

  return {
    start() {
      if (running) throw createError('REINGEST_RUNNING');
      running = true;
      return (async () => {
        try {
          if (!jobLock) return await ingest();
          const outcome = await jobLock.runExclusive(ingest);
          if (outcome.ran) return outcome.value;
          logger.info('/reingest refused: another bot process runs it', { ...outcome.holder });
          throw createError('REINGEST_RUNNING');
        } finally {
          running = false;
        }
      })();
    },
  };
}
