import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { z } from 'zod';
import type { Logger } from '../../ingest/core/logger.js';
import type { IndexPool } from '../../ingest/index/postgres/createIndexPool.js';
import { readSharedRow } from './readSharedRow.js';

/** Who runs a job: the process and host, and since when (ISO time). */
export type JobHolder = { pid: number; host: string; since: string };

export type JobOutcome<T> = { ran: true; value: T } | { ran: false; holder: JobHolder };

export type JobLock = {
  /** Runs `work` as the job's one holder among every process, or resolves at once with who holds it instead. */
  runExclusive<T>(work: () => Promise<T>): Promise<JobOutcome<T>>;
};

/**
 * A lease a killed holder cannot renew: another process may take the job this long after the
 * holder last renewed. Renewed at a third of it, so a slow query or two do not lose it.
 */
const DEFAULT_LEASE_MS = 60_000;

/** Takes the job's row when there is none, or when its lease ran out (a holder that died). */
const ACQUIRE = `
  INSERT INTO newsdesk_jobs (job, token, pid, host, started_at, lease_until)
  VALUES ($1, $2, $3, $4, now(), now() + make_interval(secs => $5))
  ON CONFLICT (job) DO UPDATE SET token = excluded.token, pid = excluded.pid, host = excluded.host,
    started_at = excluded.started_at, lease_until = excluded.lease_until
  WHERE newsdesk_jobs.lease_until < now()
  RETURNING token`;

const holderRowSchema = z.object({
  pid: z.number().int().positive(),
  host: z.string().min(1),
  started_at: z.date(),
});

/**
 * One job (e.g. `reingest`) run by one process at a time across every process on the database,
 * through a row of `newsdesk_jobs`: statements only, no session state, so a transaction-mode
 * pgbouncer may stand in front. The holder deletes its row when the work settles.
 */
export function createJobLock(
  pool: IndexPool,
  job: string,
  { logger, leaseMs = DEFAULT_LEASE_MS }: { logger: Logger; leaseMs?: number },
): JobLock {
  const leaseSeconds = leaseMs / 1000;
  const runExclusive = async <T>(work: () => Promise<T>): Promise<JobOutcome<T>> => {
    const token = randomBytes(8).toString('hex');
    const { rows } = await pool.query(ACQUIRE, [job, token, process.pid, hostname(), leaseSeconds]);
    if (rows.length === 0) {
      const held = await pool.query('SELECT pid, host, started_at FROM newsdesk_jobs WHERE job = $1', [job]);
      // Released between the two statements: the holder is gone, and so is the reason to refuse; try once more.
      if (held.rows.length === 0) return runExclusive(work);
      const row = readSharedRow(holderRowSchema, held.rows[0], 'newsdesk_jobs');
      return { ran: false, holder: { pid: row.pid, host: row.host, since: row.started_at.toISOString() } };
    }
    const renew = setInterval(() => {
      pool
        .query('UPDATE newsdesk_jobs SET lease_until = now() + make_interval(secs => $3) WHERE job = $1 AND token = $2', [
          job,
          token,
          leaseSeconds,
        ])
        .catch((error: unknown) => logger.warn('renewing a job lease failed', { job, error }));
    }, leaseMs / 3);
    renew.unref();
    try {
      return { ran: true, value: await work() };
    } finally {
      clearInterval(renew);
      await pool
        .query('DELETE FROM newsdesk_jobs WHERE job = $1 AND token = $2', [job, token])
        .catch((error: unknown) => logger.warn('releasing a job failed; its lease runs out instead', { job, error }));
    }
  };
  return { runExclusive };
}
