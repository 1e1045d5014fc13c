import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Table } from '@lancedb/lancedb';
import type { EmbeddingsInterface } from '@langchain/core/embeddings';
import type { TextSplitter } from '@langchain/textsplitters';
import { Field, FixedSizeList, Float32, Float64, Schema, Utf8 } from 'apache-arrow';
import { OFFLINE_DIMENSIONS } from '../../../ingest/embed/offlineEmbeddings.js';
import { listSeedFiles } from '../corpus/listSeedFiles.js';

/** The LanceDB peer's two tables and the rows it writes to them: passages with their vectors, and each file's stamp. */

export type PassageRow = { source: string; text: string; vector: number[] };
/** What a sync script compares to find a changed file without reading it. */
export type SourceStamp = { source: string; mtime_ms: number; size: number };

export const PASSAGE_SCHEMA = new Schema([
  new Field('source', new Utf8(), false),
  new Field('text', new Utf8(), false),
  new Field('vector', new FixedSizeList(OFFLINE_DIMENSIONS, new Field('item', new Float32(), true)), false),
]);

export const SOURCE_SCHEMA = new Schema([
  new Field('source', new Utf8(), false),
  new Field('mtime_ms', new Float64(), false),
  new Field('size', new Float64(), false),
]);

/** Files stat'ed at once: enough to keep the disk busy, few enough to hold no more than a page of handles. */
const STAT_CONCURRENCY = 64;

/** Every seed file's stamp, in the files' sorted order. */
export async function stampSources(seedsDir: string): Promise<SourceStamp[]> {
  const files = await listSeedFiles(seedsDir);
  const stamps: SourceStamp[] = [];
  for (let at = 0; at < files.length; at += STAT_CONCURRENCY) {
    const slice = files.slice(at, at + STAT_CONCURRENCY);
    const stats = await Promise.all(slice.map((source) => stat(join(seedsDir, source))));
    stats.forEach((s, i) => stamps.push({ source: slice[i]!, mtime_ms: s.mtimeMs, size: s.size }));
  }
  return stamps;
}

/** One file as the recipe makes it: its whole text split by the recipe's splitter, each chunk embedded. */
export async function readSourceRows(
  seedsDir: string,
  source: string,
  splitter: TextSplitter,
  embeddings: EmbeddingsInterface,
): Promise<PassageRow[]> {
  const chunks = await splitter.splitText(await readFile(join(seedsDir, source), 'utf8'));
  const vectors = await embeddings.embedDocuments(chunks);
  return chunks.map((text, i) => ({ source, text, vector: vectors[i]! }));
}

/** Files whose stamp differs from the stored one (or that are new), and stored files that are gone. */
export async function listChangedSources(sources: Table, seedsDir: string): Promise<{ changed: SourceStamp[]; removed: string[] }> {
  const known = new Map<string, SourceStamp>();
  for (const row of (await sources.query().select(['source', 'mtime_ms', 'size']).toArray()) as SourceStamp[]) known.set(row.source, row);
  const changed: SourceStamp[] = [];
  for (const stamp of await stampSources(seedsDir)) {
    const before = known.get(stamp.source);
    known.delete(stamp.source);
    if (!before || before.mtime_ms !== stamp.mtime_ms || before.size !== stamp.size) changed.push(stamp);
  }
  return { changed, removed: [...known.keys()] };
}
