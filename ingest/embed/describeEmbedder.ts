import type { EmbedderIdentity } from '../index/manifest.js';

/** "transformers Xenova/multilingual-e5-small@q8 (384 dimensions)": how messages name an embedder. */
export function describeIdentity(identity: EmbedderIdentity): string {
  return `${identity.provider} ${identity.model} (${identity.dimensions} dimensions)`;
}
