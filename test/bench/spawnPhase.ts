import { spawn } from 'node:child_process';
import type { PhaseRequest } from './runPhase.js';

import { PROJECT_ROOT } from '../helpers/projectRoot.js';

/** A phase either printed its figures or did not: killed at its time budget, or failed on its own (a crash, out of memory). */
export type PhaseOutcome<T> = { ok: true; figures: T & { maxRssMb: number } } | { ok: false; reason: string };

/**
 * V8's default old-space limit (about 4 GB here) would end a million-passage phase long before
 * the machine's 24 GB do; every system gets the same larger limit, so memory is measured, not capped.
 */
const HEAP_LIMIT_MB = 16_384;
/** The last lines a failed phase wrote to stderr, kept for its reason. */
const STDERR_TAIL_CHARS = 2_000;

/**
 * Runs one benchmark phase in a fresh Node process and returns its figures; a phase still running
 * after `budgetMinutes` is killed and reported as not finished, so one slow peer cannot stop the run.
 */
export function spawnPhase<T>(request: PhaseRequest, budgetMinutes: number): Promise<PhaseOutcome<T>> {
  return new Promise((resolvePhase, reject) => {
    const child = spawn(
      process.execPath,
      [`--max-old-space-size=${HEAP_LIMIT_MB}`, '--import', 'tsx', 'test/bench/runPhase.ts', JSON.stringify(request)],
      // LanceDB logs a deprecation warning per query (its hybrid search cannot select the columns it asks for); errors still show.
      { cwd: PROJECT_ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { LANCEDB_LOG: 'error', ...process.env } },
    );
    let out = '';
    let errTail = '';
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, budgetMinutes * 60_000);
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      process.stderr.write(chunk);
      errTail = (errTail + chunk).slice(-STDERR_TAIL_CHARS);
    });
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (timedOut) return resolvePhase({ ok: false, reason: `did not finish in ${budgetMinutes} min` });
      if (code !== 0) return resolvePhase({ ok: false, reason: `failed (${describeExit(code, signal, errTail)})` });
      const last = out.trim().split('\n').pop() ?? '';
      try {
        resolvePhase({ ok: true, figures: JSON.parse(last) as T & { maxRssMb: number } });
      } catch {
        reject(new Error(`${request.system} ${request.phase} printed no figures: ${last.slice(0, 200)}`));
      }
    });
  });
}

/** The exit and the error's own line (`RangeError: Invalid string length`, `FATAL ERROR: … heap out of memory`), if it wrote one. */
function describeExit(code: number | null, signal: NodeJS.Signals | null, errTail: string): string {
  const exit = signal ? `killed by ${signal}` : `exit ${code}`;
  const line = errTail
    .split('\n')
    .map((l) => l.trim())
    .findLast((l) => /^(\w*Error\b|FATAL ERROR)/.test(l));
  return line ? `${exit}: ${line.slice(0, 160)}` : exit;
}
