import { describe, expect, it } from 'vitest';
import { loadDiscordConfig } from '../../../bot/discord/config.js';
import { loadStartupConfig } from '../../../bot/startup/loadStartupConfig.js';
import { loadPipelineConfig } from '../../../ingest/core/config.js';
import { NewsdeskError } from '../../../ingest/core/errors.js';
import { loadLogLevel } from '../../../ingest/core/logger.js';
import { loadMetricsConfig } from '../../../ingest/core/metrics/loadMetricsConfig.js';
import { loadEmbeddingsConfig } from '../../../ingest/embed/embeddingsConfig.js';
import { loadAnswerConfig } from '../../../retrieval/answer/llm/answerConfig.js';

type Env = Record<string, string>;
type DefaultCase = { variable: string; load: (env: Env) => unknown; base: Env; expected: unknown };

/** The rows of one settings loader: each optional variable, where its value lands in the result, and what its default gives. */
function defaultsOf<Result>(
  load: (env: Env) => Result,
  base: Env,
  table: Record<string, [pick: (result: Result) => unknown, expected: unknown]>,
): DefaultCase[] {
  return Object.entries(table).map(([variable, [pick, expected]]) => ({ variable, load: (env) => pick(load(env)), base, expected }));
}

const DISCORD_BASE = { DISCORD_TOKEN: 'token', DISCORD_CLIENT_ID: '123456789012345678' };

/** Every optional variable of every settings schema. */
const defaults: DefaultCase[] = [
  ...defaultsOf(
    loadPipelineConfig,
    {},
    {
      SEEDS_DIR: [(c) => c.seedsDir, 'seeds'],
      INDEX_DIR: [(c) => c.indexDir, '.index'],
      PASSAGE_MAX_CHARS: [(c) => c.passageMaxChars, 700],
      PASSAGE_OVERLAP_CHARS: [(c) => c.passageOverlapChars, 150],
      MAX_SEED_BYTES: [(c) => c.maxSeedBytes, 10 * 1024 * 1024],
      SEEDS_FOLLOW_SYMLINKS: [(c) => c.followSymlinks, 'inside'],
      INDEX_URL: [(c) => c.indexUrl, undefined],
      INDEX_POOL_SIZE: [(c) => c.indexPoolSize, 4],
    },
  ),
  ...defaultsOf(loadLogLevel, {}, { LOG_LEVEL: [(level) => level, 'info'] }),
  ...defaultsOf(loadStartupConfig, {}, { INGEST_ON_START: [(c) => c.ingestOnStart, true] }),
  ...defaultsOf(
    loadMetricsConfig,
    { METRICS_PORT: '9464' },
    {
      METRICS_HOST: [(c) => c?.host, '127.0.0.1'],
      METRICS_PORT: [(c) => c, null],
    },
  ),
  ...defaultsOf(
    loadEmbeddingsConfig,
    {},
    {
      EMBEDDINGS: [(c) => c.provider, 'auto'],
      EMBEDDINGS_MODEL: [(c) => c.transformers.model, 'Xenova/multilingual-e5-small'],
      EMBEDDINGS_MODEL_PATH: [(c) => c.transformers.modelPath, null],
      EMBEDDINGS_DTYPE: [(c) => c.transformers.dtype, 'q8'],
      HF_ENDPOINT: [(c) => c.transformers.hubUrl, 'https://huggingface.co/'],
      EMBEDDINGS_PROBE_TIMEOUT_MS: [(c) => c.transformers.probeTimeoutMs, 3000],
      OLLAMA_BASE_URL: [(c) => c.ollama.baseUrl, 'http://127.0.0.1:11434'],
      OPENAI_BASE_URL: [(c) => c.openai.baseUrl, null],
      OPENAI_API_KEY: [(c) => c.openai.apiKey, null],
      EMBEDDINGS_DIMENSIONS: [(c) => c.openai.dimensions, null],
      EMBEDDINGS_BATCH_SIZE: [(c) => c.remote.batchSize, 32],
      EMBEDDINGS_CONCURRENCY: [(c) => c.remote.concurrency, 2],
      EMBEDDINGS_MAX_RETRIES: [(c) => c.remote.maxRetries, 3],
      EMBEDDINGS_TIMEOUT_MS: [(c) => c.remote.timeoutMs, 120_000],
    },
  ),
  ...defaultsOf(loadAnswerConfig, {}, { ANSWER_MODE: [(c) => c.mode, 'extractive'] }),
  ...defaultsOf(
    loadAnswerConfig,
    { ANSWER_MODE: 'llm' },
    {
      LLM_PROVIDER: [(c) => c.mode === 'llm' && c.llm.provider, 'ollama'],
      LLM_MODEL: [(c) => c.mode === 'llm' && c.llm.model, 'qwen2.5:7b'],
      LLM_BASE_URL: [(c) => c.mode === 'llm' && c.llm.baseUrl, 'http://127.0.0.1:11434'],
      LLM_API_KEY: [(c) => c.mode === 'llm' && c.llm.apiKey, null],
      LLM_TIMEOUT_MS: [(c) => c.mode === 'llm' && c.llm.timeoutMs, 60_000],
    },
  ),
  ...defaultsOf(loadDiscordConfig, DISCORD_BASE, {
    DISCORD_GUILD_ID: [(c) => c.guildId, null],
    DISCORD_API_BASE: [(c) => c.apiBase, 'https://discord.com/api'],
    ANSWER_CHANNEL_IDS: [(c) => c.answerChannelIds, []],
    ASK_COOLDOWN_SECONDS: [(c) => c.cooldownSeconds, 10],
    FEEDBACK_LOG: [(c) => c.feedbackLog, 'var/feedback.jsonl'],
    COVERAGE_GAP_LOG: [(c) => c.coverageGapLog, 'var/coverage-gaps.jsonl'],
  }),
];

