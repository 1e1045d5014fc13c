import type { PipelineConfig } from '../core/config.js';
import type { Logger } from '../core/logger.js';
import type { IndexOptions } from './hnswIndex.js';
import type { IndexReader, IndexWriter } from './indexTypes.js';
import type { IndexLock, LockOptions } from './lockIndexDirectory.js';
import type { EmbedderIdentity } from './manifest.js';
import { redactUrl } from './postgres/indexSchema.js';

/**
 * Where the index lives, as ingest and retrieval use it: a directory of generations (INDEX_DIR,
 * the default) or a PostgreSQL database (INDEX_URL). Generations are named by strings: a
 * directory's path, or a database generation's id.
 */
export type IndexBackend = {
  /** INDEX_DIR, or INDEX_URL without its password: for messages. */
  readonly location: string;
  /** Takes the one-writer lock (refusing an INDEX_DIR newsdesk may not write in first). */
  lockWriter(options: LockOptions): Promise<IndexLock>;
  /** The live generation, or null when none was built; throws INDEX_DAMAGED when the pointer to it is unreadable. */
  liveGeneration(): Promise<string | null>;
  /** A cheap token that changes whenever a new generation goes live; null when none is. */
  stamp(): Promise<string | null>;
  /** A new, empty index to fill and commit. */
  createWriter(options: IndexOptions): IndexWriter;
  /** Opens a generation for ingest to build the next one on. */
  openWriter(generation: string, expected: EmbedderIdentity): Promise<IndexWriter>;
  /** Writes the writer's index as a new generation, makes it live atomically, and returns it. Under the writer lock. */
  commit(store: IndexWriter): Promise<string>;
  /** How a generation was built: its embedder and when it was written (its manifest alone). */
  readBuild(generation: string): Promise<GenerationBuild>;
  /** Loads a generation for retrieval. */
  loadReader(generation: string, expected: EmbedderIdentity): Promise<IndexReader>;
  /** Calls `onChange` (perhaps spuriously) when another generation may have gone live. */
  watchLive(onChange: () => void, logger: Logger): { close(): void };
};

/** Where `config` keeps the index, for messages: INDEX_URL without its password, or INDEX_DIR. */
export function describeIndexLocation(config: Pick<PipelineConfig, 'indexDir' | 'indexUrl'>): string {
  return config.indexUrl ? redactUrl(config.indexUrl) : config.indexDir;
}

export type GenerationBuild = { embedder: EmbedderIdentity; createdAt: string };

/** The backend `config` names: the database at INDEX_URL when set, else the directory INDEX_DIR. */
export async function openIndexBackend(config: PipelineConfig): Promise<IndexBackend> {
  if (config.indexUrl) {
    const { openDatabaseBackend } = await import('./postgres/databaseBackend.js');
    return openDatabaseBackend({ indexUrl: config.indexUrl, indexPoolSize: config.indexPoolSize });
  }
  const { openDirectoryBackend } = await import('./directoryBackend.js');
  return openDirectoryBackend(config.indexDir, config.seedsDir);
}
