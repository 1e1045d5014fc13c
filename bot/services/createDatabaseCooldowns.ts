import { z } from 'zod';
import { createError } from '../../ingest/core/errors.js';
import type { IndexPool } from '../../ingest/index/postgres/createIndexPool.js';
import type { Cooldowns } from './createCooldowns.js';
import { readSharedRow } from './readSharedRow.js';

/**
 * One statement: the cooldown is taken when the user has no row or their row has expired (the
 * conflict's row lock makes two processes taking it at once agree); the CTE's outer SELECT sees
 * the row as it was before, so a refusal also says when the running cooldown ends.
 */
const TAKE = `
  WITH taken AS (
    INSERT INTO newsdesk_cooldowns (user_id, command, until) VALUES ($1, $2, now() + make_interval(secs => $3))
    ON CONFLICT (user_id, command) DO UPDATE SET until = excluded.until WHERE newsdesk_cooldowns.until <= now()
    RETURNING 1)
  SELECT EXISTS (SELECT 1 FROM taken) AS taken,
         (SELECT extract(epoch FROM c.until - now()) FROM newsdesk_cooldowns c WHERE c.user_id = $1 AND c.command = $2) AS remaining_seconds`;

const takeRowSchema = z.object({
  taken: z.boolean(),
  // numeric arrives as a string; null when the user had no row.
  remaining_seconds: z.coerce.number().nullable(),
});

/** Expired rows are deleted every so many takes, so the table holds about the users of the last window. */
const PRUNE_EVERY = 500;

/** Cooldowns every bot process on INDEX_URL's database shares: a question asked through one shard counts on all. */
export function createDatabaseCooldowns(pool: IndexPool, seconds: number): Cooldowns {
  let takes = 0;
  return {
    async take(command, userId) {
      if (seconds === 0) return;
      const { rows } = await pool.query(TAKE, [userId, command, seconds]);
      const row = readSharedRow(takeRowSchema, rows[0], 'newsdesk_cooldowns');
      if (!row.taken) throw createError('COOLDOWN', { seconds: Math.max(1, Math.ceil(row.remaining_seconds ?? seconds)) });
      if (++takes % PRUNE_EVERY === 0) await pool.query('DELETE FROM newsdesk_cooldowns WHERE until <= now()');
    },
  };
}
