import { createError } from '../../core/errors.js';
import type { IndexReader, PassageFilter, PassageRecord } from '../indexTypes.js';
import type { LexicalPostings } from '../lexicalPostings.js';
import type { SourceRecord } from '../manifest.js';
import type { IndexPool } from './createIndexPool.js';
import { visibleIn } from './indexSchema.js';

/**
 * The local graph searches with ef 1000 (see hnswGraph.ts); pgvector's ceiling is the same, so
 * both backends search as widely and their nearest passages agree.
 */
const EF_SEARCH = 1000;
/** With a filter, each retry asks for this many times more rows, until enough pass or the generation runs out. */
const FILTER_WIDENING = 4;

/**
 * One generation of the index in PostgreSQL as retrieval reads it: the passages and their
 * postings are held in memory (BM25 runs in-process over the same postings as the local
 * backend, so lexical scores are identical), the vectors stay in the database, restricted to
 * this generation's rows: searched with pgvector's HNSW index for a neural embedder, and for the
 * offline one (whose table has no vector index) only ranked exactly over given labels.
 */
export class PostgresIndexReader implements IndexReader {
  constructor(
    private readonly pool: IndexPool,
    readonly generation: number,
    private readonly table: string,
    private readonly dimensions: number,
    readonly sources: ReadonlyMap<string, SourceRecord>,
    private readonly records: ReadonlyMap<number, PassageRecord>,
    private readonly lexical: LexicalPostings,
  ) {}

  get passageCount(): number {
    return this.records.size;
  }

  passage(label: number): PassageRecord | undefined {
    return this.records.get(label);
  }

  passages(): Iterable<PassageRecord> {
    return this.records.values();
  }

  postings(): LexicalPostings {
    return this.lexical;
  }

  async searchLabels(vector: number[], k: number, filter?: PassageFilter): Promise<[label: number, distance: number][]> {
    if (vector.length !== this.dimensions) throw createError('EMBEDDING_DIMENSIONS', { expected: this.dimensions, actual: vector.length });
    const limit = Math.min(k, this.records.size);
    if (limit <= 0 || !vector.some((v) => v !== 0)) return [];
    const accept = filter ? (label: number) => filter(this.records.get(label)!) : () => true;
    for (let fetch = limit; ; fetch *= FILTER_WIDENING) {
      const nearest = await this.nearest(vector, Math.min(fetch, this.records.size));
      const accepted = nearest.filter(([label]) => this.records.has(label) && accept(label));
      if (accepted.length >= limit || fetch >= this.records.size) return accepted.slice(0, limit);
    }
  }

  async rankLabels(vector: number[], labels: readonly number[]): Promise<[label: number, distance: number][]> {
    if (vector.length !== this.dimensions) throw createError('EMBEDDING_DIMENSIONS', { expected: this.dimensions, actual: vector.length });
    const held = labels.filter((label) => this.records.has(label));
    if (held.length === 0 || !vector.some((v) => v !== 0)) return [];
    const { rows } = await this.pool.query<{ label: number; distance: number }>(
      `SELECT label, vector <=> $1::vector AS distance FROM ${this.table} WHERE label = ANY($2) AND ${visibleIn(3)} ORDER BY distance, label`,
      [`[${vector.join(',')}]`, held, this.generation],
    );
    return rows.map((row) => [row.label, row.distance]);
  }

  private async nearest(vector: number[], limit: number): Promise<[number, number][]> {
    const client = await this.pool.connect();
    try {
      // SET LOCAL: the settings end with the transaction, so a pooled (or pgbouncer) connection carries nothing to its next user.
      await client.query('BEGIN READ ONLY');
      await client.query(`SET LOCAL hnsw.ef_search = ${EF_SEARCH}`);
      // Rows of other generations share the table: strict_order keeps scanning past them, nearest first, until `limit` are found.
      await client.query(`SET LOCAL hnsw.iterative_scan = strict_order`);
      const { rows } = await client.query<{ label: number; distance: number }>(
        `SELECT label, vector <=> $1::vector AS distance FROM ${this.table} WHERE ${visibleIn(2)} ORDER BY vector <=> $1::vector LIMIT $3`,
        [`[${vector.join(',')}]`, this.generation, limit],
      );
      await client.query('COMMIT');
      return rows.map((row) => [row.label, row.distance]);
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {});
      throw error;
    } finally {
      client.release();
    }
  }
}
