import { PGlite } from '@electric-sql/pglite';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import { vector } from '@electric-sql/pglite-pgvector';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_SCHEMA_VERSION, ensureIndexSchema } from '../../../../ingest/index/postgres/indexSchema.js';
import { readGenerationRow, readLiveGeneration } from '../../../../ingest/index/postgres/readDatabaseGeneration.js';

/** A database of this file's own, in-process (PGlite behind pg's own Pool), for what the tables hold and how it is read back. */
describe('the index tables as outside input (PGlite)', () => {
  let pglite: PGlite;
  let pool: pg.Pool;
  const db = () => ({ pool, url: 'postgres://newsdesk:secret@db.example/newsdesk' });

  beforeAll(async () => {
    pglite = await PGlite.create({ extensions: { vector } });
    pool = new pg.Pool(createPgConfig(pglite));
    await ensureIndexSchema(pool, db().url);
  });
  afterAll(async () => {
    await pool?.end();
    await pglite?.close();
  });

  it('GIVEN fresh tables THEN no generation is live, and creating them again changes nothing', async () => {
    expect(await readLiveGeneration(pool)).toBeNull();
    await ensureIndexSchema(pool, db().url);
    expect((await pool.query('SELECT version FROM newsdesk_schema')).rows).toEqual([{ version: DATABASE_SCHEMA_VERSION }]);
  });

  it('GIVEN a generation row whose manifest lacks a field THEN reading it is INDEX_DAMAGED naming the field', async () => {
    const { rows } = await pool.query(
      `INSERT INTO newsdesk_generations (state, passages_table, manifest) VALUES ('live', 'newsdesk_passages_1', $1) RETURNING id`,
      [{ schemaVersion: DATABASE_SCHEMA_VERSION, createdAt: 'now', space: 'cosine', nextLabel: 0, sources: {} }],
    );
    const error = await readGenerationRow(db(), Number(rows[0].id)).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'INDEX_DAMAGED' });
    expect((error as Error).message).toContain('embedder');
  });

  it('GIVEN a generation that is not there THEN reading it is INDEX_MISSING without the password', async () => {
    const error = await readGenerationRow(db(), 999).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'INDEX_MISSING' });
    expect((error as Error).message).not.toContain('secret');
  });

  it('GIVEN tables of another schema version THEN opening them is INDEX_INCOMPATIBLE, not a silent migration', async () => {
    await pool.query('UPDATE newsdesk_schema SET version = $1', [DATABASE_SCHEMA_VERSION + 1]);
    await expect(ensureIndexSchema(pool, db().url)).rejects.toMatchObject({ code: 'INDEX_INCOMPATIBLE' });
    await pool.query('UPDATE newsdesk_schema SET version = $1', [DATABASE_SCHEMA_VERSION]);
  });
});
