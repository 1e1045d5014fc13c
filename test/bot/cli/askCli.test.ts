import { execFile } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTempWorkspace, INDONESIAN_SEED, type TempWorkspace } from '../../helpers/tempWorkspace.js';

const run = promisify(execFile);
import { PROJECT_ROOT as ROOT } from '../../helpers/projectRoot.js';
const TSX = resolve(ROOT, 'node_modules/.bin/tsx');

describe('the ingest and ask command lines', () => {
  let ws: TempWorkspace;
  let env: NodeJS.ProcessEnv;
  beforeAll(async () => {
    ws = await createTempWorkspace();
    env = { ...process.env, SEEDS_DIR: ws.config.seedsDir, INDEX_DIR: ws.config.indexDir, LOG_LEVEL: 'warn' };
  });
  afterAll(() => ws.cleanup());

  it('GIVEN the seeds THEN `npm run ingest` prints what it did and exits 0', async () => {
    const { stdout } = await run(TSX, [resolve(ROOT, 'ingest/pipeline/cli.ts')], { env, cwd: ws.root });
    expect(stdout).toMatch(
      /^ingest: added 2, changed 0, removed 0, unchanged 0, skipped 0; 2 articles, \d+ passages \(\d+ embedded\) in \d+\.\d\d s/,
    );
  });

  it('GIVEN --json THEN `npm run ask` prints exactly the answer object', async () => {
    const { stdout } = await run(TSX, [resolve(ROOT, 'bot/cli/askCli.ts'), '--json', 'when did Niger end EU cooperation?'], {
      env,
      cwd: ws.root,
    });
    const result = JSON.parse(stdout);
    expect(Object.keys(result)).toEqual(['question', 'answer', 'shortAnswer', 'citations']);
    expect(result.answer).toMatch(/^4 December 2023 — /);
    expect(result.citations[0]).toMatchObject({ n: 1, sourceId: INDONESIAN_SEED });
  });

  it('GIVEN a bad --since THEN ask exits 2 naming the option', async () => {
    const error = await run(TSX, [resolve(ROOT, 'bot/cli/askCli.ts'), '--since', 'yesterday', 'question'], { env, cwd: ws.root }).catch(
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ code: 2 });
    expect((error as { stderr: string }).stderr).toMatch(/since[\s\S]*YYYY-MM-DD/);
  });

  it('GIVEN a seeds folder with nothing usable THEN ingest exits 1 saying so', async () => {
    const empty = resolve(ws.root, 'empty-seeds');
    await mkdir(empty);
    await writeFile(resolve(empty, 'blank.txt'), '   \n');
    const error = await run(TSX, [resolve(ROOT, 'ingest/pipeline/cli.ts')], {
      env: { ...env, SEEDS_DIR: empty, INDEX_DIR: resolve(ws.root, 'other-index') },
      cwd: ws.root,
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 1 });
    expect((error as { stderr: string }).stderr).toContain('Nothing usable was found');
  });

  it('GIVEN a SEEDS_DIR that does not exist THEN ingest exits 1 naming the variable and the path', async () => {
    const missing = resolve(ws.root, 'no-such-dir');
    const error = await run(TSX, [resolve(ROOT, 'ingest/pipeline/cli.ts')], {
      env: { ...env, SEEDS_DIR: missing, INDEX_DIR: resolve(ws.root, 'third-index') },
      cwd: ws.root,
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 1 });
    expect((error as { stderr: string }).stderr).toMatch(/SEEDS_DIR/);
    expect((error as { stderr: string }).stderr).toContain(missing);
  });

  it('GIVEN an invalid setting THEN ingest exits 1 naming the variable', async () => {
    const error = await run(TSX, [resolve(ROOT, 'ingest/pipeline/cli.ts')], {
      env: { ...env, PASSAGE_MAX_CHARS: 'lots' },
      cwd: ws.root,
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 1 });
    expect((error as { stderr: string }).stderr).toContain('PASSAGE_MAX_CHARS');
  });
});
