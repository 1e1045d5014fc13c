import { describe, expect, it } from 'vitest';
import { loadShardingPlan } from '../../../bot/discord/sharding/loadShardingPlan.js';

describe('SHARDS', () => {
  it('GIVEN no SHARDS (or an empty one) THEN the bot runs as one process, as before', () => {
    expect(loadShardingPlan({})).toEqual({ role: 'single' });
    expect(loadShardingPlan({ SHARDS: '' })).toEqual({ role: 'single' });
  });

  it('GIVEN SHARDS=auto or a number THEN this process manages that many shards', () => {
    expect(loadShardingPlan({ SHARDS: 'auto' })).toEqual({ role: 'manager', shards: 'auto', shardIds: 'all' });
    expect(loadShardingPlan({ SHARDS: '3' })).toEqual({ role: 'manager', shards: 3, shardIds: 'all' });
  });

  it('GIVEN SHARDS=4 and SHARD_IDS=3, 2 THEN this host runs shards 2 and 3 of 4 (another host runs the rest)', () => {
    expect(loadShardingPlan({ SHARDS: '4', SHARD_IDS: '3, 2' })).toEqual({ role: 'manager', shards: 4, shardIds: [2, 3] });
  });

  it.each([
    [{ SHARDS: 'auto', SHARD_IDS: '0' }, /SHARD_IDS needs SHARDS set to the total number of shards/],
    [{ SHARDS: '2', SHARD_IDS: '0,2' }, /SHARD_IDS must be below SHARDS \(shards are numbered 0 to 1\)/],
    [{ SHARDS: '2', SHARD_IDS: 'first' }, /SHARD_IDS must be shard ids separated by commas/],
  ])('GIVEN %o THEN the configuration error names SHARD_IDS and says why', (env, message) => {
    expect(() => loadShardingPlan(env)).toThrow(message);
  });

  it('GIVEN a process started by the ShardingManager THEN it is that shard, whatever SHARDS says', () => {
    expect(loadShardingPlan({ SHARDING_MANAGER: 'true', SHARDS: '1', SHARD_COUNT: '2' })).toEqual({ role: 'shard', id: 1 });
  });

  it.each(['0', 'two', '-1', '1.5'])('GIVEN SHARDS=%s THEN the configuration error names SHARDS and what it accepts', (value) => {
    expect(() => loadShardingPlan({ SHARDS: value })).toThrow(/SHARDS must be auto .* or a whole number of shards, 1 or more/);
  });
});
