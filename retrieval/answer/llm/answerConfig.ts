import { z } from 'zod';
import { readEnv } from '../../../ingest/core/readEnv.js';

export const DEFAULT_LLM_MODELS = { ollama: 'qwen2.5:7b', openai: 'gpt-4o-mini' } as const;
export const DEFAULT_OLLAMA_URL = 'http://127.0.0.1:11434';

const answerEnvSchema = z
  .object({
    ANSWER_MODE: z.enum(['extractive', 'llm']).default('extractive'),
    LLM_PROVIDER: z.enum(['ollama', 'openai']).default('ollama'),
    LLM_MODEL: z.string().trim().min(1).optional(),
    LLM_BASE_URL: z.url({ protocol: /^https?$/ }).optional(),
    LLM_API_KEY: z.string().trim().min(1).optional(),
    OPENAI_API_KEY: z.string().trim().min(1).optional(),
    LLM_TIMEOUT_MS: z.coerce.number().int().min(1000).max(600_000).default(60_000),
  })
  .superRefine((e, ctx) => {
    if (e.ANSWER_MODE === 'llm' && e.LLM_PROVIDER === 'openai' && !e.LLM_API_KEY && !e.OPENAI_API_KEY && !e.LLM_BASE_URL) {
      ctx.addIssue({
        code: 'custom',
        path: ['LLM_API_KEY'],
        message: 'LLM_PROVIDER=openai needs LLM_API_KEY or OPENAI_API_KEY (or LLM_BASE_URL for a local server that needs no key)',
      });
    }
  });

export type LlmSettings = {
  provider: 'ollama' | 'openai';
  model: string;
  /** Ollama server, or an OpenAI-compatible API base ("http://127.0.0.1:8080/v1"); null means api.openai.com. */
  baseUrl: string | null;
  apiKey: string | null;
  /** The whole answer, streamed to the end, must arrive within this; otherwise the extractive answer is given. */
  timeoutMs: number;
};

export type AnswerConfig = { mode: 'extractive' } | { mode: 'llm'; llm: LlmSettings };

/** Validates the answer settings in the environment; the message names every bad variable. */
export function loadAnswerConfig(env: NodeJS.ProcessEnv = process.env): AnswerConfig {
  const e = readEnv(answerEnvSchema, env);
  if (e.ANSWER_MODE === 'extractive') return { mode: 'extractive' };
  const provider = e.LLM_PROVIDER;
  return {
    mode: 'llm',
    llm: {
      provider,
      model: e.LLM_MODEL ?? DEFAULT_LLM_MODELS[provider],
      baseUrl: e.LLM_BASE_URL ?? (provider === 'ollama' ? DEFAULT_OLLAMA_URL : null),
      apiKey: e.LLM_API_KEY ?? e.OPENAI_API_KEY ?? null,
      timeoutMs: e.LLM_TIMEOUT_MS,
    },
  };
}
