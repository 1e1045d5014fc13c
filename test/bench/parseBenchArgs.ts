import { parseArgs } from 'node:util';
import { z } from 'zod';

export const BENCH_USAGE = 'usage: npm run bench -- [--passages N] [--json]';
/** The sizes of the issue; `--passages N` runs one size instead. */
const DEFAULT_SIZES = [1_000, 10_000, 100_000];

const argsSchema = z.object({
  passages: z.coerce.number().int().min(100).max(2_000_000).optional(),
  json: z.boolean().default(false),
});

export type BenchArgs = { sizes: number[]; json: boolean };

export function parseBenchArgs(argv: string[]): BenchArgs {
  let values: Record<string, unknown>;
  try {
    ({ values } = parseArgs({ args: argv, options: { passages: { type: 'string' }, json: { type: 'boolean' } }, strict: true }));
  } catch (error) {
    throw new Error(`${(error as Error).message}\n${BENCH_USAGE}`);
  }
  const parsed = argsSchema.safeParse(values);
  if (!parsed.success) throw new Error(`${z.prettifyError(parsed.error)}\n${BENCH_USAGE}`);
  return { sizes: parsed.data.passages ? [parsed.data.passages] : DEFAULT_SIZES, json: parsed.data.json };
}
