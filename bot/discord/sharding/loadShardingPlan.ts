import { z } from 'zod';
import { readEnv } from '../../../ingest/core/readEnv.js';

const shardingEnvSchema = z.object({
  SHARDS: z
    .string()
    .regex(/^(auto|[1-9]\d{0,4})$/, 'SHARDS must be auto (as many shards as Discord recommends) or a whole number of shards, 1 or more')
    .transform((value) => (value === 'auto' ? value : Number(value)))
    .optional(),
});

/**
 * How `npm start` runs: one process (SHARDS unset, today's bot); the manager of SHARDS shard
 * processes; or one of those shard processes, which ShardingManager starts with
 * SHARDING_MANAGER set and its own shard id in SHARDS (read by discord.js's Client, not by us).
 */
export type ShardingPlan = { role: 'single' } | { role: 'manager'; shards: 'auto' | number } | { role: 'shard'; id: number };

const shardEnvSchema = z.object({ SHARDS: z.coerce.number().int().min(0) });

export function loadShardingPlan(env: NodeJS.ProcessEnv = process.env): ShardingPlan {
  if (env.SHARDING_MANAGER === 'true') return { role: 'shard', id: readEnv(shardEnvSchema, env).SHARDS };
  const { SHARDS: shards } = readEnv(shardingEnvSchema, env);
  return shards === undefined ? { role: 'single' } : { role: 'manager', shards };
}
