import { existsSync } from 'node:fs';
import { mkdir, realpath, rm, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NewsdeskError } from '../../../../ingest/core/errors.js';
import { createOfflineEmbedder } from '../../../../ingest/embed/createEmbedder.js';
import { runIngest } from '../../../../ingest/pipeline/runIngest.js';
import { filesContaining } from '../../../helpers/filesContaining.js';
import { ARABIC_SEED, createMemoryLogger, createTempWorkspace, INDONESIAN_SEED, type TempWorkspace } from '../../../helpers/tempWorkspace.js';

/** The token in the workspace's `.env`, next to the seeds folder as in a checkout. */
const TOKEN = 'MTIzNDU2Nzg5MDEyMzQ1Njc4.Gsecret.never-indexed-token';
const FERRY = 'Night ferry to Batam suspended\n\nThe night ferry from Jakarta to Batam stops sailing until the monsoon storms have passed.\n';
const LIGHTHOUSE = '# Old lighthouse reopens\n\nThe old lighthouse of Pulau Seribu opens its gallery to visitors again after repairs.\n';

describe('seed files stay inside SEEDS_DIR', () => {
  let ws: TempWorkspace;
  let seeds: string;
  beforeEach(async () => {
    ws = await createTempWorkspace();
    seeds = ws.config.seedsDir;
    await writeFile(join(ws.root, '.env'), `DISCORD_TOKEN=${TOKEN}\n`);
  });
  afterEach(() => ws.cleanup());

  const ingest = (overrides: Partial<TempWorkspace['config']> = {}, logger = createMemoryLogger()) =>
    runIngest({ ...ws.config, ...overrides }, { embedder: createOfflineEmbedder(), logger, tty: false });
  const reasonsOf = (report: Awaited<ReturnType<typeof ingest>>) => Object.fromEntries(report.skipped.map((s) => [s.sourceId, s.reason]));

  it('GIVEN links to ../.env and /etc/passwd THEN neither is indexed (the token is in no index file) and each skip names where the link leads', async () => {
    await symlink('../.env', join(seeds, 'notes.txt'));
    await symlink('/etc/passwd', join(seeds, 'passwd.txt'));
    const logger = createMemoryLogger();
    const report = await ingest({}, logger);

    expect(report.added).toEqual([INDONESIAN_SEED, ARABIC_SEED]);
    const outside = (target: string) => `a symbolic link to ${target}, outside SEEDS_DIR (SEEDS_FOLLOW_SYMLINKS=outside follows such links)`;
    expect(reasonsOf(report)).toEqual({ 'notes.txt': outside(await realpath(join(ws.root, '.env'))), 'passwd.txt': outside('/etc/passwd') });
    expect(await filesContaining(ws.config.indexDir, TOKEN)).toEqual([]);
    expect(await filesContaining(ws.config.indexDir, 'root:x:0:0')).toEqual([]);
    for (const file of ['notes.txt', 'passwd.txt']) expect(logger.lines.filter((l) => l.startsWith(`warn: skipped ${file}: a symbolic link to `))).toHaveLength(1);
  });

  it('GIVEN SEEDS_FOLLOW_SYMLINKS=outside THEN a link out of the folder is followed and what it leads to is indexed', async () => {
    await writeFile(join(ws.root, 'ferry.txt'), FERRY);
    await symlink('../ferry.txt', join(seeds, 'ferry.txt'));
    const report = await ingest({ followSymlinks: 'outside' });

    expect(report.added).toContain('ferry.txt');
    expect(report.skipped).toEqual([]);
    expect(await filesContaining(ws.config.indexDir, 'monsoon storms')).not.toEqual([]);
  });

  it('GIVEN links that stay inside the folder, to a file and to a folder, THEN both are followed and indexed under the names of the links', async () => {
    await mkdir(join(seeds, '.drafts', '2024'), { recursive: true });
    await writeFile(join(seeds, '.drafts', 'ferry.txt'), FERRY);
    await writeFile(join(seeds, '.drafts', '2024', 'lighthouse.md'), LIGHTHOUSE);
    await symlink('.drafts/ferry.txt', join(seeds, 'latest.txt'));
    await symlink('.drafts/2024', join(seeds, 'current'));
    const report = await ingest();

    expect(report.added).toEqual([INDONESIAN_SEED, ARABIC_SEED, 'current/lighthouse.md', 'latest.txt']);
    expect(report.skipped).toEqual([]);
  });

  it('GIVEN links to folders that contain them THEN each is skipped as a loop and the run ends', async () => {
    await mkdir(join(seeds, 'sub'));
    await symlink('.', join(seeds, 'self'));
    await symlink('..', join(seeds, 'sub', 'up'));
    const report = await ingest();

    const root = await realpath(seeds);
    expect(reasonsOf(report)).toEqual({
      self: `a symbolic link to ${root}, a folder that contains it (a loop)`,
      'sub/up': `a symbolic link to ${root}, a folder that contains it (a loop)`,
    });
  });

  it.runIf(existsSync('/proc/self/maps'))('GIVEN a file whose size the kernel gives as 0 but which reads on THEN reading stops at MAX_SEED_BYTES and it is skipped as too large', async () => {
    await writeFile(join(seeds, 'ferry.txt'), FERRY);
    await symlink('/proc/self/maps', join(seeds, 'maps.txt'));
    const report = await ingest({ followSymlinks: 'outside', maxSeedBytes: 200 });

    expect(report.added).toEqual(['ferry.txt']);
    expect(reasonsOf(report)['maps.txt']).toBe('too large (more than 0.2 KB read; the limit is 0.2 KB, MAX_SEED_BYTES)');
  });
});

