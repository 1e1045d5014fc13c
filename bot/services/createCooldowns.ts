import { createError } from '../../../ingest/core/errors.js';

export type Cooldowns = {
  /** Lets `userId` ask now, or throws the user-facing COOLDOWN error saying when to retry. */
  take(userId: string): void;
};

/** A per-user cooldown of `seconds` between questions (0 disables it). */
export function createCooldowns(seconds: number, now: () => number = Date.now): Cooldowns {
  const lastAsked = new Map<string, number>();
  const windowMs = seconds * 1000;
  return {
    take(userId) {
      if (windowMs === 0) return;
      const at = now();
      const previous = lastAsked.get(userId);
      if (previous !== undefined && at - previous < windowMs) {
        throw createError('COOLDOWN', { seconds: Math.ceil((windowMs - (at - previous)) / 1000) });
      }
      lastAsked.set(userId, at);
      // Forget users whose cooldown is over, so the map does not grow with every user ever seen.
      if (lastAsked.size > 1000) for (const [id, t] of lastAsked) if (at - t >= windowMs) lastAsked.delete(id);
    },
  };
}
