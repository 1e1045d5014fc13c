import { loadPipelineConfig } from '../ingest/core/config.js';
import type { Logger } from '../ingest/core/logger.js';
import { runCli } from '../ingest/core/runCli.js';
import { createEmbedderSource } from '../ingest/embed/createEmbedderSource.js';
import { loadEmbeddingsConfig } from '../ingest/embed/embeddingsConfig.js';
import { createAnswerer } from '../retrieval/answer/llm/createAnswerer.js';
import { loadAnswerConfig } from '../retrieval/answer/llm/answerConfig.js';
import { ensureIndex } from './startup/ensureIndex.js';
import { loadStartupConfig } from './startup/loadStartupConfig.js';
import { requireLiveIndex } from './startup/requireLiveIndex.js';
import { updateIndex } from './startup/updateIndex.js';
import { createLiveIndex } from '../retrieval/open/liveIndex.js';
import { loadDiscordConfig, wantsDiscord } from './discord/config.js';
import { runConsole } from './console/runConsole.js';
import { createBotContext } from './discord/context.js';
import { loadMetricsConfig } from '../ingest/core/metrics/loadMetricsConfig.js';
import { createMetrics } from '../ingest/core/metrics/createMetrics.js';
import { sampleGauges } from './metrics/sampleGauges.js';
import { serveMetrics } from '../ingest/core/metrics/serveMetrics.js';
import { startBot } from './discord/startBot.js';
import { loadShardingPlan } from './discord/sharding/loadShardingPlan.js';
import { startShards } from './discord/sharding/startShards.js';
import { createError } from '../ingest/core/errors.js';
import { connectSharedState } from './services/connectSharedState.js';

function waitForShutdownSignal(): Promise<string> {
  return new Promise((resolve) => {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => resolve(signal));
    // A shard process whose manager died (kill -9) would otherwise stay connected with no one to stop it
    // (it may have died while this shard was still connecting: then the channel is already closed).
    if (process.send) {
      if (!process.connected) resolve('the shard manager going away');
      else process.once('disconnect', () => resolve('the shard manager going away'));
    }
  });
}

/**
 * `npm start`: brings the index up to date with the seeds (unless INGEST_ON_START=false: a
 * replica beside one ingest worker), then serves questions — on Discord when DISCORD_TOKEN is
 * set, on the console otherwise — switching to newer index generations as they are committed.
 * With SHARDS, this process is the shard manager and each shard process runs this file again as
 * one Discord shard that only reads the index.
 */
async function main(logger: Logger): Promise<number> {
  const config = loadPipelineConfig();
  // Checked before the ingest, so a configuration mistake is reported at once.
  const discord = wantsDiscord() ? loadDiscordConfig() : null;
  const sharding = loadShardingPlan();
  const { ingestOnStart } = loadStartupConfig();
  if (sharding.role === 'manager') {
    if (!discord)
      throw createError('CONFIG_INVALID', { detail: '✖ SHARDS is set but DISCORD_TOKEN is not: shards are Discord connections' });
    // The one writer at start-up: the shards then only read the index it leaves (and follow newer generations).
    // It updates without loading: the manager answers nothing, and a loaded generation is the size of the archive.
    if (ingestOnStart) await updateIndex(config, await createEmbedderSource(loadEmbeddingsConfig(), { logger }).forIngest(), logger);
    else await requireLiveIndex(config);
    const shards = await startShards(discord, sharding, { file: import.meta.filename, execArgv: process.execArgv, logger });
    logger.info(`stopping on ${await waitForShutdownSignal()}`);
    await shards.stop();
    return 0;
  }
  const answer = createAnswerer(loadAnswerConfig(), { logger });
  const metricsConfig = loadMetricsConfig();
  // Shards share a host and its METRICS_PORT: shard n serves on the port n above it.
  if (metricsConfig && sharding.role === 'shard') metricsConfig.port += sharding.id;
  const metrics = createMetrics();
  const embedder = await createEmbedderSource(loadEmbeddingsConfig(), { logger }).forIngest();
  // Without the start-up ingest, createLiveIndex loads what is live, or stops with INDEX_MISSING (run npm run ingest).
  const initial = sharding.role === 'single' && ingestOnStart ? await ensureIndex(config, embedder, logger) : undefined;
  const live = await createLiveIndex(config, embedder, logger, { initial });
  const health = () => ({ ok: true, generation: live.current().generation, passages: live.current().store.passageCount });
  const server = metricsConfig ? await serveMetrics({ ...metricsConfig, registry: metrics.registry, health }) : null;
  if (server && metricsConfig) logger.info(`metrics on http://${metricsConfig.host}:${server.port}/metrics`);
  if (sharding.role === 'shard') {
    // The IPC channel to the shard manager must not keep a shard process alive once it has stopped.
    process.channel?.unref();
    // discord.js tells the manager through process.send when this shard is ready; with the manager
    // killed that write fails (EPIPE), and the disconnect above stops the shard.
    process.on('error', (error) => logger.warn('shard manager unreachable', { error: error.message }));
  }
  if (discord) {
    // The handlers never reject; this only keeps a bug in a dependency from stopping the bot.
    process.on('unhandledRejection', (error) => logger.error('unhandled rejection', { error }));
    const shared = await connectSharedState(config, { cooldownSeconds: discord.cooldownSeconds, logger });
    const client = await startBot(
      createBotContext(discord, { pipeline: config, embedder, live, logger, metrics, answer, shared: shared?.state }),
    );
    const stopSampling = sampleGauges(metrics, { live, gatewayPing: () => client.ws.ping });
    logger.info(`stopping on ${await waitForShutdownSignal()}`);
    stopSampling();
    await client.destroy();
    await shared?.close();
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
