import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createReingestRunner } from '../../../../bot/discord/services/createReingestRunner.js';
import type { PipelineConfig } from '../../../../ingest/core/config.js';
import { createMetrics } from '../../../../ingest/core/metrics/createMetrics.js';
import { createOfflineEmbedder } from '../../../../ingest/embed/createEmbedder.js';
import { closeIndexPools } from '../../../../ingest/index/postgres/databaseBackend.js';
import { runIngest } from '../../../../ingest/pipeline/runIngest.js';
import { createLiveIndex } from '../../../../retrieval/open/liveIndex.js';
import { createMemoryLogger, createTempWorkspace, type TempWorkspace } from '../../../helpers/tempWorkspace.js';
import { createTestDatabase, type TestDatabase } from '../../../ingest/index/postgres/support/createTestDatabase.js';

const embedder = createOfflineEmbedder();

describe("/reingest's report with INDEX_URL", () => {
  let db: TestDatabase;
  let ws: TempWorkspace;
  let config: PipelineConfig;
  let withPassword: URL;

  beforeAll(async () => {
    db = await createTestDatabase();
    ws = await createTempWorkspace();
    // The test server trusts local connections, so a password in the URL is carried and never checked.
    withPassword = new URL(db.url);
    withPassword.password = 'reingest-secret';
    config = { ...ws.config, indexUrl: withPassword.toString(), indexDir: join(ws.root, 'no-index-here') };
    await runIngest(config, { embedder, logger: createMemoryLogger(), tty: false });
  });
  afterAll(async () => {
    await closeIndexPools();
    await db?.drop();
    await ws?.cleanup();
  });

  it('GIVEN a change committed by /reingest THEN its report names the database without its password, not INDEX_DIR', async () => {
    const logger = createMemoryLogger();
    const live = await createLiveIndex(config, embedder, logger, { pollMs: 3_600_000 });
    try {
      await writeFile(
        join(config.seedsDir, 'port.md'),
        '# Port of Cotonou\n\nContainer traffic at the port of Cotonou doubled this year.\n',
      );
      const runner = createReingestRunner(config, { embedder, live, logger, metrics: createMetrics() });
      const report = await runner.start();
      expect(report.added).toEqual(['port.md']);
      withPassword.password = '***';
      expect(logger.lines.some((line) => line.includes(`→ ${withPassword.toString()}`))).toBe(true);
      expect(logger.lines.join('\n')).not.toContain('reingest-secret');
      expect(logger.lines.join('\n')).not.toContain(config.indexDir);
      expect(live.current().store.sources.has('port.md')).toBe(true);
    } finally {
      live.close();
    }
  });
});
