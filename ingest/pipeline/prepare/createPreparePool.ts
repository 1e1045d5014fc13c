import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { EmbeddingsInterface } from '@langchain/core/embeddings';
import type { TermDictionary } from '../../index/lexicalPostings.js';
import { embedderForPrepare, type ArticleJob, type PreparedArticle } from './prepareArticle.js';
import type { PrepareReply } from './prepareWorker.js';

/**
 * Worker threads that prepare articles while the ingest thread inserts the previous ones into
 * the vector graph (hnswlib's inserts cannot leave that thread). On two cores this overlaps the
 * two halves of an ingest; results come back per job, so the caller keeps its own order.
 * Each worker numbers terms in a dictionary of its own; the pool maps its ids into the caller's.
 */

export type PreparePool = {
  /** Passages and term ids of the pool's dictionary, and vectors too when the offline embedder runs in the workers. */
  prepare(job: ArticleJob): Promise<PreparedArticle>;
  close(): Promise<void>;
};

type Pending = { resolve: (prepared: PreparedArticle) => void; reject: (error: Error) => void };

/** One worker per core beyond the ingest thread's own, at least one and at most three (each holds its own analysis caches). */
export const PREPARE_WORKERS = Math.max(1, Math.min(3, availableParallelism() - 1));

export function createPreparePool(embeddings: EmbeddingsInterface, dictionary: TermDictionary, size = PREPARE_WORKERS): PreparePool {
  // Workers embed only with an embedder they can rebuild exactly from its dimensions.
  const dimensions = embedderForPrepare(embeddings)?.dimensions ?? null;
  const entry = new URL('./prepareWorker.ts', import.meta.url).href;
  const pending = new Map<number, Pending>();
  let nextId = 0;
  let failure: Error | null = null;
  const workers = Array.from({ length: size }, () => {
    const worker = new Worker(new URL('./startPrepareWorker.mjs', import.meta.url), { workerData: { entry, dimensions } });
    // The id in `dictionary` of each term the worker has numbered, by the worker's id; a worker's
    // replies arrive in order, so a term is always mapped before a reply uses it.
    const toDictionary: number[] = [];
    worker.on('message', (reply: PrepareReply) => {
      for (const term of reply.newTerms) toDictionary.push(dictionary.add(term));
      const job = pending.get(reply.id)!;
      pending.delete(reply.id);
      if ('error' in reply) return job.reject(new Error(reply.error));
      if (reply.prepared.ok) {
        const { ids } = reply.prepared.terms;
        for (let i = 0; i < ids.length; i++) ids[i] = toDictionary[ids[i]!]!;
      }
      job.resolve(reply.prepared);
    });
    worker.on('error', (error) => {
      failure = error;
      for (const job of pending.values()) job.reject(error);
      pending.clear();
    });
    return worker;
  });
  return {
    prepare(job) {
      if (failure) return Promise.reject(failure);
      const id = nextId++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        workers[id % workers.length]!.postMessage({ id, job });
      });
    },
    close: async () => {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
