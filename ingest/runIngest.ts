import { Document } from '@langchain/core/documents';
import { analyzeDocument } from './analysis/analyzeText.js';
import type { PipelineConfig } from './config.js';
import type { Embedder } from './embed/createEmbedder.js';
import { createError, NewsdeskError } from './errors.js';
import type { Logger } from './logger.js';
import type { Article } from './parse/article.js';
import { parseSeed } from './parse/parseSeed.js';
import { startProgress } from './progress.js';
import { listSeedFiles } from './seeds/listSeedFiles.js';
import { readSeedFile, type SeedSkip } from './seeds/readSeedFile.js';
import { splitPassages } from './splitPassages.js';
import { commitGeneration, readCurrentGeneration } from './store/indexDirectory.js';
import type { PassageSettings } from './store/manifest.js';
import { PassageStore, type PassageMetadata } from './store/passageStore.js';

/** Bumped when analysis or parsing changes what is stored for the same file. */
export const ANALYZER_VERSION = 'analyzer-1';

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

export type IngestOptions = { embedder: Embedder; logger: Logger; tty?: boolean; batchSize?: number };

type Pending = { article: Article; hash: string; kind: 'added' | 'changed' };

/** Opens the live index for updating, or starts empty with the reason it could not be reused. */
async function openPrevious(config: PipelineConfig, options: IngestOptions, settings: PassageSettings): Promise<{ store: PassageStore; rebuiltBecause: string | null }> {
  const fresh = () => new PassageStore(options.embedder.embeddings, { embedder: options.embedder.identity, passageSettings: settings });
  const dir = await readCurrentGeneration(config.indexDir).catch(() => null);
  if (!dir) return { store: fresh(), rebuiltBecause: null };
  try {
    const store = await PassageStore.load(dir, options.embedder.embeddings, options.embedder.identity);
    const old = store.options.passageSettings;
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
  const { store, rebuiltBecause } = await openPrevious(config, options, settings);
  if (rebuiltBecause) logger.warn(`re-embedding every article: ${rebuiltBecause}`);

  let files: string[];
  try {
    files = await listSeedFiles(config.seedsDir);
  } catch (error) {
    throw createError('NOTHING_INGESTED', { dir: config.seedsDir }, { cause: error });
  }

  const report: IngestReport = {
    added: [], changed: [], removed: [], unchanged: [], skipped: [], articles: 0, passages: 0,
    passagesEmbedded: 0, seconds: 0, generation: null, rebuiltBecause,
  };
  const pending: Pending[] = [];
  const seenHashes = new Map<string, string>();
  for (const sourceId of files) {
    const read = await readSeedFile(config.seedsDir, sourceId, config.maxSeedBytes);
    if (!read.ok) {
      report.skipped.push(read.skip);
      continue;
    }
    const { hash, text } = read.file;
    const duplicateOf = seenHashes.get(hash);
    if (duplicateOf) {
      report.skipped.push({ sourceId, reason: `duplicate of ${duplicateOf}` });
      continue;
    }
    seenHashes.set(hash, sourceId);
    const previous = store.sources.get(sourceId);
    if (previous?.hash === hash) {
      report.unchanged.push(sourceId);
      continue;
    }
    try {
      pending.push({ article: parseSeed(sourceId, text), hash, kind: previous ? 'changed' : 'added' });
    } catch (error) {
      report.skipped.push({ sourceId, reason: (error as Error).message.replace(`${sourceId}: `, '') });
    }
  }
  for (const skip of report.skipped) {
    const kept = store.sources.has(skip.sourceId) ? '; the previously indexed version is kept' : '';
    logger.warn(`skipped ${skip.sourceId}: ${skip.reason}${kept}`, { file: skip.sourceId, reason: skip.reason });
  }
  const present = new Set(files);
  for (const sourceId of [...store.sources.keys()]) {
    if (present.has(sourceId)) continue;
    store.deleteSource(sourceId);
    report.removed.push(sourceId);
  }

  const splits = pending.map((p) => ({ ...p, passages: splitPassages(p.article, { maxChars: config.passageMaxChars, overlapChars: config.passageOverlapChars }) }));
  const total = splits.reduce((n, s) => n + s.passages.length, 0);
  const progress = startProgress('embedding', total, logger, options.tty);
  const batchSize = options.batchSize ?? 64;
  try {
    for (const { article, hash, kind, passages } of splits) {
      store.deleteSource(article.sourceId);
      for (let i = 0; i < passages.length; i += batchSize) {
        const batch = passages.slice(i, i + batchSize);
        const documents = batch.map((p) => {
          const metadata: PassageMetadata = { sourceId: p.sourceId, ordinal: p.ordinal, start: p.start, end: p.end, terms: analyzeDocument(p.text, article.language).terms };
          return new Document({ pageContent: p.text, metadata });
        });
        const vectors = await options.embedder.embeddings.embedDocuments(batch.map((p) => p.text));
        await store.addVectors(vectors, documents);
        progress.advance(batch.length);
      }
      const { text: _text, sourceId, ...meta } = article;
      store.sources.set(sourceId, { ...meta, hash, passageCount: passages.length, ingestedAt: new Date().toISOString() });
      report[kind].push(sourceId);
      report.passagesEmbedded += passages.length;
    }
  } finally {
    progress.stop();
  }

  report.articles = store.sources.size;
  report.passages = store.passageCount;
  if (report.articles === 0) throw createError('NOTHING_INGESTED', { dir: config.seedsDir });
  const changed = report.added.length + report.changed.length + report.removed.length > 0 || rebuiltBecause !== null;
  const live = await readCurrentGeneration(config.indexDir).catch(() => null);
  if (changed || !live) report.generation = await commitGeneration(config.indexDir, (dir) => store.save(dir));
  report.seconds = (performance.now() - began) / 1000;
  return report;
}
