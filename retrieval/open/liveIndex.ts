import type { PipelineConfig } from '../../ingest/core/config.js';
import type { Logger } from '../../ingest/core/logger.js';
import { openIndexBackend } from '../../ingest/index/indexBackend.js';
import { loadIndex, type LoadedIndex } from './loadIndex.js';

/**
 * The index a long-running front-end answers from, kept current while it runs: when a new
 * generation goes live (another process ran `npm run ingest`, or `/reingest` committed one: the
 * directory's `CURRENT` changes, or the database announces it with NOTIFY),
 * the new generation is loaded in the background and swapped in only once fully loaded.
 * A question holds the `LoadedIndex` it started with, so a swap never disturbs it; a generation
 * that fails to load is logged and the old index keeps serving.
 */
export type LiveIndex = {
  /** The newest fully loaded index. */
  current(): LoadedIndex;
  /**
   * Loads the live generation if it is not the one being served; resolves true when a new
   * index was swapped in. Concurrent calls share one load.
   */
  refresh(): Promise<boolean>;
  /** Stops watching; the current index stays usable. */
  close(): void;
};

export type LiveIndexOptions = {
  /** How often to compare the live generation's stamp when events are missed (network disks, containers, a lost LISTEN connection). */
  pollMs?: number;
  /** An index already loaded (e.g. by `ensureIndex`), to avoid loading it twice. */
  initial?: LoadedIndex;
};

/** Whatever `loadIndex` accepts to embed questions with. */
type IndexEmbedder = Parameters<typeof loadIndex>[1];

export async function createLiveIndex(
  config: PipelineConfig,
  embedder: IndexEmbedder,
  logger: Logger,
  options: LiveIndexOptions = {},
): Promise<LiveIndex> {
  const backend = await openIndexBackend(config);
  let served = options.initial ?? (await loadIndex(config, embedder));
  /** A stamp whose generation failed to load: not retried until CURRENT changes again. */
  let failedStamp: string | null = null;
  let inFlight: Promise<boolean> | null = null;
  let again = false;
  let closed = false;

  const loadIfChanged = async (): Promise<boolean> => {
    const stamp = await backend.stamp().catch(() => null);
    if (stamp === null || stamp === served.stamp || stamp === failedStamp) return false;
    try {
      const next = await loadIndex(config, embedder);
      if (closed) return false;
      const previous = served;
      served = next;
      failedStamp = null;
      logger.info('index reloaded', { generation: next.generation, previous: previous.generation, passages: next.store.passageCount });
      return true;
    } catch (error) {
      failedStamp = stamp;
      logger.error('new index generation could not be loaded; still answering from the previous one', {
        error,
        generation: served.generation,
      });
      return false;
    }
  };

  const refresh = (): Promise<boolean> => {
    if (inFlight) {
      // A change seen during a load may be newer than what that load read: check once more after it.
      again = true;
      return inFlight;
    }
    inFlight = (async () => {
      let swapped = false;
      do {
        again = false;
        swapped = (await loadIfChanged()) || swapped;
      } while (again && !closed);
      return swapped;
    })().finally(() => {
      inFlight = null;
    });
    return inFlight;
  };

  const watcher = backend.watchLive(() => void refresh(), logger);
  const poll = setInterval(() => void refresh(), options.pollMs ?? 5_000);
  poll.unref();

  return {
    current: () => served,
    refresh,
    close: () => {
      closed = true;
      watcher.close();
      clearInterval(poll);
    },
  };
}
