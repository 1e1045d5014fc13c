import { z } from 'zod';
import { readEnv } from '../../ingest/core/readEnv.js';

const startupEnvSchema = z.object({
  INGEST_ON_START: z
    .enum(['true', 'false'], { error: 'INGEST_ON_START must be true (bring the index up to date first) or false (only serve it)' })
    .default('true')
    .transform((value) => value === 'true'),
});

export type StartupConfig = {
  /**
   * INGEST_ON_START: whether `npm start` brings the index up to date with the seeds before
   * serving (true, the default). false makes a replica that only serves: it loads the live
   * generation another process (`npm run ingest`, one ingest worker) wrote, follows newer
   * ones, and writes nothing at start-up.
   */
  ingestOnStart: boolean;
};

/** Validates the start-up settings; the error names the variable. */
export function loadStartupConfig(env: NodeJS.ProcessEnv = process.env): StartupConfig {
  return { ingestOnStart: readEnv(startupEnvSchema, env).INGEST_ON_START };
}
