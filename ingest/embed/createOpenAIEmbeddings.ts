import { OpenAIEmbeddings } from '@langchain/openai';
import { z } from 'zod';
import { CheckedEmbeddings } from './checkedEmbeddings.js';
import type { EmbeddingsConfig, RemoteSettings } from './embeddingsConfig.js';
import { retryTransientFailures } from './providers/providerErrors.js';

/**
 * Local OpenAI-compatible servers (llama.cpp, vLLM, LM Studio) ignore the key, but the openai SDK
 * refuses to start without one.
 */
export const UNUSED_API_KEY = 'unused';

const replySchema = z.object({ data: z.array(z.object({ index: z.number().int().nonnegative(), embedding: z.unknown() })) });

/**
 * LangChain's OpenAIEmbeddings (its client, retries and concurrency limit) with the reply checked
 * before it is unpacked: LangChain reads `data[j].embedding` blindly, so a short reply would end
 * in a TypeError, and it trusts the order where the API specifies `index`. The vectors
 * themselves are checked by CheckedEmbeddings.
 */
class IndexedOpenAIEmbeddings extends OpenAIEmbeddings {
  override async embedDocuments(texts: string[]): Promise<number[][]> {
    const reply = await this.embeddingWithRetry({
      model: this.model,
      input: this.stripNewLines ? texts.map((t) => t.replace(/\n/g, ' ')) : texts,
      ...(this.dimensions ? { dimensions: this.dimensions } : {}),
      // The SDK otherwise asks for base64 and decodes it blindly: a compatible server that ignores
      // the request and sends plain arrays would yield garbage vectors. Plain floats can be checked.
      encoding_format: 'float',
    });
    const parsed = replySchema.safeParse(reply);
    if (!parsed.success) throw new Error('invalid response: expected {"data": [{"index", "embedding"}, …]}');
    // Unchecked numbers, typed as the interface demands: CheckedEmbeddings validates them next.
    return parsed.data.data.toSorted((a, b) => a.index - b.index).map((item) => item.embedding as number[]);
  }

  override async embedQuery(text: string): Promise<number[]> {
    const [vector] = await this.embedDocuments([text]);
    return vector!;
  }
}

/**
 * Embeddings from OpenAI or any OpenAI-compatible server (`POST {base}/embeddings`): batches of
 * `batchSize`, at most `concurrency` requests at once, retries on 429/5xx/timeouts with
 * exponential backoff.
 */
export function createOpenAIEmbeddings(
  settings: EmbeddingsConfig['openai'],
  remote: RemoteSettings,
  dimensions: number | null,
): CheckedEmbeddings {
  const inner = new IndexedOpenAIEmbeddings({
    model: settings.model,
    apiKey: settings.apiKey ?? UNUSED_API_KEY,
    ...(settings.baseUrl ? { configuration: { baseURL: settings.baseUrl } } : {}),
    ...(settings.dimensions ? { dimensions: settings.dimensions } : {}),
    maxConcurrency: remote.concurrency,
    maxRetries: remote.maxRetries,
    onFailedAttempt: retryTransientFailures,
    timeout: remote.timeoutMs,
  });
  const where = settings.baseUrl ?? 'api.openai.com';
  return new CheckedEmbeddings(inner, {
    label: `openai ${settings.model} at ${where}`,
    batchSize: remote.batchSize,
    dimensions: settings.dimensions ?? dimensions,
  });
}
