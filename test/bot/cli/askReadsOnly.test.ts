import { execFile } from 'node:child_process';
import { readdir, rm, stat, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOfflineEmbedder } from '../../../ingest/embed/createEmbedder.js';
import { runIngest } from '../../../ingest/pipeline/runIngest.js';
import { PROJECT_ROOT } from '../../helpers/projectRoot.js';
import { createMemoryLogger, createTempWorkspace, type TempWorkspace } from '../../helpers/tempWorkspace.js';

const run = promisify(execFile);
const TSX = resolve(PROJECT_ROOT, 'node_modules/.bin/tsx');

/** Every entry under `dir` with its size, inode and modification time: any write shows. */
async function snapshotOf(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true });
  return Promise.all(
    entries.sort().map(async (entry) => {
      const info = await stat(join(dir, entry));
      return `${entry} ${info.size} ${info.ino} ${info.mtimeMs}`;
    }),
  );
}

describe('`npm run ask` only reads', () => {
  let ws: TempWorkspace;
  let env: NodeJS.ProcessEnv;
  beforeAll(async () => {
    ws = await createTempWorkspace();
    await runIngest(ws.config, { embedder: createOfflineEmbedder(), logger: createMemoryLogger(), tty: false });
    env = { ...process.env, SEEDS_DIR: ws.config.seedsDir, INDEX_DIR: ws.config.indexDir, EMBEDDINGS: 'offline', LOG_LEVEL: 'info' };
  });
  afterAll(() => ws.cleanup());

  const askInParallel = (count: number) =>
    Promise.all(
      Array.from({ length: count }, () =>
        run(TSX, [resolve(PROJECT_ROOT, 'bot/cli/askCli.ts'), 'when did Niger end EU cooperation?'], { env, cwd: ws.root }).then(
          () => ({ code: 0, stderr: '' }),
          (error: { code: number; stderr: string }) => ({ code: error.code, stderr: error.stderr }),
        ),
      ),
    );

  it.each([
    { what: 'CURRENT deleted', damage: (dir: string) => rm(join(dir, 'CURRENT')), code: 'INDEX_MISSING' },
    { what: 'CURRENT unreadable', damage: (dir: string) => writeFile(join(dir, 'CURRENT'), 'not a generation\n'), code: 'INDEX_DAMAGED' },
  ])(
    'GIVEN $what THEN parallel asks each say so and how to rebuild, exit 1, and write nothing',
    async ({ damage, code }) => {
      await damage(ws.config.indexDir);
      const before = await snapshotOf(ws.config.indexDir);
      const results = await askInParallel(3);
      for (const result of results) {
        expect(result.code).toBe(1);
        expect(result.stderr).toContain(`"code":"${code}"`);
        expect(result.stderr).toContain('Run `npm run ingest`');
      }
      expect(await snapshotOf(ws.config.indexDir)).toEqual(before);
    },
    60_000,
  );
});
