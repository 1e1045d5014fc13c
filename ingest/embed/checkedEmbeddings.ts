import { Embeddings, type EmbeddingsInterface } from '@langchain/core/embeddings';
import { chunkArray } from '@langchain/core/utils/chunk_array';
import { z } from 'zod';
import { createError, NewsdeskError } from '../core/errors.js';
import { describeProviderError } from './providers/providerErrors.js';

export type CheckedEmbeddingsOptions = {
  /** Names the embedder in errors: "ollama bge-m3 at http://127.0.0.1:11434". */
  label: string;
  /** Texts per provider call; the batches of one call run concurrently, up to the provider's own limit. */
  batchSize: number;
  /** Expected vector length; null learns it from the first response and holds every later one to it. */
  dimensions: number | null;
};

/** Typed arrays (the openai SDK's base64 decoding, ONNX tensors) are checked like plain arrays. */
const toPlainArray = (value: unknown) =>
  ArrayBuffer.isView(value) && !(value instanceof DataView) ? Array.from(value as Float32Array) : value;

/** zod's number() already refuses NaN and ±Infinity, which would silently poison cosine distances. */
function vectorsSchema(count: number, dimensions: number | null) {
  const numbers = z.array(z.number());
  const vector = z.preprocess(
    toPlainArray,
    dimensions === null
      ? numbers.min(1, 'expected a non-empty vector')
      : numbers.length(dimensions, `expected a vector of ${dimensions} numbers`),
  );
  return z.array(vector).length(count, `expected ${count} vector(s), one per text`);
}

function describeFirstIssue(error: z.ZodError): string {
  const issue = error.issues[0]!;
  const where = issue.path.length ? ` at [${issue.path.join('][')}]` : '';
  // zod's generic messages start "Invalid input: expected number…"; the reason already says it is invalid.
  return `${issue.message.replace(/^Invalid input: /, '')}${where}`;
}

/**
 * Wraps a provider's LangChain embeddings: cuts document lists into batches, validates every
 * response (one vector per text, the right length, finite numbers) and turns any failure into
 * an EMBEDDER_FAILED error that names the embedder and the reason.
 */
export class CheckedEmbeddings extends Embeddings {
  dimensions: number | null;

  constructor(
    private readonly inner: EmbeddingsInterface,
    private readonly options: CheckedEmbeddingsOptions,
  ) {
    // Retries and concurrency belong to the inner provider's caller; this layer only checks.
    super({ maxRetries: 0 });
    this.dimensions = options.dimensions;
  }

  get label(): string {
    return this.options.label;
  }

  async embedDocuments(texts: string[]): Promise<number[][]> {
    const batches = chunkArray(texts, this.options.batchSize);
    const results = await Promise.all(batches.map((batch) => this.check(() => this.inner.embedDocuments(batch), batch.length)));
    return results.flat();
  }

  async embedQuery(text: string): Promise<number[]> {
    const [vector] = await this.check(async () => [await this.inner.embedQuery(text)], 1);
    return vector!;
  }

  private async check(request: () => Promise<unknown>, count: number): Promise<number[][]> {
    let raw: unknown;
    try {
      raw = await request();
    } catch (error) {
      if (error instanceof NewsdeskError) throw error;
      throw createError('EMBEDDER_FAILED', { embedder: this.label, reason: describeProviderError(error) }, { cause: error });
    }
    const parsed = vectorsSchema(count, this.dimensions).safeParse(raw);
    if (!parsed.success)
      throw createError('EMBEDDER_FAILED', { embedder: this.label, reason: `invalid response: ${describeFirstIssue(parsed.error)}` });
    const vectors = parsed.data;
    const dimensions = this.dimensions ?? vectors[0]?.length ?? null;
    const odd = vectors.find((v) => v.length !== dimensions);
    if (odd)
      throw createError('EMBEDDER_FAILED', {
        embedder: this.label,
        reason: `invalid response: vectors of ${dimensions} and ${odd.length} numbers in one reply`,
      });
    this.dimensions = dimensions;
    return vectors;
  }
}
