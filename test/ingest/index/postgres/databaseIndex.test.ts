import { readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { PipelineConfig } from '../../../../ingest/core/config.js';
import { createOfflineEmbedder } from '../../../../ingest/embed/createEmbedder.js';
import { closeIndexPools } from '../../../../ingest/index/postgres/databaseBackend.js';
import { runIngest } from '../../../../ingest/pipeline/runIngest.js';
import { createLiveIndex } from '../../../../retrieval/open/liveIndex.js';
import { loadIndex, type LoadedIndex } from '../../../../retrieval/open/loadIndex.js';
import { retrievePassages } from '../../../../retrieval/retrievePassages.js';
import { ARABIC_SEED, createMemoryLogger, createTempWorkspace, type TempWorkspace } from '../../../helpers/tempWorkspace.js';
import { createTestDatabase, type TestDatabase } from './support/createTestDatabase.js';

const embedder = createOfflineEmbedder();
const QUESTIONS = [
  'when did Niger end EU cooperation?',
  'Russian military instructors and air defence in Niger',
  'kerja sama pertahanan Niger dengan Rusia',
  'التعاون الدفاعي بين روسيا والدول الإفريقية',
  'Bazoum overthrown coup Sahel',
];

const ingest = (config: PipelineConfig) => runIngest(config, { embedder, logger: createMemoryLogger(), tty: false });

/** What a ranking is made of, to compare backends: label, fused score, distance and lexical score of each passage. */
async function rankings(index: LoadedIndex): Promise<string[][]> {
  const out: string[][] = [];
  for (const question of QUESTIONS) {
    const { passages } = await retrievePassages(index, question, { limit: 8 });
    out.push(passages.map((p) => `${p.record.label}:${p.score.toFixed(9)}:${p.distance?.toFixed(5)}:${p.lexicalScore.toFixed(9)}`));
  }
  return out;
}

async function execute(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

async function countRows(url: string, sql: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return Number((await client.query(sql)).rows[0].n);
  } finally {
    await client.end();
  }
}

describe('the index in PostgreSQL (INDEX_URL)', () => {
  let db: TestDatabase;
  let ws: TempWorkspace;
  let config: PipelineConfig;

  beforeAll(async () => {
    db = await createTestDatabase();
    ws = await createTempWorkspace();
    config = { ...ws.config, indexUrl: db.url, indexDir: join(ws.root, 'unused-index') };
  });
  afterAll(async () => {
    await closeIndexPools();
    await db?.drop();
    await ws?.cleanup();
  });

  it('GIVEN the seeds ingested into the database and into a directory THEN every question ranks the same passages with the same scores', async () => {
    const report = await ingest(config);
    expect(report.added).toHaveLength(2);
    await ingest(ws.config);
    const [fromDatabase, fromDirectory] = await Promise.all([loadIndex(config, embedder), loadIndex(ws.config, embedder)]);
    expect(fromDatabase.store.passageCount).toBe(fromDirectory.store.passageCount);
    expect([...fromDatabase.store.sources.keys()].sort()).toEqual([...fromDirectory.store.sources.keys()].sort());
    const expected = await rankings(fromDirectory);
    expect(expected.flat().length).toBeGreaterThan(0);
    expect(await rankings(fromDatabase)).toEqual(expected);
  });

  it('GIVEN the same seeds THEN pgvector finds the same nearest passages at the same distances as the local graph, with and without a filter', async () => {
    const [fromDatabase, fromDirectory] = await Promise.all([loadIndex(config, embedder), loadIndex(ws.config, embedder)]);
    const arabicOnly = (p: { sourceId: string }) => p.sourceId === ARABIC_SEED;
    for (const question of QUESTIONS) {
      const vector = await embedder.embeddings.embedQuery(question);
      const nearest = async (index: LoadedIndex, filter?: typeof arabicOnly) =>
        (await index.store.searchLabels(vector, 6, filter)).map(([label, distance]) => `${label}:${distance.toFixed(5)}`);
      expect(await nearest(fromDatabase)).toEqual(await nearest(fromDirectory));
      expect(await nearest(fromDatabase, arabicOnly)).toEqual(await nearest(fromDirectory, arabicOnly));
    }
  });

  it('GIVEN INDEX_URL THEN ingest writes nothing to INDEX_DIR', async () => {
    await expect(readdir(config.indexDir)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('GIVEN an unchanged archive THEN a second ingest commits no generation', async () => {
    const report = await ingest(config);
    expect(report.unchanged).toHaveLength(2);
    expect(report.generation).toBeNull();
  });

  it('GIVEN an article removed and one added THEN the next generation shares the unchanged rows and answers from the change alone', async () => {
    const before = await loadIndex(config, embedder);
    const rowsBefore = await countRows(db.url, `SELECT count(*) AS n FROM newsdesk_passages_${before.generation}`);
    await rm(join(config.seedsDir, ARABIC_SEED));
    await writeFile(
      join(config.seedsDir, 'added.md'),
      '# Harbour strike\n\nDock workers in Lagos stopped work on Monday over unpaid wages.\n',
    );
    const report = await ingest(config);
    expect(report.removed).toEqual([ARABIC_SEED]);
    expect(report.added).toEqual(['added.md']);
    const after = await loadIndex(config, embedder);
    expect(after.generation).not.toBe(before.generation);
    expect([...after.store.sources.keys()].sort()).toEqual(['000_c35ea9e91ea66f2f.txt', 'added.md']);
    expect([...after.store.passages()].some((p) => p.sourceId === ARABIC_SEED)).toBe(false);
    // The old generation still reads as it was (a process may be answering from it), from the same table.
    expect(before.store.passage([...before.store.passages()].find((p) => p.sourceId === ARABIC_SEED)!.label)).toBeDefined();
    const added = [...after.store.passages()].filter((p) => p.sourceId === 'added.md').length;
    expect(await countRows(db.url, `SELECT count(*) AS n FROM newsdesk_passages_${before.generation}`)).toBe(rowsBefore + added);
    const top = (await retrievePassages(after, 'dock workers strike in Lagos')).passages[0];
    expect(top?.record.sourceId).toBe('added.md');
  });

  it('GIVEN three generations committed, the oldest retired long ago THEN only the live one and the one before it remain', async () => {
    await execute(db.url, `UPDATE newsdesk_generations SET retired_at = now() - interval '1 hour' WHERE state = 'retired'`);
    await writeFile(join(config.seedsDir, 'third.md'), '# Grain prices\n\nMillet prices in Niamey rose again in March.\n');
    await ingest(config);
    const states = await countRows(db.url, 'SELECT count(*) AS n FROM newsdesk_generations');
    expect(states).toBe(2);
  });

  it('GIVEN a generation retired minutes ago THEN the next commit keeps it too, since a reader may still be searching its vectors', async () => {
    await writeFile(join(config.seedsDir, 'fifth.md'), '# Bus fares\n\nBus fares between Zinder and Maradi went up.\n');
    await ingest(config);
    expect(await countRows(db.url, 'SELECT count(*) AS n FROM newsdesk_generations')).toBe(3);
  });

  it('GIVEN a process following the live index WHEN another run commits THEN NOTIFY brings it the new generation', async () => {
    const live = await createLiveIndex(config, embedder, createMemoryLogger(), { pollMs: 3_600_000 });
    try {
      const before = live.current().generation;
      await writeFile(join(config.seedsDir, 'fourth.md'), '# Ferry timetable\n\nThe Lake Chad ferry now sails twice a week.\n');
      await ingest(config);
      await vi.waitFor(() => expect(live.current().generation).not.toBe(before), { timeout: 30_000, interval: 50 });
      expect(live.current().store.sources.has('fourth.md')).toBe(true);
    } finally {
      live.close();
    }
  });

  it('GIVEN another writer holds the database lock THEN an ingest that cannot wait is refused with INGEST_RUNNING', async () => {
    const { openIndexBackend } = await import('../../../../ingest/index/indexBackend.js');
    const backend = await openIndexBackend(config);
    const lock = await backend.lockWriter({ waitMs: 0, logger: createMemoryLogger() });
    try {
      await expect(runIngest(config, { embedder, logger: createMemoryLogger(), tty: false, lockWaitMs: 0 })).rejects.toMatchObject({
        code: 'INGEST_RUNNING',
      });
    } finally {
      await lock.release();
    }
    await expect(ingest(config)).resolves.toBeDefined();
  });
});
