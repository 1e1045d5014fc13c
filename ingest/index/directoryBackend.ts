import { watch, type FSWatcher } from 'node:fs';
import { join } from 'node:path';
import { createError } from '../core/errors.js';
import { claimIndexDirectory } from './claimIndexDirectory.js';
import { createIndex } from './hnswIndex.js';
import type { IndexBackend } from './indexBackend.js';
import { commitGeneration, currentGenerationStamp, readCurrentGeneration } from './indexDirectory.js';
import { lockIndexDirectory } from './lockIndexDirectory.js';
import { loadGeneration, openGenerationWriter, readManifest } from './readGeneration.js';

/** File-system events come in bursts (write + rename); one call after they settle is enough. */
const WATCH_SETTLE_MS = 50;

/** The index as generation directories in `indexDir` with a CURRENT file naming the live one (see indexDirectory). */
export function openDirectoryBackend(indexDir: string, seedsDir: string): IndexBackend {
  return {
    location: indexDir,
    lockWriter: async (options) => {
      await claimIndexDirectory(indexDir, seedsDir);
      return lockIndexDirectory(indexDir, options);
    },
    liveGeneration: async () => {
      try {
        return await readCurrentGeneration(indexDir);
      } catch (error) {
        throw createError('INDEX_DAMAGED', { file: join(indexDir, 'CURRENT'), reason: (error as Error).message }, { cause: error });
      }
    },
    stamp: () => currentGenerationStamp(indexDir),
    createWriter: (options) => createIndex(options),
    openWriter: (generation, expected) => openGenerationWriter(generation, expected),
    commit: (store) => commitGeneration(indexDir, (dir) => store.save(dir)),
    readBuild: async (generation) => {
      const { embedder, createdAt } = await readManifest(generation);
      return { embedder, createdAt };
    },
    loadReader: (generation, expected) => loadGeneration(generation, expected),
    watchLive: (onChange, logger) => {
      let settleTimer: NodeJS.Timeout | undefined;
      const settled = () => {
        clearTimeout(settleTimer);
        settleTimer = setTimeout(onChange, WATCH_SETTLE_MS);
        settleTimer.unref();
      };
      let watcher: FSWatcher | undefined;
      try {
        watcher = watch(indexDir, { persistent: false }, (_event, file) => {
          if (file === null || file === 'CURRENT') settled();
        });
        watcher.on('error', (error) => {
          logger.warn('watching the index directory failed; relying on polling', { error, dir: indexDir });
          watcher?.close();
        });
      } catch (error) {
        logger.warn('cannot watch the index directory; relying on polling', { error, dir: indexDir });
      }
      return {
        close: () => {
          watcher?.close();
          clearTimeout(settleTimer);
        },
      };
    },
  };
}
