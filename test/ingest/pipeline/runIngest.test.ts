import { appendFile, mkdir, readFile, rm, symlink, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createOfflineEmbedder, type Embedder } from '../../../ingest/embed/createEmbedder.js';
import { OfflineEmbeddings } from '../../../ingest/embed/offlineEmbeddings.js';
import { NewsdeskError } from '../../../ingest/core/errors.js';
import { runIngest } from '../../../ingest/pipeline/runIngest.js';
import { answerQuestion } from '../../../retrieval/answer/answerQuestion.js';
import { loadIndex } from '../../../retrieval/open/loadIndex.js';
import { ARABIC_SEED, createMemoryLogger, createTempWorkspace, INDONESIAN_SEED, type TempWorkspace } from '../../helpers/tempWorkspace.js';

/** The offline embedder, counting the passages it is asked to embed. */
function countingEmbedder(): Embedder & { embedded: string[] } {
  const base = createOfflineEmbedder();
  const embedded: string[] = [];
  class Counting extends OfflineEmbeddings {
    override async embedDocuments(texts: string[]): Promise<number[][]> {
      embedded.push(...texts);
      return super.embedDocuments(texts);
    }
  }
  return { embeddings: new Counting(), identity: base.identity, embedded };
}

/** An embedder whose provider fails after its first batch, as a remote one might mid-run. */
function failingEmbedder(): Embedder {
  const base = createOfflineEmbedder();
  let calls = 0;
  class Failing extends OfflineEmbeddings {
    override async embedDocuments(texts: string[]): Promise<number[][]> {
      if (++calls > 1) throw new Error('provider went away');
      return super.embedDocuments(texts);
    }
  }
  return { embeddings: new Failing(), identity: base.identity };
}

