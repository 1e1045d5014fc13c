import { NewsdeskError } from '../core/errors.js';
import type { Logger } from '../core/logger.js';
import type { CheckedEmbeddings } from './checkedEmbeddings.js';
import { createOfflineEmbedder, type Embedder } from './createEmbedder.js';
import { normalizeOllamaModel } from './normalizeOllamaModel.js';
import { describeIdentity } from './describeEmbedder.js';
import type { EmbeddingsConfig } from './embeddingsConfig.js';
import { createTransformersEmbedder, type TransformersOrigin } from './transformers/createTransformersEmbedder.js';

export type ChooseOptions = { logger: Logger; tty: boolean };

/** The index records the vector length before anything is stored; a remote model tells it by answering. */
async function withLearnedDimensions(provider: 'ollama' | 'openai', model: string, embeddings: CheckedEmbeddings): Promise<Embedder> {
  const [probe] = await embeddings.embedDocuments(['dimension probe']);
  return { embeddings, identity: { provider, model, dimensions: probe!.length } };
}

function describeOrigin(origin: TransformersOrigin, config: EmbeddingsConfig): string {
  const t = config.transformers;
  if (origin === 'directory') return `model directory ${t.modelPath}`;
  if (origin === 'cache') return `loaded from the cache in ${t.cacheDir}`;
  return `downloaded from ${new URL(t.hubUrl).host} into ${t.cacheDir}`;
}

/** Falling back is only right when the model cannot be had; other errors are bugs to surface. */
const isUnavailable = (error: unknown) =>
  error instanceof NewsdeskError && (error.code === 'EMBEDDER_UNAVAILABLE' || error.code === 'EMBEDDER_FAILED');

/**
 * The embedder a (re)build of the index uses, announced in one line saying which and why. With
 * `auto` that is the transformers model when it loads from the cache or the hub, otherwise the
 * offline embedder; explicit choices fail with a user-facing error instead of falling back.
 */
export async function chooseIngestEmbedder(config: EmbeddingsConfig, { logger, tty }: ChooseOptions): Promise<Embedder> {
  const announce = (embedder: Embedder, why: string) => {
    logger.info(`embeddings: ${describeIdentity(embedder.identity)} — ${why}`, { ...embedder.identity });
    return embedder;
  };
  const remote = config.remote;
  switch (config.provider) {
    case 'offline':
      return announce(createOfflineEmbedder(), 'EMBEDDINGS=offline');
    case 'ollama': {
      // Imported when used: LangChain's provider packages are some 500 modules, a quarter of a CPU-second on every start.
      const { createOllamaEmbeddings } = await import('./createOllamaEmbeddings.js');
      const embeddings = createOllamaEmbeddings(config.ollama, remote, null);
      return announce(
        await withLearnedDimensions('ollama', normalizeOllamaModel(config.ollama.model), embeddings),
        `EMBEDDINGS=ollama at ${config.ollama.baseUrl}`,
      );
    }
    case 'openai': {
      const { createOpenAIEmbeddings } = await import('./createOpenAIEmbeddings.js');
      const embeddings = createOpenAIEmbeddings(config.openai, remote, null);
      return announce(
        await withLearnedDimensions('openai', config.openai.model, embeddings),
        `EMBEDDINGS=openai at ${config.openai.baseUrl ?? 'api.openai.com'}`,
      );
    }
    case 'transformers': {
      const { embedder, origin } = await createTransformersEmbedder(config.transformers, {
        logger,
        tty,
        batchSize: remote.batchSize,
        download: 'always',
      });
      return announce(embedder, `EMBEDDINGS=transformers, ${describeOrigin(origin, config)}`);
    }
    case 'auto':
      try {
        const { embedder, origin } = await createTransformersEmbedder(config.transformers, {
          logger,
          tty,
          batchSize: remote.batchSize,
          download: 'if-reachable',
        });
        return announce(embedder, `auto: ${describeOrigin(origin, config)}`);
      } catch (error) {
        if (!isUnavailable(error)) throw error;
        return announce(
          createOfflineEmbedder(),
          `auto: ${(error as Error).message.replace(/\.?$/, '.')} Set EMBEDDINGS=offline to skip this check.`,
        );
      }
  }
}
