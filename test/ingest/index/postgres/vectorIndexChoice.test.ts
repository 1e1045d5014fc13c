import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PipelineConfig } from '../../../../ingest/core/config.js';
import { createOfflineEmbedder } from '../../../../ingest/embed/createEmbedder.js';
import { openIndexBackend } from '../../../../ingest/index/indexBackend.js';
import type { EmbedderIdentity } from '../../../../ingest/index/manifest.js';
import { closeIndexPools } from '../../../../ingest/index/postgres/databaseBackend.js';
import { runIngest } from '../../../../ingest/pipeline/runIngest.js';
import { addTextPassages } from '../../../helpers/addTextPassages.js';
import { createMemoryLogger, createTempWorkspace, type TempWorkspace } from '../../../helpers/tempWorkspace.js';
import { createTestDatabase, type TestDatabase } from './support/createTestDatabase.js';

const embedder = createOfflineEmbedder();
/** The offline embedder's vectors under a neural provider's name: an index whose manifest asks for a graph. */
const neural: EmbedderIdentity = { provider: 'transformers', model: 'test-model', dimensions: embedder.identity.dimensions };

/** The live generation's indexes on its passages table, by how they are built. */
async function liveIndexDefinitions(url: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ indexdef: string }>(
      `SELECT indexdef FROM pg_indexes JOIN newsdesk_generations g ON tablename = g.passages_table
        WHERE g.id = (SELECT generation FROM newsdesk_live) ORDER BY indexdef`,
    );
    return rows.map((row) => row.indexdef);
  } finally {
    await client.end();
  }
}

describe('the vector index a full build leaves in PostgreSQL', () => {
  let ws: TempWorkspace;
  const databases: TestDatabase[] = [];
  const configIn = async (): Promise<PipelineConfig> => {
    const db = await createTestDatabase();
    databases.push(db);
    return { ...ws.config, indexUrl: db.url, indexDir: join(ws.root, 'unused-index') };
  };

  beforeAll(async () => {
    ws = await createTempWorkspace();
  });
  afterAll(async () => {
    await closeIndexPools();
    await Promise.all(databases.map((db) => db.drop()));
    await ws?.cleanup();
  });

  it('GIVEN the offline embedder THEN the passages table has no HNSW index, only its label and article indexes', async () => {
    const config = await configIn();
    await runIngest(config, { embedder, logger: createMemoryLogger(), tty: false });
    const definitions = await liveIndexDefinitions(config.indexUrl!);
    expect(definitions).toHaveLength(2);
    expect(definitions.some((d) => d.includes('(label)'))).toBe(true);
    expect(definitions.some((d) => d.includes('(source_id)'))).toBe(true);
    expect(definitions.some((d) => d.includes('USING hnsw'))).toBe(false);
  });

  it('GIVEN an embedder whose index keeps a graph THEN the full build still gets a cosine HNSW index', async () => {
    const config = await configIn();
    const backend = await openIndexBackend(config);
    const lock = await backend.lockWriter({ waitMs: 0, logger: createMemoryLogger() });
    try {
      const writer = backend.createWriter({ embedder: neural, passageSettings: { maxChars: 700, overlapChars: 150, analyzer: 'test' } });
      const texts = ['Niger mencabut perjanjian keamanan.', 'وصلت القوات الروسية إلى النيجر.'];
      await addTextPassages(
        writer,
        embedder.embeddings,
        texts.map((text, ordinal) => ({ sourceId: 'a.txt', ordinal, start: 0, end: text.length, text, terms: [] })),
      );
      await backend.commit(writer);
    } finally {
      await lock.release();
    }
    const hnsw = (await liveIndexDefinitions(config.indexUrl!)).filter((d) => d.includes('USING hnsw'));
    expect(hnsw).toHaveLength(1);
    expect(hnsw[0]).toContain('vector_cosine_ops');
  });
});
