import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { EmbeddingsInterface } from '@langchain/core/embeddings';
import type { TermDictionary } from '../../index/lexicalPostings.js';
import { embedderForPrepare, tryPrepareArticle, type ArticleJob, type PreparedArticle } from './prepareArticle.js';
import type { PrepareReply } from './prepareWorker.js';

/**
 * Worker threads that prepare articles while the ingest thread inserts the previous ones into
 * the index (a vector graph's inserts cannot leave that thread) and prepares others itself. On
 * two cores this overlaps the two halves of an ingest; results come back per job, so the caller keeps its own order.
 * Each worker numbers terms in a dictionary of its own; the pool maps its ids into the caller's.
 */

export type PreparePool = {
  /**
   * Passages and term ids of the pool's dictionary, and vectors too when the offline embedder runs
   * in the workers. Never rejects: a job whose worker stopped while on it (out of memory, say)
   * comes back not ok with the reason; jobs queued behind it go to another worker, or are
   * prepared in this thread once no worker is left.
   */
  prepare(job: ArticleJob): Promise<PreparedArticle>;
  /** Stops the workers; jobs still out come back not ok. */
  close(): Promise<void>;
};

type Job = { id: number; job: ArticleJob; resolve: (prepared: PreparedArticle) => void };

/** A worker and the jobs sent to it, oldest first: it answers them in that order, one at a time. */
type Slot = { worker: Worker; jobs: Map<number, Job>; stoppedBy: string | null };

/** One worker per core beyond the ingest thread's own, at least one and at most three (each holds its own analysis caches). */
export const PREPARE_WORKERS = Math.max(1, Math.min(3, availableParallelism() - 1));

export function createPreparePool(embeddings: EmbeddingsInterface, dictionary: TermDictionary, size = PREPARE_WORKERS): PreparePool {
  // Workers embed only with an embedder they can rebuild exactly from its dimensions.
  const here = embedderForPrepare(embeddings);
  const dimensions = here?.dimensions ?? null;
  const entry = new URL('./prepareWorker.ts', import.meta.url).href;
  let live: Slot[] = [];
  let nextId = 0;
  let closing = false;

  const send = (job: Job) => {
    if (live.length === 0) return job.resolve(tryPrepareArticle(job.job, here, dictionary));
    const slot = live[job.id % live.length]!;
    slot.jobs.set(job.id, job);
    slot.worker.postMessage({ id: job.id, job: job.job });
  };
  const stopped = (slot: Slot, code: number) => {
    live = live.filter((s) => s !== slot);
    if (closing) return;
    // The oldest job is the one the worker was on, and may be what stopped it: that file is
    // reported; the ones merely queued behind it are prepared elsewhere.
    const [culprit, ...queued] = slot.jobs.values();
    slot.jobs.clear();
    culprit?.resolve({ ok: false, reason: `its worker stopped while preparing it (${slot.stoppedBy ?? `exit code ${code}`})` });
    for (const job of queued) send(job);
  };

  for (let i = 0; i < size; i++) {
    const slot: Slot = {
      worker: new Worker(new URL('./startPrepareWorker.mjs', import.meta.url), { workerData: { entry, dimensions } }),
      jobs: new Map(),
      stoppedBy: null,
    };
    // The id in `dictionary` of each term the worker has numbered, by the worker's id; a worker's
    // replies arrive in order, so a term is always mapped before a reply uses it.
    const toDictionary: number[] = [];
    slot.worker.on('message', (reply: PrepareReply) => {
      for (const term of reply.newTerms) toDictionary.push(dictionary.add(term));
      const job = slot.jobs.get(reply.id)!;
      slot.jobs.delete(reply.id);
      if (reply.prepared.ok) {
        const { ids } = reply.prepared.terms;
        for (let i = 0; i < ids.length; i++) ids[i] = toDictionary[ids[i]!]!;
      }
      job.resolve(reply.prepared);
    });
    // 'error' (an uncaught exception, running out of memory) is followed by 'exit'.
    slot.worker.on('error', (error) => {
      slot.stoppedBy = error.message;
    });
    slot.worker.on('exit', (code) => stopped(slot, code));
    live.push(slot);
  }
  const slots = [...live];
  return {
    prepare: (job) => new Promise((resolve) => send({ id: nextId++, job, resolve })),
    close: async () => {
      closing = true;
      await Promise.all(slots.map((s) => s.worker.terminate()));
      for (const job of slots.flatMap((s) => [...s.jobs.values()]))
        job.resolve({ ok: false, reason: 'the ingest stopped before it was prepared' });
    },
  };
}
