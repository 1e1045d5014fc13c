import type { PipelineConfig } from '../core/config.js';
import type { Embedder } from '../embed/createEmbedder.js';
import { createError, NewsdeskError } from '../core/errors.js';
import { escapeControls, type Logger } from '../core/logger.js';
import { termIdsOf, type ArticleJob, type PreparedArticle } from './prepare/prepareArticle.js';
import { prepareInOrder } from './prepare/prepareInOrder.js';
import { startProgress } from './progress.js';
import { listSeedFiles } from './seeds/listSeedFiles.js';
import { openSeedFolder, type SeedFolder } from './seeds/openSeedFolder.js';
import type { SeedCharset } from './decode/decodeSeedText.js';
import type { SeedSkip } from './seeds/readSeedFile.js';
import { scanSeedFiles } from './seeds/scanSeedFiles.js';
import { openIndexBackend, type IndexBackend } from '../index/indexBackend.js';
import type { PassageSettings } from '../index/manifest.js';
import type { IndexWriter } from '../index/indexTypes.js';

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
  /** The generation now live (its directory, or its id in the database); null when nothing changed and none was written. */
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
  /** Runs with at least this many characters of new text are prepared by worker threads (default 14M, some 25,000 passages; Infinity: never). */
  parallelFromChars?: number;
  /** How long to wait while another process ingests into the same index (default DEFAULT_LOCK_WAIT_MS; 0: refuse at once). */
  lockWaitMs?: number;
};

/** Two minutes: a manual run or a watch-mode run queues behind a small re-ingest, not behind a first embedding of a large archive. */
export const DEFAULT_LOCK_WAIT_MS = 120_000;

/** The store a run committed, and the generation it committed it as. */
export type WarmStore = { store: IndexWriter | null; generation: string | null };

/** A file to (re-)index: the scan read it and found it new or changed. */
type Pending = {
  job: ArticleJob;
  hash: string;
  stat: string | undefined;
  kind: 'added' | 'changed';
  chars: number;
  charset: SeedCharset | undefined;
};

/** Leaves a file out of this run, with the reason. */
type Skip = (sourceId: string, reason: string) => void;

