import type { ClientBase } from 'pg';
import { createError } from '../../core/errors.js';
import { HNSW_EF_CONSTRUCTION, HNSW_M } from '../hnswGraph.js';
import { usesGraph, type IndexOptions } from '../hnswIndex.js';
import type { IndexWriter, NewPassage } from '../indexTypes.js';
import { TermDictionary } from '../lexicalPostings.js';
import type { PassageSettings, SourceRecord } from '../manifest.js';
import { DATABASE_SCHEMA_VERSION, GENERATION_CHANNEL, passagesTableOf, visibleIn, type DatabaseManifest } from './indexSchema.js';
import { copyRows, toCopyLine } from './copyRows.js';
import { pruneGenerations } from './pruneGenerations.js';

/** The live generation a writer builds on: its id, its passages table, and how many passages each article holds there. */
export type WriterBase = { generation: number; table: string; nextLabel: number; passagesBySource: ReadonlyMap<string, number> };

/**
 * The connection a writer's statements run on: the writer lock's own session (see
 * lockIndexDatabase), so that a statement a killed writer left running on the server still
 * holds the lock, and the next writer waits for it instead of undoing its work beside it.
 */
export type WriterSession = () => Promise<{ client: ClientBase; release: () => void }>;

type Row = Omit<NewPassage, 'termIds'> & { label: number; terms: string };

/** Rows per COPY: about 40 MB of 384-dimension vectors as text, so a large archive is never one buffer. */
const COPY_BATCH = 10_000;
const COPY_COLUMNS = ['label', 'source_id', 'ordinal', 'start_at', 'end_at', 'text', 'terms', 'vector', 'born'];

/**
 * Ingest's side of the index in PostgreSQL. Changes are held in memory until `save`: a full
 * build (no base) fills a new passages table before any index exists on it, then builds the
 * HNSW index when the embedder's index keeps a graph (bulk-loading an indexed table is ~100×
 * slower; an offline index has none, so its build is COPY and the switch); an incremental run adds rows born
 * in the new generation to the base's table and marks the removed articles' rows as dead in it.
 * Either way the switch of `newsdesk_live` is one transaction, so readers see the old
 * generation or the new one, and rows of a generation that never went live are invisible.
 */
export class PostgresIndexWriter implements IndexWriter {
  readonly sources: Map<string, SourceRecord>;
  readonly termDictionary = new TermDictionary();
  private readonly pending = new Map<string, Row[]>();
  private readonly removedFromBase = new Set<string>();
  private basePassages: number;
  private nextLabel: number;

  constructor(
    private readonly session: WriterSession,
    private readonly options: IndexOptions,
    private base: WriterBase | null,
    sources: Map<string, SourceRecord> = new Map(),
  ) {
    this.sources = sources;
    this.nextLabel = base?.nextLabel ?? 0;
    this.basePassages = [...(base?.passagesBySource.values() ?? [])].reduce((sum, n) => sum + n, 0);
  }

  get passageSettings(): PassageSettings {
    return this.options.passageSettings;
  }

  get passageCount(): number {
    let count = this.basePassages;
    for (const rows of this.pending.values()) count += rows.length;
    return count;
  }

  addPassages(passages: readonly NewPassage[]): void {
    const { dimensions } = this.options.embedder;
    for (const { vector, termIds, ...place } of passages) {
      if (vector.length !== dimensions) throw createError('EMBEDDING_DIMENSIONS', { expected: dimensions, actual: vector.length });
      const terms = Array.from(termIds, (id) => this.termDictionary.terms[id]!).join(' ');
      const rows = this.pending.get(place.sourceId) ?? [];
      rows.push({ ...place, vector, label: this.nextLabel++, terms });
      this.pending.set(place.sourceId, rows);
    }
  }

  deleteSource(sourceId: string): void {
    this.pending.delete(sourceId);
    const inBase = this.base?.passagesBySource.get(sourceId);
    if (inBase !== undefined && !this.removedFromBase.has(sourceId)) {
      this.removedFromBase.add(sourceId);
      this.basePassages -= inBase;
    }
    this.sources.delete(sourceId);
  }

