import { setImmediate as nextTurn } from 'node:timers/promises';
import type { EmbeddingsInterface } from '@langchain/core/embeddings';
import type { TermDictionary } from '../../index/lexicalPostings.js';
import { createPreparePool, type PreparePool } from './createPreparePool.js';
import { embedderForPrepare, tryPrepareArticle, type ArticleJob, type PreparedArticle } from './prepareArticle.js';

/**
 * Below this, worker threads cost more than they save: each loads the modules and warms word
 * caches of its own, for the vocabulary this thread warms too. Measured on the bench corpora
 * (full ingest, 2 cores, one worker against none): 5.5M characters 3.18-3.45 s against
 * 2.66-2.77 s (and 120 MB more), 16.6M 6.18-6.83 s against 6.55-7.25, 55M 14.6-15.6 against
 * 18.7-20.0. About 25,000 passages.
 */
const PARALLEL_FROM_CHARS = 14_000_000;
/** Articles queued for the workers ahead of the one being inserted, so they never wait on this thread… */
const PREPARE_AHEAD = 16;
/**
 * …and at most this many held prepared (or being prepared) at once: a few megabytes. With no
 * graph to insert into (the offline embedder's index) this thread prepares about as fast as a
 * worker, and at 64 it sat idle for a fifth of a 10k-passage ingest waiting on a worker's oldest job.
 */
const HELD_AHEAD = 256;

/** A file to prepare, and its length in characters (the scan read it), which decides whether workers pay off. */
export type PrepareItem = { job: ArticleJob; chars: number };

export type PrepareInOrderOptions = {
  /** The index's embeddings: the workers embed too when they can rebuild it (see embedderForPrepare). */
  embeddings: EmbeddingsInterface;
  /** The index's term dictionary: every prepared article's term ids are ids of it. */
  dictionary: TermDictionary;
  /** Runs with at least this many characters are prepared by worker threads too (default 14M, some 25,000 passages; Infinity: never). */
  parallelFromChars?: number;
  /** How many worker threads, when they are used (default PREPARE_WORKERS). */
  workers?: number;
};

/** An article being prepared, in order, and whether it is ready. */
type Ahead = { prepared: Promise<PreparedArticle>; done: boolean };

/**
 * Prepares `items` (see prepareArticle) and yields each with its article, in the order given,
 * while the caller inserts the previous one. A large run is also sent to worker threads, kept
 * ahead of the caller; whenever the oldest is not back yet, this thread prepares the next
 * article itself rather than wait. A file that cannot be prepared (not an article, an error it
 * causes, a worker that stopped on it) is yielded not ok with the reason, and the
 * rest go on. The workers are stopped when the last item is yielded or the caller stops early.
 */
export async function* prepareInOrder<T extends PrepareItem>(
  items: readonly T[],
  options: PrepareInOrderOptions,
): AsyncGenerator<[T, PreparedArticle], void, undefined> {
  const { embeddings, dictionary } = options;
  const chars = items.reduce((n, item) => n + item.chars, 0);
  const pool =
    items.length > 0 && chars >= (options.parallelFromChars ?? PARALLEL_FROM_CHARS)
      ? createPreparePool(embeddings, dictionary, options.workers)
      : null;
  const embedHere = embedderForPrepare(embeddings);
  const ahead: Ahead[] = [];
  let inPool = 0;
  let next = 0;
  const prepareHere = () => {
    ahead.push({ prepared: Promise.resolve(tryPrepareArticle(items[next++]!.job, embedHere, dictionary)), done: true });
  };
  const sendToPool = (workers: PreparePool) => {
    const entry: Ahead = { prepared: workers.prepare(items[next++]!.job), done: false };
    inPool++;
    void entry.prepared.then(() => {
      entry.done = true;
      inPool--;
    });
    ahead.push(entry);
  };
  try {
    for (const item of items) {
      if (!pool) prepareHere();
      while (pool && inPool < PREPARE_AHEAD && ahead.length < HELD_AHEAD && next < items.length) sendToPool(pool);
      // Rather than wait for a worker (they are slowest while their caches are cold), this thread
      // prepares the next article itself, then looks again once the workers' replies are in.
      while (pool && !ahead[0]!.done && ahead.length < HELD_AHEAD && next < items.length) {
        prepareHere();
        await nextTurn();
      }
      yield [item, await ahead.shift()!.prepared];
    }
  } finally {
    await pool?.close();
  }
}
