import { Embeddings } from '@langchain/core/embeddings';
import type { FeatureExtractionPipeline } from '@huggingface/transformers';
import type { PromptPrefixes } from './transformersModel.js';

/**
 * Sentence embeddings from a local ONNX model: the model's token vectors mean-pooled over the
 * attention mask and L2-normalised (how E5 and MiniLM-style models are meant to be pooled),
 * with the model's query/passage prefixes.
 */
export class TransformersEmbeddings extends Embeddings {
  constructor(
    private readonly extractor: FeatureExtractionPipeline,
    private readonly prefixes: PromptPrefixes,
  ) {
    // One inference at a time: onnxruntime already spreads a batch over every core.
    super({ maxConcurrency: 1, maxRetries: 0 });
  }

  async embedDocuments(texts: string[]): Promise<number[][]> {
    if (texts.length === 0) return [];
    return this.embed(texts.map((text) => this.prefixes.passage + text));
  }

  async embedQuery(text: string): Promise<number[]> {
    const [vector] = await this.embed([this.prefixes.query + text]);
    return vector!;
  }

  private embed(texts: string[]): Promise<number[][]> {
    return this.caller.call(async () => {
      const output = await this.extractor(texts, { pooling: 'mean', normalize: true });
      return output.tolist() as number[][];
    });
  }
}
