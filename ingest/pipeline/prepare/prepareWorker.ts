import { parentPort, workerData } from 'node:worker_threads';
import { OfflineEmbeddings } from '../../embed/offlineEmbeddings.js';
import { TermDictionary } from '../../index/lexicalPostings.js';
import { tryPrepareArticle, type ArticleJob, type PreparedArticle } from './prepareArticle.js';

/**
 * A worker thread of the prepare pool: parses, analyses (and embeds) the articles it is
 * sent, text and all (it opens no file), one at a time. Terms get ids in the worker's own dictionary; each reply carries the
 * terms it added since the last reply, so the pool can map the ids into the store's.
 */

/** A reply: the article (or why it could not be prepared), and the terms first seen since the previous reply. */
export type PrepareReply = { id: number; newTerms: string[]; prepared: PreparedArticle };

const { dimensions } = workerData as { dimensions: number | null };
const embeddings = dimensions === null ? null : new OfflineEmbeddings({ dimensions });
const dictionary = new TermDictionary();
let termsSent = 0;

parentPort!.on('message', ({ id, job }: { id: number; job: ArticleJob }) => {
  const prepared = tryPrepareArticle(job, embeddings, dictionary);
  const transfer: ArrayBuffer[] = [];
  if (prepared.ok) {
    transfer.push(prepared.terms.ids.buffer as ArrayBuffer, prepared.terms.ends.buffer as ArrayBuffer);
    for (const vector of prepared.vectors ?? []) transfer.push(vector.buffer as ArrayBuffer);
  }
  const reply: PrepareReply = { id, newTerms: dictionary.terms.slice(termsSent), prepared };
  termsSent = dictionary.terms.length;
  parentPort!.postMessage(reply, transfer);
});
