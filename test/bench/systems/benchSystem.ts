/** Where a system under test reads its seeds and keeps its index. */
export type BenchPaths = {
  seedsDir: string;
  indexDir: string;
  /** Ours only: the PostgreSQL database to keep the index in (INDEX_URL) instead of indexDir. */
  indexUrl?: string;
};

export type IngestFigures = { passages: number; embedded: number; seconds: number };
/** `firstMs`: the first question's time, before any warm-up (see timeQueries). */
export type ServeFigures = { loadSeconds: number; firstMs: number; latenciesMs: number[] };

/** One side of the comparison: the same corpus, the same embedder, the same questions. */
export type BenchSystem = {
  /** Brings the index up to date with the seeds (a full build when there is none). */
  ingest(paths: BenchPaths): Promise<IngestFigures>;
  /**
   * Watch mode, where a system has one: the index already in memory from a first run, `change`
   * applied, then the timed re-ingest. The recipe has none (it rebuilds everything every time).
   */
  reingestWarm?(paths: BenchPaths, change: () => Promise<void>): Promise<IngestFigures>;
  /** Loads the index from disk, then answers every question (warm). */
  serve(paths: BenchPaths, questions: readonly string[]): Promise<ServeFigures>;
  /** HNSW recall@10 of the system's own search settings against exact search. */
  recall(paths: BenchPaths, questions: readonly string[]): Promise<number>;
  /** The directory whose files are the index as it is served. */
  indexFiles(paths: BenchPaths): Promise<string>;
};

/** Both systems split passages to the project's default size. */
export const PASSAGE_MAX_CHARS = 700;
export const PASSAGE_OVERLAP_CHARS = 150;
