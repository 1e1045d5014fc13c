import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
import { PROJECT_ROOT as ROOT } from '../helpers/projectRoot.js';
const TSX = resolve(ROOT, 'node_modules/.bin/tsx');
const CLI = resolve(ROOT, 'test/eval/cli.ts');
const FIXTURES = resolve(import.meta.dirname, 'fixture');

describe('the eval command line', () => {
  it('GIVEN --json THEN `npm run eval` prints exactly one JSON object with every field of every track', async () => {
    const { stdout } = await run(TSX, [CLI, '--data', FIXTURES, '--json'], { cwd: ROOT });
    const lines = stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const { tracks } = JSON.parse(lines[0]!);
    expect(tracks).toHaveLength(1);
    expect(Object.keys(tracks[0])).toEqual([
      'track',
      'docs',
      'questions',
      'r1',
      'r5',
      'mrr10',
      'answerInCited',
      'p50ms',
      'p95ms',
      'shortEm',
      'shortF1',
      'shortShare',
      'meanAnswerChars',
      'noAnswer',
      'falseAnswer',
    ]);
    expect(tracks[0]).toMatchObject({ track: 'tiny', docs: 4, questions: 3, r1: 33.3, r5: 66.7 });
  });

  it('GIVEN no --json THEN a table with a header row and one row per track', async () => {
    const { stdout } = await run(TSX, [CLI, '--data', FIXTURES, '--track', 'tiny'], { cwd: ROOT });
    const [header, , row] = stdout.trim().split('\n');
    expect(header).toMatch(
      /^track\s+docs\s+questions\s+R@1\s+R@5\s+MRR@10\s+answer in cited\s+p50 ms\s+p95 ms\s+short EM\s+short F1\s+with short\s+answer chars\s+no answer\s+false answer$/,
    );
    expect(row).toMatch(/^tiny\s+4\s+3\s+33\.3\s+66\.7\s+50\.0\s/);
  });

  it.each([
    [['--json'], /--data <dir> is required/],
    [['--data', FIXTURES, '--track', 'nope'], /no track "nope" .*found: tiny/],
    [['--data', FIXTURES, '--bogus'], /Unknown option '--bogus'/],
  ])('GIVEN bad arguments %j THEN it exits 2 saying what is wrong', async (args, message) => {
    const error = await run(TSX, [CLI, ...args], { cwd: ROOT }).then(
      () => null,
      (e: { code: number; stderr: string }) => e,
    );
    expect(error?.code).toBe(2);
    expect(error?.stderr).toMatch(message);
  });
});
