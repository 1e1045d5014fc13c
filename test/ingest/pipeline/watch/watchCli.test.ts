import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { cp, mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../../helpers/projectRoot.js';
import { createTempWorkspace, INDONESIAN_SEED, PROJECT_SEEDS, type TempWorkspace } from '../../../helpers/tempWorkspace.js';

async function waitFor(condition: () => boolean, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('npm run ingest -- --watch, as a process', () => {
  let ws: TempWorkspace;
  beforeEach(async () => {
    ws = await createTempWorkspace();
  });
  afterEach(() => ws.cleanup());

  it('GIVEN SEEDS_DIR removed THEN the process logs it and stays up; recreated with a file THEN it ingests it; SIGTERM THEN it exits 0', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'ingest/pipeline/cli.ts', '--watch', '--debounce-ms', '200'], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, SEEDS_DIR: ws.config.seedsDir, INDEX_DIR: ws.config.indexDir, EMBEDDINGS: 'offline', LOG_LEVEL: 'info' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let exitCode: number | string | null = null;
    const exited = new Promise<void>((resolve) => child.on('exit', (code, signal) => resolve(void (exitCode = code ?? signal))));
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const logged = () =>
      stderr
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as { level: string; msg: string; run?: number });
    try {
      await waitFor(() => logged().some((l) => l.run === 1));
      await rm(ws.config.seedsDir, { recursive: true });
      await waitFor(() =>
        logged().some(
          (l) => l.level === 'warn' && l.msg === `${ws.config.seedsDir} was removed or moved; checking every 1 s until it is back`,
        ),
      );
      // Before the fix the process was gone by now, with code 13 and no line.
      await new Promise((resolve) => setTimeout(resolve, 1500));
      expect(exitCode).toBeNull();

      await mkdir(ws.config.seedsDir);
      await cp(join(PROJECT_SEEDS, INDONESIAN_SEED), join(ws.config.seedsDir, 'back.txt'));
      await waitFor(() => logged().some((l) => /^ingest: added 1, changed 0, removed \d+/.test(l.msg)));
      expect(logged().some((l) => l.msg === `${ws.config.seedsDir} is back; watching it again`)).toBe(true);
    } finally {
      child.kill('SIGTERM');
      await exited;
    }
    expect(exitCode).toBe(0);
  }, 60_000);

  it('GIVEN METRICS_PORT already taken THEN watch mode logs why and exits 1 instead of staying up half-started', async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const port = (taken.address() as { port: number }).port;
    try {
      const child = spawn(process.execPath, ['--import', 'tsx', 'ingest/pipeline/cli.ts', '--watch'], {
        cwd: PROJECT_ROOT,
        env: {
          ...process.env,
          SEEDS_DIR: ws.config.seedsDir,
          INDEX_DIR: ws.config.indexDir,
          EMBEDDINGS: 'offline',
          LOG_LEVEL: 'info',
          METRICS_PORT: String(port),
        },
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      let stderr = '';
      child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
      const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
      expect(code).toBe(1);
      expect(stderr).toMatch(/"level":"error".*EADDRINUSE/);
    } finally {
      taken.close();
    }
  }, 60_000);
});
