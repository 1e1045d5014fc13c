import { createError } from '../../core/errors.js';
import type { IndexBackend } from '../indexBackend.js';
import { createIndexPool, type IndexPool, type IndexPoolSettings } from './createIndexPool.js';
import { ensureIndexSchema, redactUrl } from './indexSchema.js';
import { lockIndexDatabase } from './lockIndexDatabase.js';
import type pg from 'pg';
import { PostgresIndexWriter, allocateGeneration, type WriterSession } from './postgresIndexWriter.js';
import { recoverCrashedBuilds } from './pruneGenerations.js';
import { loadDatabaseGeneration, openDatabaseWriter, readGenerationRow, readLiveGeneration } from './readDatabaseGeneration.js';
import { watchLiveGeneration } from './watchLiveGeneration.js';

/** One pool per database per process: every reload, question and ingest run of the process shares the INDEX_POOL_SIZE budget. */
const pools = new Map<string, IndexPool>();

function sharedPool(settings: IndexPoolSettings): IndexPool {
  let pool = pools.get(settings.indexUrl);
  if (!pool) {
    pool = createIndexPool(settings);
    pools.set(settings.indexUrl, pool);
  }
  return pool;
}

/** Closes the pools this process opened (a process that ends by itself need not: idle connections let it exit). */
export async function closeIndexPools(): Promise<void> {
  const open = [...pools.values()];
  pools.clear();
  await Promise.all(open.map((pool) => pool.end()));
}

/** The index in the PostgreSQL database at INDEX_URL (see indexSchema for its tables). */
export function openDatabaseBackend(settings: IndexPoolSettings): IndexBackend {
  const url = settings.indexUrl;
  const pool = sharedPool(settings);
  const db = { pool, url };
  /** The writer lock's session while this process holds it (see lockIndexDatabase). */
  let locked: pg.Client | null = null;
  // Without the lock (no caller of runIngest does that), a writer would still write, on a pooled connection.
  const session: WriterSession = async () => {
    if (locked) return { client: locked, release: () => {} };
    const client = await pool.connect();
    return { client, release: () => client.release() };
  };
  const live = async () => {
    const id = await readLiveGeneration(pool);
    return id === null ? null : String(id);
  };
  return {
    location: redactUrl(url),
    lockWriter: async (options) => {
      const lock = await lockIndexDatabase(url, options);
      try {
        await ensureIndexSchema(pool, url);
        await recoverCrashedBuilds(lock.session);
      } catch (error) {
        await lock.release();
        throw error;
      }
      locked = lock.session;
      return {
        owner: lock.owner,
        release: async () => {
          locked = null;
          await lock.release();
        },
      };
    },
    liveGeneration: live,
    stamp: live,
    createWriter: (options) => new PostgresIndexWriter(session, options, null),
    openWriter: (generation, expected) => openDatabaseWriter(db, session, Number(generation), expected),
    commit: async (store) => {
      if (!(store instanceof PostgresIndexWriter)) {
        throw createError('INDEX_INCOMPATIBLE', { dir: redactUrl(url), reason: 'only a database writer commits to the database' });
      }
      const { client, release } = await session();
      let generation: string;
      try {
        generation = await allocateGeneration(client);
      } finally {
        release();
      }
      await store.save(generation);
      return generation;
    },
    readBuild: async (generation) => {
      const { embedder, createdAt } = (await readGenerationRow(db, Number(generation))).manifest;
      return { embedder, createdAt };
    },
    loadReader: (generation, expected) => loadDatabaseGeneration(db, Number(generation), expected),
    watchLive: (onChange, logger) => watchLiveGeneration(url, onChange, logger),
  };
}
