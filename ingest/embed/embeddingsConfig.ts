import { homedir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { z } from 'zod';
import { readEnv } from '../core/readEnv.js';

/** Which embedder to use; `auto` picks the transformers model when it can be loaded, else offline. */
export const EMBEDDING_PROVIDERS = ['auto', 'offline', 'transformers', 'ollama', 'openai'] as const;
export type EmbeddingProviderSetting = (typeof EMBEDDING_PROVIDERS)[number];

export const DEFAULT_TRANSFORMERS_MODEL = 'Xenova/multilingual-e5-small';
export const DEFAULT_OLLAMA_MODEL = 'bge-m3';
export const DEFAULT_OPENAI_MODEL = 'text-embedding-3-small';
const DEFAULT_HUB = 'https://huggingface.co/';

/** The ONNX weight variants transformers.js can load (a file-name suffix in the model's onnx/ folder). */
export const TRANSFORMERS_DTYPES = ['fp32', 'fp16', 'q8', 'int8', 'uint8', 'q4', 'q4f16', 'bnb4'] as const;
export type TransformersDtype = (typeof TRANSFORMERS_DTYPES)[number];

const count = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

const embeddingsEnvSchema = z
  .object({
    EMBEDDINGS: z.enum(EMBEDDING_PROVIDERS).default('auto'),
    EMBEDDINGS_MODEL: z.string().trim().min(1).optional(),
    EMBEDDINGS_MODEL_PATH: z.string().trim().min(1).optional(),
    // q8 is a quarter of fp32's download (118 MB instead of 470 MB for the default model) at a small cost in quality.
    EMBEDDINGS_DTYPE: z.enum(TRANSFORMERS_DTYPES).default('q8'),
    EMBEDDINGS_CACHE_DIR: z.string().trim().min(1).optional(),
    XDG_CACHE_HOME: z.string().trim().min(1).optional(),
    HF_ENDPOINT: z.url({ protocol: /^https?$/ }).optional(),
    EMBEDDINGS_PROBE_TIMEOUT_MS: count(100, 60_000).default(3_000),
    OLLAMA_BASE_URL: z.url({ protocol: /^https?$/ }).default('http://127.0.0.1:11434'),
    OPENAI_BASE_URL: z.url({ protocol: /^https?$/ }).optional(),
    OPENAI_API_KEY: z.string().trim().min(1).optional(),
    EMBEDDINGS_DIMENSIONS: count(1, 65_536).optional(),
    EMBEDDINGS_BATCH_SIZE: count(1, 2048).default(32),
    EMBEDDINGS_CONCURRENCY: count(1, 64).default(2),
    EMBEDDINGS_MAX_RETRIES: count(0, 10).default(3),
    EMBEDDINGS_TIMEOUT_MS: count(100, 3_600_000).default(120_000),
  })
  .superRefine((e, ctx) => {
    if (e.EMBEDDINGS === 'openai' && !e.OPENAI_API_KEY && !e.OPENAI_BASE_URL) {
      ctx.addIssue({
        code: 'custom',
        path: ['OPENAI_API_KEY'],
        message: 'EMBEDDINGS=openai needs OPENAI_API_KEY (or OPENAI_BASE_URL for a local server that needs no key)',
      });
    }
    if (e.EMBEDDINGS_MODEL_PATH && e.EMBEDDINGS !== 'auto' && e.EMBEDDINGS !== 'transformers') {
      ctx.addIssue({
        code: 'custom',
        path: ['EMBEDDINGS_MODEL_PATH'],
        message: `is only used with EMBEDDINGS=transformers or auto, not ${e.EMBEDDINGS}`,
      });
    }
  });

export type TransformersSettings = {
  /** Hub id, or the name the index records for a model loaded from `modelPath`. */
  model: string;
  /** A local model directory (config.json, tokenizer files, onnx/); loaded without any network. */
  modelPath: string | null;
  dtype: TransformersDtype;
  cacheDir: string;
  /** Where models are downloaded from (a Hugging Face Hub or a mirror), ending in "/". */
  hubUrl: string;
  /** How long `auto` waits for the hub before falling back to the offline embedder. */
  probeTimeoutMs: number;
};

/** Batching, concurrency, retries and timeouts for embedders behind HTTP. */
export type RemoteSettings = { batchSize: number; concurrency: number; maxRetries: number; timeoutMs: number };

export type EmbeddingsConfig = {
  provider: EmbeddingProviderSetting;
  transformers: TransformersSettings;
  ollama: { baseUrl: string; model: string };
  openai: { baseUrl: string | null; apiKey: string | null; model: string; dimensions: number | null };
  remote: RemoteSettings;
};

/** Validates the embedder settings in the environment; the message names every bad variable. */
export function loadEmbeddingsConfig(env: NodeJS.ProcessEnv = process.env): EmbeddingsConfig {
  const e = readEnv(embeddingsEnvSchema, env);
  /** EMBEDDINGS_MODEL names the model of the chosen provider (for auto: the transformers model). */
  const configuredModel = (...providers: EmbeddingProviderSetting[]) => (providers.includes(e.EMBEDDINGS) ? e.EMBEDDINGS_MODEL : undefined);
  const hub = e.HF_ENDPOINT ?? DEFAULT_HUB;
  const modelPath = e.EMBEDDINGS_MODEL_PATH ? resolve(e.EMBEDDINGS_MODEL_PATH) : null;
  return {
    provider: e.EMBEDDINGS,
    transformers: {
      model: configuredModel('auto', 'transformers') ?? (modelPath ? basename(modelPath) : DEFAULT_TRANSFORMERS_MODEL),
      modelPath,
      dtype: e.EMBEDDINGS_DTYPE,
      cacheDir: resolve(e.EMBEDDINGS_CACHE_DIR ?? join(e.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'newsdesk', 'models')),
      hubUrl: hub.endsWith('/') ? hub : `${hub}/`,
      probeTimeoutMs: e.EMBEDDINGS_PROBE_TIMEOUT_MS,
    },
    ollama: { baseUrl: e.OLLAMA_BASE_URL, model: configuredModel('ollama') ?? DEFAULT_OLLAMA_MODEL },
    openai: {
      baseUrl: e.OPENAI_BASE_URL ?? null,
      apiKey: e.OPENAI_API_KEY ?? null,
      model: configuredModel('openai') ?? DEFAULT_OPENAI_MODEL,
      dimensions: e.EMBEDDINGS_DIMENSIONS ?? null,
    },
    remote: {
      batchSize: e.EMBEDDINGS_BATCH_SIZE,
      concurrency: e.EMBEDDINGS_CONCURRENCY,
      maxRetries: e.EMBEDDINGS_MAX_RETRIES,
      timeoutMs: e.EMBEDDINGS_TIMEOUT_MS,
    },
  };
}
