import { appendFile, mkdir, readdir, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PipelineConfig } from '../../../ingest/core/config.js';
import { createOfflineEmbedder } from '../../../ingest/embed/createEmbedder.js';
import { claimIndexDirectory, MARKER_FILE } from '../../../ingest/index/claimIndexDirectory.js';
import { commitGeneration, readCurrentGeneration } from '../../../ingest/index/indexDirectory.js';
import { runIngest } from '../../../ingest/pipeline/runIngest.js';
import { loadIndex } from '../../../retrieval/open/loadIndex.js';
import { createMemoryLogger, createTempWorkspace, INDONESIAN_SEED, type TempWorkspace } from '../../helpers/tempWorkspace.js';

const ingest = (config: PipelineConfig) =>
  runIngest(config, { embedder: createOfflineEmbedder(), logger: createMemoryLogger(), tty: false });
const generationsIn = async (dir: string) => (await readdir(dir)).filter((entry) => entry.startsWith('gen-')).sort();

describe('an index directory is newsdesk’s own', () => {
  let ws: TempWorkspace;
  beforeEach(async () => {
    ws = await createTempWorkspace();
  });
  afterEach(() => ws.cleanup());

  it.each([
    { what: 'is SEEDS_DIR', indexDir: (seeds: string) => seeds, relation: 'is' },
    { what: 'sits inside SEEDS_DIR', indexDir: (seeds: string) => join(seeds, 'index'), relation: 'sits inside' },
    { what: 'contains SEEDS_DIR', indexDir: (seeds: string) => join(seeds, '..'), relation: 'contains' },
  ])(
    'GIVEN an INDEX_DIR that $what THEN the ingest is refused naming both variables, and nothing in the seeds changes',
    async ({ indexDir, relation }) => {
      await mkdir(join(ws.config.seedsDir, 'gen-2023'));
      await writeFile(join(ws.config.seedsDir, 'gen-2023', 'article.txt'), 'Title\n\nA seed in a folder named like a generation.');
      const before = (await readdir(ws.config.seedsDir, { recursive: true })).sort();
      const config = { ...ws.config, indexDir: indexDir(ws.config.seedsDir) };
      await expect(ingest(config)).rejects.toMatchObject({
        code: 'INDEX_DIR_OVERLAPS_SEEDS',
        message: expect.stringMatching(
          new RegExp(`^INDEX_DIR is .*SEEDS_DIR is ${ws.config.seedsDir}.*the index folder ${relation} the seeds folder`),
        ),
      });
      expect((await readdir(ws.config.seedsDir, { recursive: true })).sort()).toEqual(before);
    },
  );

  it('GIVEN several processes claiming a new INDEX_DIR at the same moment THEN each may use it, and it is marked once', async () => {
    const claims = await Promise.allSettled(Array.from({ length: 6 }, () => claimIndexDirectory(ws.config.indexDir, ws.config.seedsDir)));
    expect(claims.filter((claim) => claim.status === 'rejected')).toEqual([]);
    expect(await readdir(ws.config.indexDir)).toEqual([MARKER_FILE]);
  });

  it('GIVEN an INDEX_DIR that is a file THEN the ingest is refused before any embedding, naming INDEX_DIR and the path', async () => {
    await writeFile(ws.config.indexDir, 'not a folder');
    await expect(ingest(ws.config)).rejects.toMatchObject({
      code: 'INDEX_DIR_NOT_FOLDER',
      message: expect.stringContaining(`INDEX_DIR is ${ws.config.indexDir}, which is a file`),
    });
  });

  it('GIVEN an INDEX_DIR holding files newsdesk did not write THEN it is refused and they are left as they are', async () => {
    await mkdir(join(ws.config.indexDir, 'gen-backup'), { recursive: true });
    await writeFile(join(ws.config.indexDir, 'gen-backup', 'keep.txt'), 'mine');
    await expect(ingest(ws.config)).rejects.toMatchObject({
      code: 'INDEX_DIR_FOREIGN',
      message: expect.stringContaining('for example gen-backup'),
    });
    expect(await readdir(ws.config.indexDir, { recursive: true })).toEqual(['gen-backup', join('gen-backup', 'keep.txt')]);
  });

  it('GIVEN foreign gen-* and *.tmp entries beside a newsdesk index THEN commits remove only the generations newsdesk wrote', async () => {
    await ingest(ws.config);
    const foreign = ['gen-backup', 'gen-2023', 'x.tmp', 'gen-mx000000-0000abcd.old'];
    for (const entry of foreign) await mkdir(join(ws.config.indexDir, entry));
    await writeFile(join(ws.config.indexDir, 'gen-backup', 'keep.txt'), 'mine');
    // Older than the hour after which staging used to count as abandoned.
    const yesterday = new Date(Date.now() - 86_400_000);
    await utimes(join(ws.config.indexDir, 'x.tmp'), yesterday, yesterday);
    // A killed waiter's copy of its lock is newsdesk's own leftover: it goes.
    const leftover = join(ws.config.indexDir, '.newsdesk-lock.0123456789abcdef.tmp');
    await writeFile(leftover, '{}');
    await utimes(leftover, yesterday, yesterday);
    const ours: string[] = [(await readCurrentGeneration(ws.config.indexDir))!];
    for (let change = 0; change < 3; change++) {
      await appendFile(join(ws.config.seedsDir, INDONESIAN_SEED), `\nAn added line ${change}.`);
      ours.push((await ingest(ws.config)).generation!);
    }
    const left = await generationsIn(ws.config.indexDir);
    expect(left).toEqual([...foreign.filter((e) => e.startsWith('gen-')), ...ours.slice(-2).map((g) => g.split('/').pop()!)].sort());
    expect(await readFile(join(ws.config.indexDir, 'gen-backup', 'keep.txt'), 'utf8')).toBe('mine');
    expect(await readdir(ws.config.indexDir)).toContain('x.tmp');
    expect(await readdir(ws.config.indexDir)).not.toContain('.newsdesk-lock.0123456789abcdef.tmp');
  });

  it('GIVEN an index written before markers existed THEN it is adopted, and its generations are pruned as newsdesk’s', async () => {
    await ingest(ws.config);
    await rm(join(ws.config.indexDir, MARKER_FILE));
    const old = (await generationsIn(ws.config.indexDir))[0]!;
    await appendFile(join(ws.config.seedsDir, INDONESIAN_SEED), '\nA first change.');
    await ingest(ws.config);
    await appendFile(join(ws.config.seedsDir, INDONESIAN_SEED), '\nA second change.');
    await ingest(ws.config);
    expect(await generationsIn(ws.config.indexDir)).not.toContain(old);
    expect(await loadIndex(ws.config, createOfflineEmbedder())).toMatchObject({ store: { sources: expect.any(Map) } });
  });

  it('GIVEN a commit whose writing fails (a full disk) THEN its partial generation is removed and the live one stays', async () => {
    await ingest(ws.config);
    const live = await readCurrentGeneration(ws.config.indexDir);
    const before = (await readdir(ws.config.indexDir)).sort();
    const full = Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    const failing = async (dir: string) => {
      await writeFile(join(dir, 'vectors.bin'), Buffer.alloc(4096));
      throw full;
    };
    await expect(commitGeneration(ws.config.indexDir, failing)).rejects.toBe(full);
    expect((await readdir(ws.config.indexDir)).sort()).toEqual(before);
    expect(await readCurrentGeneration(ws.config.indexDir)).toBe(live);
  });

  it('GIVEN a commit that fails while making its generation live THEN neither the new generation nor its pointer is left behind', async () => {
    await ingest(ws.config);
    // CURRENT replaced by a folder: renaming the new pointer over it fails, after the generation was written and renamed into place.
    await rm(join(ws.config.indexDir, 'CURRENT'));
    await mkdir(join(ws.config.indexDir, 'CURRENT', 'in-the-way'), { recursive: true });
    const before = (await readdir(ws.config.indexDir)).sort();
    await expect(commitGeneration(ws.config.indexDir, async (dir) => writeFile(join(dir, 'manifest.json'), '{}'))).rejects.toMatchObject({
      code: expect.stringMatching(/^(EISDIR|ENOTEMPTY|EEXIST)$/),
    });
    expect((await readdir(ws.config.indexDir)).sort()).toEqual(before);
  });
});
