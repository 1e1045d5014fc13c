import { z } from 'zod';
import { createError } from '../core/errors.js';
import type { Logger } from '../core/logger.js';
import type { EmbedderIdentity } from '../index/manifest.js';
import { createOfflineEmbedder, type Embedder } from './createEmbedder.js';
import { normalizeOllamaModel } from './normalizeOllamaModel.js';
import { describeIdentity } from './describeEmbedder.js';
import { TRANSFORMERS_DTYPES, type EmbeddingsConfig } from './embeddingsConfig.js';
import { createTransformersEmbedder } from './transformers/createTransformersEmbedder.js';
import { formatTransformersModel, parseTransformersModel } from './transformers/transformersModel.js';

export type MatchOptions = { logger: Logger; tty: boolean };

function configuredLabel(config: EmbeddingsConfig): string {
  switch (config.provider) {
    case 'auto':
    case 'offline':
      return `EMBEDDINGS=${config.provider}`;
    case 'transformers':
      return `EMBEDDINGS=transformers (${formatTransformersModel(config.transformers.model, config.transformers.dtype)})`;
    case 'ollama':
      return `EMBEDDINGS=ollama (${normalizeOllamaModel(config.ollama.model)})`;
    case 'openai':
      return `EMBEDDINGS=openai (${config.openai.model}${config.openai.dimensions ? `, ${config.openai.dimensions} dimensions` : ''})`;
  }
}

/** What to set so that the configuration names the index's embedder. */
function settingsFor(built: EmbedderIdentity): string {
  switch (built.provider) {
    case 'offline':
      return 'set EMBEDDINGS=auto (or offline)';
    case 'transformers': {
      const { model, dtype } = parseTransformersModel(built.model);
      return `set EMBEDDINGS=transformers (or auto), EMBEDDINGS_MODEL=${model} and EMBEDDINGS_DTYPE=${dtype}`;
    }
    case 'ollama':
      return `set EMBEDDINGS=ollama, EMBEDDINGS_MODEL=${built.model} and OLLAMA_BASE_URL`;
    default:
      return `set EMBEDDINGS=${built.provider}, EMBEDDINGS_MODEL=${built.model}, EMBEDDINGS_DIMENSIONS=${built.dimensions} and OPENAI_BASE_URL / OPENAI_API_KEY`;
  }
}

async function loadTransformersFor(
  config: EmbeddingsConfig,
  built: EmbedderIdentity,
  dir: string,
  options: MatchOptions,
): Promise<Embedder> {
  const { model, dtype } = parseTransformersModel(built.model);
  const knownDtype = z.enum(TRANSFORMERS_DTYPES).safeParse(dtype);
  if (!knownDtype.success)
    throw createError('INDEX_INCOMPATIBLE', {
      dir,
      reason: `embedded with ${describeIdentity(built)}, a weight variant this program does not know`,
    });
  const t = config.transformers;
  // auto follows the index's model: from the configured directory when that is the model it names.
  const settings = { ...t, model, dtype: knownDtype.data, modelPath: model === t.model ? t.modelPath : null };
  const { embedder } = await createTransformersEmbedder(settings, {
    ...options,
    batchSize: config.remote.batchSize,
    download: config.provider === 'auto' ? 'if-reachable' : 'always',
    whenUnavailable: `The index in ${dir} needs it to embed questions; run \`npm run ingest\` to rebuild the index with an embedder available now`,
  });
  return embedder;
}

/**
 * The embedder for questions to an index built with `built`: questions must be embedded the way
 * the articles were. Offline is always possible; `auto` follows an index it built (offline or
 * transformers); anything else must be configured explicitly and match, or EMBEDDER_MISMATCH
 * tells the user to re-ingest or change the settings. The store's own identity check on load
 * then catches what is left (a model that now gives vectors of another length).
 */
export async function matchIndexEmbedder(
  config: EmbeddingsConfig,
  built: EmbedderIdentity,
  dir: string,
  options: MatchOptions,
): Promise<Embedder> {
  const mismatch = () =>
    createError('EMBEDDER_MISMATCH', { dir, built: describeIdentity(built), configured: configuredLabel(config), fix: settingsFor(built) });
  const { provider } = config;
  switch (built.provider) {
    case 'offline':
      if (provider !== 'auto' && provider !== 'offline') throw mismatch();
      return createOfflineEmbedder();
    case 'transformers': {
      const configured = formatTransformersModel(config.transformers.model, config.transformers.dtype);
      if (provider !== 'auto' && !(provider === 'transformers' && configured === built.model)) throw mismatch();
      return loadTransformersFor(config, built, dir, options);
    }
    case 'ollama':
      if (provider !== 'ollama' || normalizeOllamaModel(config.ollama.model) !== built.model) throw mismatch();
      // Imported when used: LangChain's provider packages are some 500 modules, a quarter of a CPU-second on every start.
      return {
        embeddings: (await import('./createOllamaEmbeddings.js')).createOllamaEmbeddings(config.ollama, config.remote, built.dimensions),
        identity: built,
      };
    case 'openai':
      if (
        provider !== 'openai' ||
        config.openai.model !== built.model ||
        (config.openai.dimensions ?? built.dimensions) !== built.dimensions
      )
        throw mismatch();
      return {
        embeddings: (await import('./createOpenAIEmbeddings.js')).createOpenAIEmbeddings(config.openai, config.remote, built.dimensions),
        identity: built,
      };
    default:
      throw createError('INDEX_INCOMPATIBLE', {
        dir,
        reason: `embedded with ${describeIdentity(built)}, a provider this program does not know`,
      });
  }
}
