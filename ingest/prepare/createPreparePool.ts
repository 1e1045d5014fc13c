import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { OfflineEmbeddings } from '../embed/offlineEmbeddings.js';
import type { EmbeddingsInterface } from '@langchain/core/embeddings';
import type { ArticleJob, PreparedArticle } from './prepareArticle.js';

/**
 * Worker threads that prepare articles while the ingest thread inserts the previous ones into
 * the vector graph (hnswlib's inserts cannot leave that thread). On two cores this overlaps the
 * two halves of an ingest; results come back per job, so the caller keeps its own order.
 */

export type PreparePool = {
  /** Passages and terms, and vectors too when the offline embedder runs in the workers. */
  prepare(job: ArticleJob): Promise<PreparedArticle>;
  close(): Promise<void>;
};

type Pending = { resolve: (prepared: PreparedArticle) => void; reject: (error: Error) => void };

/** One worker per core beyond the ingest thread's own, at least one and at most three (each holds its own analysis caches). */
export const PREPARE_WORKERS = Math.max(1, Math.min(3, availableParallelism() - 1));

export function createPreparePool(embeddings: EmbeddingsInterface, size = PREPARE_WORKERS): PreparePool {
  // Only the offline embedder is plain computation that a worker can repeat exactly; others (models, servers,
  // subclasses that override a method) embed in the ingest's thread.
  const dimensions = embeddings instanceof OfflineEmbeddings && embeddings.constructor === OfflineEmbeddings ? embeddings.dimensions : null;
  const entry = new URL('./prepareWorker.ts', import.meta.url).href;
  const pending = new Map<number, Pending>();
  let nextId = 0;
  let failure: Error | null = null;
  const workers = Array.from({ length: size }, () => {
    const worker = new Worker(new URL('./startPrepareWorker.mjs', import.meta.url), { workerData: { entry, dimensions } });
    worker.on('message', ({ id, prepared, error }: { id: number; prepared?: PreparedArticle; error?: string }) => {
      const job = pending.get(id)!;
      pending.delete(id);
      if (error !== undefined) job.reject(new Error(error));
      else job.resolve(prepared!);
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
