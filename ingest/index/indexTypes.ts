import type { LexicalPostings, TermDictionary } from './lexicalPostings.js';
import type { PassageSettings, SourceRecord } from './manifest.js';
import type { PassageLine } from './storeFiles.js';

/**
 * The index as its two users see it: retrieval reads a loaded index (`IndexReader`), ingest
 * changes one and commits it as a new generation (`IndexWriter`). They are interfaces so that
 * another backend can stand behind them; today's is files (see hnswIndex.ts).
 * Passages are known by their label: a number the index gives each passage it adds, never reused.
 */

/** One stored passage: its label, its place in its article, and its text (its analysed terms live in the postings). */
export type PassageRecord = PassageLine;

/** A passage for `IndexWriter.addPassages`: its place and text, its vector, and its terms as ids of the writer's `termDictionary`. */
export type NewPassage = Omit<PassageRecord, 'label'> & { vector: number[]; termIds: Uint32Array };

/** Passages nearest a vector, nearest first. */
export type NearestLabels = [label: number, distance: number][];

/** Which passages a search may return. */
export type PassageFilter = (passage: PassageRecord) => boolean;

/** What retrieval needs of a loaded index; nothing here changes it. */
export interface IndexReader {
  /** The indexed articles by source id (their path under the seeds folder). */
  readonly sources: ReadonlyMap<string, SourceRecord>;
  readonly passageCount: number;
  passage(label: number): PassageRecord | undefined;
  passages(): Iterable<PassageRecord>;
  /** The lexical postings of every passage, for BM25 (see LexicalIndex). */
  postings(): LexicalPostings;
  /**
   * The `k` passages nearest `vector` (at most as many as there are) by cosine distance, smaller
   * is closer, nearest first; only passages `filter` accepts. Throws EMBEDDING_DIMENSIONS when
   * the vector is not the index's size; a zero vector finds nothing. A backend whose vectors are
   * elsewhere (PostgreSQL) answers asynchronously: callers await the result.
   */
  searchLabels(vector: number[], k: number, filter?: PassageFilter): NearestLabels | Promise<NearestLabels>;
  /**
   * The passages among `labels` (those the index holds) by exact cosine distance from `vector`,
   * nearest first: the dense side over a question's lexical candidates, with no graph search (in
   * SQL, the distances of the rows with these labels). A zero vector ranks none.
   */
  rankLabels(vector: number[], labels: readonly number[]): NearestLabels | Promise<NearestLabels>;
}

/**
 * What ingest needs to bring an index up to date. A writer need not hold its passages in memory,
 * so it offers no reads of them.
 */
export interface IndexWriter {
  /** How the indexed passages were cut and analysed; a run with other settings starts a new index. */
  readonly passageSettings: PassageSettings;
  /** The indexed articles by source id; ingest records an article here once its passages are added. */
  readonly sources: Map<string, SourceRecord>;
  readonly passageCount: number;
  /** The ids of every term the index holds; `addPassages` takes terms as ids of it. */
  readonly termDictionary: TermDictionary;
  /** Adds passages (with new labels); throws EMBEDDING_DIMENSIONS when a vector is not the index's size. */
  addPassages(passages: readonly NewPassage[]): void;
  /** Removes an article and all its passages. */
  deleteSource(sourceId: string): void;
  /** Writes everything the index holds as a generation into `dir`, a fresh directory that the caller makes live (see commitGeneration). */
  save(dir: string): Promise<void>;
  /** The last `save` went live as generation `dir`: later saves may build on it (write only what changed since). */
  markCommitted(dir: string): void;
}