describe('names and folders an operator gets wrong', () => {
  let ws: TempWorkspace;
  beforeEach(async () => {
    ws = await createTempWorkspace();
  });
  afterEach(() => ws.cleanup());

  const ingest = (logger = createMemoryLogger()) => runIngest(ws.config, { embedder: createOfflineEmbedder(), logger, tty: false });

  it('GIVEN a file and a folder whose names are not valid UTF-8 THEN each is skipped with its name shown byte by byte and the reason, and the rest is ingested', async () => {
    const bytesPath = (...parts: (string | number[])[]) => Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p) : Buffer.from(p))));
    await writeFile(bytesPath(ws.config.seedsDir, '/caf', [0xe9], '.txt'), FERRY);
    await mkdir(bytesPath(ws.config.seedsDir, '/d', [0xe9, 0xe9]));
    await writeFile(bytesPath(ws.config.seedsDir, '/d', [0xe9, 0xe9], '/lighthouse.md'), LIGHTHOUSE);
    const report = await ingest();

    expect(report.added).toEqual([INDONESIAN_SEED, ARABIC_SEED]);
    expect(report.skipped).toEqual([
      { sourceId: 'caf\\xe9.txt', reason: 'file name is not valid UTF-8 (rename the file to index it)' },
      { sourceId: 'd\\xe9\\xe9/', reason: 'folder name is not valid UTF-8: its files are not read (rename it to index them)' },
    ]);
  });

  it('GIVEN file names with a newline and terminal escapes THEN each skip is one log line with the name escaped, forging nothing', async () => {
    const forged = 'x.jpg\nerror: the index was deleted.jpg';
    const coloured = 'red\u001b[31m\u001b]52;c;ZXZpbA==\u0007.jpg';
    await writeFile(join(ws.config.seedsDir, forged), 'not an article');
    await writeFile(join(ws.config.seedsDir, coloured), 'not an article');
    const logger = createMemoryLogger();
    const report = await ingest(logger);

    expect(report.skipped.map((s) => s.sourceId).sort()).toEqual([coloured, forged].sort());
    const skips = logger.lines.filter((l) => l.startsWith('warn: skipped '));
    expect(skips).toHaveLength(2);
    for (const line of skips) expect([...line].filter((c) => c < ' ')).toEqual([]);
    expect(skips.some((l) => l.startsWith('warn: skipped x.jpg\\nerror: the index was deleted.jpg: unsupported file type'))).toBe(true);
    expect(skips.some((l) => l.startsWith('warn: skipped red\\u001b[31m\\u001b]52;c;ZXZpbA==\\u0007.jpg: unsupported file type'))).toBe(true);
  });

  it.each([
    ['missing', async (dir: string) => rm(dir, { recursive: true }), 'SEEDS_DIR_MISSING', 'which does not exist'],
    ['a file', async (dir: string) => rm(dir, { recursive: true }).then(() => writeFile(dir, 'seeds')), 'SEEDS_DIR_NOT_FOLDER', 'which is a file, not a folder'],
  ])('GIVEN SEEDS_DIR %s THEN the run fails before any work with a message naming the variable and the path', async (_case, spoil, code, says) => {
    await spoil(ws.config.seedsDir);
    const error = await ingest().catch((e: unknown) => e);

    expect(error).toBeInstanceOf(NewsdeskError);
    expect(error).toMatchObject({ code, userFacing: true });
    expect((error as Error).message).toContain(`SEEDS_DIR is ${ws.config.seedsDir}, ${says} (${ws.config.seedsDir})`);
    expect((error as Error).message).toMatch(/set SEEDS_DIR to the folder/);
    expect(existsSync(ws.config.indexDir)).toBe(false);
  });
});
