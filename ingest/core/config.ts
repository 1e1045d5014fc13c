import { z } from 'zod';
import { createError } from './errors.js';
import { readEnv } from './readEnv.js';

/** A small per-process budget: a bot answers one question with a few queries, so many processes fit one server or one pgbouncer pool. */
export const DEFAULT_INDEX_POOL_SIZE = 4;

/** Settings shared by ingest, retrieval and the front-ends, read from the environment. */
const pipelineEnvSchema = z.object({
  SEEDS_DIR: z.string().min(1).default('seeds'),
  INDEX_DIR: z.string().min(1).default('.index'),
  PASSAGE_MAX_CHARS: z.coerce.number().int().min(200).max(8000).default(700),
  PASSAGE_OVERLAP_CHARS: z.coerce.number().int().min(0).max(4000).default(150),
  MAX_SEED_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(10 * 1024 * 1024),
  SEEDS_FOLLOW_SYMLINKS: z.enum(['inside', 'outside']).default('inside'),
  INDEX_URL: z.url({ protocol: /^postgres(ql)?$/, error: 'INDEX_URL must be a postgres:// or postgresql:// URL' }).optional(),
  INDEX_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(DEFAULT_INDEX_POOL_SIZE),
});

/**
 * Which symbolic links in the seeds folder are followed: `inside`, only those whose target is in
 * the folder too (seed folders arrive as git checkouts and zip files, which carry links to
 * `../.env` as easily as to an article); `outside`, every link, for an operator who links a
 * folder of articles in on purpose.
 */
export type SeedSymlinks = 'inside' | 'outside';

export type PipelineConfig = {
  seedsDir: string;
  indexDir: string;
  passageMaxChars: number;
  passageOverlapChars: number;
  maxSeedBytes: number;
  /** SEEDS_FOLLOW_SYMLINKS; `inside` when not given. */
  followSymlinks?: SeedSymlinks;
  /** INDEX_URL: when set, the index lives in this PostgreSQL database (with pgvector) instead of indexDir. */
  indexUrl?: string;
  /**
   * INDEX_POOL_SIZE: the most connections this process opens to INDEX_URL (4 when not given), plus
   * one held for LISTEN by a process that follows the live generation.
   */
  indexPoolSize?: number;
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
    followSymlinks: e.SEEDS_FOLLOW_SYMLINKS,
    indexUrl: e.INDEX_URL,
    indexPoolSize: e.INDEX_POOL_SIZE,
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
