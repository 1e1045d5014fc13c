import type { PipelineConfig } from '../../ingest/core/config.js';
import type { Embedder } from '../../ingest/embed/createEmbedder.js';
import type { EmbedderSource } from '../../ingest/embed/createEmbedderSource.js';
import type { Logger } from '../../ingest/core/logger.js';
import { loadIndex, type LoadedIndex } from '../../retrieval/open/loadIndex.js';
import { updateIndex } from './updateIndex.js';

/**
 * `npm start`'s index in a process that serves it: brought up to date with the seeds (see
 * updateIndex, whose `lockWaitMs` this passes on), then loaded. Readers (`npm run ask`, a
 * replica with INGEST_ON_START=false) use loadIndex, which never writes.
 */
export async function ensureIndex(
  config: PipelineConfig,
  embedder: Embedder | EmbedderSource,
  logger: Logger,
  options: { lockWaitMs?: number } = {},
): Promise<LoadedIndex> {
  await updateIndex(config, embedder, logger, options);
  return loadIndex(config, embedder);
}