/** A value of the wrong kind for one variable of each loader (numbers, enums, URLs, ids, required values). */
const badValues: { variable: string; value: string; load: (env: Env) => unknown; base: Env }[] = [
  { variable: 'PASSAGE_MAX_CHARS', value: 'lots', load: loadPipelineConfig, base: {} },
  { variable: 'MAX_SEED_BYTES', value: '-1', load: loadPipelineConfig, base: {} },
  { variable: 'SEEDS_FOLLOW_SYMLINKS', value: 'yes', load: loadPipelineConfig, base: {} },
  { variable: 'INDEX_URL', value: 'mysql://db.example/newsdesk', load: loadPipelineConfig, base: {} },
  { variable: 'INDEX_POOL_SIZE', value: '0', load: loadPipelineConfig, base: {} },
  { variable: 'LOG_LEVEL', value: 'verbose', load: loadLogLevel, base: {} },
  { variable: 'INGEST_ON_START', value: 'no', load: loadStartupConfig, base: {} },
  { variable: 'METRICS_PORT', value: '70000', load: loadMetricsConfig, base: {} },
  { variable: 'EMBEDDINGS', value: 'magic', load: loadEmbeddingsConfig, base: {} },
  { variable: 'OLLAMA_BASE_URL', value: 'not a url', load: loadEmbeddingsConfig, base: {} },
  { variable: 'LLM_TIMEOUT_MS', value: 'soon', load: loadAnswerConfig, base: { ANSWER_MODE: 'llm' } },
  { variable: 'DISCORD_CLIENT_ID', value: 'newsdesk', load: loadDiscordConfig, base: DISCORD_BASE },
  { variable: 'DISCORD_TOKEN', value: '   ', load: loadDiscordConfig, base: DISCORD_BASE },
];

describe('settings from the environment', () => {
  it.each(defaults)(
    'GIVEN $variable unset, empty or blank (as `.env` lines `NAME=` give) THEN its default applies',
    ({ variable, load, base, expected }) => {
      const { [variable]: _, ...unset } = base;
      expect(load(unset)).toEqual(expected);
      for (const empty of ['', '  ']) expect(load({ ...base, [variable]: empty })).toEqual(expected);
    },
  );

  it.each(badValues)('GIVEN $variable set to $value THEN the error names the variable', ({ variable, value, load, base }) => {
    let thrown: unknown;
    try {
      load({ ...base, [variable]: value });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(NewsdeskError);
    expect(thrown).toMatchObject({ code: 'CONFIG_INVALID', userFacing: true });
    expect((thrown as Error).message).toContain(variable);
  });
});
