import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSharedState, type SharedState } from '../../../bot/services/openSharedState.js';
import { createIndexPool, type IndexPool } from '../../../ingest/index/postgres/createIndexPool.js';
import { createMemoryLogger } from '../../helpers/tempWorkspace.js';
import { createTestDatabase, type TestDatabase } from '../../ingest/index/postgres/support/createTestDatabase.js';
import { ADMIN_PERMISSIONS, type InteractionRef, type RecordedRequest } from '../support/fakeDiscord.js';
import { NIGER_QUESTION } from '../support/fixtures.js';
import { useTestBot } from '../support/startTestBot.js';

const EPHEMERAL = 64;

describe('a bot process sharing cooldowns and /reingest with another through the database', () => {
  let db: TestDatabase;
  const pools: IndexPool[] = [];
  /** The other bot process: a pool and shared state of its own on the same database. */
  let other: SharedState;
  const openOn = async () => {
    const pool = createIndexPool({ indexUrl: db.url, indexPoolSize: 2 });
    pools.push(pool);
    return openSharedState(pool, { cooldownSeconds: 30, logger: createMemoryLogger() });
  };
  beforeAll(async () => {
    db = await createTestDatabase();
    other = await openOn();
  });
  const testBot = useTestBot({ shared: openOn });
  afterAll(async () => {
    await Promise.all(pools.map((pool) => pool.end()));
    await db?.drop();
  });

  const callbackOf = (ref: InteractionRef): Promise<RecordedRequest> =>
    testBot().fake.waitForRequest((r) => r.path.endsWith(`/${ref.token}/callback`));
  const editOf = (ref: InteractionRef): Promise<RecordedRequest> =>
    testBot().fake.waitForRequest((r) => r.method === 'PATCH' && r.path.includes(ref.token));

  it.each([
    ['en-US', 'A re-ingest is already running: try again when it has finished.'],
    ['id', 'Pengindeksan ulang sedang berjalan: coba lagi setelah selesai.'],
  ])(
    'GIVEN another process is running /reingest WHEN an admin (%s) runs it here THEN they are told it is running, in their language, and nothing is ingested',
    async (locale, message) => {
      const before = testBot().live.current();
      let release = () => {};
      const held = new Promise<void>((resolve) => (release = resolve));
      let holding = () => {};
      const started = new Promise<void>((resolve) => (holding = resolve));
      const job = other.reingestLock.runExclusive(async () => {
        holding();
        await held;
      });
      try {
        await started;
        const ref = testBot().fake.runSlashCommand('reingest', {}, { permissions: ADMIN_PERMISSIONS, locale });
        expect((await editOf(ref)).body).toMatchObject({ content: message });
        expect(testBot().live.current()).toBe(before);
      } finally {
        release();
        await job;
      }
    },
  );

  it('GIVEN the other process finished its /reingest WHEN an admin runs it here THEN it runs', async () => {
    const ref = testBot().fake.runSlashCommand('reingest', {}, { permissions: ADMIN_PERMISSIONS });
    expect((await callbackOf(ref)).body).toEqual({ type: 5, data: { flags: EPHEMERAL } });
    expect((await editOf(ref)).body.embeds[0].title).toBe('Re-ingest finished');
  });

  it('GIVEN a member just asked through the other process WHEN they /ask here THEN they are told when to retry, ephemerally, without a defer', async () => {
    const user = testBot().fake.newUser();
    await other.cooldowns.take('ask', user.id);
    const ref = testBot().fake.runSlashCommand('ask', { question: NIGER_QUESTION }, { user });
    const reply = await callbackOf(ref);

    expect(reply.body).toMatchObject({ type: 4, data: { flags: EPHEMERAL, content: expect.stringMatching(/try again in (29|30) s/) } });
    expect(testBot().fake.requestsFor(ref)).toEqual([reply]);
  });
});
