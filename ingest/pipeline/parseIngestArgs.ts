import { parseArgs } from 'node:util';
import { z } from 'zod';

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

/** Reads the ingest command line; throws a readable Error (with the usage) when it is wrong. */
export function parseIngestArgs(argv: string[]): IngestArgs {
  let values: Record<string, unknown>;
  try {
    ({ values } = parseArgs({ args: argv, options: { watch: { type: 'boolean' }, 'debounce-ms': { type: 'string' } }, strict: true }));
  } catch (error) {
    throw new Error(`${(error as Error).message}\n${INGEST_USAGE}`);
  }
  const parsed = argsSchema.safeParse({ watch: values.watch, debounceMs: values['debounce-ms'] });
  if (!parsed.success) throw new Error(`${z.prettifyError(parsed.error)}\n${INGEST_USAGE}`);
  if (values['debounce-ms'] !== undefined && !parsed.data.watch) throw new Error(`--debounce-ms only applies with --watch\n${INGEST_USAGE}`);
  return { ...parsed.data, maxWaitMs: Math.max(30_000, parsed.data.debounceMs * 10) };
}
