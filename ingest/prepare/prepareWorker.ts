import { parentPort, workerData } from 'node:worker_threads';
import { OfflineEmbeddings } from '../embed/offlineEmbeddings.js';
import { prepareArticle, type ArticleJob } from './prepareArticle.js';

/** A worker thread of the prepare pool: reads, parses, analyses (and embeds) the files it is sent. */

const { dimensions } = workerData as { dimensions: number | null };
const embeddings = dimensions === null ? null : new OfflineEmbeddings({ dimensions });

parentPort!.on('message', ({ id, job }: { id: number; job: ArticleJob }) => {
  prepareArticle(job, embeddings).then(
    (prepared) => parentPort!.postMessage({ id, prepared }, prepared.ok ? (prepared.vectors ?? []).map((v) => v.buffer as ArrayBuffer) : []),
    (error: unknown) => parentPort!.postMessage({ id, error: (error as Error).message }),
  );
});
