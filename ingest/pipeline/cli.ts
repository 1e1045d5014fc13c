import { createMetrics } from '../core/metrics/createMetrics.js';
import { loadMetricsConfig } from '../core/metrics/loadMetricsConfig.js';
import { serveMetrics } from '../core/metrics/serveMetrics.js';
import { loadPipelineConfig, type PipelineConfig } from '../core/config.js';
import type { Embedder } from '../embed/createEmbedder.js';
import { createEmbedderSource } from '../embed/createEmbedderSource.js';
import { loadEmbeddingsConfig } from '../embed/embeddingsConfig.js';
import type { Logger } from '../core/logger.js';
import { runCli } from '../core/runCli.js';
import { describeIndexLocation } from '../index/indexBackend.js';
import { formatIngestReport } from './formatIngestReport.js';
import { parseIngestArgs, type IngestArgs } from './parseIngestArgs.js';
import { runIngest } from './runIngest.js';
import { openSeedFolder } from './seeds/openSeedFolder.js';
import { startWatchIngest } from './watch/watchIngest.js';

/**
 * Resolves on Ctrl-C or SIGTERM. Rejects, so that the failure is logged and the exit code is 1,
 * on what would otherwise end watch mode without a word: an uncaught exception or rejection, or
 * the event loop running dry — signal listeners hold nothing open, so a watch that lost its last
 * handle used to end the process with Node's code 13 (an unsettled top-level await) and no line.
 */
function untilStopped(): Promise<void> {
  const stop = () => settle();
  const fail = (error: unknown) => settle(error);
  const ranDry = () => settle(new Error('watch mode stopped watching: nothing was left to wait for'));
  let settle: (error?: unknown) => void = () => {};
  return new Promise<void>((resolve, reject) => {
    settle = (error) => {
      // Once stopping, errors are Node's own again: none is swallowed while shutting down.
      process
        .off('SIGINT', stop)
        .off('SIGTERM', stop)
        .off('uncaughtException', fail)
        .off('unhandledRejection', fail)
        .off('beforeExit', ranDry);
      if (error === undefined) resolve();
      else reject(error);
    };
    process.on('SIGINT', stop).on('SIGTERM', stop).on('uncaughtException', fail).on('unhandledRejection', fail).on('beforeExit', ranDry);
  });
}

/** Watch mode: ingests after every settled change until Ctrl-C or SIGTERM, serving METRICS_PORT if set. */
async function watchUntilStopped(config: PipelineConfig, embedder: Embedder, logger: Logger, args: IngestArgs): Promise<void> {
  const metricsConfig = loadMetricsConfig();
  const metrics = createMetrics();
  const watch = startWatchIngest(config, { embedder, logger, metrics, debounceMs: args.debounceMs, maxWaitMs: args.maxWaitMs });
  let server: Awaited<ReturnType<typeof serveMetrics>> | null = null;
  // Whatever fails from here (METRICS_PORT taken…) stops the watch too, or its timers would keep a failed process up.
  try {
    server = metricsConfig ? await serveMetrics({ ...metricsConfig, registry: metrics.registry, health: watch.health }) : null;
    if (server && metricsConfig) logger.info(`metrics on http://${metricsConfig.host}:${server.port}/metrics`);
    await untilStopped();
    logger.info('stopping: waiting for a running ingest to finish');
  } finally {
    await watch.stop();
    await server?.close();
  }
}

/** `npm run ingest`: brings the index up to date with the seeds folder; `--watch` keeps doing so. */
async function main(logger: Logger): Promise<number> {
  const args = parseIngestArgs(process.argv.slice(2));
  const config = loadPipelineConfig();
  // A wrong SEEDS_DIR is said before an embedding model is loaded (watch mode waits for the folder instead).
  if (!args.watch) await openSeedFolder(config);
  const embedder = await createEmbedderSource(loadEmbeddingsConfig(), { logger }).forIngest();
  if (args.watch) {
    await watchUntilStopped(config, embedder, logger, args);
    return 0;
  }
  const report = await runIngest(config, { embedder, logger });
  if (!process.stderr.isTTY) logger.info('ingest finished', { ...report, skipped: report.skipped.length });
  process.stdout.write(`${formatIngestReport(report, describeIndexLocation(config))}\n`);
  return 0;
}

process.exitCode = await runCli(main, { failure: 'ingest failed' });
