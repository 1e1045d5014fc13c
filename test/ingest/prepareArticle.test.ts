import { copyFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OfflineEmbeddings } from '../../ingest/embed/offlineEmbeddings.js';
import { prepareArticle } from '../../ingest/prepare/prepareArticle.js';
import { readSeedFile } from '../../ingest/seeds/readSeedFile.js';
import { ARABIC_SEED, createTempWorkspace, INDONESIAN_SEED, type TempWorkspace } from '../helpers/tempWorkspace.js';

describe('prepareArticle', () => {
  let ws: TempWorkspace;
  let hash: string;
  const job = () => ({ root: ws.config.seedsDir, sourceId: INDONESIAN_SEED, hash, maxBytes: ws.config.maxSeedBytes, split: { maxChars: 700, overlapChars: 150 } });
  beforeEach(async () => {
    ws = await createTempWorkspace();
    const read = await readSeedFile(ws.config.seedsDir, INDONESIAN_SEED, ws.config.maxSeedBytes);
    if (!read.ok) throw new Error(read.skip.reason);
    hash = read.file.hash;
  });
  afterEach(() => ws.cleanup());

  it('GIVEN a seed THEN it gives the citation fields and, per passage, terms (with the headline\'s) and the embedder\'s own vector', async () => {
    const embeddings = new OfflineEmbeddings();
    const prepared = await prepareArticle(job(), embeddings);
    if (!prepared.ok) throw new Error(prepared.reason);
    expect(prepared.meta).toMatchObject({ language: 'id', publisher: 'Công Luận', published: '2023-12-05' });
    expect(prepared.terms).toHaveLength(prepared.passages.length);
    for (const [i, passage] of prepared.passages.entries()) {
      expect([...prepared.vectors![i]!]).toEqual(embeddings.embedText(passage.text));
      expect(prepared.terms[i]).toContain('niger');
    }
  });

  it('GIVEN the file changed since the scan hashed it THEN it is not indexed, with the reason', async () => {
    await copyFile(join(ws.config.seedsDir, ARABIC_SEED), join(ws.config.seedsDir, INDONESIAN_SEED));
    expect(await prepareArticle(job(), null)).toEqual({ ok: false, reason: 'changed while being ingested (the next run takes the new version)' });
  });
});
