import { createError } from '../../ingest/core/errors.js';

export type Cooldowns = {
  /** Lets `userId` run `command` now, or rejects with the user-facing COOLDOWN error saying when to retry. */
  take(command: string, userId: string): Promise<void>;
};

/** A per-user, per-command cooldown of `seconds` (0 disables it), kept in this process. */
export function createCooldowns(seconds: number, now: () => number = Date.now): Cooldowns {
  const lastTaken = new Map<string, number>();
  const windowMs = seconds * 1000;
  return {
    async take(command, userId) {
      if (windowMs === 0) return;
      const at = now();
      const key = `${command}\u0000${userId}`;
      const previous = lastTaken.get(key);
      if (previous !== undefined && at - previous < windowMs) {
        throw createError('COOLDOWN', { seconds: Math.ceil((windowMs - (at - previous)) / 1000) });
      }
      lastTaken.set(key, at);
      // Forget users whose cooldown is over, so the map does not grow with every user ever seen.
      if (lastTaken.size > 1000) for (const [id, t] of lastTaken) if (at - t >= windowMs) lastTaken.delete(id);
    },
  };
}