  /**
   * Writes generation `generation` (an id from allocateGeneration, given as text as the
   * IndexWriter contract names generations) and makes it live, then announces it on
   * GENERATION_CHANNEL and drops the generations no reader needs any more.
   */
  async save(generation: string): Promise<void> {
    const id = Number(generation);
    const table = this.base?.table ?? passagesTableOf(id);
    const { client, release } = await this.session();
    try {
      // Recorded first: whatever a killed build leaves in the table, recoverCrashedBuilds can find and undo.
      await client.query('UPDATE newsdesk_generations SET passages_table = $1 WHERE id = $2', [table, id]);
      if (this.base) {
        await client.query(`UPDATE ${table} SET died = $1 WHERE source_id = ANY($2) AND ${visibleIn(3)}`, [
          id,
          [...this.removedFromBase],
          this.base.generation,
        ]);
        await this.insertRows(client, table, id);
      } else {
        const { dimensions } = this.options.embedder;
        await client.query(
          `CREATE TABLE ${table} (label integer NOT NULL, source_id text NOT NULL, ordinal integer NOT NULL, start_at integer NOT NULL,
             end_at integer NOT NULL, text text NOT NULL, terms text NOT NULL, vector vector(${dimensions}) NOT NULL,
             born bigint NOT NULL, died bigint)`,
        );
        await this.insertRows(client, table, id);
        await client.query(`CREATE UNIQUE INDEX ON ${table} (label)`);
        await client.query(`CREATE INDEX ON ${table} (source_id)`);
        // As in the local index (usesGraph): an offline index's vectors only rank a question's ≤50 lexical candidates, by label.
        if (usesGraph(this.options.embedder)) {
          await client.query(
            `CREATE INDEX ON ${table} USING hnsw (vector vector_cosine_ops) WITH (m = ${HNSW_M}, ef_construction = ${HNSW_EF_CONSTRUCTION})`,
          );
        }
      }
      await this.switchLive(client, id);
      // Tidying: a failure leaves old generations that the next commit drops.
      await pruneGenerations(client).catch(() => {});
    } finally {
      release();
    }
  }

  /** The generation just saved went live: the next save builds on it, writing only what changes from here. */
  markCommitted(generation: string): void {
    const passagesBySource = new Map<string, number>();
    for (const [sourceId, source] of this.sources) passagesBySource.set(sourceId, source.passageCount);
    const id = Number(generation);
    this.base = { generation: id, table: this.base?.table ?? passagesTableOf(id), nextLabel: this.nextLabel, passagesBySource };
    this.basePassages = this.passageCount;
    this.pending.clear();
    this.removedFromBase.clear();
  }

  /** Copies the pending rows in, born in `generation` (COPY: several times the rows per second of INSERT). */
  private async insertRows(client: ClientBase, table: string, generation: number): Promise<void> {
    const rows = [...this.pending.values()].flat();
    for (let i = 0; i < rows.length; i += COPY_BATCH) {
      const lines = rows
        .slice(i, i + COPY_BATCH)
        .map((r) => toCopyLine([r.label, r.sourceId, r.ordinal, r.start, r.end, r.text, r.terms, `[${r.vector.join(',')}]`, generation]));
      await copyRows(client, table, COPY_COLUMNS, lines);
    }
  }

  private async switchLive(client: ClientBase, id: number): Promise<void> {
    const manifest: DatabaseManifest = {
      schemaVersion: DATABASE_SCHEMA_VERSION,
      createdAt: new Date().toISOString(),
      embedder: this.options.embedder,
      space: 'cosine',
      passageSettings: this.options.passageSettings,
      nextLabel: this.nextLabel,
      sources: Object.fromEntries(this.sources),
    };
    await client.query('BEGIN');
    try {
      await client.query(`UPDATE newsdesk_generations SET state = 'retired', retired_at = now() WHERE state = 'live'`);
      await client.query(`UPDATE newsdesk_generations SET state = 'live', manifest = $2 WHERE id = $1`, [id, manifest]);
      await client.query(
        'INSERT INTO newsdesk_live (one, generation) VALUES (true, $1) ON CONFLICT (one) DO UPDATE SET generation = EXCLUDED.generation',
        [id],
      );
      // Delivered when the transaction commits, and only then.
      await client.query('SELECT pg_notify($1, $2)', [GENERATION_CHANNEL, String(id)]);
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {});
      throw error;
    }
  }
}

/** Records a new generation as `building` and returns its id, for the next `save`. */
export async function allocateGeneration(client: ClientBase): Promise<string> {
  const { rows } = await client.query<{ id: string }>(`INSERT INTO newsdesk_generations (state) VALUES ('building') RETURNING id`);
  return rows[0]!.id;
}
