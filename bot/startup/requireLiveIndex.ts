import type { PipelineConfig } from '../../ingest/core/config.js';
import { createError } from '../../ingest/core/errors.js';
import { openIndexBackend } from '../../ingest/index/indexBackend.js';

/**
 * Stops a shard manager that does not ingest (INGEST_ON_START=false) when there is no index to
 * serve, with INDEX_MISSING naming where it looked, before any shard connects to Discord;
 * otherwise every shard would fail the same way and be started again, over and over.
 */
export async function requireLiveIndex(config: PipelineConfig): Promise<void> {
  const backend = await openIndexBackend(config);
  if (!(await backend.liveGeneration())) throw createError('INDEX_MISSING', { dir: backend.location });
}
