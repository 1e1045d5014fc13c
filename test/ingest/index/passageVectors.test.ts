import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import hnswlib from 'hnswlib-node';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createOfflineEmbedder } from '../../../ingest/embed/createEmbedder.js';
import { createIndex, type HnswIndex } from '../../../ingest/index/hnswIndex.js';
import type { EmbedderIdentity, Manifest } from '../../../ingest/index/manifest.js';
import { loadGeneration } from '../../../ingest/index/readGeneration.js';
import { MANIFEST_FILE, VECTORS_FILE } from '../../../ingest/index/storeFiles.js';
import { addTextPassages, type TextPassage } from '../../helpers/addTextPassages.js';

const embedder = createOfflineEmbedder();
/** The offline embedder's vectors under a neural provider's name: an index that keeps a graph. */
const neural: EmbedderIdentity = { provider: 'transformers', model: 'test-model', dimensions: embedder.identity.dimensions };
const settings = { maxChars: 700, overlapChars: 150, analyzer: 'test' };
const TEXTS = [
  'Niger mencabut perjanjian keamanan dengan Uni Eropa.',
  'Delegasi Rusia bertemu pemimpin Niger di Niamey.',
  'وصلت القوات الروسية ومنظومة إس-300 إلى النيجر.',
  'Latihan militer bersama digelar di Niamey pekan ini.',
  'Uni Eropa menghentikan misi pelatihan militer di Niger.',
  'Harga minyak naik setelah sanksi baru diumumkan.',
];
const QUESTION = 'misi militer Uni Eropa di Niger';

async function buildIndex(identity: EmbedderIdentity): Promise<HnswIndex> {
  const index = createIndex({ embedder: identity, passageSettings: settings });
  const passages = TEXTS.map((text, ordinal): TextPassage => ({ sourceId: 'a.txt', ordinal, start: 0, end: text.length, text, terms: [] }));
  await addTextPassages(index, embedder.embeddings, passages);
  return index;
}

describe('passage vectors', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'newsdesk-vectors-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  const manifestOf = async () => JSON.parse(await readFile(join(dir, MANIFEST_FILE), 'utf8')) as Manifest;

  it('GIVEN an offline-embedder index THEN it is saved without a graph, in a file hnswlib reads with the same unit vectors', async () => {
    const index = await buildIndex(embedder.identity);
    await index.save(dir);
    expect((await manifestOf()).vectors.graph).toBeNull();
    const read = new hnswlib.HierarchicalNSW('cosine', embedder.identity.dimensions);
    await read.readIndex(join(dir, VECTORS_FILE));
    expect(read.getIdsList().sort()).toEqual([0, 1, 2, 3, 4, 5]);
    const vectors = await embedder.embeddings.embedDocuments(TEXTS);
    vectors.forEach((vector, label) => {
      const norm = Math.hypot(...vector);
      read.getPoint(label).forEach((v, d) => expect(v).toBeCloseTo(vector[d]! / norm, 6));
    });
  });

  it('GIVEN passages deleted before saving THEN their vectors are not written and the loaded index never returns them', async () => {
    const index = await buildIndex(embedder.identity);
    index.deleteSource('a.txt');
    const [kept] = TEXTS;
    await addTextPassages(index, embedder.embeddings, [
      { sourceId: 'b.txt', ordinal: 0, start: 0, end: kept!.length, text: kept!, terms: [] },
    ]);
    await index.save(dir);
    const loaded = await loadGeneration(dir, embedder.identity);
    const vector = await embedder.embeddings.embedQuery(QUESTION);
    expect(loaded.searchLabels(vector, 10).map(([label]) => label)).toEqual([6]);
    expect(loaded.rankLabels(vector, [0, 3, 6]).map(([label]) => label)).toEqual([6]);
    const read = new hnswlib.HierarchicalNSW('cosine', embedder.identity.dimensions);
    await read.readIndex(join(dir, VECTORS_FILE));
    expect(read.getIdsList()).toEqual([6]);
  });

  it.each([
    ['without a graph (offline)', embedder.identity],
    ['with a graph (neural)', neural],
  ])('GIVEN an index %s THEN rankLabels orders the given labels as the exact search over all of them does', async (_kind, identity) => {
    const index = await buildIndex(identity);
    await index.save(dir);
    const loaded = await loadGeneration(dir, identity);
    expect((await manifestOf()).vectors.graph === null).toBe(identity.provider === 'offline');
    const vector = await embedder.embeddings.embedQuery(QUESTION);
    const all = loaded.searchLabels(vector, TEXTS.length);
    const some = new Set([1, 3, 4, 5]);
    const ranked = loaded.rankLabels(vector, [...some]);
    expect(ranked.map(([label]) => label)).toEqual(all.map(([label]) => label).filter((label) => some.has(label)));
    const distanceOf = new Map(all);
    for (const [label, distance] of ranked) expect(distance).toBeCloseTo(distanceOf.get(label)!, 5);
  });

  it('GIVEN a zero vector or labels the index does not hold THEN rankLabels ranks none of them', async () => {
    const index = await buildIndex(embedder.identity);
    expect(index.rankLabels(new Array<number>(embedder.identity.dimensions).fill(0), [0, 1])).toEqual([]);
    expect(index.rankLabels(await embedder.embeddings.embedQuery(QUESTION), [40, 41])).toEqual([]);
  });
});
