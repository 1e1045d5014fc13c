import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OfflineEmbeddings } from '../../../../ingest/embed/offlineEmbeddings.js';
import { createPreparePool, type PreparePool } from '../../../../ingest/pipeline/prepare/createPreparePool.js';
import { prepareArticle, termIdsOf, type ArticleJob, type PreparedArticle } from '../../../../ingest/pipeline/prepare/prepareArticle.js';
import { openSeedFolder } from '../../../../ingest/pipeline/seeds/openSeedFolder.js';
import { readSeedFile } from '../../../../ingest/pipeline/seeds/readSeedFile.js';
import { TermDictionary } from '../../../../ingest/index/lexicalPostings.js';
import { ARABIC_SEED, createTempWorkspace, INDONESIAN_SEED, type TempWorkspace } from '../../../helpers/tempWorkspace.js';

/** Each passage's terms as strings, and its vector: what the store receives, whatever numbered the terms. */
function contents(prepared: PreparedArticle, dictionary: TermDictionary) {
  if (!prepared.ok) throw new Error(prepared.reason);
  return prepared.passages.map((passage, i) => ({
    text: passage.text,
    terms: Array.from(termIdsOf(prepared.terms, i), (id) => dictionary.terms[id]),
    vector: [...prepared.vectors![i]!],
  }));
}

describe('createPreparePool', () => {
  let ws: TempWorkspace;
  let pool: PreparePool | null = null;
  beforeEach(async () => {
    ws = await createTempWorkspace();
  });
  afterEach(async () => {
    await pool?.close();
    await ws.cleanup();
  });

  it('GIVEN two workers, each numbering terms its own way THEN every article comes back with the in-thread passages, vectors and terms in the pool dictionary', async () => {
    const folder = await openSeedFolder(ws.config);
    const job = (sourceId: string): ArticleJob => {
      const read = readSeedFile(folder, sourceId);
      if (!read.ok) throw new Error(read.skip.reason);
      return { sourceId, text: read.file.text, split: { maxChars: 700, overlapChars: 150 } };
    };
    // Alternating jobs reach alternating workers, so each worker meets terms the other numbered first.
    const jobs = [INDONESIAN_SEED, ARABIC_SEED, ARABIC_SEED, INDONESIAN_SEED].map(job);
    const embeddings = new OfflineEmbeddings();
    const dictionary = new TermDictionary(['already-known']);
    pool = createPreparePool(embeddings, dictionary, 2);
    const pooled = await Promise.all(jobs.map((j) => pool!.prepare(j)));

    for (const [i, j] of jobs.entries()) {
      const own = new TermDictionary();
      expect(contents(pooled[i]!, dictionary)).toEqual(contents(prepareArticle(j, embeddings, own), own));
    }
    expect(dictionary.terms[0]).toBe('already-known');
    expect(new Set(dictionary.terms).size).toBe(dictionary.terms.length);
  });

  it('GIVEN a file that cannot be prepared THEN its job fails with the reason and the pool goes on', async () => {
    pool = createPreparePool(new OfflineEmbeddings(), new TermDictionary(), 1);
    const split = { maxChars: 700, overlapChars: 150 };
    const noText = { sourceId: 'menu.md', text: '---\ntitle: Menu\n---\n', split };
    const article = {
      sourceId: 'ferry.txt',
      text: 'Ferry to Batam resumes\n\nThe night ferry to Batam sails again after the monsoon storms.\n',
      split,
    };
    expect(await pool.prepare(noText)).toEqual({ ok: false, reason: 'no article text found' });
    expect((await pool.prepare(article)).ok).toBe(true);
  });
});
