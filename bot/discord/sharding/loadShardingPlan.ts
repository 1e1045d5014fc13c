import { z } from 'zod';
import { readEnv } from '../../../ingest/core/readEnv.js';

const shardingEnvSchema = z
  .object({
    SHARDS: z
      .string()
      .regex(/^(auto|[1-9]\d{0,4})$/, 'SHARDS must be auto (as many shards as Discord recommends) or a whole number of shards, 1 or more')
      .transform((value) => (value === 'auto' ? value : Number(value)))
      .optional(),
    SHARD_IDS: z
      .string()
      .regex(/^\d+(\s*,\s*\d+)*$/, 'SHARD_IDS must be shard ids separated by commas, e.g. 0,1')
      .transform((value) => [...new Set(value.split(',').map(Number))].sort((a, b) => a - b))
      .optional(),
  })
  .superRefine(({ SHARDS: shards, SHARD_IDS: ids }, context) => {
    // zod still runs this after a field failed its own check, with the field as it came.
    if (!Array.isArray(ids)) return;
    if (typeof shards !== 'number') {
      context.addIssue({
        code: 'custom',
        path: ['SHARD_IDS'],
        message: 'SHARD_IDS needs SHARDS set to the total number of shards, which every host must agree on',
      });
    } else if (ids.some((id) => id >= shards)) {
      context.addIssue({
        code: 'custom',
        path: ['SHARD_IDS'],
        message: `SHARD_IDS must be below SHARDS (shards are numbered 0 to ${shards - 1})`,
      });
    }
  });

/**
 * How `npm start` runs: one process (SHARDS unset, today's bot); the manager of shard processes
 * (SHARDS in all, of which this host runs SHARD_IDS, or every one); or one of those shard
 * processes, which ShardingManager starts with SHARDING_MANAGER set and its own shard id in
 * SHARDS (read by discord.js's Client).
 */
export type ShardingPlan =
  { role: 'single' } | { role: 'manager'; shards: 'auto' | number; shardIds: number[] | 'all' } | { role: 'shard'; id: number };

const shardEnvSchema = z.object({ SHARDS: z.coerce.number().int().min(0) });

export function loadShardingPlan(env: NodeJS.ProcessEnv = process.env): ShardingPlan {
  if (env.SHARDING_MANAGER === 'true') return { role: 'shard', id: readEnv(shardEnvSchema, env).SHARDS };
  const { SHARDS: shards, SHARD_IDS: ids } = readEnv(shardingEnvSchema, env);
  if (shards === undefined) return { role: 'single' };
  return { role: 'manager', shards, shardIds: ids ?? 'all' };
}
