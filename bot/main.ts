import { loadPipelineConfig } from '../ingest/core/config.js';
import type { Logger } from '../ingest/core/logger.js';
import { runCli } from '../ingest/core/runCli.js';
import { createEmbedderSource } from '../ingest/embed/createEmbedderSource.js';
import { loadEmbeddingsConfig } from '../ingest/embed/embeddingsConfig.js';
import { createAnswerer } from '../retrieval/answer/llm/createAnswerer.js';
import { loadAnswerConfig } from '../retrieval/answer/llm/answerConfig.js';
import { ensureIndex } from './startup/ensureIndex.js';
import { createLiveIndex } from '../retrieval/open/liveIndex.js';
import { loadDiscordConfig, wantsDiscord } from './discord/config.js';
import { runConsole } from './console/runConsole.js';
import { createBotContext } from './discord/context.js';
import { loadMetricsConfig } from '../ingest/core/metrics/loadMetricsConfig.js';
import { createMetrics } from '../ingest/core/metrics/createMetrics.js';
import { sampleGauges } from './metrics/sampleGauges.js';
import { serveMetrics } from '../ingest/core/metrics/serveMetrics.js';
import { startBot } from './discord/startBot.js';

function waitForShutdownSignal(): Promise<string> {
  return new Promise((resolve) => {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => resolve(signal));
  });
}

/**
 * `npm start`: brings the index up to date with the seeds, then serves questions — on Discord
 * when DISCORD_TOKEN is set, on the console otherwise — switching to newer index generations
 * as they are committed.
 */
async function main(logger: Logger): Promise<number> {
  const config = loadPipelineConfig();
  // Checked before the ingest, so a configuration mistake is reported at once.
  const discord = wantsDiscord() ? loadDiscordConfig() : null;
  const answer = createAnswerer(loadAnswerConfig(), { logger });
  const metricsConfig = loadMetricsConfig();
  const metrics = createMetrics();
  const embedder = await createEmbedderSource(loadEmbeddingsConfig(), { logger }).forIngest();
  const live = await createLiveIndex(config, embedder, logger, { initial: await ensureIndex(config, embedder, logger) });
  const health = () => ({ ok: true, generation: live.current().generation, passages: live.current().store.passageCount });
  const server = metricsConfig ? await serveMetrics({ ...metricsConfig, registry: metrics.registry, health }) : null;
  if (server && metricsConfig) logger.info(`metrics on http://${metricsConfig.host}:${server.port}/metrics`);
  if (discord) {
    // The handlers never reject; this only keeps a bug in a dependency from stopping the bot.
    process.on('unhandledRejection', (error) => logger.error('unhandled rejection', { error }));
    const client = await startBot(createBotContext(discord, { pipeline: config, embedder, live, logger, metrics, answer }));
    const stopSampling = sampleGauges(metrics, { live, gatewayPing: () => client.ws.ping });
    logger.info(`stopping on ${await waitForShutdownSignal()}`);
    stopSampling();
    await client.destroy();
  } else {
    const stopSampling = sampleGauges(metrics, { live });
    await runConsole(() => live.current(), {
      input: process.stdin,
      output: process.stdout,
      logger,
      metrics,
      prompt: process.stdin.isTTY,
      answer,
    });
    stopSampling();
  }
  await server?.close();
  live.close();
  return 0;
}

process.exitCode = await runCli(main, { failure: 'newsdesk failed' });
