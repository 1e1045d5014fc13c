import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { PipelineConfig } from '../../ingest/core/config.js';
import { createOfflineEmbedder } from '../../ingest/embed/createEmbedder.js';
import { createLogger, type Logger } from '../../ingest/core/logger.js';
import { runIngest } from '../../ingest/pipeline/runIngest.js';
import { loadIndex, type LoadedIndex } from '../../retrieval/open/loadIndex.js';

/** The project's real seed articles. */
export const PROJECT_SEEDS = resolve(import.meta.dirname, '../../seeds');
export const INDONESIAN_SEED = '000_c35ea9e91ea66f2f.txt';
export const ARABIC_SEED = '004_bf61046681c937c5.txt';

export type TempWorkspace = { root: string; config: PipelineConfig; cleanup: () => Promise<void> };

/** A scratch seeds folder and index folder in a fresh temp directory; `withSeeds` copies the real seeds in. */
export async function createTempWorkspace({
  withSeeds = true,
  ...overrides
}: { withSeeds?: boolean } & Partial<PipelineConfig> = {}): Promise<TempWorkspace> {
  const root = await mkdtemp(join(tmpdir(), 'newsdesk-test-'));
  const seedsDir = join(root, 'seeds');
  if (withSeeds) await cp(PROJECT_SEEDS, seedsDir, { recursive: true });
  const config: PipelineConfig = {
    seedsDir,
    indexDir: join(root, 'index'),
    passageMaxChars: 700,
    passageOverlapChars: 150,
    maxSeedBytes: 10 * 1024 * 1024,
    ...overrides,
  };
  return { root, config, cleanup: () => rm(root, { recursive: true, force: true }) };
}

/** A logger that keeps its lines for assertions instead of printing them. */
export function createMemoryLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  const logger = createLogger({ level: 'debug', json: false, write: (line) => lines.push(line) });
  return Object.assign(logger, { lines });
}

/** Ingests the workspace's seeds with the offline embedder and loads the index: most suites' set-up. */
export async function buildSeededIndex(ws: TempWorkspace): Promise<LoadedIndex> {
  await runIngest(ws.config, { embedder: createOfflineEmbedder(), logger: createMemoryLogger(), tty: false });
  return loadIndex(ws.config, createOfflineEmbedder());
}
