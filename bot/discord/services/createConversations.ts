import type { Turn } from '../../../retrieval/answer/answerQuestion.js';

/**
 * The questions asked in each answer thread, so a follow-up there ("who led it?") is read with
 * the ones before it. Kept in memory: the newest `maxTurns` turns of the newest `maxThreads`
 * threads, each for `ttlMs` after its last question (a thread Discord archives after a day of
 * quiet needs nothing longer). After a restart a thread's next question starts afresh.
 */
export type Conversations = {
  /** The thread's turns so far, oldest first (none for an unknown thread). */
  turns(threadId: string): Turn[];
  add(threadId: string, turn: Turn): void;
};

export function createConversations(
  { maxThreads, maxTurns, ttlMs }: { maxThreads: number; maxTurns: number; ttlMs: number },
  now: () => number = Date.now,
): Conversations {
  // A Map iterates in insertion order; re-inserting on every question keeps the oldest first.
  const threads = new Map<string, { turns: Turn[]; at: number }>();
  return {
    turns(threadId) {
      const thread = threads.get(threadId);
      if (!thread) return [];
      if (now() - thread.at > ttlMs) {
        threads.delete(threadId);
        return [];
      }
      return [...thread.turns];
    },
    add(threadId, turn) {
      const turns = [...this.turns(threadId), turn].slice(-maxTurns);
      threads.delete(threadId);
      threads.set(threadId, { turns, at: now() });
      while (threads.size > maxThreads) threads.delete(threads.keys().next().value!);
    },
  };
}
