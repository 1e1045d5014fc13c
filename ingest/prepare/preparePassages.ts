import { analyzePassage } from '../analysis/analyzePassage.js';
import type { OfflineEmbeddings } from '../embed/offlineEmbeddings.js';
import type { Article } from '../parse/article.js';

/** The passages of one article to analyse (and, with the offline embedder, to embed). */
export type PrepareJob = { article: Pick<Article, 'title' | 'text' | 'language'>; texts: string[] };

/** Per passage: its lexical terms, and its vector when the embedder could run alongside. */
export type PreparedPassages = { terms: string[][]; vectors: Float64Array[] | null };

/**
 * The CPU-heavy part of ingesting an article, kept free of shared state so that it runs the
 * same in a worker thread as in the ingest's own thread.
 */
export function preparePassages(job: PrepareJob, embeddings: OfflineEmbeddings | null): PreparedPassages {
  return {
    terms: job.texts.map((text) => analyzePassage(text, job.article)),
    vectors: embeddings ? job.texts.map((text) => Float64Array.from(embeddings.embedText(text))) : null,
  };
}
