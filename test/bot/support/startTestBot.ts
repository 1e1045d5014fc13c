import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Client } from 'discord.js';
import { afterAll, beforeAll, expect } from 'vitest';
import { loadDiscordConfig } from '../../../bot/discord/config.js';
import { createBotContext, type BotContext } from '../../../bot/discord/context.js';
import { startBot } from '../../../bot/discord/startBot.js';
import type { SharedState } from '../../../bot/services/openSharedState.js';
import type { PipelineConfig } from '../../../ingest/core/config.js';
import { createMetrics } from '../../../ingest/core/metrics/createMetrics.js';
import { createOfflineEmbedder } from '../../../ingest/embed/createEmbedder.js';
import { runIngest } from '../../../ingest/pipeline/runIngest.js';
import type { Answerer } from '../../../retrieval/answer/llm/createAnswerer.js';
import { createLiveIndex, type LiveIndex } from '../../../retrieval/open/liveIndex.js';
import { createMemoryLogger, createTempWorkspace, type TempWorkspace } from '../../helpers/tempWorkspace.js';
import { startFakeDiscord, type FakeDiscord } from './fakeDiscord.js';
import { waitFor } from './fixtures.js';

/** Looks like a bot token, so a test can tell whether it ever reaches a log line. */
export const TEST_TOKEN = 'MTIzNDU2Nzg5MDEyMzQ1Njc4.Gfake.secret-test-token-value';

export type TestBot = {
  fake: FakeDiscord;
  client: Client;
  context: BotContext;
  workspace: TempWorkspace;
  live: LiveIndex;
  logger: ReturnType<typeof createMemoryLogger>;
  /** When true, every access to the index throws, to exercise the error boundary. */
  breakIndex(broken: boolean): void;
  stop(): Promise<void>;
};

/**
 * Starts a test bot before the suite's tests and stops it after them, checking that every request
 * the bot made was to a route Discord has (the fake answers 404 otherwise). Call the returned
 * function inside a test to get the bot.
 */
export function useTestBot(options?: Parameters<typeof startTestBot>[0]): () => TestBot {
  let bot: TestBot | undefined;
  beforeAll(async () => {
    bot = await startTestBot(options);
  });
  afterAll(async () => {
    if (!bot) return;
    await bot.stop();
    expect(bot.fake.unmatched.map((r) => `${r.method} ${r.path}`)).toEqual([]);
  });
  return () => {
    if (!bot) throw new Error('the test bot did not start');
    return bot;
  };
}

/**
 * The real bot (`startBot`, the real discord.js client) connected to a fake Discord on
 * 127.0.0.1, answering from a real index built from copies of the seeds in a temp directory.
 */
export async function startTestBot({
  env = () => ({}),
  pipeline = {},
  extraSeeds = {},
  answer,
  shared,
}: {
  /** Environment for `loadDiscordConfig`, given the fake's ids (channels, guild). */
  env?: (ids: FakeDiscord['ids']) => Record<string, string>;
  pipeline?: Partial<PipelineConfig>;
  /** Seed files (name → content) added to the copies of the project's seeds before the first ingest. */
  extraSeeds?: Record<string, string>;
  /** Replaces the default (extractive) answerer, e.g. with a language model. */
  answer?: Answerer;
  /** State shared with other bot processes (cooldowns, the /reingest job), as with INDEX_URL; this process's own when not given. */
  shared?: () => Promise<SharedState>;
} = {}): Promise<TestBot> {
  const workspace = await createTempWorkspace(pipeline);
  for (const [name, content] of Object.entries(extraSeeds)) await writeFile(join(workspace.config.seedsDir, name), content);
  const logger = createMemoryLogger();
  const embedder = createOfflineEmbedder();
  await runIngest(workspace.config, { embedder, logger });
  const live = await createLiveIndex(workspace.config, embedder, logger, { pollMs: 60_000 });
  const fake = await startFakeDiscord();
  const config = loadDiscordConfig({
    DISCORD_TOKEN: TEST_TOKEN,
    DISCORD_CLIENT_ID: fake.ids.application,
    DISCORD_API_BASE: fake.apiBase,
    FEEDBACK_LOG: join(workspace.root, 'var', 'feedback.jsonl'),
    COVERAGE_GAP_LOG: join(workspace.root, 'var', 'coverage-gaps.jsonl'),
    ASK_COOLDOWN_SECONDS: '30',
    ...env(fake.ids),
  });
  let broken = false;
  const context = createBotContext(config, {
    pipeline: workspace.config,
    embedder,
    live,
    logger,
    metrics: createMetrics({ processMetrics: false }),
    answer,
    shared: shared ? await shared() : undefined,
  });
  context.live = {
    ...live,
    current: () => {
      if (broken) throw new Error('index storage unavailable');
      return live.current();
    },
  };
  const client = await startBot(context);
  await waitFor(() => client.isReady());
  return {
    fake,
    client,
    context,
    workspace,
    live,
    logger,
    breakIndex: (value) => {
      broken = value;
    },
    stop: async () => {
      await client.destroy();
      live.close();
      await fake.close();
      await workspace.cleanup();
    },
  };
}
