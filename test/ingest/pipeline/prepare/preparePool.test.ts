import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOfflineEmbedder } from '../../../../ingest/embed/createEmbedder.js';
import { runIngest } from '../../../../ingest/pipeline/runIngest.js';
import { loadIndex, type LoadedIndex } from '../../../../retrieval/open/loadIndex.js';
import { termsByLabel } from '../../../helpers/termsByLabel.js';
import { createMemoryLogger, createTempWorkspace, type TempWorkspace } from '../../../helpers/tempWorkspace.js';
import { writeArchive } from '../../../survival/support/buildCorpusWorkspace.js';

/** What an index holds, passage by passage, in a comparable form. */
function contentsOf(index: LoadedIndex): string[] {
  const terms = termsByLabel(index.store.postings());
  return [...index.store.passages()]
    .map((p) => `${p.sourceId}#${p.ordinal} ${p.start}-${p.end} ${p.text} | ${terms.get(p.label) ?? ''}`)
    .sort();
}

describe('preparing passages in worker threads', () => {
  let ws: TempWorkspace;
  let questions: string[];
  let serial: LoadedIndex;
  let parallel: LoadedIndex;

  beforeAll(async () => {
    ws = await createTempWorkspace();
    questions = await writeArchive(`${ws.config.seedsDir}/archive`, 400);
    const ingest = async (indexDir: string, parallelFromChars: number) => {
      const config = { ...ws.config, indexDir };
      await runIngest(config, { embedder: createOfflineEmbedder(), logger: createMemoryLogger(), tty: false, parallelFromChars });
      return loadIndex(config, createOfflineEmbedder());
    };
    serial = await ingest(`${ws.root}/serial`, Infinity);
    parallel = await ingest(`${ws.root}/parallel`, 0);
  }, 300_000);
  afterAll(() => ws.cleanup());

  it('GIVEN the same seeds THEN workers produce the same passages and terms as the ingest thread', () => {
    expect(contentsOf(parallel)).toEqual(contentsOf(serial));
  });

  it('GIVEN the same seeds THEN workers produce the same vectors (every nearest distance equal)', async () => {
    for (const question of questions.slice(0, 25)) {
      const vector = await serial.embedder.embeddings.embedQuery(question);
      const distances = async (index: LoadedIndex) => (await index.store.searchLabels(vector, 10)).map(([, d]) => d);
      expect(await distances(parallel)).toEqual(await distances(serial));
    }
  });
});
