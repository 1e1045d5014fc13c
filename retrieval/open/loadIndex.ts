import type { PipelineConfig } from '../../ingest/core/config.js';
import type { Embedder } from '../../ingest/embed/createEmbedder.js';
import { isEmbedderSource, type EmbedderSource } from '../../ingest/embed/createEmbedderSource.js';
import { createError } from '../../ingest/core/errors.js';
import { baseLanguage } from '../../ingest/text/baseLanguage.js';
import { openIndexBackend } from '../../ingest/index/indexBackend.js';
import type { IndexReader } from '../../ingest/index/indexTypes.js';
import { preloadDictionaries } from '../../ingest/text/lexicon/translateWithDictionary.js';
import { LexicalIndex } from '../lexicalIndex.js';

/** Everything a question needs, loaded once from one generation and then only read. */
export type LoadedIndex = {
  store: IndexReader;
  lexical: LexicalIndex;
  embedder: Embedder;
  /** The generation it was loaded from: its directory, or its id in the database. */
  generation: string;
  /** The live generation's stamp at load time (see IndexBackend.stamp), to notice a newer generation. */
  stamp: string | null;
  /** When the generation was written (its manifest's createdAt): the last ingest that changed anything. */
  createdAt: Date;
  /** Languages of the archive's articles, used to stem questions every way an article might be. */
  languages: string[];
  loadedAt: Date;
};

/**
 * Loads the live generation of `config.indexDir` (or of the database at `config.indexUrl`); throws INDEX_MISSING / INDEX_DAMAGED /
 * INDEX_INCOMPATIBLE. Given an EmbedderSource, questions are embedded by the embedder the index
 * was built with (or EMBEDDER_MISMATCH says why that is not configured); a plain Embedder must
 * be that embedder already.
 */
export async function loadIndex(config: PipelineConfig, embedder: Embedder | EmbedderSource): Promise<LoadedIndex> {
  const backend = await openIndexBackend(config);
  const stamp = await backend.stamp();
  const generation = await backend.liveGeneration();
  if (!generation) throw createError('INDEX_MISSING', { dir: backend.location });
  const build = await backend.readBuild(generation);
  const chosen = isEmbedderSource(embedder) ? await embedder.forIndex(build.embedder, backend.location) : embedder;
  const store: IndexReader = await backend.loadReader(generation, chosen.identity);
  const languages = [...new Set([...store.sources.values()].map((s) => baseLanguage(s.language)).filter((l) => l !== 'und'))];
  // Read here, once, rather than on the first question's path (about 0.1 s for Indonesian and Arabic).
  preloadDictionaries(languages);
  return {
    store,
    lexical: new LexicalIndex(store.postings()),
    embedder: chosen,
    generation,
    stamp,
    createdAt: new Date(build.createdAt),
    languages,
    loadedAt: new Date(),
  };
}
