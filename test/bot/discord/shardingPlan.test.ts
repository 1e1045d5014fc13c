import { describe, expect, it } from 'vitest';
import { loadShardingPlan } from '../../../bot/discord/sharding/loadShardingPlan.js';

describe('SHARDS', () => {
  it('GIVEN no SHARDS (or an empty one) THEN the bot runs as one process, as before', () => {
    expect(loadShardingPlan({})).toEqual({ role: 'single' });
    expect(loadShardingPlan({ SHARDS: '' })).toEqual({ role: 'single' });
  });

  it('GIVEN SHARDS=auto or a number THEN this process manages that many shards', () => {
    expect(loadShardingPlan({ SHARDS: 'auto' })).toEqual({ role: 'manager', shards: 'auto' });
    expect(loadShardingPlan({ SHARDS: '3' })).toEqual({ role: 'manager', shards: 3 });
  });

  it('GIVEN a process started by the ShardingManager THEN it is that shard, whatever SHARDS says', () => {
    expect(loadShardingPlan({ SHARDING_MANAGER: 'true', SHARDS: '1', SHARD_COUNT: '2' })).toEqual({ role: 'shard', id: 1 });
  });

  it.each(['0', 'two', '-1', '1.5'])('GIVEN SHARDS=%s THEN the configuration error names SHARDS and what it accepts', (value) => {
    expect(() => loadShardingPlan({ SHARDS: value })).toThrow(/SHARDS must be auto .* or a whole number of shards, 1 or more/);
  });
});
