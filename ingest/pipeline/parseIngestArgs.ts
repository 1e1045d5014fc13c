import { parseArgs } from 'node:util';
import { z } from 'zod';
import { parseCommandLine, UsageError } from '../core/runCli.js';

export const INGEST_USAGE = 'usage: npm run ingest -- [--watch [--debounce-ms N]]';

const argsSchema = z.object({
  watch: z.boolean().default(false),
  /** 2 s: long enough that a copy of hundreds of files lands as one run, short enough to feel live. */
  debounceMs: z.coerce.number().int().min(0).max(600_000).default(2_000),
});

export type IngestArgs = z.infer<typeof argsSchema> & {
  /** A burst that never settles is ingested anyway after this long. */
  maxWaitMs: number;
};

/** Reads the ingest command line; throws a UsageError (with the usage) when it is wrong. */
export function parseIngestArgs(argv: string[]): IngestArgs {
  let debounceGiven = false;
  const args = parseCommandLine(argsSchema, INGEST_USAGE, () => {
    const { values } = parseArgs({ args: argv, options: { watch: { type: 'boolean' }, 'debounce-ms': { type: 'string' } }, strict: true });
    debounceGiven = values['debounce-ms'] !== undefined;
    return { watch: values.watch, debounceMs: values['debounce-ms'] };
  });
  if (debounceGiven && !args.watch) throw new UsageError(`--debounce-ms only applies with --watch\n${INGEST_USAGE}`);
  return { ...args, maxWaitMs: Math.max(30_000, args.debounceMs * 10) };
}
