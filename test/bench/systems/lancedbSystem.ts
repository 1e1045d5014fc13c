import * as lancedb from '@lancedb/lancedb';
import { RecursiveCharacterTextSplitter } from '@langchain/textsplitters';
import { createOfflineEmbedder } from '../../../ingest/embed/createEmbedder.js';
import { measureRecall } from '../measure/measureRecall.js';
import { timeQueries } from '../measure/timeQueries.js';
import { PASSAGE_MAX_CHARS, PASSAGE_OVERLAP_CHARS, type BenchPaths, type BenchSystem, type IngestFigures } from './benchSystem.js';
import { listChangedSources, readSourceRows, type PassageRow, PASSAGE_SCHEMA, SOURCE_SCHEMA, stampSources } from './lancedbRows.js';

/**
 * LanceDB (`@lancedb/lancedb`), the embedded hybrid store a user would more likely pick than the
 * recipe: the recipe's files, splitter and embedder, one table of passages with LanceDB's
 * full-text index (BM25, its default analyzer) and a vector index, answered by its own hybrid
 * query (full-text + nearest neighbours, fused by its RRF reranker) with our answer's limit.
 * Changes are found the way a user's sync script would: a `sources` table of each file's
 * mtime and size; a changed file's rows are deleted and added again, then `optimize` folds the
 * new rows into both indexes.
 */

const PASSAGES = 'passages';
const SOURCES = 'sources';
/** Rows per `add`: each is one data file, so the table has a few dozen files at a million passages, and a batch stays small in memory. */
const BATCH_ROWS = 50_000;
/** Passages per question, as ours answers with (MAX_PASSAGES in retrieval/answer/answerQuestion.ts). */
const LIMIT = 3;

/**
 * IVF_HNSW_SQ with cosine distance and LanceDB's defaults (m 20, efConstruction 300, a partition
 * count it derives from the row count, search ef 1.5 × limit): an HNSW graph like ours and the
 * recipe's, and it trains at any size, where IVF_PQ cannot train its codebooks below 256 rows
 * (the CI bench has 100 passages).
 */
const vectorIndex = () => lancedb.Index.hnswSq({ distanceType: 'cosine' });

const embedder = createOfflineEmbedder();
const splitter = new RecursiveCharacterTextSplitter({ chunkSize: PASSAGE_MAX_CHARS, chunkOverlap: PASSAGE_OVERLAP_CHARS });

type Tables = { passages: lancedb.Table; sources: lancedb.Table };

/** A SQL list of string literals, for `source IN (…)`. */
const sqlList = (values: readonly string[]) => values.map((v) => `'${v.replaceAll("'", "''")}'`).join(', ');

async function build(db: lancedb.Connection, seedsDir: string): Promise<IngestFigures> {
  const began = performance.now();
  // Only builds of more than one batch report their steps: a phase killed at its budget then shows how far it got.
  const progress = (step: string) =>
    process.stderr.write(`lancedb ingest: ${step} after ${((performance.now() - began) / 1000).toFixed(0)} s\n`);
  const passages = await db.createEmptyTable(PASSAGES, PASSAGE_SCHEMA);
  const stamps = await stampSources(seedsDir);
  let batch: PassageRow[] = [];
  let count = 0;
  for (const stamp of stamps) {
    for (const row of await readSourceRows(seedsDir, stamp.source, splitter, embedder.embeddings)) batch.push(row);
    if (batch.length >= BATCH_ROWS) {
      await passages.add(batch);
      count += batch.length;
      batch = [];
      progress(`${count} rows added`);
    }
  }
  if (batch.length > 0) await passages.add(batch);
  count += batch.length;
  await passages.createIndex('text', { config: lancedb.Index.fts() });
  if (count >= BATCH_ROWS) progress('full-text index built');
  await passages.createIndex('vector', { config: vectorIndex() });
  if (count >= BATCH_ROWS) progress('vector index built');
  const sources = await db.createEmptyTable(SOURCES, SOURCE_SCHEMA);
  if (stamps.length > 0) await sources.add(stamps);
  return { passages: count, embedded: count, seconds: (performance.now() - began) / 1000 };
}

