import { mkdir, mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createOfflineEmbedder } from '../../../ingest/embed/createEmbedder.js';
import type { Manifest } from '../../../ingest/index/manifest.js';
import { termsByLabel } from '../../helpers/termsByLabel.js';
import { createIndex, type HnswIndex } from '../../../ingest/index/hnswIndex.js';
import type { IndexReader, IndexWriter } from '../../../ingest/index/indexTypes.js';
import { loadGeneration, openGenerationWriter } from '../../../ingest/index/readGeneration.js';
import { MANIFEST_FILE, PASSAGES_FILE, POSTINGS_FILE, VECTORS_FILE } from '../../../ingest/index/storeFiles.js';
import { addTextPassages, type TextPassage } from '../../helpers/addTextPassages.js';

const embedder = createOfflineEmbedder();
const settings = { maxChars: 700, overlapChars: 150, analyzer: 'test' };
const WORDS = [
  'niger',
  'rusia',
  'eropa',
  'militer',
  'keamanan',
  'pelatihan',
  'pangkalan',
  'delegasi',
  'kudeta',
  'sanksi',
  'minyak',
  'pemilu',
];

const passage = (sourceId: string, ordinal: number): TextPassage => {
  const text = `${sourceId} ${ordinal}: ${WORDS[ordinal % WORDS.length]} ${WORDS[(ordinal * 7 + sourceId.length) % WORDS.length]} dan ${WORDS[(ordinal * 3) % WORDS.length]}`;
  return { sourceId, ordinal, start: 0, end: text.length, text, terms: text.split(/\W+/).filter(Boolean) };
};

async function addArticle(store: IndexWriter, sourceId: string, passages: number): Promise<void> {
  store.deleteSource(sourceId);
  await addTextPassages(
    store,
    embedder.embeddings,
    Array.from({ length: passages }, (_, i) => passage(sourceId, i)),
  );
  store.sources.set(sourceId, {
    hash: sourceId.padEnd(64, '0').slice(0, 64),
    title: sourceId,
    publisher: null,
    site: null,
    published: null,
    url: null,
    language: 'id',
    passageCount: passages,
    ingestedAt: '2026-01-01T00:00:00.000Z',
  });
}

const load = (dir: string) => loadGeneration(dir, embedder.identity);
const readManifest = async (dir: string) => JSON.parse(await readFile(join(dir, MANIFEST_FILE), 'utf8')) as Manifest;
const inode = async (path: string) => (await stat(path)).ino;
/** The lexical side of a store, comparable between stores built different ways. */
const lexicalOf = (store: IndexReader) => {
  const postings = store.postings();
  return { passages: postings.passageCount, totalLength: postings.totalLength, terms: termsByLabel(postings) };
};
/** The distances of the nearest passages (ties between equally near passages may come in either order). */
const nearestDistances = async (store: IndexReader) =>
  (await store.searchLabels(await embedder.embeddings.embedQuery('militer keamanan niger'), 8)).map(([, distance]) => distance.toFixed(5));