/** Opens the live index for updating, or starts empty with the reason it could not be reused. */
async function openPrevious(
  backend: IndexBackend,
  options: IngestOptions,
  settings: PassageSettings,
): Promise<{ store: IndexWriter; rebuiltBecause: string | null }> {
  const fresh = (): IndexWriter => backend.createWriter({ embedder: options.embedder.identity, passageSettings: settings });
  const dir = await backend.liveGeneration().catch(() => null);
  if (!dir) return { store: fresh(), rebuiltBecause: null };
  // Only while no other process has committed since: CURRENT still names what this one wrote.
  if (options.warm?.store && options.warm.generation === dir) return { store: options.warm.store, rebuiltBecause: null };
  try {
    // Ingest only adds, removes and saves: the snapshot's passages can stay in their file.
    const store = await backend.openWriter(dir, options.embedder.identity);
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
 * Brings the index (in `config.indexDir`, or the database at `config.indexUrl`) up to date with `config.seedsDir`: new and changed files
 * are parsed, split and embedded, deleted ones dropped, unchanged ones left as they are, and the
 * result is committed as a new generation atomically. Bad files are skipped with a reason; the
 * run fails only when no usable article remains. An INDEX_DIR newsdesk may not write in is
 * refused first (see claimIndexDirectory); the run holds the index lock throughout, waiting up
 * to `lockWaitMs` for another writer (INGEST_RUNNING when it does not finish in time).
 */
export async function runIngest(config: PipelineConfig, options: IngestOptions): Promise<IngestReport> {
  // A SEEDS_DIR that is missing or not a folder is said so before anything is opened or written.
  const folder = await openSeedFolder(config);
  const backend = await openIndexBackend(config);
  const lock = await backend.lockWriter({ waitMs: options.lockWaitMs ?? DEFAULT_LOCK_WAIT_MS, logger: options.logger });
  try {
    return await ingestLocked(config, backend, folder, options);
  } finally {
    await lock.release();
  }
}

async function ingestLocked(
  config: PipelineConfig,
  backend: IndexBackend,
  folder: SeedFolder,
  options: IngestOptions,
): Promise<IngestReport> {
  const began = performance.now();
  const settings: PassageSettings = {
    maxChars: config.passageMaxChars,
    overlapChars: config.passageOverlapChars,
    analyzer: ANALYZER_VERSION,
  };
  // Listing the seeds (a directory walk) overlaps reading the previous index.
  const [{ store, rebuiltBecause }, listing] = await Promise.all([
    openPrevious(backend, options, settings),
    listSeedFiles(folder.realRoot, folder.symlinks).catch((error: unknown) => {
      throw createError(
        'SEEDS_DIR_UNREADABLE',
        { dir: config.seedsDir, path: folder.realRoot, reason: (error as NodeJS.ErrnoException).code ?? String(error) },
        { cause: error },
      );
    }),
  ]);
  if (rebuiltBecause) options.logger.warn(`re-embedding every article: ${rebuiltBecause}`);
  const report = emptyReport(rebuiltBecause);
  const skip = skipper(store, report, options.logger);
  for (const { sourceId, reason } of listing.skipped) skip(sourceId, reason);
  const pending = await compareWithSeeds(config, folder, store, listing.files, report, skip);
  await insertPending(pending, store, options, report, skip);
  await commitIndex(config, backend, store, report, options.warm);
  report.seconds = (performance.now() - began) / 1000;
  return report;
}

function emptyReport(rebuiltBecause: string | null): IngestReport {
  const none = { added: [], changed: [], removed: [], unchanged: [], skipped: [] };
  return { ...none, articles: 0, passages: 0, passagesEmbedded: 0, seconds: 0, generation: null, rebuiltBecause };
}

/** Records a skipped file in the report and the log, saying whether its previously indexed version stays. */
function skipper(store: IndexWriter, report: IngestReport, logger: Logger): Skip {
  return (sourceId, reason) => {
    report.skipped.push({ sourceId, reason });
    const kept = store.sources.has(sourceId) ? '; the previously indexed version is kept' : '';
    // Names and link targets come from the seeds: escaped, a name cannot forge a line of the log.
    logger.warn(`skipped ${escapeControls(`${sourceId}: ${reason}`)}${kept}`, { file: sourceId, reason });
  };
}

/**
 * Compares the seeds with the index: an unchanged file is recorded as such (with its new stamp
 * when it was touched), a file gone from the seeds is removed from the index, and the new and
 * changed files are returned, in the order of the scan, to be prepared.
 */
async function compareWithSeeds(
  config: PipelineConfig,
  folder: SeedFolder,
  store: IndexWriter,
  files: string[],
  report: IngestReport,
  skip: Skip,
): Promise<Pending[]> {
  const split = { maxChars: config.passageMaxChars, overlapChars: config.passageOverlapChars };
  const pending: Pending[] = [];
  const seenHashes = new Map<string, string>();
  for await (const read of scanSeedFiles(folder, files, (id) => store.sources.get(id))) {
    if (!read.ok) {
      skip(read.skip.sourceId, read.skip.reason);
      continue;
    }
    const { sourceId, hash, text, charset } = read.file;
    const duplicateOf = seenHashes.get(hash);
    if (duplicateOf) {
      skip(sourceId, `duplicate of ${duplicateOf}`);
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
    // The text goes with the job: preparing it (here or in a worker) opens no file again.
    pending.push({
      job: { sourceId, text, split },
      hash,
      stat: read.stat,
      kind: previous ? 'changed' : 'added',
      chars: text.length,
      charset,
    });
  }
  const present = new Set(files);
  for (const sourceId of [...store.sources.keys()]) {
    if (present.has(sourceId)) continue;
    store.deleteSource(sourceId);
    report.removed.push(sourceId);
  }
  return pending;
}

/** Prepares the new and changed files (see prepareInOrder) and puts each into the index in place of its previous version. */
async function insertPending(
  pending: Pending[],
  store: IndexWriter,
  options: IngestOptions,
  report: IngestReport,
  skip: Skip,
): Promise<void> {
  const progress = startProgress('articles', pending.length, options.logger, options.tty);
  const articles = prepareInOrder(pending, {
    embeddings: options.embedder.embeddings,
    dictionary: store.termDictionary,
    parallelFromChars: options.parallelFromChars,
  });
  try {
    for await (const [file, prepared] of articles) {
      progress.advance(1);
      if (!prepared.ok) {
        skip(file.job.sourceId, prepared.reason);
        continue;
      }
      await insertArticle(store, file, prepared, options);
      report[file.kind].push(file.job.sourceId);
      logCharset(options.logger, file);
      report.passagesEmbedded += prepared.passages.length;
    }
  } finally {
    progress.stop();
  }
}

/** Says which charset an ingested file was read in: at info when it was not UTF-8, so a legacy page's decoding can be checked. */
function logCharset(logger: Logger, { job, charset }: Pending): void {
  if (!charset) return;
  const how = `${charset.source}${charset.note ? `; ${charset.note}` : ''}`;
  const fields = { file: job.sourceId, charset: charset.name, charsetSource: charset.source };
  if (charset.name === 'utf-8') logger.debug(`read ${escapeControls(job.sourceId)} as utf-8 (${how})`, fields);
  else logger.info(`read ${escapeControls(job.sourceId)} as ${charset.name} (${how})`, fields);
}

/** Replaces an article's passages with its new ones, embedded here in batches unless they came with vectors. */
async function insertArticle(
  store: IndexWriter,
  { job, hash, stat }: Pending,
  prepared: Extract<PreparedArticle, { ok: true }>,
  options: IngestOptions,
): Promise<void> {
  const { sourceId } = job;
  const { meta, passages, terms, vectors } = prepared;
  const batchSize = options.batchSize ?? 64;
  store.deleteSource(sourceId);
  for (let i = 0; i < passages.length; i += batchSize) {
    const batch = passages.slice(i, i + batchSize);
    const batchVectors = vectors
      ? vectors.slice(i, i + batchSize).map((v) => Array.from(v))
      : await options.embedder.embeddings.embedDocuments(batch.map((p) => p.text));
    store.addPassages(batch.map((passage, j) => ({ ...passage, vector: batchVectors[j]!, termIds: termIdsOf(terms, i + j) })));
  }
  store.sources.set(sourceId, {
    ...meta,
    hash,
    passageCount: passages.length,
    ingestedAt: new Date().toISOString(),
    ...(stat ? { stat } : {}),
  });
}

/** Commits the index as a new generation when anything changed (or none is live yet), and keeps it for the next run in watch mode. */
async function commitIndex(
  config: PipelineConfig,
  backend: IndexBackend,
  store: IndexWriter,
  report: IngestReport,
  warm: WarmStore | undefined,
): Promise<void> {
  report.articles = store.sources.size;
  report.passages = store.passageCount;
  if (report.articles === 0) throw createError('NOTHING_INGESTED', { dir: config.seedsDir });
  const changed = report.added.length + report.changed.length + report.removed.length > 0 || report.rebuiltBecause !== null;
  const live = await backend.liveGeneration().catch(() => null);
  if (changed || !live) report.generation = await backend.commit(store);
  if (warm && report.generation) {
    store.markCommitted(report.generation);
    Object.assign(warm, { store, generation: report.generation });
  } else if (warm && live) {
    // Nothing changed: the store is exactly what the live generation holds.
    Object.assign(warm, { store, generation: live });
  }
}
