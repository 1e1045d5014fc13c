import { OllamaEmbeddings } from '@langchain/ollama';
import { CheckedEmbeddings } from './checkedEmbeddings.js';
import type { EmbeddingsConfig, RemoteSettings } from './embeddingsConfig.js';
import { retryTransientFailures } from './providers/providerErrors.js';
import { createTimedFetch } from './providers/timedFetch.js';

/**
 * Embeddings from an Ollama server (`POST /api/embed`) through LangChain's OllamaEmbeddings,
 * which sends a whole list per request: CheckedEmbeddings cuts it into batches, the caller
 * limits how many run at once and retries 429/5xx/timeouts with exponential backoff.
 */
export function createOllamaEmbeddings(
  settings: EmbeddingsConfig['ollama'],
  remote: RemoteSettings,
  dimensions: number | null,
): CheckedEmbeddings {
  const inner = new OllamaEmbeddings({
    model: settings.model,
    baseUrl: settings.baseUrl,
    maxConcurrency: remote.concurrency,
    maxRetries: remote.maxRetries,
    onFailedAttempt: retryTransientFailures,
    // The ollama client sets no deadline of its own: a stalled server would hang ingest forever.
    fetch: createTimedFetch(remote.timeoutMs),
  });
  return new CheckedEmbeddings(inner, {
    label: `ollama ${settings.model} at ${settings.baseUrl}`,
    batchSize: remote.batchSize,
    dimensions,
  });
}
