import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT as ROOT } from '../../helpers/projectRoot.js';
import { ARABIC_SEED, buildSeededIndex, createTempWorkspace, INDONESIAN_SEED, type TempWorkspace } from '../../helpers/tempWorkspace.js';

const TSX = resolve(ROOT, 'node_modules/.bin/tsx');
const ASK = resolve(ROOT, 'bot/cli/askCli.ts');

/** Runs `npm run ask` with `args`, feeding `stdin` to it. */
function ask(env: NodeJS.ProcessEnv, cwd: string, args: string[], stdin = ''): Promise<{ stdout: string; stderr: string }> {
  return new Promise((done, fail) => {
    const child = execFile(TSX, [ASK, ...args], { env, cwd }, (error, stdout, stderr) =>
      error ? fail(Object.assign(error, { stdout, stderr })) : done({ stdout, stderr }),
    );
    child.stdin!.end(stdin);
  });
}

describe('the ask command line contract', () => {
  let ws: TempWorkspace;
  let env: NodeJS.ProcessEnv;
  beforeAll(async () => {
    ws = await createTempWorkspace();
    await buildSeededIndex(ws);
    env = { ...process.env, SEEDS_DIR: ws.config.seedsDir, INDEX_DIR: ws.config.indexDir, LOG_LEVEL: 'warn' };
  });
  afterAll(() => ws.cleanup());

  it('GIVEN --json THEN the answer carries its short answer and one citation per article, each listing its passages with the first as `passage`', async () => {
    const { stdout } = await ask(env, ws.root, ['--json', 'Which Russian air defense system arrived in Niger?']);
    const result = JSON.parse(stdout);
    expect(Object.keys(result)).toEqual(['question', 'answer', 'shortAnswer', 'citations']);
    expect(result.shortAnswer).toEqual({ text: 'S-300', source: 'S-300', n: 1 });
    expect(result.citations[0]).toMatchObject({ n: 1, sourceId: ARABIC_SEED });
    const ids = result.citations.map((c: { sourceId: string }) => c.sourceId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const citation of result.citations) {
      expect(citation.passages.length).toBeGreaterThan(0);
      expect(citation.passages[0]).toEqual({ passage: citation.passage, score: citation.score });
      for (const p of citation.passages) expect(Object.keys(p)).toEqual(['passage', 'score']);
    }
    const cited = result.citations.find((c: { n: number }) => c.n === result.shortAnswer.n);
    expect(cited.passages.some((p: { passage: string }) => p.passage.includes(result.shortAnswer.source))).toBe(true);
  });

  it('GIVEN --json and a question the articles do not cover THEN answer and shortAnswer are null and there are no citations', async () => {
    const { stdout } = await ask(env, ws.root, ['--json', 'recipe for chocolate cake']);
    expect(JSON.parse(stdout)).toEqual({ question: 'recipe for chocolate cake', answer: null, shortAnswer: null, citations: [] });
  });

  it('GIVEN --jsonl and questions on stdin THEN one JSON object per question line comes out, in order, blank lines skipped and a refused line reported', async () => {
    const lines = [
      'How many French troops were in Niger?',
      '',
      'when did Niger end EU cooperation?',
      'x'.repeat(501),
      'recipe for chocolate cake',
    ];
    const { stdout } = await ask(env, ws.root, ['--jsonl'], `${lines.join('\n')}\n`);
    const results = stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(results).toHaveLength(4);
    expect(results[0]).toMatchObject({ question: lines[0], shortAnswer: { text: '1,500 troops', source: '1.500' } });
    expect(results[0].citations[0]).toMatchObject({ sourceId: INDONESIAN_SEED, passages: expect.any(Array) });
    expect(Object.keys(results[1])).toEqual(['question', 'answer', 'shortAnswer', 'citations']);
    expect(results[1].shortAnswer.text).toBe('4 December 2023');
    expect(results[2]).toEqual({ question: lines[3], error: expect.stringMatching(/too long/) });
    expect(results[3]).toMatchObject({ answer: null, shortAnswer: null });
  });

  it('GIVEN --jsonl with a question argument as well THEN ask exits 2 saying it reads stdin', async () => {
    const error = await ask(env, ws.root, ['--jsonl', 'a question']).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 2 });
    expect((error as { stderr: string }).stderr).toMatch(/--jsonl reads its questions from stdin/);
  });
});
