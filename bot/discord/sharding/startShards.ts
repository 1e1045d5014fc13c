import { once } from 'node:events';
import { ShardingManager } from 'discord.js';
import type { Logger } from '../../../ingest/core/logger.js';
import type { DiscordConfig } from '../config.js';
import { fetchGatewayAdvice } from './fetchGatewayAdvice.js';

/** A shard loads the whole index before it connects: a large archive takes minutes, not discord.js's default 30 s. */
const SHARD_READY_TIMEOUT_MS = 10 * 60_000;
/** Discord lets one shard per max_concurrency bucket identify every 5 s; discord.js's own spacing. */
const SHARD_SPAWN_DELAY_MS = 5_500;

export type ShardProcesses = {
  /** How many shards there are in all (Discord's recommendation for `auto`), on this host and others. */
  count: number;
  /** Stops every shard process (each shuts down as on SIGTERM) without respawning it; resolves once all have exited. */
  stop(): Promise<void>;
};

export type ShardOptions = {
  /** The entry point each shard process runs (bot/main.ts). */
  file: string;
  /** Node options for the shard processes, e.g. the TypeScript loader this process was started with. */
  execArgv: string[];
  logger: Logger;
};

/**
 * Starts a process for each of `shardIds` (all of `shards` unless this host runs only some)
 * through discord.js's ShardingManager, one after another, each running `file` as the shard it
 * is given; a shard whose process dies is started again.
 * Shards are spaced by Discord's identify window unless max_concurrency lets them all identify at once.
 */
export async function startShards(
  config: DiscordConfig,
  { shards, shardIds }: { shards: 'auto' | number; shardIds: number[] | 'all' },
  { file, execArgv, logger }: ShardOptions,
): Promise<ShardProcesses> {
  const advice = await fetchGatewayAdvice(config);
  const count = shards === 'auto' ? advice.shards : shards;
  const shardList = shardIds === 'all' ? [...Array(count).keys()] : shardIds;
  const manager = new ShardingManager(file, {
    totalShards: count,
    shardList,
    mode: 'process',
    respawn: true,
    execArgv,
    token: config.token,
  });
  manager.on('shardCreate', (shard) => {
    shard.on('ready', () => logger.info('shard ready', { shard: shard.id, of: count, pid: shard.process?.pid }));
    shard.on('death', () => {
      if (manager.respawn) logger.warn('shard process exited; starting it again', { shard: shard.id });
    });
  });

  const stop = async () => {
    manager.respawn = false;
    await Promise.all(
      manager.shards.map(async (shard) => {
        const child = shard.process;
        if (!child || child.exitCode !== null || child.signalCode !== null) return;
        const exited = once(child, 'exit');
        shard.kill();
        await exited;
      }),
    );
  };

  logger.info(`starting ${shardList.length} shard process${shardList.length === 1 ? '' : 'es'}`, {
    shards: shardList.join(','),
    of: count,
    recommended: advice.shards,
  });
  try {
    await manager.spawn({
      amount: count,
      delay: shardList.length <= advice.maxConcurrency ? 0 : SHARD_SPAWN_DELAY_MS,
      timeout: SHARD_READY_TIMEOUT_MS,
    });
  } catch (error) {
    await stop();
    throw error;
  }
  return { count, stop };
}
