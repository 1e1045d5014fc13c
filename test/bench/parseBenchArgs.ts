import { parseArgs } from 'node:util';
import { z } from 'zod';
import { SYSTEM_NAMES, type SystemName } from './systemNames.js';

export const BENCH_USAGE =
  'usage: npm run bench -- [--passages N] [--budget-minutes M] [--backend local|postgres] [--systems ours,langchain,lancedb] [--json]';
/** The sizes of the issue; `--passages N` runs one size instead. */
const DEFAULT_SIZES = [1_000, 10_000, 100_000];
/**
 * Each phase's time budget: at 100k passages the slowest phase (the recipe's rebuild) takes about
 * 90 s, and a million passages take roughly ten times as long, so 30 minutes lets every system
 * that scales finish and stops one that does not.
 */
const DEFAULT_BUDGET_MINUTES = 30;

const argsSchema = z.object({
  passages: z.coerce.number().int().min(100).max(2_000_000).optional(),
  'budget-minutes': z.coerce
    .number()
    .positive()
    .max(24 * 60)
    .default(DEFAULT_BUDGET_MINUTES),
  backend: z.enum(['local', 'postgres']).default('local'),
  systems: z
    .string()
    .default(SYSTEM_NAMES.join(','))
    .transform((list) => list.split(',').map((name) => name.trim()))
    .pipe(
      z.array(z.enum(SYSTEM_NAMES)).refine((names) => names.includes('ours'), 'ours is always measured: list it with the peers to run'),
    ),
  json: z.boolean().default(false),
});

/** `postgres` adds ours with its index in a fresh PostgreSQL database, beside the local directory. */
export type BenchArgs = {
  sizes: number[];
  budgetMinutes: number;
  backend: 'local' | 'postgres';
  /** The systems measured; a peer left out is reported as not run (a million passages without the peers). */
  systems: SystemName[];
  json: boolean;
};

export function parseBenchArgs(argv: string[]): BenchArgs {
  let values: Record<string, unknown>;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        passages: { type: 'string' },
        'budget-minutes': { type: 'string' },
        backend: { type: 'string' },
        systems: { type: 'string' },
        json: { type: 'boolean' },
      },
      strict: true,
    }));
  } catch (error) {
    throw new Error(`${(error as Error).message}\n${BENCH_USAGE}`);
  }
  const parsed = argsSchema.safeParse(values);
  if (!parsed.success) throw new Error(`${z.prettifyError(parsed.error)}\n${BENCH_USAGE}`);
  return {
    sizes: parsed.data.passages ? [parsed.data.passages] : DEFAULT_SIZES,
    budgetMinutes: parsed.data['budget-minutes'],
    backend: parsed.data.backend,
    systems: parsed.data.systems,
    json: parsed.data.json,
  };
}
