import { Embeddings, type EmbeddingsParams } from '@langchain/core/embeddings';
import { extractSurfaceFeatures } from '../analysis/analyzeText.js';

/**
 * The default embedder: deterministic, offline and multilingual. A text's folded words,
 * their character n-grams (which catch cognates and loanwords: presiden/president,
 * militer/military) and its cross-lingual concept terms are hashed into a fixed-size vector
 * (signed feature hashing) and L2-normalised, so cosine similarity measures shared features.
 */

export const OFFLINE_EMBEDDER_ID = 'offline-hash-v1';

export type OfflineEmbeddingsParams = EmbeddingsParams & { dimensions?: number };

const WORD_WEIGHT = 1;
const CONCEPT_WEIGHT = 2;
const NGRAM_WEIGHT = 0.6;
const NGRAM_SIZES = [3, 4];

/** 32-bit FNV-1a over UTF-16 code units: stable across runs, platforms and Node versions. */
function hashFeature(feature: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < feature.length; i++) {
    h ^= feature.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export class OfflineEmbeddings extends Embeddings {
  readonly id = OFFLINE_EMBEDDER_ID;
  readonly model = OFFLINE_EMBEDDER_ID;
  readonly dimensions: number;

  constructor(params: OfflineEmbeddingsParams = {}) {
    super(params);
    this.dimensions = params.dimensions ?? 512;
  }

  async embedDocuments(texts: string[]): Promise<number[][]> {
    return texts.map((text) => this.embedText(text));
  }

  async embedQuery(text: string): Promise<number[]> {
    return this.embedText(text);
  }

  /** Synchronous core of both methods: the same text always gives the same vector. */
  embedText(text: string): number[] {
    const vector = new Float64Array(this.dimensions);
    const add = (feature: string, weight: number) => {
      const h = hashFeature(feature);
      vector[h % this.dimensions]! += h & 0x80000000 ? -weight : weight;
    };
    const { words, concepts } = extractSurfaceFeatures(text);
    for (const word of words) {
      add(`w:${word}`, WORD_WEIGHT);
      const padded = `^${word}$`;
      const grams: string[] = [];
      for (const n of NGRAM_SIZES) for (let i = 0; i + n <= padded.length; i++) grams.push(padded.slice(i, i + n));
      // Each word spreads the same n-gram mass, so long words do not outweigh short ones.
      const weight = NGRAM_WEIGHT / Math.sqrt(grams.length || 1);
      for (const gram of grams) add(`g:${gram}`, weight);
    }
    for (const concept of concepts) add(concept, CONCEPT_WEIGHT);
    let norm = 0;
    for (const v of vector) norm += v * v;
    norm = Math.sqrt(norm);
    return Array.from(vector, (v) => (norm > 0 ? v / norm : 0));
  }
}
