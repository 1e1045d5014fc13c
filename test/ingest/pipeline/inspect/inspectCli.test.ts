import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT as ROOT } from '../../../helpers/projectRoot.js';
import { encodeLegacy } from '../../../helpers/encodeLegacy.js';
import { ARABIC_SEED, PROJECT_SEEDS } from '../../../helpers/tempWorkspace.js';
import { DUMP_PAGES } from '../parse/support/writtenPages.js';

const TSX = resolve(ROOT, 'node_modules/.bin/tsx');
const CLI = resolve(ROOT, 'ingest/pipeline/inspectCli.ts');

/** Runs `npm run inspect` with these arguments: its exit code and output, whatever the code. */
function inspect(args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile(TSX, [CLI, ...args], { cwd, env: { ...process.env, LOG_LEVEL: 'warn' } }, (error, stdout, stderr) =>
      done({ code: error ? Number(error.code) : 0, stdout, stderr }),
    );
  });
}

describe('npm run inspect', () => {
  let dir: string;
  const dump = DUMP_PAGES.find((p) => p.name === 'dump-ar.txt')!;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'newsdesk-inspect-'));
    await writeFile(join(dir, 'dump-ar.txt'), encodeLegacy(dump.text, 'windows-1256'));
    await writeFile(join(dir, 'photo.jpg'), 'not an article');
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('GIVEN a legacy-charset text dump THEN it shows the charset, each field with its source, passages, what was stripped and why, and the kept text', async () => {
    const { code, stdout } = await inspect(['dump-ar.txt'], dir);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^dump-ar\.txt\n {2}charset {4}windows-1256 \(detected; confidence \d+ %\)\n/);
    expect(stdout).toContain(`  title      ${dump.expect.title}   ← the headline-shaped line above the byline`);
    expect(stdout).toContain('  published  2023-12-05   ← byline "الثلاثاء 5 ديسمبر 2023"');
    expect(stdout).toMatch(/ {2}passages\n {4}\[0\] 0–\d+ {2}أعلنت الحكومة العسكرية/);
    expect(stdout).toContain('    share row: "شارك: فيسبوك تويتر واتساب"');
    expect(stdout).toContain(`  kept text\n    ${dump.expect.paragraphs[0]}\n`);
  });

  it('GIVEN --json and several files THEN one JSON object per file, one per line, and exit 1 for the one that would be skipped', async () => {
    const { code, stdout } = await inspect(['--json', join(PROJECT_SEEDS, ARABIC_SEED), 'photo.jpg'], dir);
    expect(code).toBe(1);
    const [seed, photo, ...rest] = stdout
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(rest).toEqual([]);
    expect(seed).toMatchObject({
      charset: { name: 'utf-8', source: 'valid UTF-8' },
      article: { title: 'روسيا والدول الإفريقية ستعمل على تطوير المزيد من التعاون الدفاعي', published: '2024-05-05', language: 'ar' },
      trace: { sources: { published: expect.stringMatching(/^date stated as the publication date/) } },
    });
    expect(seed.passages.length).toBeGreaterThan(1);
    expect(photo).toEqual({ file: 'photo.jpg', skipped: 'unsupported file type ".jpg" (expected .txt, .md, .markdown, .html, .htm)' });
  });

  it('GIVEN no file THEN it prints the usage and exits 2', async () => {
    const { code, stderr } = await inspect([], dir);
    expect(code).toBe(2);
    expect(stderr).toContain('usage: npm run inspect -- [--json] <file>…');
  });
});
