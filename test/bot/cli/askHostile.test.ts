import { execFile } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../helpers/projectRoot.js';
import { ACTIVE_CONTROLS, expectInertOnTerminal, HOSTILE_QUESTION, HOSTILE_SEED, HOSTILE_TEXT } from '../../helpers/hostileSeed.js';
import { buildSeededIndex, createTempWorkspace, type TempWorkspace } from '../../helpers/tempWorkspace.js';

const TSX = resolve(PROJECT_ROOT, 'node_modules/.bin/tsx');
const ASK = resolve(PROJECT_ROOT, 'bot/cli/askCli.ts');

/** `npm run ask` with `args` and `stdin`; resolves with its output as bytes decoded, whatever the exit. */
function ask(env: NodeJS.ProcessEnv, cwd: string, args: string[], stdin = ''): Promise<{ stdout: string; stderr: string }> {
  return new Promise((done, fail) => {
    const child = execFile(TSX, [ASK, ...args], { env, cwd }, (error, stdout, stderr) =>
      error ? fail(Object.assign(error, { stdout, stderr })) : done({ stdout, stderr }),
    );
    child.stdin!.end(stdin);
  });
}

describe('npm run ask, given an article written to attack its reader', () => {
  let ws: TempWorkspace;
  let env: NodeJS.ProcessEnv;
  beforeAll(async () => {
    ws = await createTempWorkspace({ withSeeds: false });
    await mkdir(ws.config.seedsDir);
    await writeFile(join(ws.config.seedsDir, HOSTILE_SEED), HOSTILE_TEXT);
    await buildSeededIndex(ws);
    env = { ...process.env, SEEDS_DIR: ws.config.seedsDir, INDEX_DIR: ws.config.indexDir, LOG_LEVEL: 'warn' };
  });
  afterAll(() => ws.cleanup());

  it('GIVEN a question it answers THEN the text printed carries no control character and no escape sequence', async () => {
    const { stdout } = await ask(env, ws.root, [HOSTILE_QUESTION]);
    expect(stdout).toContain('[1] Niger menerima rudal S-300 usuR irad dan pelatih militer — Kantor Berita Niamey');
    expectInertOnTerminal(stdout);
  });

  it('GIVEN --json and --jsonl THEN every line is still the article as data (escapes in JSON strings), and the bytes carry no raw control', async () => {
    const { stdout: json } = await ask(env, ws.root, ['--json', HOSTILE_QUESTION]);
    const { stdout: jsonl } = await ask(env, ws.root, ['--jsonl'], `${HOSTILE_QUESTION}\n`);
    for (const out of [json, jsonl]) {
      expect(out).not.toMatch(ACTIVE_CONTROLS);
      const result = JSON.parse(out);
      expect(result.citations[0].title).toContain('\u202eusuR irad\u202c');
      expect(result.citations[0].url).toBeNull();
    }
  });
});
