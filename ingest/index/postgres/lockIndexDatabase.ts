import { hostname } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { createError } from '../../core/errors.js';
import type { IndexLock, LockOptions, LockOwner } from '../lockIndexDirectory.js';
import { randomBytes } from 'node:crypto';
import { redactUrl, WRITER_LOCK } from './indexSchema.js';

const POLL_MS = 250;
/** How a writer's lock connection names itself, so a refused writer can say who holds the lock. */
const OWNER_PREFIX = 'newsdesk-ingest ';

/** The writer lock, with the session that holds it: the writer's statements run on it (see WriterSession). */
export type DatabaseLock = IndexLock & { session: pg.Client };

/**
 * The one-writer rule for an index in PostgreSQL: a session advisory lock, held on a connection
 * of its own for the whole run (outside INDEX_POOL_SIZE; with pgbouncer, point INDEX_URL's
 * writer at a session-mode pool). The server releases it when that session ends, so a killed
 * writer never leaves a stale lock; and since the writer's statements run on the same session,
 * not before the last of them has stopped. Throws INGEST_RUNNING naming the holder once
 * `waitMs` runs out.
 */
export async function lockIndexDatabase(url: string, { waitMs, logger }: LockOptions): Promise<DatabaseLock> {
  const owner: LockOwner = {
    pid: process.pid,
    host: hostname(),
    startedAt: new Date().toISOString(),
    token: randomBytes(8).toString('hex'),
  };
  const client = new pg.Client({ connectionString: url, application_name: `${OWNER_PREFIX}${JSON.stringify(owner)}` });
  // A lost lock connection is a lost lock: the run's own queries fail next, on the pool.
  client.on('error', (error) => logger.warn('the index lock connection was lost', { error: error.message }));
  await client.connect();
  try {
    const deadline = Date.now() + waitMs;
    let announced = false;
    for (;;) {
      const { rows } = await client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1, $2) AS locked', WRITER_LOCK);
      if (rows[0]!.locked) break;
      const holder = await describeHolder(client);
      if (Date.now() >= deadline) throw createError('INGEST_RUNNING', { dir: redactUrl(url), ...holder });
      if (!announced) {
        logger.info('another ingest is writing the index database; waiting for it', { pid: holder.pid, host: holder.host });
        announced = true;
      }
      await sleep(POLL_MS);
    }
  } catch (error) {
    await client.end().catch(() => {});
    throw error;
  }
  return {
    owner,
    session: client,
    release: async () => {
      await client.end().catch(() => {});
    },
  };
}

async function describeHolder(client: pg.Client): Promise<{ pid: number; host: string; since: string }> {
  const { rows } = await client.query<{ application_name: string; backend_start: Date; client_addr: string | null }>(
    `SELECT a.application_name, a.backend_start, a.client_addr FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
     WHERE l.locktype = 'advisory' AND l.granted AND l.classid = $1 AND l.objid = $2 LIMIT 1`,
    WRITER_LOCK,
  );
  const row = rows[0];
  const owner = row?.application_name.startsWith(OWNER_PREFIX) ? parseOwner(row.application_name.slice(OWNER_PREFIX.length)) : null;
  return {
    pid: owner?.pid ?? 0,
    host: owner?.host ?? row?.client_addr ?? 'unknown',
    since: owner?.startedAt ?? row?.backend_start.toISOString() ?? 'unknown',
  };
}

function parseOwner(text: string): Partial<LockOwner> | null {
  try {
    return JSON.parse(text) as Partial<LockOwner>;
  } catch {
    return null;
  }
}
