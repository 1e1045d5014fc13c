import type { IndexPool } from '../../ingest/index/postgres/createIndexPool.js';
import { SCHEMA_LOCK } from '../../ingest/index/postgres/indexSchema.js';

/**
 * The tables bot processes share beside the index in INDEX_URL's database: `newsdesk_jobs`, one
 * row per job running somewhere (its holder and a lease the holder keeps renewing), and
 * `newsdesk_cooldowns`, one row per user and command with the time its cooldown ends. Times are
 * the server's, so processes on hosts whose clocks differ still agree.
 */
const CREATE = [
  `CREATE TABLE IF NOT EXISTS newsdesk_jobs (
     job text PRIMARY KEY,
     token text NOT NULL,
     pid integer NOT NULL,
     host text NOT NULL,
     started_at timestamptz NOT NULL,
     lease_until timestamptz NOT NULL)`,
  `CREATE TABLE IF NOT EXISTS newsdesk_cooldowns (
     user_id text NOT NULL,
     command text NOT NULL,
     until timestamptz NOT NULL,
     PRIMARY KEY (user_id, command))`,
];

/** Creates the shared tables when missing; safe when many processes start at once (one transaction under the schema lock). */
export async function ensureSharedStateSchema(pool: IndexPool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    // CREATE TABLE IF NOT EXISTS is not safe against itself run concurrently: serialise it as the index schema does.
    await client.query('SELECT pg_advisory_xact_lock($1, $2)', SCHEMA_LOCK);
    for (const statement of CREATE) await client.query(statement);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
