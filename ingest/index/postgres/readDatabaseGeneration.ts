import { z } from 'zod';
import { createError } from '../../core/errors.js';
import type { IndexOptions } from '../hnswIndex.js';
import type { PassageRecord } from '../indexTypes.js';
import { LexicalPostings, type TermEntry } from '../lexicalPostings.js';
import type { EmbedderIdentity, SourceRecord } from '../manifest.js';
import type { IndexPool } from './createIndexPool.js';
import { generationRowSchema, redactUrl, visibleIn, type GenerationRow } from './indexSchema.js';
import { PostgresIndexReader } from './postgresIndexReader.js';
import { PostgresIndexWriter, type WriterSession } from './postgresIndexWriter.js';

/** Where a generation is read from, for messages: the database (without its password) and the generation. */
export type DatabaseLocation = { pool: IndexPool; url: string };

const passageRowSchema = z.object({
  label: z.number().int().nonnegative(),
  source_id: z.string().min(1),
  ordinal: z.number().int().nonnegative(),
  start_at: z.number().int().nonnegative(),
  end_at: z.number().int().nonnegative(),
  text: z.string(),
  terms: z.string(),
});

const where = (db: DatabaseLocation, id: number) => `${redactUrl(db.url)} (generation ${id})`;

/** The live generation's id, or null when none has been built (or the tables do not exist yet). */
export async function readLiveGeneration(pool: IndexPool): Promise<number | null> {
  // A statement naming a missing table fails even in a branch never taken: ask first whether it exists.
  const present = await pool.query<{ present: boolean }>(`SELECT to_regclass('newsdesk_live') IS NOT NULL AS present`);
  if (!present.rows[0]?.present) return null;
  const { rows } = await pool.query<{ generation: string }>('SELECT generation FROM newsdesk_live');
  return rows.length === 0 ? null : Number(rows[0]!.generation);
}

/** A generation's row with its manifest, checked: INDEX_MISSING when it is gone, INDEX_DAMAGED when its row is not one newsdesk wrote. */
export async function readGenerationRow(
  db: DatabaseLocation,
  id: number,
  query: IndexPool['query'] = db.pool.query.bind(db.pool),
): Promise<GenerationRow> {
  const { rows } = await query(`SELECT id, passages_table, manifest FROM newsdesk_generations WHERE id = $1 AND state <> 'building'`, [id]);
  if (rows.length === 0) throw createError('INDEX_MISSING', { dir: where(db, id) });
  const parsed = generationRowSchema.safeParse(rows[0]);
  if (!parsed.success)
    throw createError('INDEX_DAMAGED', { file: `newsdesk_generations row ${id}`, reason: z.prettifyError(parsed.error) });
  return parsed.data;
}

function checkEmbedder(db: DatabaseLocation, row: GenerationRow, expected: EmbedderIdentity): void {
  const built = row.manifest.embedder;
  if (built.provider !== expected.provider || built.model !== expected.model || built.dimensions !== expected.dimensions) {
    throw createError('INDEX_INCOMPATIBLE', {
      dir: where(db, row.id),
      reason: `embedded with ${built.provider}/${built.model} (${built.dimensions} dimensions), configured ${expected.provider}/${expected.model} (${expected.dimensions})`,
    });
  }
}

/**
 * Loads generation `id` for retrieval: its manifest, passages and terms are read in one
 * repeatable-read transaction (one snapshot of the database, so a switch or a prune meanwhile
 * cannot mix generations) and the postings are built from the terms as ingest analysed them.
 */
export async function loadDatabaseGeneration(db: DatabaseLocation, id: number, expected: EmbedderIdentity): Promise<PostgresIndexReader> {
  const client = await db.pool.connect();
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const row = await readGenerationRow(db, id, client.query.bind(client) as IndexPool['query']);
    checkEmbedder(db, row, expected);
    const { rows } = await client.query(
      `SELECT label, source_id, ordinal, start_at, end_at, text, terms FROM ${row.passages_table} WHERE ${visibleIn(1)} ORDER BY label`,
      [id],
    );
    await client.query('COMMIT');
    const records = new Map<number, PassageRecord>();
    const postings = LexicalPostings.empty();
    const entries: TermEntry[] = [];
    for (const raw of rows) {
      const parsed = passageRowSchema.safeParse(raw);
      if (!parsed.success) throw createError('INDEX_DAMAGED', { file: `${row.passages_table} row`, reason: z.prettifyError(parsed.error) });
      const { label, source_id: sourceId, ordinal, start_at: start, end_at: end, text, terms } = parsed.data;
      records.set(label, { label, sourceId, ordinal, start, end, text });
      const termIds = terms === '' ? [] : terms.split(' ').map((term) => postings.dictionary.add(term));
      entries.push({ label, termIds: Uint32Array.from(termIds) });
    }
    const sources = new Map<string, SourceRecord>(Object.entries(row.manifest.sources));
    const lexical = postings.merge(new Set(), entries);
    return new PostgresIndexReader(db.pool, id, row.passages_table, row.manifest.embedder.dimensions, sources, records, lexical);
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

/** Opens generation `id` for ingest to build the next one on: only its manifest is read (the passages stay in the database). */
export async function openDatabaseWriter(
  db: DatabaseLocation,
  session: WriterSession,
  id: number,
  expected: EmbedderIdentity,
): Promise<PostgresIndexWriter> {
  const row = await readGenerationRow(db, id);
  checkEmbedder(db, row, expected);
  const { manifest } = row;
  const sources = new Map<string, SourceRecord>(Object.entries(manifest.sources));
  const passagesBySource = new Map([...sources].map(([sourceId, source]) => [sourceId, source.passageCount]));
  const options: IndexOptions = { embedder: manifest.embedder, passageSettings: manifest.passageSettings };
  return new PostgresIndexWriter(
    session,
    options,
    { generation: id, table: row.passages_table, nextLabel: manifest.nextLabel, passagesBySource },
    sources,
  );
}