describe('runIngest', () => {
  let ws: TempWorkspace;
  beforeEach(async () => {
    ws = await createTempWorkspace();
  });
  afterEach(() => ws.cleanup());

  const ingest = (embedder: Embedder = createOfflineEmbedder(), logger = createMemoryLogger()) =>
    runIngest(ws.config, { embedder, logger, tty: false });

  it('GIVEN the seeds THEN both articles are indexed and the report says so', async () => {
    const report = await ingest();
    expect(report.added).toEqual([INDONESIAN_SEED, ARABIC_SEED]);
    expect(report.articles).toBe(2);
    expect(report.passages).toBe(report.passagesEmbedded);
    expect(report.generation).not.toBeNull();
    const index = await loadIndex(ws.config, createOfflineEmbedder());
    expect(index.store.passageCount).toBe(report.passages);
    expect(index.languages.sort()).toEqual(['ar', 'id']);
  });

  it('GIVEN nothing changed THEN a second run embeds nothing and writes no generation', async () => {
    await ingest();
    const embedder = countingEmbedder();
    const report = await ingest(embedder);
    expect(report.unchanged).toEqual([INDONESIAN_SEED, ARABIC_SEED]);
    expect(embedder.embedded).toEqual([]);
    expect(report.generation).toBeNull();
  });

  it('GIVEN one changed file THEN only its passages are re-embedded and the new text is answerable', async () => {
    await ingest();
    await appendFile(
      join(ws.config.seedsDir, ARABIC_SEED),
      '\n\nوأعلنت وزارة الدفاع في النيجر أن منظومة إس-300 وصلت إلى نيامي في الخامس من مايو لحماية المطار الدولي.\n',
    );
    const embedder = countingEmbedder();
    const report = await ingest(embedder);
    expect(report.changed).toEqual([ARABIC_SEED]);
    expect(report.unchanged).toEqual([INDONESIAN_SEED]);
    expect(embedder.embedded.length).toBe(report.passagesEmbedded);
    expect(embedder.embedded.every((t) => /[\u0600-\u06FF]/.test(t))).toBe(true);
    const index = await loadIndex(ws.config, createOfflineEmbedder());
    const answer = await answerQuestion(index, 'منظومة إس-300 نيامي المطار');
    expect(answer.citations[0]?.passage).toContain('لحماية المطار الدولي');
  });

  it('GIVEN one deleted file THEN its passages disappear from the index', async () => {
    await ingest();
    await rm(join(ws.config.seedsDir, INDONESIAN_SEED));
    const report = await ingest(countingEmbedder());
    expect(report.removed).toEqual([INDONESIAN_SEED]);
    const index = await loadIndex(ws.config, createOfflineEmbedder());
    expect([...index.store.sources.keys()]).toEqual([ARABIC_SEED]);
    expect([...index.store.passages()].every((p) => p.sourceId === ARABIC_SEED)).toBe(true);
  });

  it('GIVEN an ingest that fails midway THEN the previous index still loads and answers', async () => {
    await ingest();
    const before = await loadIndex(ws.config, createOfflineEmbedder());
    await writeFile(
      join(ws.config.seedsDir, 'new.md'),
      `---\ntitle: New article\n---\n${'Niger and Russia signed a new agreement on defence cooperation in Niamey. '.repeat(40)}`,
    );
    await appendFile(
      join(ws.config.seedsDir, INDONESIAN_SEED),
      '\n\nParagraf tambahan tentang Niger dan Rusia yang cukup panjang untuk menjadi bagian artikel.\n',
    );
    await expect(ingest(failingEmbedder())).rejects.toThrow('provider went away');
    const after = await loadIndex(ws.config, createOfflineEmbedder());
    expect(after.generation).toBe(before.generation);
    expect([...after.store.sources.keys()]).toEqual([INDONESIAN_SEED, ARABIC_SEED]);
    const answer = await answerQuestion(after, 'when did Niger end EU cooperation?');
    expect(answer.citations[0]?.sourceId).toBe(INDONESIAN_SEED);
  });

  it('GIVEN every kind of bad file THEN each is skipped with one line naming it and the reason, and the rest is ingested', async () => {
    const seeds = ws.config.seedsDir;
    await writeFile(join(seeds, 'empty.txt'), '');
    await writeFile(join(seeds, 'blank.txt'), '  \n\n ');
    await writeFile(join(seeds, 'binary.txt'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x14, 0x00]));
    // UTF-8 with one stray byte: a damaged file, not a legacy charset to guess (those are decoded).
    await writeFile(
      join(seeds, 'damaged-utf8.txt'),
      Buffer.concat([Buffer.from('Café au Niger, '), Buffer.from([0xe9]), Buffer.from('cembre 2023 — été')]),
    );
    await symlink(join(seeds, 'no-such-file.txt'), join(seeds, 'unreadable.txt'));
    await writeFile(join(seeds, 'huge.txt'), '');
    await truncate(join(seeds, 'huge.txt'), 100 * 1024 * 1024);
    await writeFile(join(seeds, 'photo.jpg'), 'not an article');
    await mkdir(join(seeds, 'copies'));
    await writeFile(join(seeds, 'copies', 'same.txt'), await readFile(join(seeds, ARABIC_SEED)));
    const logger = createMemoryLogger();
    const report = await ingest(createOfflineEmbedder(), logger);

    expect(report.added).toEqual([INDONESIAN_SEED, ARABIC_SEED]);
    const reasons = Object.fromEntries(report.skipped.map((s) => [s.sourceId, s.reason]));
    expect(reasons).toEqual({
      'blank.txt': 'empty file (only white space)',
      'binary.txt': 'binary file (contains NUL bytes)',
      'copies/same.txt': `duplicate of ${ARABIC_SEED}`,
      'empty.txt': 'empty file',
      'huge.txt': 'too large (100.0 MB; the limit is 10.0 MB, MAX_SEED_BYTES)',
      'damaged-utf8.txt': 'not valid UTF-8 text (a UTF-8 file with invalid bytes)',
      'photo.jpg': 'unsupported file type ".jpg" (expected .txt, .md, .markdown, .html, .htm)',
      'unreadable.txt': 'unreadable (ENOENT)',
    });
    for (const [file, reason] of Object.entries(reasons)) {
      expect(logger.lines.filter((l) => l.includes(`skipped ${file}: ${reason}`))).toHaveLength(1);
    }
  });

  it('GIVEN a folder where every file is bad THEN the run fails with NOTHING_INGESTED and writes nothing', async () => {
    await rm(ws.config.seedsDir, { recursive: true });
    await mkdir(ws.config.seedsDir);
    await writeFile(join(ws.config.seedsDir, 'empty.txt'), '');
    const error = await ingest().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NewsdeskError);
    expect((error as NewsdeskError).code).toBe('NOTHING_INGESTED');
    await expect(loadIndex(ws.config, createOfflineEmbedder())).rejects.toThrow(/No index found/);
  });

  it('GIVEN a changed file that became unusable THEN its previously indexed version is kept', async () => {
    await ingest();
    await writeFile(join(ws.config.seedsDir, INDONESIAN_SEED), '');
    const logger = createMemoryLogger();
    const report = await ingest(createOfflineEmbedder(), logger);
    expect(report.skipped).toEqual([{ sourceId: INDONESIAN_SEED, reason: 'empty file' }]);
    expect(report.removed).toEqual([]);
    expect(logger.lines.some((l) => l.includes('the previously indexed version is kept'))).toBe(true);
    const index = await loadIndex(ws.config, createOfflineEmbedder());
    expect(index.store.sources.has(INDONESIAN_SEED)).toBe(true);
  });
});
