import { copyFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OfflineEmbeddings } from '../../../../ingest/embed/offlineEmbeddings.js';
import { prepareArticle, termIdsOf } from '../../../../ingest/pipeline/prepare/prepareArticle.js';
import { openSeedFolder } from '../../../../ingest/pipeline/seeds/openSeedFolder.js';
import { readSeedFile } from '../../../../ingest/pipeline/seeds/readSeedFile.js';
import { TermDictionary } from '../../../../ingest/index/lexicalPostings.js';
import { ARABIC_SEED, createTempWorkspace, INDONESIAN_SEED, type TempWorkspace } from '../../../helpers/tempWorkspace.js';

describe('prepareArticle', () => {
  let ws: TempWorkspace;
  let text: string;
  const job = () => ({ sourceId: INDONESIAN_SEED, text, split: { maxChars: 700, overlapChars: 150 } });
  beforeEach(async () => {
    ws = await createTempWorkspace();
    const read = readSeedFile(await openSeedFolder(ws.config), INDONESIAN_SEED);
    if (!read.ok) throw new Error(read.skip.reason);
    text = read.file.text;
  });
  afterEach(() => ws.cleanup());

  it("GIVEN a seed THEN it gives the citation fields and, per passage, terms (with the headline's) and the embedder's own vector", async () => {
    const embeddings = new OfflineEmbeddings();
    const dictionary = new TermDictionary(['already-known']);
    const prepared = prepareArticle(job(), embeddings, dictionary);
    if (!prepared.ok) throw new Error(prepared.reason);
    expect(prepared.meta).toMatchObject({ language: 'id', publisher: 'Công Luận', published: '2023-12-05' });
    expect(prepared.terms.ends).toHaveLength(prepared.passages.length);
    expect(prepared.terms.ends.at(-1)).toBe(prepared.terms.ids.length);
    for (const [i, passage] of prepared.passages.entries()) {
      expect([...prepared.vectors![i]!]).toEqual(embeddings.embedText(passage.text));
      const terms = Array.from(termIdsOf(prepared.terms, i), (id) => dictionary.terms[id]);
      expect(terms).toContain('niger');
      expect(terms).not.toContain('already-known');
    }
  });

  it('GIVEN the file changed on disk after the scan read it THEN the text the scan read (and hashed) is what is prepared: the file is not opened again', async () => {
    await copyFile(join(ws.config.seedsDir, ARABIC_SEED), join(ws.config.seedsDir, INDONESIAN_SEED));
    const prepared = prepareArticle(job(), null, new TermDictionary());
    if (!prepared.ok) throw new Error(prepared.reason);
    expect(prepared.meta.language).toBe('id');
    expect(prepared.passages.map((p) => p.text).join(' ')).toContain('Niger');
  });
});
