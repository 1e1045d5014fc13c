import type { Logger } from '../core/logger.js';
import type { EmbedderIdentity } from '../index/manifest.js';
import { chooseIngestEmbedder } from './chooseIngestEmbedder.js';
import type { Embedder } from './createEmbedder.js';
import type { EmbeddingsConfig } from './embeddingsConfig.js';
import { matchIndexEmbedder } from './matchIndexEmbedder.js';

/**
 * How a program gets its embedder from the configuration: one for (re)building the index, and
 * one for questions to an existing index — which must be the embedder that built it.
 */
export type EmbedderSource = {
  /** The configured embedder (`auto`: transformers when it loads, else offline), announced in one log line. */
  forIngest(): Promise<Embedder>;
  /** The embedder for an index built with `built` (in `dir`); EMBEDDER_MISMATCH when the configuration names another. */
  forIndex(built: EmbedderIdentity, dir: string): Promise<Embedder>;
};

export function isEmbedderSource(value: Embedder | EmbedderSource): value is EmbedderSource {
  return 'forIngest' in value;
}

const keyOf = (identity: EmbedderIdentity) => `${identity.provider}\u0000${identity.model}\u0000${identity.dimensions}`;

/**
 * An EmbedderSource over `config`. Each embedder is created once and shared: a model loaded
 * for ingest also embeds the questions to the index it built, and reloads of the index reuse it.
 */
export function createEmbedderSource(
  config: EmbeddingsConfig,
  { logger, tty = process.stderr.isTTY }: { logger: Logger; tty?: boolean },
): EmbedderSource {
  const byIdentity = new Map<string, Promise<Embedder>>();
  let ingest: Promise<Embedder> | null = null;
  const remember = (key: string, embedder: Promise<Embedder>) => {
    byIdentity.set(key, embedder);
    // A failed load (server down, no network) is retried on the next call rather than remembered.
    embedder.catch(() => byIdentity.delete(key));
    return embedder;
  };
  return {
    forIngest() {
      if (!ingest) {
        ingest = chooseIngestEmbedder(config, { logger, tty });
        ingest.then(
          (embedder) => byIdentity.set(keyOf(embedder.identity), Promise.resolve(embedder)),
          () => (ingest = null),
        );
      }
      return ingest;
    },
    forIndex(built, dir) {
      const key = keyOf(built);
      return byIdentity.get(key) ?? remember(key, matchIndexEmbedder(config, built, dir, { logger, tty }));
    },
  };
}
