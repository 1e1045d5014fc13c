import { analyzeDocument, extractSurfaceFeatures, tokenizeForAnalysis } from '../analysis/analyzeText.js';
import type { OfflineEmbeddings } from '../embed/offlineEmbeddings.js';
import type { ArticleMeta } from '../parse/article.js';
import { parseSeed } from '../parse/parseSeed.js';
import { readSeedFile } from '../seeds/readSeedFile.js';
import { splitPassages, type Passage, type SplitOptions } from '../splitPassages.js';

/** One seed file to turn into passages: the scan has read it once and recorded its hash. */
export type ArticleJob = { root: string; sourceId: string; hash: string; maxBytes: number; split: SplitOptions };

/** An article ready to insert: its citation fields, its passages with their lexical terms, and their vectors when the embedder could run alongside. */
export type PreparedArticle =
  | { ok: true; meta: ArticleMeta; passages: Passage[]; terms: string[][]; vectors: Float64Array[] | null }
  | { ok: false; reason: string };

/**
 * The CPU-heavy part of ingesting a file — reading, parsing, splitting, analysing and (with the
 * offline embedder) embedding — kept free of shared state so that it runs the same in a worker
 * thread as in the ingest's own thread. The file is read again here rather than carried from the
 * scan, so an ingest never holds more than the articles in flight.
 */
export async function prepareArticle(job: ArticleJob, embeddings: OfflineEmbeddings | null): Promise<PreparedArticle> {
  const read = await readSeedFile(job.root, job.sourceId, job.maxBytes);
  if (!read.ok) return { ok: false, reason: read.skip.reason };
  if (read.file.hash !== job.hash) return { ok: false, reason: 'changed while being ingested (the next run takes the new version)' };
  let article;
  try {
    article = parseSeed(job.sourceId, read.file.text);
  } catch (error) {
    return { ok: false, reason: (error as Error).message.replace(`${job.sourceId}: `, '') };
  }
  const { text, sourceId: _sourceId, ...meta } = article;
  const passages = splitPassages(article, job.split);
  // A headline names what every passage of its story is about ("Niger", "Rusia") while a passage may
  // only say "the country": its terms join each passage's, unless it merely repeats the text's opening.
  const titleTerms = text.startsWith(article.title) ? [] : analyzeDocument(article.title, article.language).terms;
  const terms: string[][] = [];
  const vectors: Float64Array[] | null = embeddings ? [] : null;
  for (const passage of passages) {
    const tokens = tokenizeForAnalysis(passage.text);
    terms.push(analyzeDocument(tokens, article.language).terms.concat(titleTerms));
    vectors?.push(embeddings!.embedFeatures(extractSurfaceFeatures(tokens)));
  }
  return { ok: true, meta, passages, terms, vectors };
}