describe('delta generations', () => {
  let root: string;
  let generation = 0;
  const nextDir = async () => {
    const dir = join(root, `gen-${generation++}`);
    await mkdir(dir);
    return dir;
  };
  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'newsdesk-delta-'));
  });
  afterEach(() => rm(root, { recursive: true, force: true }));

  async function snapshotOf(articles: number): Promise<string> {
    const store = createIndex({ embedder: embedder.identity, passageSettings: settings });
    for (let a = 0; a < articles; a++) await addArticle(store, `article-${a}`, 5);
    const dir = await nextDir();
    await store.save(dir);
    return dir;
  }

  it('GIVEN a loaded store changed a little THEN save links the snapshot, writes only the change, and loads back the same', async () => {
    const first = await snapshotOf(20);
    const store = await load(first);
    await addArticle(store, 'article-3', 7);
    store.deleteSource('article-4');
    await addArticle(store, 'article-new', 2);
    const second = await nextDir();
    await store.save(second);

    for (const file of [VECTORS_FILE, PASSAGES_FILE, POSTINGS_FILE])
      expect(await inode(join(second, file))).toBe(await inode(join(first, file)));
    const manifest = await readManifest(second);
    expect(manifest.delta).toMatchObject({ firstLabel: 100 });
    expect(manifest.delta!.deletedLabels).toHaveLength(10);
    const loaded = await load(second);
    expect([...loaded.passages()].sort((a, b) => a.label - b.label)).toEqual([...store.passages()].sort((a, b) => a.label - b.label));
    expect(Object.fromEntries(loaded.sources)).toEqual(Object.fromEntries(store.sources));
    expect(await nearestDistances(loaded)).toEqual(await nearestDistances(store));
    expect(lexicalOf(loaded)).toEqual(lexicalOf(store));
    expect(lexicalOf(loaded).terms.size).toBe(store.passageCount);
  });

  it('GIVEN small changes generation after generation THEN each delta holds everything since the snapshot', async () => {
    let dir = await snapshotOf(10);
    const snapshotInode = await inode(join(dir, VECTORS_FILE));
    let expected: HnswIndex | undefined;
    for (let round = 0; round < 4; round++) {
      const store = await load(dir);
      await addArticle(store, `article-${round}`, 3 + round);
      await addArticle(store, `round-${round}`, 2);
      dir = await nextDir();
      await store.save(dir);
      expected = store;
    }
    expect(await inode(join(dir, VECTORS_FILE))).toBe(snapshotInode);
    const loaded = await load(dir);
    expect(loaded.passageCount).toBe(expected!.passageCount);
    expect(new Set([...loaded.passages()].map((p) => `${p.sourceId}#${p.ordinal}:${p.text}`))).toEqual(
      new Set([...expected!.passages()].map((p) => `${p.sourceId}#${p.ordinal}:${p.text}`)),
    );
    expect(await nearestDistances(loaded)).toEqual(await nearestDistances(expected!));
  });

  it('GIVEN more change than a delta may hold THEN a full snapshot is written', async () => {
    const first = await snapshotOf(60);
    const store = await load(first);
    for (let a = 0; a < 60; a++) await addArticle(store, `article-${a}`, 5);
    const second = await nextDir();
    await store.save(second);
    expect((await readManifest(second)).delta).toBeNull();
    expect(await inode(join(second, VECTORS_FILE))).not.toBe(await inode(join(first, VECTORS_FILE)));
    expect(await readdir(second)).toEqual([MANIFEST_FILE, PASSAGES_FILE, POSTINGS_FILE, VECTORS_FILE].sort());
    const loaded = await load(second);
    expect(loaded.passageCount).toBe(300);
    // The replaced passages' postings are gone from the new snapshot, not just hidden.
    expect(lexicalOf(loaded)).toEqual(lexicalOf(store));
    expect(Math.min(...lexicalOf(loaded).terms.keys())).toBe(300);
  });

  it('GIVEN a store kept in memory after its save went live THEN its next saves are deltas over that generation', async () => {
    const store = createIndex({ embedder: embedder.identity, passageSettings: settings });
    for (let a = 0; a < 10; a++) await addArticle(store, `article-${a}`, 5);
    const first = await nextDir();
    await store.save(first);
    store.markCommitted(first);
    for (let round = 0; round < 3; round++) {
      await addArticle(store, `article-${round}`, 2);
      const dir = await nextDir();
      await store.save(dir);
      store.markCommitted(dir);
      expect(await inode(join(dir, VECTORS_FILE))).toBe(await inode(join(first, VECTORS_FILE)));
      const loaded = await load(dir);
      expect(loaded.passageCount).toBe(store.passageCount);
      expect(await nearestDistances(loaded)).toEqual(await nearestDistances(store));
    }
    expect((await readManifest(join(root, `gen-${generation - 1}`))).delta!.deletedLabels).toHaveLength(15);
  });

  it("GIVEN a store opened for ingest (passages left on disk) THEN its deltas and full snapshots hold the same as a fully loaded store's", async () => {
    const first = await snapshotOf(60);
    const change = async (store: IndexWriter, articles: number) => {
      for (let a = 0; a < articles; a++) await addArticle(store, `article-${a * 3}`, 4);
      store.deleteSource('article-1');
    };
    for (const articles of [2, 70]) {
      const onDisk = await openGenerationWriter(first, embedder.identity);
      // @ts-expect-error a writer offers no reads: its passages may still be on disk
      expect(onDisk.passages).toBeUndefined();
      const full = await load(first);
      await change(onDisk, articles);
      await change(full, articles);
      expect(onDisk.passageCount).toBe(full.passageCount);
      const [fromDisk, fromFull] = [await nextDir(), await nextDir()];
      await onDisk.save(fromDisk);
      await full.save(fromFull);
      expect((await readManifest(fromDisk)).delta === null).toBe(articles === 70);
      expect(await readManifest(fromDisk)).toEqual({ ...(await readManifest(fromFull)), createdAt: expect.any(String) });
      const [a, b] = [await load(fromDisk), await load(fromFull)];
      expect([...a.passages()].sort((x, y) => x.label - y.label)).toEqual([...b.passages()].sort((x, y) => x.label - y.label));
      expect(lexicalOf(a)).toEqual(lexicalOf(b));
    }
  });

  it('GIVEN the generation it was loaded from is gone THEN save writes a full snapshot instead of links', async () => {
    const first = await snapshotOf(5);
    const store = await load(first);
    await addArticle(store, 'article-1', 2);
    await rm(first, { recursive: true });
    const second = await nextDir();
    await store.save(second);
    expect((await readManifest(second)).delta).toBeNull();
    expect((await load(second)).passageCount).toBe(22);
  });
});
