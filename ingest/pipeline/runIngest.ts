import { setImmediate as nextTurn } from 'node:timers/promises';
import type { PipelineConfig } from '../core/config.js';
import type { Embedder } from '../embed/createEmbedder.js';
import { createError, NewsdeskError } from '../core/errors.js';
import type { Logger } from '../core/logger.js';
import { createPreparePool, type PreparePool } from './prepare/createPreparePool.js';
import { embedderForPrepare, prepareArticle, termIdsOf, type PreparedArticle } from './prepare/prepareArticle.js';
import { startProgress } from './progress.js';
import { listSeedFiles } from './seeds/listSeedFiles.js';
import type { SeedSkip } from './seeds/readSeedFile.js';
import { scanSeedFiles } from './seeds/scanSeedFiles.js';
import { commitGeneration, readCurrentGeneration } from '../index/indexDirectory.js';
import type { PassageSettings } from '../index/manifest.js';
import { createIndex } from '../index/hnswIndex.js';
import type { IndexWriter } from '../index/indexTypes.js';
import { openGenerationWriter } from '../index/readGeneration.js';

/** Bumped when analysis or parsing changes what is stored for the same file. */
export const ANALYZER_VERSION = 'analyzer-2';

export type IngestReport = {
  added: string[];
  changed: string[];
  removed: string[];
  unchanged: string[];
  skipped: SeedSkip[];
  articles: number;
  passages: number;
  passagesEmbedded: number;
  seconds: number;
  /** The generation directory now live; null when nothing changed and none was written. */
  generation: string | null;
  /** Why every article was re-embedded, when the previous index could not be reused. */
  rebuiltBecause: string | null;
};

export type IngestOptions = {
  embedder: Embedder;
  logger: Logger;
  tty?: boolean;
  batchSize?: number;
  /**
   * Keeps the store in memory from one run to the next (watch mode), so a run after a small
   * change does not read the whole index back first. The caller must clear it when a run fails.
   */
  warm?: WarmStore;
  /** Runs with at least this many characters of new text are prepared by worker threads (default 1M, some 1,500 passages; Infinity: never). */
  parallelFromChars?: number;
};

/** Below this, starting worker threads (each loads the analysis tables) costs more than it saves. */
const PARALLEL_FROM_CHARS = 1_000_000;
/** Articles queued for the workers ahead of the one being inserted, so they never wait on this thread… */
const PREPARE_AHEAD = 16;
/** …and at most this many held prepared (or being prepared) at once. */
const HELD_AHEAD = 64;

/** The store a run committed, and the generation it committed it as. */
export type WarmStore = { store: IndexWriter | null; generation: string | null };

/** An article being prepared, in order, and whether it is ready. */
type Ahead = { prepared: Promise<PreparedArticle>; done: boolean };

/** A file to (re-)index: the scan read it and found it new or changed. */
type Pending = { sourceId: string; hash: string; stat: string | undefined; kind: 'added' | 'changed'; chars: number };

/** Opens the live index for updating, or starts empty with the reason it could not be reused. */
async function openPrevious(config: PipelineConfig, options: IngestOptions, settings: PassageSettings): Promise<{ store: IndexWriter; rebuiltBecause: string | null }> {
  const fresh = (): IndexWriter => createIndex({ embedder: options.embedder.identity, passageSettings: settings });
  const dir = await readCurrentGeneration(config.indexDir).catch(() => null);
  if (!dir) return { store: fresh(), rebuiltBecause: null };
  // Only while no other process has committed since: CURRENT still names what this one wrote.
  if (options.warm?.store && options.warm.generation === dir) return { store: options.warm.store, rebuiltBecause: null };
  try {
    // Ingest only adds, removes and saves: the snapshot's passages can stay in their file.
    const store = await openGenerationWriter(dir, options.embedder.identity);
    const old = store.passageSettings;
    if (old.maxChars !== settings.maxChars || old.overlapChars !== settings.overlapChars || old.analyzer !== settings.analyzer) {
      return { store: fresh(), rebuiltBecause: 'passage settings changed' };
    }
    return { store, rebuiltBecause: null };
  } catch (error) {
    if (error instanceof NewsdeskError) return { store: fresh(), rebuiltBecause: error.message };
    throw error;
  }
}

/**
 * Brings the index in `config.indexDir` up to date with `config.seedsDir`: new and changed files
 * are parsed, split and embedded, deleted ones dropped, unchanged ones left as they are, and the
 * result is committed as a new generation atomically. Bad files are skipped with a reason; the
 * run fails only when no usable article remains.
 */
