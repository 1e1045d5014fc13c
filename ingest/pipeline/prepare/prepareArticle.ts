import type { EmbeddingsInterface } from '@langchain/core/embeddings';
import { appendDocumentTermIds, extractSurfaceFeatures, tokenizeForAnalysis } from '../../text/analyzeText.js';
import { OfflineEmbeddings } from '../../embed/offlineEmbeddings.js';
import type { ArticleMeta } from '../../core/article.js';
import type { TermDictionary } from '../../index/lexicalPostings.js';
import { parseSeed } from '../parse/parseSeed.js';
import { splitPassages, type Passage, type SplitOptions } from '../splitPassages.js';

/**
 * One seed file to turn into passages, with the text the scan read and hashed: the file is read
 * once, so what is indexed is what was hashed, and no worker opens a seed file.
 */
export type ArticleJob = { sourceId: string; text: string; split: SplitOptions };

/**
 * Every passage's lexical terms as ids in a TermDictionary, in one array (100k passages hold
 * 11.6M terms: strings would be copied between threads and hashed again on arrival): passage i
 * holds `ids` from `ends[i - 1]` (0 for the first) to `ends[i]`.
 */
export type PassageTermIds = { ids: Uint32Array; ends: Uint32Array };

/** The term ids of one passage of a PassageTermIds. */
export function termIdsOf({ ids, ends }: PassageTermIds, passage: number): Uint32Array {
  return ids.subarray(passage === 0 ? 0 : ends[passage - 1]!, ends[passage]!);
}

/**
 * The embedder prepareArticle can run on the tokens it has analysed anyway, in any thread: the
 * offline one, plain computation. Others (models, servers, subclasses that override a method)
 * embed the passages' text their own way, in the ingest's thread.
 */
export function embedderForPrepare(embeddings: EmbeddingsInterface): OfflineEmbeddings | null {
  return embeddings instanceof OfflineEmbeddings && embeddings.constructor === OfflineEmbeddings ? embeddings : null;
}

/** An article ready to insert: its citation fields, its passages with their lexical terms, and their vectors when the embedder could run alongside. */
export type PreparedArticle =
  | { ok: true; meta: ArticleMeta; passages: Passage[]; terms: PassageTermIds; vectors: Float64Array[] | null }
  | { ok: false; reason: string };

/**
 * The CPU-heavy part of ingesting a file — parsing, splitting, analysing and (with the offline
 * embedder) embedding — kept free of shared state so that it runs the same in a worker thread as
 * in the ingest's own thread. Terms are added to `dictionary` (the store's, or a worker's own
 * that the pool translates).
 */
export function prepareArticle(job: ArticleJob, embeddings: OfflineEmbeddings | null, dictionary: TermDictionary): PreparedArticle {
  const parsed = parseSeed(job.sourceId, job.text);
  if (!parsed.ok) return parsed;
  const { article } = parsed;
  const { text, sourceId: _sourceId, ...meta } = article;
  const passages = splitPassages(article, job.split);
  // A headline names what every passage of its story is about ("Niger", "Rusia") while a passage may
  // only say "the country": its terms join each passage's, unless it merely repeats the text's opening.
  const titleIds: number[] = [];
  if (!text.startsWith(article.title)) appendDocumentTermIds(tokenizeForAnalysis(article.title), article.language, dictionary, titleIds);
  const ids: number[] = [];
  const ends = new Uint32Array(passages.length);
  const vectors: Float64Array[] | null = embeddings ? [] : null;
  passages.forEach((passage, i) => {
    const tokens = tokenizeForAnalysis(passage.text);
    appendDocumentTermIds(tokens, article.language, dictionary, ids);
    for (const id of titleIds) ids.push(id);
    ends[i] = ids.length;
    vectors?.push(embeddings!.embedFeatures(extractSurfaceFeatures(tokens)));
  });
  return { ok: true, meta, passages, terms: { ids: Uint32Array.from(ids), ends }, vectors };
}

/**
 * prepareArticle, with an error it throws (a fault some file's content exposes) turned into that
 * file's reason, so one article cannot end a run the others would complete.
 */
export function tryPrepareArticle(job: ArticleJob, embeddings: OfflineEmbeddings | null, dictionary: TermDictionary): PreparedArticle {
  try {
    return prepareArticle(job, embeddings, dictionary);
  } catch (error) {
    return { ok: false, reason: `could not be prepared (${(error as Error).message})` };
  }
}
