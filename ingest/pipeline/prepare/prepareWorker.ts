import { parentPort, workerData } from 'node:worker_threads';
import { OfflineEmbeddings } from '../../embed/offlineEmbeddings.js';
import { TermDictionary } from '../../index/lexicalPostings.js';
import { prepareArticle, type ArticleJob, type PreparedArticle } from './prepareArticle.js';

/**
 * A worker thread of the prepare pool: reads, parses, analyses (and embeds) the files it is
 * sent, one at a time. Terms get ids in the worker's own dictionary; each reply carries the
 * terms it added since the last reply, so the pool can map the ids into the store's.
 */

/** A reply: the article (or why preparing it threw), and the terms first seen since the previous reply. */
export type PrepareReply = { id: number; newTerms: string[] } & ({ prepared: PreparedArticle } | { error: string });

const { dimensions } = workerData as { dimensions: number | null };
const embeddings = dimensions === null ? null : new OfflineEmbeddings({ dimensions });
const dictionary = new TermDictionary();
let termsSent = 0;

parentPort!.on('message', ({ id, job }: { id: number; job: ArticleJob }) => {
  let reply: PrepareReply;
  const transfer: ArrayBuffer[] = [];
  try {
    const prepared = prepareArticle(job, embeddings, dictionary);
    reply = { id, newTerms: [], prepared };
    if (prepared.ok) {
      transfer.push(prepared.terms.ids.buffer as ArrayBuffer, prepared.terms.ends.buffer as ArrayBuffer);
      for (const vector of prepared.vectors ?? []) transfer.push(vector.buffer as ArrayBuffer);
    }
  } catch (error) {
    reply = { id, newTerms: [], error: (error as Error).message };
  }
  reply.newTerms = dictionary.terms.slice(termsSent);
  termsSent = dictionary.terms.length;
  parentPort!.postMessage(reply, transfer);
});
