import { spawn, spawnSync } from 'node:child_process';
import { mkdir, readFile, stat, utimes, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LOCK_FILE, lockIndexDirectory } from '../../../ingest/index/lockIndexDirectory.js';
import { PROJECT_ROOT } from '../../helpers/projectRoot.js';
import { createMemoryLogger, createTempWorkspace, type TempWorkspace } from '../../helpers/tempWorkspace.js';

/** The pid of a process that has already exited (so is certainly not alive). */
const deadPid = (): number => spawnSync(process.execPath, ['-e', '0']).pid!;

const lockOf = async (dir: string) =>
  JSON.parse(await readFile(join(dir, LOCK_FILE), 'utf8')) as { pid: number; host: string; token: string };

describe('the index lock', () => {
  let ws: TempWorkspace;
  let dir: string;
  beforeEach(async () => {
    ws = await createTempWorkspace({ withSeeds: false });
    dir = ws.config.indexDir;
    await mkdir(dir);
  });
  afterEach(() => ws.cleanup());

  it('GIVEN a live writer holds the lock THEN another is refused at once with INGEST_RUNNING naming its pid and host', async () => {
    const held = await lockIndexDirectory(dir, { waitMs: 0, logger: createMemoryLogger() });
    try {
      await expect(lockIndexDirectory(dir, { waitMs: 0, logger: createMemoryLogger() })).rejects.toMatchObject({
        code: 'INGEST_RUNNING',
        message: expect.stringContaining(`(pid ${process.pid}, host ${hostname()}, since ${held.owner.startedAt})`),
      });
    } finally {
      await held.release();
    }
    await expect(stat(join(dir, LOCK_FILE))).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('GIVEN the writer finishes within the wait THEN the next one gets the lock, having logged one line that it waits', async () => {
    const held = await lockIndexDirectory(dir, { waitMs: 0, logger: createMemoryLogger() });
    setTimeout(() => void held.release(), 400);
    const logger = createMemoryLogger();
    const next = await lockIndexDirectory(dir, { waitMs: 10_000, logger });
    expect((await lockOf(dir)).token).toBe(next.owner.token);
    expect(logger.lines.filter((line) => line.includes('waiting for the ingest running'))).toHaveLength(1);
    await next.release();
  });

  it('GIVEN many writers at once THEN they hold the lock one at a time, each in turn', async () => {
    let inside = 0;
    let most = 0;
    const writer = async () => {
      const lock = await lockIndexDirectory(dir, { waitMs: 30_000, logger: createMemoryLogger() });
      most = Math.max(most, ++inside);
      await new Promise((resolve) => setTimeout(resolve, 20));
      inside--;
      await lock.release();
    };
    await Promise.all(Array.from({ length: 8 }, writer));
    expect(most).toBe(1);
  });

  it.each([
    { what: 'this host, its pid no longer alive', owner: () => ({ pid: deadPid(), host: hostname() }), ageMs: 0 },
    { what: 'another host, not refreshed for 11 minutes', owner: () => ({ pid: process.pid, host: 'elsewhere' }), ageMs: 11 * 60_000 },
  ])('GIVEN a stale lock from $what THEN several writers at once take it over, one at a time', async ({ owner, ageMs }) => {
    await writeFile(join(dir, LOCK_FILE), JSON.stringify({ ...owner(), startedAt: '2026-01-01T00:00:00.000Z', token: 'stale' }));
    const then = new Date(Date.now() - ageMs);
    await utimes(join(dir, LOCK_FILE), then, then);
    let inside = 0;
    let most = 0;
    const logger = createMemoryLogger();
    const writer = async () => {
      const lock = await lockIndexDirectory(dir, { waitMs: 30_000, logger });
      most = Math.max(most, ++inside);
      expect((await lockOf(dir)).token).toBe(lock.owner.token);
      await new Promise((resolve) => setTimeout(resolve, 20));
      inside--;
      await lock.release();
    };
    await Promise.all(Array.from({ length: 4 }, writer));
    expect(most).toBe(1);
    expect(logger.lines.filter((line) => line.includes('took over the index lock'))).toHaveLength(1);
  });

  it('GIVEN a lock from another host refreshed a minute ago THEN it is not taken over', async () => {
    await writeFile(
      join(dir, LOCK_FILE),
      JSON.stringify({ pid: 1, host: 'elsewhere', startedAt: '2026-01-01T00:00:00.000Z', token: 'other' }),
    );
    const then = new Date(Date.now() - 60_000);
    await utimes(join(dir, LOCK_FILE), then, then);
    await expect(lockIndexDirectory(dir, { waitMs: 300, logger: createMemoryLogger() })).rejects.toMatchObject({ code: 'INGEST_RUNNING' });
    expect((await lockOf(dir)).token).toBe('other');
  });

  it('GIVEN a process holding the lock gets SIGTERM THEN it ends by that signal and the lock is gone', async () => {
    const script = `
      import { lockIndexDirectory } from './ingest/index/lockIndexDirectory.ts';
      import { createLogger } from './ingest/core/logger.ts';
      await lockIndexDirectory(${JSON.stringify(dir)}, { waitMs: 0, logger: createLogger({ write: () => {} }) });
      process.stdout.write('locked\\n');
      setInterval(() => {}, 1000);
    `;
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      cwd: PROJECT_ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    await new Promise<void>((resolve) => child.stdout.on('data', () => resolve()));
    expect((await lockOf(dir)).pid).toBe(child.pid);
    const ended = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
    child.kill('SIGTERM');
    expect(await ended).toBe('SIGTERM');
    await expect(stat(join(dir, LOCK_FILE))).rejects.toMatchObject({ code: 'ENOENT' });
  }, 30_000);
});
