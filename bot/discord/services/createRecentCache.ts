import { randomBytes } from 'node:crypto';

/**
 * Values that buttons refer to by a short key in their custom id (which holds at most 100
 * characters): the newest `max` values are kept for `ttlMs`, older ones are forgotten.
 */
export type RecentCache<T> = {
  /** Stores `value` and returns its key (8 characters). */
  put(value: T): string;
  get(key: string): T | undefined;
};

export function createRecentCache<T>({ max, ttlMs }: { max: number; ttlMs: number }, now: () => number = Date.now): RecentCache<T> {
  // A Map iterates in insertion order, so the first entry is always the oldest.
  const entries = new Map<string, { value: T; at: number }>();
  return {
    put(value) {
      const key = randomBytes(6).toString('base64url');
      entries.set(key, { value, at: now() });
      while (entries.size > max) entries.delete(entries.keys().next().value!);
      return key;
    },
    get(key) {
      const entry = entries.get(key);
      if (!entry) return undefined;
      if (now() - entry.at > ttlMs) {
        entries.delete(key);
        return undefined;
      }
      return entry.value;
    },
  };
}
