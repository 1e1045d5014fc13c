import pg from 'pg';
import { DEFAULT_INDEX_POOL_SIZE } from '../../core/config.js';
import type { Logger } from '../../core/logger.js';

/** What a pool needs of the settings: INDEX_URL and INDEX_POOL_SIZE (see PipelineConfig). */
export type IndexPoolSettings = { indexUrl: string; indexPoolSize?: number };

/** The connections one process shares for the index database; `pg.Pool` itself, so callers may use `query` and `connect`. */
export type IndexPool = pg.Pool;

/**
 * Opens the per-process pool for INDEX_URL: at most INDEX_POOL_SIZE connections, each used for a
 * statement or one transaction and handed back, so a transaction-mode pgbouncer can stand in
 * front of the server (session settings are `SET LOCAL` inside the transaction that needs them).
 * The pool connects lazily; close it with `end()`.
 */
export function createIndexPool(settings: IndexPoolSettings, logger?: Logger): IndexPool {
  const pool = new pg.Pool({
    connectionString: settings.indexUrl,
    max: settings.indexPoolSize ?? DEFAULT_INDEX_POOL_SIZE,
    application_name: 'newsdesk',
    // Idle connections are closed soon so that many bot processes do not hold a server's slots.
    idleTimeoutMillis: 10_000,
    // A CLI run (ask, ingest) ends when its work does, without closing the pool first.
    allowExitOnIdle: true,
  });
  // An idle connection the server drops (restart, failover) emits here; without a listener Node would exit.
  pool.on('error', (error) => logger?.warn('index database connection lost; the pool reconnects', { error: error.message }));
  return pool;
}
