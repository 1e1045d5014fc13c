import { hostname } from 'node:os';
import { describe, expect, it } from 'vitest';
import { lockIndexDirectory } from '../../../ingest/index/lockIndexDirectory.js';
import { createMemoryLogger } from '../../helpers/tempWorkspace.js';
import { ADMIN_PERMISSIONS, type InteractionRef, type RecordedRequest } from '../support/fakeDiscord.js';
import { useTestBot } from '../support/startTestBot.js';

describe('/reingest while another process ingests', () => {
  const testBot = useTestBot();
  const editOf = (ref: InteractionRef): Promise<RecordedRequest> =>
    testBot().fake.waitForRequest((r) => r.method === 'PATCH' && r.path.includes(ref.token));

  it('GIVEN another writer holds the index lock WHEN an admin runs /reingest THEN it is told at once which ingest is running, and the index in use stays', async () => {
    const before = testBot().live.current();
    const other = await lockIndexDirectory(testBot().workspace.config.indexDir, { waitMs: 0, logger: createMemoryLogger() });
    try {
      const began = performance.now();
      const ref = testBot().fake.runSlashCommand('reingest', {}, { permissions: ADMIN_PERMISSIONS });
      const reply = JSON.stringify((await editOf(ref)).body);
      expect(reply).toContain(
        `An ingest is already running on ${testBot().workspace.config.indexDir} (pid ${process.pid}, host ${hostname()}`,
      );
      expect(performance.now() - began).toBeLessThan(5_000);
    } finally {
      await other.release();
    }
    expect(testBot().live.current()).toBe(before);
  });
});
