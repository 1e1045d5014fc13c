import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { spawnPhase } from './spawnPhase.js';

/** A phase process that cannot give its figures is reported, not thrown: the rest of the bench still runs. */

let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'newsdesk-bench-test-'));
});
afterEach(() => rm(root, { recursive: true, force: true }));

const request = () => ({
  system: 'ours' as const,
  phase: 'serve' as const,
  seedsDir: join(root, 'seeds'),
  indexDir: join(root, 'index'),
  questionsFile: join(root, 'questions.json'),
});

describe('spawnPhase', () => {
  it('GIVEN a budget shorter than any process start WHEN the phase runs THEN it is killed and reported as not finished in that budget', async () => {
    // A millisecond: Node with tsx cannot even load the phase in that time.
    const outcome = await spawnPhase(request(), 1 / 60_000);
    expect(outcome).toEqual({ ok: false, reason: `did not finish in ${1 / 60_000} min` });
  });

  it('GIVEN a phase that fails (no questions file) WHEN it runs THEN it is reported as failed with its exit code and error line', async () => {
    const outcome = await spawnPhase(request(), 5);
    expect(outcome.ok).toBe(false);
    expect(!outcome.ok && outcome.reason).toMatch(
      /^failed \(exit 1: Error: ENOENT: no such file or directory, open '.*questions\.json'\)$/,
    );
  });
});
