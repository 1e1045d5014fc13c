import { execFile, execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, realpath, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { filesContaining } from '../../../helpers/filesContaining.js';
import { PROJECT_ROOT } from '../../../helpers/projectRoot.js';
import { createTempWorkspace, type TempWorkspace } from '../../../helpers/tempWorkspace.js';

const TOKEN = 'MTIzNDU2Nzg5MDEyMzQ1Njc4.Gsecret.never-indexed-token';
/** A run that blocks on a pipe or reads a device forever is killed here, and the test fails on its exit rather than hanging. */
const RUN_TIMEOUT_MS = 30_000;

type Run = { code: number | null; killed: boolean; stderr: string; logs: Record<string, unknown>[] };

/** `npm run ingest` as an operator runs it: from the workspace (whose `.env` it reads), the offline embedder, JSON log lines on stderr. */
function runIngestCli(ws: TempWorkspace, env: Record<string, string> = {}): Promise<Run> {
  const loader = pathToFileURL(join(PROJECT_ROOT, 'node_modules/tsx/dist/loader.mjs')).href;
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', loader, join(PROJECT_ROOT, 'ingest/pipeline/cli.ts')],
      {
        cwd: ws.root,
        timeout: RUN_TIMEOUT_MS,
        env: { ...process.env, SEEDS_DIR: ws.config.seedsDir, INDEX_DIR: ws.config.indexDir, EMBEDDINGS: 'offline', LOG_LEVEL: 'info', ...env },
      },
      (error, _stdout, stderr) => {
        const logs = stderr.split('\n').flatMap((line) => (line.startsWith('{') ? [JSON.parse(line) as Record<string, unknown>] : []));
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : null) : 0, killed: error?.killed ?? false, stderr, logs });
      },
    );
  });
}

const skipsOf = (run: Run) => Object.fromEntries(run.logs.filter((l) => l.level === 'warn' && typeof l.file === 'string').map((l) => [l.file, l.reason]));

describe('npm run ingest on a hostile or mistaken seeds folder', () => {
  let ws: TempWorkspace;
  beforeEach(async () => {
    ws = await createTempWorkspace();
  });
  afterEach(() => ws.cleanup());

  it('GIVEN seeds/notes.txt → ../.env and a link to /etc/passwd THEN the run succeeds, the token is in no index file and each skip is logged with its reason', async () => {
    await writeFile(join(ws.root, '.env'), `DISCORD_TOKEN=${TOKEN}\n`);
    await symlink('../.env', join(ws.config.seedsDir, 'notes.txt'));
    await symlink('/etc/passwd', join(ws.config.seedsDir, 'passwd.txt'));
    const run = await runIngestCli(ws);

    expect(run.code).toBe(0);
    expect(skipsOf(run)).toEqual({
      'notes.txt': `a symbolic link to ${await realpath(join(ws.root, '.env'))}, outside SEEDS_DIR (SEEDS_FOLLOW_SYMLINKS=outside follows such links)`,
      'passwd.txt': 'a symbolic link to /etc/passwd, outside SEEDS_DIR (SEEDS_FOLLOW_SYMLINKS=outside follows such links)',
    });
    expect(await filesContaining(ws.config.indexDir, TOKEN)).toEqual([]);
    expect(await filesContaining(ws.config.indexDir, 'root:x:0:0')).toEqual([]);
    expect(run.stderr).not.toContain(TOKEN);
  });

  it(
    'GIVEN a pipe with no writer (behind a link and on its own), /dev/zero and /dev/null behind links, links followed out of the folder THEN each is skipped as not a regular file and the run ends',
    async () => {
      await mkdir(join(ws.config.seedsDir, 'inbox'));
      execFileSync('mkfifo', [join(ws.config.seedsDir, 'inbox', 'feed.txt')]);
      await symlink('inbox/feed.txt', join(ws.config.seedsDir, 'feed.txt'));
      await symlink('/dev/zero', join(ws.config.seedsDir, 'zero.txt'));
      await symlink('/dev/null', join(ws.config.seedsDir, 'null.md'));
      const run = await runIngestCli(ws, { SEEDS_FOLLOW_SYMLINKS: 'outside' });

      expect(run.killed).toBe(false);
      expect(run.code).toBe(0);
      expect(skipsOf(run)).toEqual({
        'feed.txt': 'not a regular file (a named pipe)',
        'inbox/feed.txt': 'not a regular file (a named pipe)',
        'zero.txt': 'not a regular file (a character device)',
        'null.md': 'not a regular file (a character device)',
      });
    },
    RUN_TIMEOUT_MS + 10_000,
  );

  it.each([
    ['does not exist', () => Promise.resolve(join('missing', 'seeds')), 'which does not exist'],
    ['is a file', async () => (await writeFile(join(ws.root, 'seeds.txt'), 'articles go here'), 'seeds.txt'), 'which is a file, not a folder'],
  ])('GIVEN a SEEDS_DIR that %s THEN the run exits 1 before any work, saying so with the variable and the path', async (_case, make, says) => {
    const seedsDir = await make();
    const run = await runIngestCli(ws, { SEEDS_DIR: seedsDir });

    expect(run.code).toBe(1);
    expect(run.logs).toEqual([expect.objectContaining({ level: 'error', msg: expect.stringContaining(`SEEDS_DIR is ${seedsDir}, ${says} (${join(await realpath(ws.root), seedsDir)})`) })]);
    expect(existsSync(ws.config.indexDir)).toBe(false);
  });
});
