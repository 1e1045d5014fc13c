import { z } from 'zod';
import { createError } from './errors.js';
import { readEnv } from './readEnv.js';

/** Settings shared by ingest, retrieval and the front-ends, read from the environment. */
const pipelineEnvSchema = z.object({
  SEEDS_DIR: z.string().min(1).default('seeds'),
  INDEX_DIR: z.string().min(1).default('.index'),
  PASSAGE_MAX_CHARS: z.coerce.number().int().min(200).max(8000).default(700),
  PASSAGE_OVERLAP_CHARS: z.coerce.number().int().min(0).max(4000).default(150),
  MAX_SEED_BYTES: z.coerce.number().int().positive().default(10 * 1024 * 1024),
});

export type PipelineConfig = {
  seedsDir: string;
  indexDir: string;
  passageMaxChars: number;
  passageOverlapChars: number;
  maxSeedBytes: number;
};

/** Validates the environment once; the message names every bad variable. */
export function loadPipelineConfig(env: NodeJS.ProcessEnv = process.env): PipelineConfig {
  const e = readEnv(pipelineEnvSchema, env);
  if (e.PASSAGE_OVERLAP_CHARS >= e.PASSAGE_MAX_CHARS) {
    throw createError('CONFIG_INVALID', { detail: 'PASSAGE_OVERLAP_CHARS must be smaller than PASSAGE_MAX_CHARS' });
  }
  return {
    seedsDir: e.SEEDS_DIR,
    indexDir: e.INDEX_DIR,
    passageMaxChars: e.PASSAGE_MAX_CHARS,
    passageOverlapChars: e.PASSAGE_OVERLAP_CHARS,
    maxSeedBytes: e.MAX_SEED_BYTES,
  };
}

/** Reads `.env` from the working directory when present (Node's own parser; no dependency). */
export function loadDotEnv(path = '.env'): void {
  try {
    process.loadEnvFile(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}
