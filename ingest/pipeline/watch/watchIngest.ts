import type { Metrics } from '../../core/metrics/createMetrics.js';
import type { HealthReport } from '../../core/metrics/serveMetrics.js';
import type { PipelineConfig } from '../../core/config.js';
import { isUserFacingError } from '../../core/errors.js';
import { describeIndexLocation } from '../../index/indexBackend.js';
import { formatIngestReport } from '../formatIngestReport.js';
import { runIngest, type IngestOptions, type WarmStore } from '../runIngest.js';
import { scheduleRuns } from './scheduleRuns.js';
import { watchSeeds } from './watchSeeds.js';

export type WatchIngestOptions = IngestOptions & {
  metrics: Pick<Metrics, 'recordIngestRun' | 'setIndexSize'>;
  /** Quiet time after the last change before a run starts. */
  debounceMs: number;
  /** Longest wait after the first change of a burst that never settles. */
  maxWaitMs: number;
  /** How often to list the folder when it cannot be watched. */
  pollMs?: number;
  /** How often to check that the folder is still there (and, once gone, whether it is back). */
  checkMs?: number;
};

export type IngestWatch = {
  /** For `/healthz`: unhealthy while the last run failed. */
  health(): HealthReport;
  /** Resolves once no run is running or scheduled (for tests and orderly shutdown). */
  idle(): Promise<void>;
  /** Stops watching and waits for a running ingest to finish. */
  stop(): Promise<void>;
};

type LastRun = { at: string; seconds: number } & ({ ok: true; generation: string | null } | { ok: false; error: string });

/**
 * `npm run ingest -- --watch`: an ingest now, then one after every settled burst of changes
 * under SEEDS_DIR. Each run is incremental (unchanged files are not even read) and commits a
 * new generation only when something changed, which running bots then pick up by themselves.
 */
export function startWatchIngest(config: PipelineConfig, options: WatchIngestOptions): IngestWatch {
  const { logger, metrics } = options;
  // The index stays in memory between runs: a run after a small change then costs what changed, not a reload.
  const warm: WarmStore = { store: null, generation: null };
  let runs = 0;
  let lastRun: LastRun | null = null;

  const ingestOnce = async () => {
    const began = performance.now();
    const at = new Date().toISOString();
    runs += 1;
    try {
      const report = await runIngest(config, { ...options, warm });
      metrics.recordIngestRun(report.seconds, report.generation ? 'committed' : 'unchanged');
      metrics.setIndexSize({ passages: report.passages, articles: report.articles });
      logger.info(formatIngestReport(report, describeIndexLocation(config)), {
        run: runs,
        generation: report.generation,
        skipped: report.skipped.length,
      });
      lastRun = { at, seconds: report.seconds, ok: true, generation: report.generation };
    } catch (error) {
      const seconds = (performance.now() - began) / 1000;
      // The failed run may have changed the store half-way: the next one reads the index back.
      warm.store = null;
      metrics.recordIngestRun(seconds, 'failed');
      if (isUserFacingError(error)) logger.error(error.message, { code: error.code, run: runs });
      else logger.error('ingest failed; the index in use is unchanged, and the next change retries', { error, run: runs });
      lastRun = { at, seconds, ok: false, error: (error as Error).message };
    }
  };

  const scheduler = scheduleRuns(ingestOnce, { debounceMs: options.debounceMs, maxWaitMs: options.maxWaitMs });
  const watcher = watchSeeds(config.seedsDir, () => scheduler.notify(), {
    logger,
    ...(options.pollMs ? { pollMs: options.pollMs } : {}),
    ...(options.checkMs ? { checkMs: options.checkMs } : {}),
  });
  logger.info(`watching ${config.seedsDir}; changes are ingested ${options.debounceMs} ms after they settle`);
  scheduler.notify();

  return {
    health: () => ({ ok: lastRun?.ok ?? true, runs, lastRun }),
    idle: () => scheduler.idle(),
    stop: async () => {
      watcher.close();
      await scheduler.close();
    },
  };
}
