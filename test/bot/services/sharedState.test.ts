import { hostname } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSharedState, type SharedState } from '../../../bot/services/openSharedState.js';
import { createIndexPool, type IndexPool } from '../../../ingest/index/postgres/createIndexPool.js';
import { createMemoryLogger } from '../../helpers/tempWorkspace.js';
import { createTestDatabase, type TestDatabase } from '../../ingest/index/postgres/support/createTestDatabase.js';

/** Resolves when `release()` is called: work that runs exactly as long as the test wants. */
function gate() {
  let release = () => {};
  const opened = new Promise<void>((resolve) => (release = resolve));
  return { opened, release };
}

describe('state shared by bot processes through the index database', () => {
  let db: TestDatabase;
  // Two pools stand for two bot processes (shards, or replicas on other hosts).
  let poolA: IndexPool;
  let poolB: IndexPool;
  let a: SharedState;
  let b: SharedState;
  beforeAll(async () => {
    db = await createTestDatabase();
    poolA = createIndexPool({ indexUrl: db.url, indexPoolSize: 2 });
    poolB = createIndexPool({ indexUrl: db.url, indexPoolSize: 2 });
    // Both create the tables at once, as processes starting together do.
    [a, b] = await Promise.all([
      openSharedState(poolA, { cooldownSeconds: 30, logger: createMemoryLogger() }),
      openSharedState(poolB, { cooldownSeconds: 30, logger: createMemoryLogger() }),
    ]);
  });
  afterAll(async () => {
    await Promise.all([poolA?.end(), poolB?.end()]);
    await db?.drop();
  });

  it('GIVEN two processes asking for /reingest at the same moment THEN exactly one runs it and the other is told who does', async () => {
    const work = gate();
    let runs = 0;
    const job = async () => {
      runs++;
      await work.opened;
      return 'report';
    };
    const first = a.reingestLock.runExclusive(job);
    const second = b.reingestLock.runExclusive(job);
    // Whichever wins, the loser answers without waiting for the winner's work.
    const loser = await Promise.race([first, second]);
    work.release();
    const outcomes = await Promise.all([first, second]);

    expect(runs).toBe(1);
    expect(loser).toEqual({ ran: false, holder: { pid: process.pid, host: hostname(), since: expect.any(String) } });
    expect(outcomes.filter((o) => o.ran)).toEqual([{ ran: true, value: 'report' }]);
  });

  it('GIVEN the re-ingest finished in one process THEN another may run the next one', async () => {
    await expect(a.reingestLock.runExclusive(async () => 1)).resolves.toEqual({ ran: true, value: 1 });
    await expect(b.reingestLock.runExclusive(async () => 2)).resolves.toEqual({ ran: true, value: 2 });
    expect((await poolA.query('SELECT count(*)::int AS n FROM newsdesk_jobs')).rows[0].n).toBe(0);
  });

  it('GIVEN a holder killed mid-run (its row left behind) THEN the job is refused until its lease runs out, then runs', async () => {
    const row = ['reingest', 'dead-token', 999_999, 'gone-host'];
    await poolA.query(
      `INSERT INTO newsdesk_jobs VALUES ($1, $2, $3, $4, now(), now() + interval '1 minute')
       ON CONFLICT (job) DO UPDATE SET token = $2, pid = $3, host = $4, lease_until = now() + interval '1 minute'`,
      row,
    );
    await expect(b.reingestLock.runExclusive(async () => 'ran')).resolves.toMatchObject({
      ran: false,
      holder: { pid: 999_999, host: 'gone-host' },
    });

    await poolA.query(`UPDATE newsdesk_jobs SET lease_until = now() - interval '1 second' WHERE job = 'reingest'`);
    await expect(b.reingestLock.runExclusive(async () => 'ran')).resolves.toEqual({ ran: true, value: 'ran' });
  });

  it('GIVEN a job row no newsdesk process writes THEN reading it fails naming the table and the column', async () => {
    await poolA.query(
      `INSERT INTO newsdesk_jobs VALUES ('reingest', 't', -5, '', now(), now() + interval '1 minute')
       ON CONFLICT (job) DO UPDATE SET pid = -5, host = '', lease_until = now() + interval '1 minute'`,
    );
    try {
      await expect(a.reingestLock.runExclusive(async () => 'ran')).rejects.toThrow(/newsdesk_jobs[\s\S]*pid[\s\S]*host/);
    } finally {
      await poolA.query(`DELETE FROM newsdesk_jobs WHERE job = 'reingest'`);
    }
  });

  it('GIVEN a member asked through one process THEN another process refuses their next question, saying when to retry', async () => {
    await a.cooldowns.take('ask', 'member-1');
    await expect(b.cooldowns.take('ask', 'member-1')).rejects.toThrow(/try again in (29|30) s/);
    // Another member, or another command, is not held back.
    await expect(b.cooldowns.take('ask', 'member-2')).resolves.toBeUndefined();
    await expect(b.cooldowns.take('sources', 'member-1')).resolves.toBeUndefined();
  });

  it('GIVEN a cooldown that has ended THEN any process lets the member ask again', async () => {
    await a.cooldowns.take('ask', 'member-3');
    await poolA.query(`UPDATE newsdesk_cooldowns SET until = now() - interval '1 second' WHERE user_id = 'member-3'`);
    await expect(b.cooldowns.take('ask', 'member-3')).resolves.toBeUndefined();
    await expect(a.cooldowns.take('ask', 'member-3')).rejects.toThrow(/try again in/);
  });

  it('GIVEN two processes taking the same member’s cooldown at once THEN exactly one succeeds', async () => {
    const results = await Promise.allSettled([a.cooldowns.take('ask', 'member-4'), b.cooldowns.take('ask', 'member-4')]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
  });

  it('GIVEN a pool of at most one connection and 30 questions at once THEN every one is served through that one connection', async () => {
    const small = createIndexPool({ indexUrl: db.url, indexPoolSize: 1 });
    let connections = 0;
    small.on('connect', () => connections++);
    try {
      const state = await openSharedState(small, { cooldownSeconds: 30, logger: createMemoryLogger() });
      const results = await Promise.allSettled(Array.from({ length: 30 }, (_, i) => state.cooldowns.take('ask', `crowd-${i}`)));
      expect(results.every((r) => r.status === 'fulfilled')).toBe(true);
      expect(connections).toBe(1);
    } finally {
      await small.end();
    }
  });
});
