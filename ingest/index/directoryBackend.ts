import { watch, type FSWatcher } from 'node:fs';
import { join } from 'node:path';
import { createError } from '../core/errors.js';
import { claimIndexDirectory } from './claimIndexDirectory.js';
import { createIndex } from './hnswIndex.js';
import type { IndexBackend } from './indexBackend.js';
import { commitGeneration, currentGenerationStamp, readCurrentGeneration } from './indexDirectory.js';
import { lockIndexDirectory } from './lockIndexDirectory.js';
import type { Manifest } from './manifest.js';
import { loadGeneration, openGenerationWriter, readManifest } from './readGeneration.js';

/** File-system events come in bursts (write + rename); one call after they settle is enough. */
const WATCH_SETTLE_MS = 50;

/** The index as generation directories in `indexDir` with a CURRENT file naming the live one (see indexDirectory). */
export function openDirectoryBackend(indexDir: string, seedsDir: string): IndexBackend {
  // Loading reads a generation's build, then its reader: the manifest read for the first is
  // handed to the second rather than parsed again (a generation's files never change once
  // written). At 10k passages the manifest is 1.2 MB and took 30–90 ms to read and check.
  let lastRead: { generation: string; manifest: Manifest } | null = null;
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
      const manifest = await readManifest(generation);
      lastRead = { generation, manifest };
      return { embedder: manifest.embedder, createdAt: manifest.createdAt };
    },
    loadReader: (generation, expected) => {
      const manifest = lastRead?.generation === generation ? lastRead.manifest : undefined;
      lastRead = null;
      return loadGeneration(generation, expected, manifest);
    },
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