export async function runIngest(config: PipelineConfig, options: IngestOptions): Promise<IngestReport> {
  const began = performance.now();
  const { logger } = options;
  const settings: PassageSettings = { maxChars: config.passageMaxChars, overlapChars: config.passageOverlapChars, analyzer: ANALYZER_VERSION };
  // Listing the seeds (a directory walk) overlaps reading the previous index.
  const [{ store, rebuiltBecause }, files] = await Promise.all([
    openPrevious(config, options, settings),
    listSeedFiles(config.seedsDir).catch((error: unknown) => {
      throw createError('NOTHING_INGESTED', { dir: config.seedsDir }, { cause: error });
    }),
  ]);
  if (rebuiltBecause) logger.warn(`re-embedding every article: ${rebuiltBecause}`);

  const report: IngestReport = {
    added: [], changed: [], removed: [], unchanged: [], skipped: [], articles: 0, passages: 0,
    passagesEmbedded: 0, seconds: 0, generation: null, rebuiltBecause,
  };
  const pending: Pending[] = [];
  const scanSkips: SeedSkip[] = [];
  const seenHashes = new Map<string, string>();
  for await (const read of scanSeedFiles(config.seedsDir, files, config.maxSeedBytes, (id) => store.sources.get(id))) {
    if (!read.ok) {
      scanSkips.push(read.skip);
      continue;
    }
    const { sourceId, hash, text } = read.file;
    const duplicateOf = seenHashes.get(hash);
    if (duplicateOf) {
      scanSkips.push({ sourceId, reason: `duplicate of ${duplicateOf}` });
      continue;
    }
    seenHashes.set(hash, sourceId);
    const previous = store.sources.get(sourceId);
    if (previous?.hash === hash) {
      // A touched but unchanged file: its new stamp is kept with the next generation written.
      if (read.stat !== previous.stat) store.sources.set(sourceId, { ...previous, stat: read.stat });
      report.unchanged.push(sourceId);
      continue;
    }
    pending.push({ sourceId, hash, stat: read.stat, kind: previous ? 'changed' : 'added', chars: text.length });
  }
  const skip = (sourceId: string, reason: string) => {
    report.skipped.push({ sourceId, reason });
    const kept = store.sources.has(sourceId) ? '; the previously indexed version is kept' : '';
    logger.warn(`skipped ${sourceId}: ${reason}${kept}`, { file: sourceId, reason });
  };
  for (const { sourceId, reason } of scanSkips) skip(sourceId, reason);
  const present = new Set(files);
  for (const sourceId of [...store.sources.keys()]) {
    if (present.has(sourceId)) continue;
    store.deleteSource(sourceId);
    report.removed.push(sourceId);
  }

  const progress = startProgress('articles', pending.length, logger, options.tty);
  const batchSize = options.batchSize ?? 64;
  const chars = pending.reduce((n, p) => n + p.chars, 0);
  const pool = chars >= (options.parallelFromChars ?? PARALLEL_FROM_CHARS) ? createPreparePool(options.embedder.embeddings, store.termDictionary) : null;
  const split = { maxChars: config.passageMaxChars, overlapChars: config.passageOverlapChars };
  const jobOf = (index: number) => {
    const { sourceId, hash } = pending[index]!;
    return { root: config.seedsDir, sourceId, hash, maxBytes: config.maxSeedBytes, split };
  };
  const embedHere = embedderForPrepare(options.embedder.embeddings);
  const ahead: Ahead[] = [];
  let inPool = 0;
  let nextToPrepare = 0;
  const prepareHere = () => {
    ahead.push({ prepared: Promise.resolve(prepareArticle(jobOf(nextToPrepare++), embedHere, store.termDictionary)), done: true });
  };
  const sendToPool = (workers: PreparePool) => {
    const entry: Ahead = { prepared: workers.prepare(jobOf(nextToPrepare++)), done: false };
    const settle = () => {
      entry.done = true;
      inPool--;
    };
    entry.prepared.then(settle, settle);
    inPool++;
    ahead.push(entry);
  };
  try {
    for (const { sourceId, hash, stat, kind } of pending) {
      if (!pool) prepareHere();
      while (pool && inPool < PREPARE_AHEAD && ahead.length < HELD_AHEAD && nextToPrepare < pending.length) sendToPool(pool);
      // Rather than wait for a worker (they are slowest while their caches are cold), this thread
      // prepares the next article itself, then looks again once the workers' replies are in.
      while (pool && !ahead[0]!.done && ahead.length < HELD_AHEAD && nextToPrepare < pending.length) {
        prepareHere();
        await nextTurn();
      }
      const prepared = await ahead.shift()!.prepared;
      progress.advance(1);
      if (!prepared.ok) {
        skip(sourceId, prepared.reason);
        continue;
      }
      const { meta, passages, terms, vectors } = prepared;
      store.deleteSource(sourceId);
      for (let i = 0; i < passages.length; i += batchSize) {
        const batch = passages.slice(i, i + batchSize);
        const batchVectors = vectors
          ? vectors.slice(i, i + batchSize).map((v) => Array.from(v))
          : await options.embedder.embeddings.embedDocuments(batch.map((p) => p.text));
        store.addPassages(batch.map((passage, j) => ({ ...passage, vector: batchVectors[j]!, termIds: termIdsOf(terms, i + j) })));
      }
      store.sources.set(sourceId, { ...meta, hash, passageCount: passages.length, ingestedAt: new Date().toISOString(), ...(stat ? { stat } : {}) });
      report[kind].push(sourceId);
      report.passagesEmbedded += passages.length;
    }
  } finally {
    progress.stop();
    // Jobs still queued when a run fails are abandoned with the workers.
    for (const job of ahead) job.prepared.catch(() => {});
    await pool?.close();
  }

  report.articles = store.sources.size;
  report.passages = store.passageCount;
  if (report.articles === 0) throw createError('NOTHING_INGESTED', { dir: config.seedsDir });
  const changed = report.added.length + report.changed.length + report.removed.length > 0 || rebuiltBecause !== null;
  const live = await readCurrentGeneration(config.indexDir).catch(() => null);
  if (changed || !live) report.generation = await commitGeneration(config.indexDir, (dir) => store.save(dir));
  if (options.warm && report.generation) {
    store.markCommitted(report.generation);
    Object.assign(options.warm, { store, generation: report.generation });
  } else if (options.warm && live) {
    // Nothing changed: the store is exactly what the live generation holds.
    Object.assign(options.warm, { store, generation: live });
  }
  report.seconds = (performance.now() - began) / 1000;
  return report;
}
