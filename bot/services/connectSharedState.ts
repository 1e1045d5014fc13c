import type { PipelineConfig } from '../../ingest/core/config.js';
import type { Logger } from '../../ingest/core/logger.js';
import { createIndexPool } from '../../ingest/index/postgres/createIndexPool.js';
import { openSharedState, type SharedState } from './openSharedState.js';

/**
 * Connections a bot process opens for its shared state, beside the index's INDEX_POOL_SIZE: a
 * cooldown check per question and a lease renewal now and then, each one short statement.
 */
export const SHARED_STATE_POOL_SIZE = 2;

/**
 * The state a bot process shares with the others on INDEX_URL's database, or null without
 * INDEX_URL (then cooldowns and the /reingest guard are the process's own, as with one process).
 */
export async function connectSharedState(
  config: PipelineConfig,
  { cooldownSeconds, logger }: { cooldownSeconds: number; logger: Logger },
): Promise<{ state: SharedState; close(): Promise<void> } | null> {
  if (!config.indexUrl) return null;
  const pool = createIndexPool({ indexUrl: config.indexUrl, indexPoolSize: SHARED_STATE_POOL_SIZE }, logger);
  try {
    return { state: await openSharedState(pool, { cooldownSeconds, logger }), close: () => pool.end() };
  } catch (error) {
    await pool.end();
    throw error;
  }
}
