import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT as ROOT } from '../../helpers/projectRoot.js';
import { buildSeededIndex, createTempWorkspace, type TempWorkspace } from '../../helpers/tempWorkspace.js';

const run = promisify(execFile);
const TSX = resolve(ROOT, 'node_modules/.bin/tsx');
const ASK = resolve(ROOT, 'bot/cli/askCli.ts');
const QUESTION = 'when did Niger end EU cooperation?';

describe('npm run ask -- --gloss', () => {
  let ws: TempWorkspace;
  let env: NodeJS.ProcessEnv;
  beforeAll(async () => {
    ws = await createTempWorkspace();
    await buildSeededIndex(ws);
    env = { ...process.env, SEEDS_DIR: ws.config.seedsDir, INDEX_DIR: ws.config.indexDir, LOG_LEVEL: 'warn' };
  });
  afterAll(() => ws.cleanup());

  it('GIVEN an answer from the Indonesian article THEN the word-for-word English gloss follows it, labelled', async () => {
    const { stdout } = await run(TSX, [ASK, '--gloss', QUESTION], { env, cwd: ws.root });
    expect(stdout).toMatch(
      /\[1\][\s\S]*\n\nWord-for-word English gloss \(dictionary senses, not a translation\):\n\[1\] [^\n]*government[^\n]*\n$/,
    );
  });

  it('GIVEN --json --gloss THEN the answer object gains the glosses', async () => {
    const { stdout } = await run(TSX, [ASK, '--json', '--gloss', QUESTION], { env, cwd: ws.root });
    const result = JSON.parse(stdout);
    expect(Object.keys(result)).toContain('gloss');
    expect(result.gloss[0]).toMatchObject({ n: 1, language: 'id', gloss: expect.stringContaining('government') });
  });
});
