import type { EmbeddingsInterface } from '@langchain/core/embeddings';
import type { EmbedderIdentity } from '../index/manifest.js';
import { OFFLINE_EMBEDDER_ID, OfflineEmbeddings } from './offlineEmbeddings.js';

/** An embeddings provider together with what the index manifest records about it. */
export type Embedder = { embeddings: EmbeddingsInterface; identity: EmbedderIdentity };

/** The default, offline embedder. */
export function createOfflineEmbedder(): Embedder {
  const embeddings = new OfflineEmbeddings();
  return { embeddings, identity: { provider: 'offline', model: OFFLINE_EMBEDDER_ID, dimensions: embeddings.dimensions } };
}
