import { z } from 'zod';
import { createError } from '../../core/errors.js';
import { embedderIdentitySchema, passageSettingsSchema, sourceTableSchema } from '../manifest.js';
import type { IndexPool } from './createIndexPool.js';

/**
 * The index's tables in PostgreSQL. `newsdesk_generations` lists every generation (building, live
 * or retired) with its manifest; `newsdesk_live` is the one-row pointer to the live one; the
 * passages of a generation are rows of a `newsdesk_passages_<n>` table, where `<n>` is the
 * generation that built it in full. Later incremental generations share that table: a row is
 * part of generation g when `born <= g` and it has not `died` by g, so unchanged passages are
 * never copied and one HNSW index serves every generation of the table.
 */

/** Bumped whenever these tables change shape; a database of another version is refused, not migrated silently. */
export const DATABASE_SCHEMA_VERSION = 1;

/** The channel `NOTIFY` announces a new live generation on; the payload is its id. */
export const GENERATION_CHANNEL = 'newsdesk_generation';

/** Advisory lock keys (two int4s: "ndsk", then which lock) serialising schema creation, and the one writer. */
const LOCK_SPACE = 0x6e64736b;
export const SCHEMA_LOCK: [number, number] = [LOCK_SPACE, 1];
export const WRITER_LOCK: [number, number] = [LOCK_SPACE, 2];

/** A generation's manifest as stored in `newsdesk_generations.manifest`; read back through zod, as any outside input. */
export const databaseManifestSchema = z.object({
  schemaVersion: z.literal(DATABASE_SCHEMA_VERSION),
  createdAt: z.string(),
  embedder: embedderIdentitySchema,
  space: z.literal('cosine'),
  passageSettings: passageSettingsSchema,
  nextLabel: z.number().int().nonnegative(),
  sources: sourceTableSchema,
});
export type DatabaseManifest = z.infer<typeof databaseManifestSchema>;

/** One row of `newsdesk_generations` as a reader selects it. */
export const generationRowSchema = z.object({
  id: z.coerce.number().int().positive(),
  passages_table: z.string().regex(/^newsdesk_passages_[0-9]+$/, 'passages_table must name a newsdesk_passages_<n> table'),
  manifest: databaseManifestSchema,
});
export type GenerationRow = z.infer<typeof generationRowSchema>;

/** The passages table a full build of generation `id` creates. */
export const passagesTableOf = (id: number): string => `newsdesk_passages_${id}`;

/** The rows of `table` that belong to generation `$n` (the query's parameter number given). */
export const visibleIn = (param: number): string => `born <= $${param} AND (died IS NULL OR died > $${param})`;

const CREATE = [
  'CREATE EXTENSION IF NOT EXISTS vector',
  'CREATE TABLE IF NOT EXISTS newsdesk_schema (version integer NOT NULL)',
  `CREATE TABLE IF NOT EXISTS newsdesk_generations (
     id bigserial PRIMARY KEY,
     created_at timestamptz NOT NULL DEFAULT now(),
     state text NOT NULL CHECK (state IN ('building', 'live', 'retired')),
     passages_table text,
     manifest jsonb)`,
  // Added after version 1's first tables: additive, so older version-1 databases gain it in place.
  'ALTER TABLE newsdesk_generations ADD COLUMN IF NOT EXISTS retired_at timestamptz',
  `CREATE TABLE IF NOT EXISTS newsdesk_live (
     one boolean PRIMARY KEY DEFAULT true CHECK (one),
     generation bigint NOT NULL REFERENCES newsdesk_generations (id))`,
];

/** Creates the tables when absent (once, whoever comes first), and refuses a database of another schema version. */
export async function ensureIndexSchema(pool: IndexPool, url: string): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1, $2)', SCHEMA_LOCK);
    for (const statement of CREATE) await client.query(statement);
    const { rows } = await client.query<{ version: number }>('SELECT version FROM newsdesk_schema');
    if (rows.length === 0) await client.query('INSERT INTO newsdesk_schema (version) VALUES ($1)', [DATABASE_SCHEMA_VERSION]);
    else if (rows[0]!.version !== DATABASE_SCHEMA_VERSION) {
      throw createError('INDEX_INCOMPATIBLE', {
        dir: redactUrl(url),
        reason: `its tables have schema version ${rows[0]!.version}, this program uses ${DATABASE_SCHEMA_VERSION}`,
      });
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

/** INDEX_URL as shown in messages and logs: without its password. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'INDEX_URL';
  }
}
