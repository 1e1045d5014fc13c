import type { Logger } from '../../core/logger.js';
import { createError } from '../../core/errors.js';
import { CheckedEmbeddings } from '../checkedEmbeddings.js';
import type { Embedder } from '../createEmbedder.js';
import type { TransformersSettings } from '../embeddingsConfig.js';
import { findHubProblem } from './findHubProblem.js';
import { isModelCached, loadFeatureExtractor, type ExtractorSource } from './loadFeatureExtractor.js';
import { startDownloadReport } from './reportDownload.js';
import { TransformersEmbeddings } from './transformersEmbeddings.js';
import { formatTransformersModel, promptPrefixesFor } from './transformersModel.js';

export type TransformersLoad = {
  logger: Logger;
  tty: boolean;
  batchSize: number;
  /**
   * `if-reachable` (auto) first asks the hub, briefly, so that a machine without network falls
   * back at once instead of waiting on a download that cannot start.
   */
  download: 'always' | 'if-reachable';
  /** Appended to the reason when the model cannot be loaded: what the user can do about it. */
  whenUnavailable?: string;
};

/** Where the model came from, for the line that says which embedder is used. */
export type TransformersOrigin = 'directory' | 'cache' | 'download';

async function loadExtractor(settings: TransformersSettings, options: TransformersLoad) {
  const source: ExtractorSource = {
    model: settings.modelPath ?? settings.model,
    dtype: settings.dtype,
    cacheDir: settings.cacheDir,
    hubUrl: settings.hubUrl,
  };
  if (settings.modelPath) return { extractor: await loadFeatureExtractor(source, { download: false }), origin: 'directory' as const };
  if (await isModelCached(source)) return { extractor: await loadFeatureExtractor(source, { download: false }), origin: 'cache' as const };
  if (options.download === 'if-reachable') {
    const problem = await findHubProblem(settings.hubUrl, settings.model, settings.probeTimeoutMs);
    if (problem) throw new Error(`it is not in the cache (${settings.cacheDir}) and ${problem}`);
  }
  const report = startDownloadReport(settings.model, options.logger, options.tty ? process.stderr : null);
  let done = false;
  try {
    const extractor = await loadFeatureExtractor(source, { download: true, onProgress: report.onProgress });
    done = true;
    return { extractor, origin: 'download' as const };
  } finally {
    report.stop(done);
  }
}

/**
 * The transformers embedder: from `modelPath` (never any network), else from the disk cache,
 * else downloaded into it. Throws EMBEDDER_UNAVAILABLE with the reason when it cannot be loaded.
 */
export async function createTransformersEmbedder(
  settings: TransformersSettings,
  options: TransformersLoad,
): Promise<{ embedder: Embedder; origin: TransformersOrigin }> {
  const model = formatTransformersModel(settings.model, settings.dtype);
  let loaded: Awaited<ReturnType<typeof loadExtractor>>;
  try {
    loaded = await loadExtractor(settings, options);
  } catch (error) {
    const reason = [(error as Error).message, options.whenUnavailable].filter(Boolean).join('. ');
    throw createError('EMBEDDER_UNAVAILABLE', { embedder: `transformers ${model}`, reason }, { cause: error });
  }
  const embeddings = new CheckedEmbeddings(new TransformersEmbeddings(loaded.extractor, promptPrefixesFor(settings.model)), {
    label: `transformers ${model}`,
    batchSize: options.batchSize,
    dimensions: null,
  });
  // The index records the vector length before anything is stored, so learn it now.
  const [probe] = await embeddings.embedDocuments(['dimension probe']);
  return { embedder: { embeddings, identity: { provider: 'transformers', model, dimensions: probe!.length } }, origin: loaded.origin };
}
