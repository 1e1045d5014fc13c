import type { PipelineConfig } from '../../ingest/core/config.js';
import type { Embedder } from '../../ingest/embed/createEmbedder.js';
import type { Logger } from '../../ingest/core/logger.js';
import type { Metrics } from '../../ingest/core/metrics/createMetrics.js';
import type { Answer } from '../../retrieval/answer/answerQuestion.js';
import { createAnswerer, type Answerer } from '../../retrieval/answer/llm/createAnswerer.js';
import type { LiveIndex } from '../../retrieval/open/liveIndex.js';
import type { SourceFilter } from '../../retrieval/listSources.js';
import type { DiscordConfig } from './config.js';
import { createConversations, type Conversations } from './services/createConversations.js';
import { createCooldowns, type Cooldowns } from '../services/createCooldowns.js';
import type { SharedState } from '../services/openSharedState.js';
import { createRecentCache, type RecentCache } from './services/createRecentCache.js';
import { createReingestRunner, type ReingestRunner } from './services/createReingestRunner.js';

/** What every command, button and event handler may use; built once at start-up. */
export type BotContext = {
  config: DiscordConfig;
  live: LiveIndex;
  logger: Logger;
  /** The process's metrics (one registry, served on METRICS_PORT by the entry point). */
  metrics: Metrics;
  /** Writes answers the configured way (ANSWER_MODE): extractive, or by a language model. */
  answer: Answerer;
  cooldowns: Cooldowns;
  /** Answers still reachable from their Passages and 👍/👎 buttons. */
  answers: RecentCache<Answer>;
  /** Filters of `/sources` listings still reachable from their page buttons. */
  sourceListings: RecentCache<SourceFilter>;
  /** The questions asked in each answer thread, for its follow-ups. */
  conversations: Conversations;
  reingest: ReingestRunner;
};

const BUTTON_LIFETIME_MS = 24 * 60 * 60 * 1000;

/** What the bot is built from: the settings, and the dependencies its entry point created once. */
export type BotDependencies = {
  pipeline: PipelineConfig;
  embedder: Embedder;
  live: LiveIndex;
  logger: Logger;
  metrics: Metrics;
  /** Extractive answers unless given. */
  answer?: Answerer;
  /** Cooldowns and the /reingest job shared with the other bot processes (INDEX_URL); this process's own otherwise. */
  shared?: SharedState;
};

export function createBotContext(
  config: DiscordConfig,
  { pipeline, embedder, live, logger, metrics, answer, shared }: BotDependencies,
): BotContext {
  return {
    config,
    live,
    logger,
    metrics,
    answer: answer ?? createAnswerer({ mode: 'extractive' }, { logger }),
    cooldowns: shared?.cooldowns ?? createCooldowns(config.cooldownSeconds),
    answers: createRecentCache({ max: 2000, ttlMs: BUTTON_LIFETIME_MS }),
    sourceListings: createRecentCache({ max: 500, ttlMs: BUTTON_LIFETIME_MS }),
    conversations: createConversations({ maxThreads: 1000, maxTurns: 5, ttlMs: BUTTON_LIFETIME_MS }),
    reingest: createReingestRunner(pipeline, { embedder, live, logger, metrics, jobLock: shared?.reingestLock }),
  };
}
