import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Document } from '@langchain/core/documents';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createOfflineEmbedder } from '../../../ingest/embed/createEmbedder.js';
import { NewsdeskError } from '../../../ingest/core/errors.js';
import { MANIFEST_FILE, PassageStore, type PassageMetadata } from '../../../ingest/index/passageStore.js';

const embedder = createOfflineEmbedder();
const settings = { maxChars: 700, overlapChars: 150, analyzer: 'test' };

const passage = (sourceId: string, ordinal: number, text: string) =>
  new Document<PassageMetadata>({ pageContent: text, metadata: { sourceId, ordinal, start: 0, end: text.length, terms: text.toLowerCase().split(/\s+/) } });

async function buildStore(): Promise<PassageStore> {
  const store = new PassageStore(embedder.embeddings, { embedder: embedder.identity, passageSettings: settings });
  await store.addDocuments([
    passage('id.txt', 0, 'Niger mencabut perjanjian keamanan dengan Uni Eropa.'),
    passage('id.txt', 1, 'Delegasi Rusia bertemu pemimpin Niger di Niamey.'),
    passage('ar.txt', 0, 'وصلت القوات الروسية ومنظومة إس-300 إلى النيجر.'),
  ]);
  store.sources.set('id.txt', { hash: 'a'.repeat(64), title: 'Niger', publisher: 'Công Luận', site: null, published: '2023-12-05', url: null, language: 'id', passageCount: 2, ingestedAt: '2026-01-01T00:00:00.000Z' });
  store.sources.set('ar.txt', { hash: 'b'.repeat(64), title: 'النيجر', publisher: null, site: 'defense-arabic.com', published: '2024-05-05', url: 'https://www.defense-arabic.com', language: 'ar', passageCount: 1, ingestedAt: '2026-01-01T00:00:00.000Z' });
  return store;
}

describe('PassageStore', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'newsdesk-store-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('GIVEN a saved store THEN loading it gives the same passages, sources and search results', async () => {
    const store = await buildStore();
    await store.save(dir);
    const loaded = await PassageStore.load(dir, embedder.embeddings, embedder.identity);
    expect([...loaded.passages()]).toEqual([...store.passages()]);
    expect(Object.fromEntries(loaded.sources)).toEqual(Object.fromEntries(store.sources));
    const before = await store.similaritySearchWithScore('Rusia Niamey', 2);
    const after = await loaded.similaritySearchWithScore('Rusia Niamey', 2);
    expect(after.map(([d, distance]) => [d.id, distance])).toEqual(before.map(([d, distance]) => [d.id, distance]));
    expect(after[0]![0].metadata).toMatchObject({ sourceId: 'id.txt', ordinal: 1, publisher: 'Công Luận', published: '2023-12-05' });
  });

  it('GIVEN a deleted source THEN its passages are gone from search and from the saved copy', async () => {
    const store = await buildStore();
    store.deleteSource('id.txt');
    await store.save(dir);
    const loaded = await PassageStore.load(dir, embedder.embeddings, embedder.identity);
    expect(loaded.passageCount).toBe(1);
    const hits = await loaded.similaritySearch('Niger Uni Eropa', 5);
    expect(hits.map((d) => d.metadata.sourceId)).toEqual(['ar.txt']);
  });

  it('GIVEN k larger than the store THEN search returns what there is', async () => {
    const store = await buildStore();
    expect(await store.similaritySearch('Niger', 50)).toHaveLength(3);
  });

  it('GIVEN a vector of the wrong size THEN addVectors refuses it', async () => {
    const store = await buildStore();
    await expect(store.addVectors([[1, 2, 3]], [passage('x.txt', 0, 'x')])).rejects.toThrow(/3 dimensions, the index expects 128/);
  });

  it('GIVEN an index built by another embedder THEN load says so and says to re-ingest', async () => {
    await (await buildStore()).save(dir);
    const other = { provider: 'transformers', model: 'Xenova/multilingual-e5-small', dimensions: 384 };
    const error = await PassageStore.load(dir, embedder.embeddings, other).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NewsdeskError);
    expect((error as NewsdeskError).code).toBe('INDEX_INCOMPATIBLE');
    expect((error as Error).message).toMatch(/embedded with offline\/offline-hash-v\d+ \(128 dimensions\), configured transformers\/Xenova\/multilingual-e5-small \(384\).*npm run ingest/);
  });

  it('GIVEN a manifest from another schema version THEN load names the versions and says to re-ingest', async () => {
    await (await buildStore()).save(dir);
    const path = join(dir, MANIFEST_FILE);
    const manifest = JSON.parse(await readFile(path, 'utf8'));
    await writeFile(path, JSON.stringify({ ...manifest, schemaVersion: 99 }));
    await expect(PassageStore.load(dir, embedder.embeddings, embedder.identity)).rejects.toThrow(/schema version 99, this program reads \d+.*npm run ingest/);
  });

  it('GIVEN a truncated vectors file THEN load names the file', async () => {
    await (await buildStore()).save(dir);
    await writeFile(join(dir, 'vectors.hnsw'), 'truncated');
    await expect(PassageStore.load(dir, embedder.embeddings, embedder.identity)).rejects.toThrow(/vectors\.hnsw cannot be read \(9 bytes, the manifest says \d+\).*npm run ingest/);
  });
});
