import { describe, expect, it } from 'vitest';
import { createCooldowns } from '../../../bot/discord/services/createCooldowns.js';
import { createRecentCache } from '../../../bot/discord/services/createRecentCache.js';

describe('createCooldowns', () => {
  it('GIVEN a user asked 4 s ago with a 10 s cooldown THEN a new question is refused, saying 6 s', () => {
    let now = 1_000_000;
    const cooldowns = createCooldowns(10, () => now);
    cooldowns.take('u1');
    now += 4000;
    expect(() => cooldowns.take('u1')).toThrow('try again in 6 s');
    expect(() => cooldowns.take('u2')).not.toThrow();
  });

  it('GIVEN the cooldown has passed THEN the user may ask again', () => {
    let now = 0;
    const cooldowns = createCooldowns(10, () => now);
    cooldowns.take('u1');
    now += 10_000;
    expect(() => cooldowns.take('u1')).not.toThrow();
  });

  it('GIVEN a cooldown of 0 THEN nobody is ever refused', () => {
    const cooldowns = createCooldowns(0);
    cooldowns.take('u1');
    expect(() => cooldowns.take('u1')).not.toThrow();
  });
});

describe('createRecentCache', () => {
  it('GIVEN more values than it keeps THEN the oldest are forgotten', () => {
    const cache = createRecentCache<number>({ max: 2, ttlMs: 1000 });
    const [a, b, c] = [1, 2, 3].map((n) => cache.put(n));
    expect([cache.get(a!), cache.get(b!), cache.get(c!)]).toEqual([undefined, 2, 3]);
  });

  it('GIVEN a value older than its lifetime THEN it is gone', () => {
    let now = 0;
    const cache = createRecentCache<string>({ max: 10, ttlMs: 1000 }, () => now);
    const key = cache.put('x');
    now = 1001;
    expect(cache.get(key)).toBeUndefined();
  });

  it('GIVEN keys THEN they fit in a button custom id next to a prefix and never contain its separator', () => {
    const cache = createRecentCache<number>({ max: 100, ttlMs: 1000 });
    for (let i = 0; i < 50; i++) expect(cache.put(i)).toMatch(/^[A-Za-z0-9_-]{8}$/);
  });
});
