import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PipelineConfig } from '../../../../ingest/core/config.js';
import { createOfflineEmbedder } from '../../../../ingest/embed/createEmbedder.js';
import { closeIndexPools } from '../../../../ingest/index/postgres/databaseBackend.js';
import { runIngest } from '../../../../ingest/pipeline/runIngest.js';
import { PROJECT_ROOT } from '../../../helpers/projectRoot.js';
import { createMemoryLogger, createTempWorkspace, type TempWorkspace } from '../../../helpers/tempWorkspace.js';
import { createTestDatabase, type TestDatabase } from './support/createTestDatabase.js';

const QUESTION = 'when did Niger end EU cooperation?';

/** `npm run ask -- --json` as its own process, reading the index from the database. */
function ask(config: PipelineConfig): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'bot/cli/askCli.ts', '--json', QUESTION], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, INDEX_URL: config.indexUrl, INDEX_DIR: config.indexDir, SEEDS_DIR: config.seedsDir, EMBEDDINGS: 'offline' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, stdout, stderr })));
}

describe('npm run ask with INDEX_URL', () => {
  let db: TestDatabase;
  let ws: TempWorkspace;
  let config: PipelineConfig;

  beforeAll(async () => {
    db = await createTestDatabase();
    ws = await createTempWorkspace();
    config = { ...ws.config, indexUrl: db.url, indexDir: join(ws.root, 'no-index-here') };
    await runIngest(config, { embedder: createOfflineEmbedder(), logger: createMemoryLogger(), tty: false });
  });
  afterAll(async () => {
    await closeIndexPools();
    await db?.drop();
    await ws?.cleanup();
  });

  it('GIVEN two ask processes at once THEN both answer from the database, the same answer with citations', async () => {
    const [first, second] = await Promise.all([ask(config), ask(config)]);
    expect(first.code, first.stderr).toBe(0);
    expect(second.code, second.stderr).toBe(0);
    const answer = JSON.parse(first.stdout) as { answer: string | null; citations: unknown[] };
    expect(answer.answer).not.toBeNull();
    expect(answer.citations.length).toBeGreaterThan(0);
    expect(second.stdout).toBe(first.stdout);
  });

  it('GIVEN an empty database THEN ask says there is no index there and to run npm run ingest', async () => {
    const empty = await createTestDatabase();
    try {
      const run = await ask({ ...config, indexUrl: empty.url });
      expect(run.code).not.toBe(0);
      expect(run.stderr).toContain('npm run ingest');
      expect(run.stderr).not.toContain('at ');
    } finally {
      await empty.drop();
    }
  });
});
