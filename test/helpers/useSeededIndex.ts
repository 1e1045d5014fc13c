import { afterAll, beforeAll } from 'vitest';
import type { LoadedIndex } from '../../retrieval/open/loadIndex.js';
import { buildSeededIndex, createTempWorkspace, type TempWorkspace } from './tempWorkspace.js';

/**
 * Registers a suite's set-up of a seeded index in a temp workspace (and its clean-up); call the
 * result inside tests. Kept apart from tempWorkspace, which the benchmark imports outside vitest.
 */
export function useSeededIndex(): () => LoadedIndex {
  let ws: TempWorkspace | undefined;
  let index: LoadedIndex | undefined;
  beforeAll(async () => {
    ws = await createTempWorkspace();
    index = await buildSeededIndex(ws);
  });
  afterAll(() => ws?.cleanup());
  return () => index!;
}
