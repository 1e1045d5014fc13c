import { appendFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createOfflineEmbedder } from '../../../ingest/embed/createEmbedder.js';
import { runIngest, type WarmStore } from '../../../ingest/pipeline/runIngest.js';
import { loadIndex } from '../../../retrieval/open/loadIndex.js';
import { ARABIC_SEED, createMemoryLogger, createTempWorkspace, type TempWorkspace } from '../../helpers/tempWorkspace.js';

describe('runIngest with a store kept warm between runs', () => {
  let ws: TempWorkspace;
  const embedder = createOfflineEmbedder();
  const ingest = (warm?: WarmStore) =>
    runIngest(ws.config, { embedder, logger: createMemoryLogger(), tty: false, ...(warm ? { warm } : {}) });
  const edit = (file: string, text: string) => appendFile(join(ws.config.seedsDir, file), `\n${text}\n`);
  const indexedText = async () => [...(await loadIndex(ws.config, embedder)).store.passages()].map((p) => p.text).join('\n');

  beforeEach(async () => {
    ws = await createTempWorkspace();
  });
  afterEach(() => ws.cleanup());

  it('GIVEN a committed run THEN the next run continues from the same store and commits only the change', async () => {
    const warm: WarmStore = { store: null, generation: null };
    const first = await ingest(warm);
    const store = warm.store;
    expect(store).not.toBeNull();
    expect(warm.generation).toBe(first.generation);

    await edit(ARABIC_SEED, 'وأعلنت الحكومة عن مناورات عسكرية جديدة في أغاديز.');
    const second = await ingest(warm);
    expect(second.changed).toEqual([ARABIC_SEED]);
    expect(warm.store).toBe(store);
    expect(warm.generation).toBe(second.generation);
    expect(await indexedText()).toContain('مناورات عسكرية جديدة');
  });

  it('GIVEN another process committed in between THEN the next run reads the index back and keeps its change', async () => {
    const warm: WarmStore = { store: null, generation: null };
    await ingest(warm);
    const kept = warm.store;
    await writeFile(
      join(ws.config.seedsDir, 'agadez.txt'),
      'Latihan gabungan di Agadez\n\nPasukan Niger dan Rusia menggelar latihan gabungan di Agadez selama dua pekan, kata kementerian pertahanan.\n',
    );
    await ingest();
    await edit(ARABIC_SEED, 'وأعلنت الحكومة عن مناورات عسكرية جديدة في أغاديز.');
    const report = await ingest(warm);
    expect(report.changed).toEqual([ARABIC_SEED]);
    expect(report.unchanged).toContain('agadez.txt');
    expect(warm.store).not.toBe(kept);
    const text = await indexedText();
    expect(text).toContain('مناورات عسكرية جديدة');
    expect(text).toContain('latihan gabungan di Agadez selama dua pekan');
  });
});
