import { describe, expect, it } from 'vitest';
import { createRecentCache } from '../../../bot/discord/services/createRecentCache.js';

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
