import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Document } from '@langchain/core/documents';
import { RecursiveCharacterTextSplitter } from '@langchain/textsplitters';
import { createOfflineEmbedder } from '../../../ingest/embed/createEmbedder.js';
import { listSeedFiles } from '../corpus/listSeedFiles.js';
import { measureRecall, readHnswVectors } from '../measure/measureRecall.js';
import { timeQueries } from '../measure/timeQueries.js';
import { PASSAGE_MAX_CHARS, PASSAGE_OVERLAP_CHARS, type BenchSystem } from './benchSystem.js';
import { HnswLibRecipe } from './hnswLibRecipe.js';

/**
 * The usual LangChain.js recipe: load every file of the folder as a Document (DirectoryLoader
 * with TextLoader), `RecursiveCharacterTextSplitter`, `HNSWLib.fromDocuments`, `save`; to
 * answer, `similaritySearch(question, 4)` (an LLM would write the answer; no answer step is
 * timed). It has no incremental path: a changed article means building everything again.
 */

const embedder = createOfflineEmbedder();

async function loadDirectory(dir: string): Promise<Document[]> {
  const documents: Document[] = [];
  for (const file of await listSeedFiles(dir)) {
    const path = join(dir, file);
    documents.push(new Document({ pageContent: await readFile(path, 'utf8'), metadata: { source: path } }));
  }
  return documents;
}

export const langchainSystem: BenchSystem = {
  async ingest({ seedsDir, indexDir }) {
    const began = performance.now();
    const splitter = new RecursiveCharacterTextSplitter({ chunkSize: PASSAGE_MAX_CHARS, chunkOverlap: PASSAGE_OVERLAP_CHARS });
    const chunks = await splitter.splitDocuments(await loadDirectory(seedsDir));
    const store = await HnswLibRecipe.fromDocuments(chunks, embedder.embeddings);
    await store.save(indexDir);
    return { passages: chunks.length, embedded: chunks.length, seconds: (performance.now() - began) / 1000 };
  },

  async serve({ indexDir }, questions) {
    const began = performance.now();
    const store = await HnswLibRecipe.load(indexDir, embedder.embeddings);
    const loadSeconds = (performance.now() - began) / 1000;
    return { loadSeconds, ...(await timeQueries(questions, (q) => store.similaritySearch(q, 4))) };
  },

  async recall({ indexDir }, questions) {
    const store = await HnswLibRecipe.load(indexDir, embedder.embeddings);
    const queries = await embedder.embeddings.embedDocuments([...questions]);
    const stored = await readHnswVectors(join(indexDir, 'hnswlib.index'), store.args.numDimensions);
    return measureRecall(stored, queries, (q, k) => store.index.searchKnn(q, k).neighbors);
  },

  async indexFiles({ indexDir }) {
    return indexDir;
  },
};
