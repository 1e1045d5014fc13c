import type { FeatureExtractionPipeline } from '@huggingface/transformers';
import type { TransformersSettings } from '../embeddingsConfig.js';
import { createHeadersTimedFetch } from '../providers/timedFetch.js';

type TransformersModule = typeof import('@huggingface/transformers');
type PipelineOptions = NonNullable<Parameters<TransformersModule['pipeline']>[2]>;
/** transformers.js's download events (`progress_total` carries the bytes of every file together). */
export type DownloadProgressCallback = NonNullable<PipelineOptions['progress_callback']>;

/** Where to find a model: `model` is a hub id or an absolute directory. */
export type ExtractorSource = Pick<TransformersSettings, 'dtype' | 'cacheDir' | 'hubUrl'> & { model: string };

/** A hub that accepted the connection must start answering within this; the body may take minutes. */
const RESPONSE_TIMEOUT_MS = 30_000;

/**
 * Imported on first use: the library takes ~1.5 s to load and brings a native binding, which
 * the offline and remote embedders do not need — and a broken install then becomes a reason to
 * report rather than a crash at startup.
 */
async function importTransformers(): Promise<TransformersModule> {
  try {
    return await import('@huggingface/transformers');
  } catch (error) {
    throw new Error(`the @huggingface/transformers runtime did not load (${(error as Error).message})`, { cause: error });
  }
}

/** transformers.js reads these globals on every load; `download: false` forbids any network access. */
function configure(transformers: TransformersModule, source: ExtractorSource, download: boolean): void {
  const { env } = transformers;
  env.cacheDir = source.cacheDir;
  env.useFSCache = true;
  env.remoteHost = source.hubUrl;
  env.allowLocalModels = true;
  env.allowRemoteModels = download;
  env.fetch = createHeadersTimedFetch(RESPONSE_TIMEOUT_MS);
  // Its warnings (and onnxruntime's) would drown the one line saying which embedder is used.
  env.logLevel = transformers.LogLevel.ERROR;
}

/** True when every file the pipeline needs is in the disk cache; never touches the network. */
export async function isModelCached(source: ExtractorSource): Promise<boolean> {
  const transformers = await importTransformers();
  configure(transformers, source, false);
  return transformers.ModelRegistry.is_pipeline_cached('feature-extraction', source.model, { dtype: source.dtype, device: 'cpu' });
}

/** Loads the feature-extraction pipeline on the CPU; with `download`, missing files come from the hub into the cache. */
export async function loadFeatureExtractor(
  source: ExtractorSource,
  { download, onProgress }: { download: boolean; onProgress?: DownloadProgressCallback },
): Promise<FeatureExtractionPipeline> {
  const transformers = await importTransformers();
  configure(transformers, source, download);
  return transformers.pipeline('feature-extraction', source.model, {
    dtype: source.dtype,
    device: 'cpu',
    ...(onProgress ? { progress_callback: onProgress } : {}),
  });
}
