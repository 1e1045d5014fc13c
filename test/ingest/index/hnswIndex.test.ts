import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createOfflineEmbedder } from '../../../ingest/embed/createEmbedder.js';
import { NewsdeskError } from '../../../ingest/core/errors.js';
import { createIndex, type HnswIndex } from '../../../ingest/index/hnswIndex.js';
import type { IndexReader } from '../../../ingest/index/indexTypes.js';
import { loadGeneration } from '../../../ingest/index/readGeneration.js';
import { MANIFEST_FILE } from '../../../ingest/index/storeFiles.js';
import { addTextPassages, type TextPassage } from '../../helpers/addTextPassages.js';

const embedder = createOfflineEmbedder();
const settings = { maxChars: 700, overlapChars: 150, analyzer: 'test' };

const passage = (sourceId: string, ordinal: number, text: string): TextPassage => ({
  sourceId,
  ordinal,
  start: 0,
  end: text.length,
  text,
  terms: text.toLowerCase().split(/\s+/),
});

async function buildIndex(): Promise<HnswIndex> {
  const index = createIndex({ embedder: embedder.identity, passageSettings: settings });
  await addTextPassages(index, embedder.embeddings, [
    passage('id.txt', 0, 'Niger mencabut perjanjian keamanan dengan Uni Eropa.'),
    passage('id.txt', 1, 'Delegasi Rusia bertemu pemimpin Niger di Niamey.'),
    passage('ar.txt', 0, 'وصلت القوات الروسية ومنظومة إس-300 إلى النيجر.'),
  ]);
  index.sources.set('id.txt', {
    hash: 'a'.repeat(64),
    title: 'Niger',
    publisher: 'Công Luận',
    site: null,
    published: '2023-12-05',
    url: null,
    language: 'id',
    passageCount: 2,
    ingestedAt: '2026-01-01T00:00:00.000Z',
  });
  index.sources.set('ar.txt', {
    hash: 'b'.repeat(64),
    title: 'النيجر',
    publisher: null,
    site: 'defense-arabic.com',
    published: '2024-05-05',
    url: 'https://www.defense-arabic.com',
    language: 'ar',
    passageCount: 1,
    ingestedAt: '2026-01-01T00:00:00.000Z',
  });
  return index;
}

/** The nearest passages to a question, as [label, distance], the way retrieval asks. */
const nearest = async (index: IndexReader, question: string, k: number) =>
  index.searchLabels(await embedder.embeddings.embedQuery(question), k);

describe('HnswIndex', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'newsdesk-store-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('GIVEN a saved index THEN loading it gives the same passages, sources and search results', async () => {
    const index = await buildIndex();
    await index.save(dir);
    const loaded = await loadGeneration(dir, embedder.identity);
    expect([...loaded.passages()]).toEqual([...index.passages()]);
    expect(Object.fromEntries(loaded.sources)).toEqual(Object.fromEntries(index.sources));
    const before = await nearest(index, 'Rusia Niamey', 2);
    const after = await nearest(loaded, 'Rusia Niamey', 2);
    expect(after).toEqual(before);
    const best = loaded.passage(after[0]![0])!;
    expect({ ...best, ...loaded.sources.get(best.sourceId) }).toMatchObject({
      sourceId: 'id.txt',
      ordinal: 1,
      publisher: 'Công Luận',
      published: '2023-12-05',
    });
  });

  it('GIVEN a deleted source THEN its passages are gone from search and from the saved copy', async () => {
    const index = await buildIndex();
    index.deleteSource('id.txt');
    await index.save(dir);
    const loaded = await loadGeneration(dir, embedder.identity);
    expect(loaded.passageCount).toBe(1);
    const hits = await nearest(loaded, 'Niger Uni Eropa', 5);
    expect(hits.map(([label]) => loaded.passage(label)?.sourceId)).toEqual(['ar.txt']);
  });

  it('GIVEN k larger than the index THEN search returns what there is', async () => {
    const index = await buildIndex();
    expect(await nearest(index, 'Niger', 50)).toHaveLength(3);
  });

  it('GIVEN a vector of the wrong size THEN addPassages refuses it', async () => {
    const index = await buildIndex();
    expect(() =>
      index.addPassages([{ sourceId: 'x.txt', ordinal: 0, start: 0, end: 1, text: 'x', vector: [1, 2, 3], termIds: new Uint32Array() }]),
    ).toThrow(/3 dimensions, the index expects 128/);
  });

  it('GIVEN an index built by another embedder THEN load says so and says to re-ingest', async () => {
    await (await buildIndex()).save(dir);
    const other = { provider: 'transformers', model: 'Xenova/multilingual-e5-small', dimensions: 384 };
    const error = await loadGeneration(dir, other).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NewsdeskError);
    expect((error as NewsdeskError).code).toBe('INDEX_INCOMPATIBLE');
    expect((error as Error).message).toMatch(
      /embedded with offline\/offline-hash-v\d+ \(128 dimensions\), configured transformers\/Xenova\/multilingual-e5-small \(384\).*npm run ingest/,
    );
  });

  it('GIVEN a manifest from another schema version THEN load names the versions and says to re-ingest', async () => {
    await (await buildIndex()).save(dir);
    const path = join(dir, MANIFEST_FILE);
    const manifest = JSON.parse(await readFile(path, 'utf8'));
    await writeFile(path, JSON.stringify({ ...manifest, schemaVersion: 99 }));
    await expect(loadGeneration(dir, embedder.identity)).rejects.toThrow(/schema version 99, this program reads \d+.*npm run ingest/);
  });

  it('GIVEN a truncated vectors file THEN load names the file', async () => {
    await (await buildIndex()).save(dir);
    await writeFile(join(dir, 'vectors.hnsw'), 'truncated');
    await expect(loadGeneration(dir, embedder.identity)).rejects.toThrow(
      /vectors\.hnsw cannot be read \(9 bytes, the manifest says \d+\).*npm run ingest/,
    );
  });
});