async function sync({ passages, sources }: Tables, seedsDir: string): Promise<IngestFigures> {
  const began = performance.now();
  const { changed, removed } = await listChangedSources(sources, seedsDir);
  const stale = [...changed.map((s) => s.source), ...removed];
  let embedded = 0;
  if (stale.length > 0) {
    await passages.delete(`source IN (${sqlList(stale)})`);
    const rows: PassageRow[] = [];
    for (const { source } of changed) rows.push(...(await readSourceRows(seedsDir, source, splitter, embedder.embeddings)));
    if (rows.length > 0) await passages.add(rows);
    embedded = rows.length;
    await sources.delete(`source IN (${sqlList(stale)})`);
    if (changed.length > 0) await sources.add(changed);
    // Indexes the new rows; older versions are dropped at once, as a single writer may (LanceDB keeps them 7 days by default).
    await passages.optimize({ cleanupOlderThan: new Date() });
    await sources.optimize({ cleanupOlderThan: new Date() });
  }
  return { passages: await passages.countRows(), embedded, seconds: (performance.now() - began) / 1000 };
}

async function openTables(db: lancedb.Connection): Promise<Tables | null> {
  const names = await db.tableNames();
  if (!names.includes(PASSAGES) || !names.includes(SOURCES)) return null;
  return { passages: await db.openTable(PASSAGES), sources: await db.openTable(SOURCES) };
}

async function ingest({ seedsDir, indexDir }: BenchPaths): Promise<IngestFigures> {
  const began = performance.now();
  const db = await lancedb.connect(indexDir);
  const tables = await openTables(db);
  const figures = tables ? await sync(tables, seedsDir) : await build(db, seedsDir);
  return { ...figures, seconds: (performance.now() - began) / 1000 };
}

export const lancedbSystem: BenchSystem = {
  ingest,

  async reingestWarm({ seedsDir, indexDir }, change) {
    const db = await lancedb.connect(indexDir);
    const tables = await openTables(db);
    if (!tables) throw new Error(`no LanceDB tables in ${indexDir}`);
    await sync(tables, seedsDir);
    await change();
    return sync(tables, seedsDir);
  },

  async serve({ indexDir }, questions) {
    const began = performance.now();
    const db = await lancedb.connect(indexDir);
    const passages = await db.openTable(PASSAGES);
    const reranker = await lancedb.rerankers.RRFReranker.create();
    const ask = async (question: string) =>
      passages
        .query()
        .fullTextSearch(question)
        .nearestTo(await embedder.embeddings.embedQuery(question))
        .distanceType('cosine')
        .rerank(reranker)
        .select(['source', 'text'])
        .limit(LIMIT)
        .toArray();
    // LanceDB opens its indexes on first use: the load is ready when a first question is answered.
    await ask(questions[0] ?? '');
    const loadSeconds = (performance.now() - began) / 1000;
    return { loadSeconds, ...(await timeQueries(questions, ask)) };
  },

  async recall({ indexDir }, questions) {
    const passages = await (await lancedb.connect(indexDir)).openTable(PASSAGES);
    const queries = await embedder.embeddings.embedDocuments([...questions]);
    async function* points() {
      for await (const batch of passages.query().select(['vector']).withRowId()) {
        const labels = batch.getChild('_rowid')!;
        const vectors = batch.getChild('vector')!;
        for (let i = 0; i < batch.numRows; i++) {
          yield { label: Number(labels.get(i)), vector: Array.from(vectors.get(i).toArray() as Float32Array) };
        }
      }
    }
    const stored = { dimensions: embedder.identity.dimensions, count: await passages.countRows(), points: points() };
    return measureRecall(stored, queries, async (query, k) => {
      const hits = await passages.vectorSearch(query).distanceType('cosine').select([]).withRowId().limit(k).toArray();
      return hits.map((hit: { _rowid: bigint }) => Number(hit._rowid));
    });
  },

  async indexFiles({ indexDir }) {
    return indexDir;
  },
};
