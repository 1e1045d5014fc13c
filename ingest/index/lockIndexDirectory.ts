import { randomBytes } from 'node:crypto';
import { readFileSync, unlinkSync } from 'node:fs';
import { link, readFile, rename, stat, unlink, utimes, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { z } from 'zod';
import { createError } from '../core/errors.js';
import type { Logger } from '../core/logger.js';

/**
 * One writer at a time per index directory. The lock is a file, `.newsdesk-lock`, naming its
 * owner (pid, host, start time and a token of its own); it appears whole or not at all, because
 * it is written under a name of its own first and then hard-linked into place, and linking fails
 * when the lock exists (the same exclusivity as O_EXCL, without an empty file in between).
 *
 * A lock whose owner is gone is taken over: on the same host when its pid is no longer alive, on
 * another host when its owner stopped refreshing it (owners touch it every HEARTBEAT_MS). Taking
 * over renames a fresh lock over the stale one, after re-checking that the stale one is still
 * there, unchanged — and only while holding `.newsdesk-lock.takeover` (created exclusively), so
 * two processes that both saw the stale lock cannot both replace it.
 */

export const LOCK_FILE = '.newsdesk-lock';
const TAKEOVER_FILE = `${LOCK_FILE}.takeover`;
const HEARTBEAT_MS = 30_000;
/** A lock from another host is stale once it was not refreshed for this long (its owner would have touched it 20 times). */
const FOREIGN_STALE_MS = 10 * 60_000;
/** A takeover lasts microseconds; a guard older than this was left by a process that died in the middle of one. */
const TAKEOVER_STALE_MS = 10_000;
const POLL_MS = 100;

const ownerSchema = z.object({ pid: z.number().int().positive(), host: z.string(), startedAt: z.string(), token: z.string() });
export type LockOwner = z.infer<typeof ownerSchema>;

export type IndexLock = {
  owner: LockOwner;
  /** Removes the lock (when it is still this one's); also done at process exit and on SIGINT/SIGTERM, see lockIndexDirectory. */
  release(): Promise<void>;
};

export type LockOptions = {
  /** How long to wait for another writer to finish before refusing with INGEST_RUNNING; 0 refuses at once. */
  waitMs: number;
  logger: Logger;
};

type SeenLock = { owner: LockOwner | null; ino: number; mtimeMs: number };

/**
 * Takes the index directory's lock, waiting up to `waitMs` (with one log line) while another live
 * writer holds it; throws INGEST_RUNNING naming that writer when the wait runs out. The lock is
 * released by `release()`, at process exit, and on SIGINT/SIGTERM when nothing else in the
 * process handles those signals (a process that shuts down gracefully, like watch mode, releases
 * it when its run ends).
 */
export async function lockIndexDirectory(indexDir: string, { waitMs, logger }: LockOptions): Promise<IndexLock> {
  const owner: LockOwner = {
    pid: process.pid,
    host: hostname(),
    startedAt: new Date().toISOString(),
    token: randomBytes(8).toString('hex'),
  };
  const lockPath = join(indexDir, LOCK_FILE);
  const fresh = join(indexDir, `${LOCK_FILE}.${owner.token}.tmp`);
  await writeFile(fresh, `${JSON.stringify(owner)}\n`);
  try {
    await acquire(indexDir, lockPath, fresh, owner, waitMs, logger);
  } finally {
    await unlink(fresh).catch(() => {});
  }
  return holdLock(lockPath, owner);
}

async function acquire(indexDir: string, lockPath: string, fresh: string, me: LockOwner, waitMs: number, logger: Logger): Promise<void> {
  const deadline = Date.now() + waitMs;
  let waitLogged = false;
  for (;;) {
    try {
      await link(fresh, lockPath);
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const seen = await readLock(lockPath);
    if (!seen) continue; // released between the two calls
    if (isStale(seen, me.host)) {
      if (await takeOver(indexDir, lockPath, fresh, seen)) {
        const was = seen.owner ? `pid ${seen.owner.pid} on ${seen.owner.host}, since ${seen.owner.startedAt}` : 'an unreadable lock';
        logger.warn(`took over the index lock in ${indexDir} left by ${was}: that writer is gone`);
        return;
      }
      continue;
    }
    const holder = seen.owner!;
    if (Date.now() >= deadline) {
      throw createError('INGEST_RUNNING', { dir: indexDir, pid: holder.pid, host: holder.host, since: holder.startedAt });
    }
    if (!waitLogged) {
      logger.info(
        `waiting for the ingest running on ${indexDir} (pid ${holder.pid}, host ${holder.host}, since ${holder.startedAt}) to finish`,
      );
      waitLogged = true;
    }
    await sleep(POLL_MS);
  }
}

async function readLock(lockPath: string): Promise<SeenLock | null> {
  try {
    const [info, text] = await Promise.all([stat(lockPath), readFile(lockPath, 'utf8')]);
    let owner: LockOwner | null = null;
    try {
      const parsed = ownerSchema.safeParse(JSON.parse(text));
      owner = parsed.success ? parsed.data : null;
    } catch {
      owner = null;
    }
    return { owner, ino: info.ino, mtimeMs: info.mtimeMs };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

function isStale({ owner, mtimeMs }: SeenLock, host: string): boolean {
  const age = Date.now() - mtimeMs;
  // Newsdesk's locks are never unreadable; one that is (written by hand, truncated) is given a moment, then replaced.
  if (!owner) return age > TAKEOVER_STALE_MS;
  if (owner.host !== host) return age > FOREIGN_STALE_MS;
  return !isAlive(owner.pid);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Replaces the stale lock `seen` by `fresh` when it is still there, unchanged; false when another process got there first. */
async function takeOver(indexDir: string, lockPath: string, fresh: string, seen: SeenLock): Promise<boolean> {
  const guard = join(indexDir, TAKEOVER_FILE);
  try {
    // A file of its own (not a link to `fresh`, which may be old): its age tells whether its taker died.
    await writeFile(guard, '', { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    const info = await stat(guard).catch(() => null);
    if (info && Date.now() - info.mtimeMs > TAKEOVER_STALE_MS) await unlink(guard).catch(() => {});
    await sleep(POLL_MS);
    return false;
  }
  try {
    const now = await readLock(lockPath);
    if (!now || now.ino !== seen.ino || now.mtimeMs !== seen.mtimeMs) return false;
    const replacement = `${fresh}.takeover`;
    await link(fresh, replacement);
    await rename(replacement, lockPath);
    return true;
  } finally {
    await unlink(guard).catch(() => {});
  }
}

/** Releases of the locks this process holds, run at exit and on an unhandled SIGINT/SIGTERM. */
const heldLocks = new Set<() => void>();

function releaseAll(): void {
  for (const release of [...heldLocks]) release();
}

function onSignal(signal: NodeJS.Signals): void {
  // Another handler (watch mode, the bot) shuts down gracefully and ends the run, which releases the lock.
  if (process.listeners(signal).some((listener) => listener !== onSignal)) return;
  releaseAll();
  // With this handler gone, the signal's default action ends the process as it would have without a lock.
  process.kill(process.pid, signal);
}

/** Keeps the lock fresh while held, and removes it on release, at exit or on an unhandled SIGINT/SIGTERM. */
function holdLock(lockPath: string, owner: LockOwner): IndexLock {
  const touch = (): void => {
    const now = new Date();
    utimes(lockPath, now, now).catch(() => {});
  };
  // The lock file was written before any wait: its age must count from now.
  touch();
  const heartbeat = setInterval(touch, HEARTBEAT_MS);
  heartbeat.unref();
  const releaseSync = (): void => {
    if (!heldLocks.delete(releaseSync)) return;
    clearInterval(heartbeat);
    if (heldLocks.size === 0) {
      process.off('exit', releaseAll);
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    }
    try {
      if (ownerSchema.parse(JSON.parse(readFileSync(lockPath, 'utf8'))).token === owner.token) unlinkSync(lockPath);
    } catch {
      // Gone already, or no longer ours: nothing to remove.
    }
  };
  if (heldLocks.size === 0) {
    process.on('exit', releaseAll);
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  }
  heldLocks.add(releaseSync);
  return { owner, release: async () => releaseSync() };
}
