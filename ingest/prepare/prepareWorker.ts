import { parentPort, workerData } from 'node:worker_threads';
import { OfflineEmbeddings } from '../embed/offlineEmbeddings.js';
import { preparePassages, type PrepareJob } from './preparePassages.js';

/** A worker thread of the prepare pool: analyses (and embeds) the articles it is sent, in order. */

const { dimensions } = workerData as { dimensions: number | null };
const embeddings = dimensions === null ? null : new OfflineEmbeddings({ dimensions });

parentPort!.on('message', ({ id, job }: { id: number; job: PrepareJob }) => {
  try {
    const prepared = preparePassages(job, embeddings);
    parentPort!.postMessage({ id, prepared }, (prepared.vectors ?? []).map((v) => v.buffer as ArrayBuffer));
  } catch (error) {
    parentPort!.postMessage({ id, error: (error as Error).message });
  }
});
