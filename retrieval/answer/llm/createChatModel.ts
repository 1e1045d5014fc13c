import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import { ChatOllama } from '@langchain/ollama';
import { ChatOpenAI } from '@langchain/openai';
import { UNUSED_API_KEY } from '../../../ingest/embed/createOpenAIEmbeddings.js';
import { retryTransientFailures } from '../../../ingest/embed/providers/providerErrors.js';
import { createTimedFetch } from '../../../ingest/embed/providers/timedFetch.js';
import type { LlmSettings } from './answerConfig.js';
import { groundedAnswerJsonSchema } from './groundedAnswerSchema.js';

/** Retries are for failures before the answer starts streaming; the overall timeout bounds them. */
const MAX_RETRIES = 2;

/**
 * The configured chat model, with its output constrained to the grounded-answer JSON schema
 * where the provider can do that (Ollama `format`, OpenAI `response_format`), at temperature 0
 * so the same passages give the same answer.
 */
export function createChatModel(settings: LlmSettings): BaseChatModel {
  if (settings.provider === 'ollama') {
    return new ChatOllama({
      model: settings.model,
      baseUrl: settings.baseUrl ?? undefined,
      format: groundedAnswerJsonSchema,
      temperature: 0,
      maxRetries: MAX_RETRIES,
      onFailedAttempt: retryTransientFailures,
      // The ollama client has no deadline of its own; without one a stalled server keeps the socket open.
      fetch: createTimedFetch(settings.timeoutMs),
    });
  }
  return new ChatOpenAI({
    model: settings.model,
    apiKey: settings.apiKey ?? UNUSED_API_KEY,
    ...(settings.baseUrl ? { configuration: { baseURL: settings.baseUrl } } : {}),
    temperature: 0,
    maxRetries: MAX_RETRIES,
    onFailedAttempt: retryTransientFailures,
    timeout: settings.timeoutMs,
    modelKwargs: {
      response_format: { type: 'json_schema', json_schema: { name: 'grounded_answer', strict: true, schema: groundedAnswerJsonSchema } },
    },
  });
}
