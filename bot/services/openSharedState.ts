import type { Logger } from '../../ingest/core/logger.js';
import type { IndexPool } from '../../ingest/index/postgres/createIndexPool.js';
import type { Cooldowns } from './createCooldowns.js';
import { createDatabaseCooldowns } from './createDatabaseCooldowns.js';
import { createJobLock, type JobLock } from './createJobLock.js';
import { ensureSharedStateSchema } from './sharedStateSchema.js';

/** What bot processes on one INDEX_URL database share, so that many of them act as one bot. */
export type SharedState = {
  cooldowns: Cooldowns;
  /** Held by the process running /reingest. */
  reingestLock: JobLock;
};

/** Creates the shared tables when missing, then the shared cooldowns of `cooldownSeconds` and the /reingest lock. */
export async function openSharedState(
  pool: IndexPool,
  { cooldownSeconds, logger }: { cooldownSeconds: number; logger: Logger },
): Promise<SharedState> {
  await ensureSharedStateSchema(pool);
  return { cooldowns: createDatabaseCooldowns(pool, cooldownSeconds), reingestLock: createJobLock(pool, 'reingest', { logger }) };
}
