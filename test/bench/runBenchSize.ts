import { execFileSync } from 'node:child_process';
import type { SentencePools } from './corpus/readSentencePools.js';
import type { BenchArgs } from './parseBenchArgs.js';
import { runSize, type SizeResult } from './runSize.js';
import { createTestDatabase } from '../ingest/index/postgres/support/createTestDatabase.js';
import { PROJECT_ROOT } from '../helpers/projectRoot.js';

/**
 * One size as the arguments ask: with `--backend postgres`, ours also keeps its index in a fresh
 * database on the test server (NEWSDESK_TEST_PG_URL, else the one `.ci/postgres.sh` starts),
 * dropped afterwards.
 */
export async function runBenchSize(size: number, pools: SentencePools, args: BenchArgs, log: (line: string) => void): Promise<SizeResult> {
  if (args.backend === 'local') return runSize(size, pools, { budgetMinutes: args.budgetMinutes, systems: args.systems }, log);
  if (!process.env.NEWSDESK_TEST_PG_URL) {
    const out = execFileSync('bash', ['.ci/postgres.sh'], { cwd: PROJECT_ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
    process.env.NEWSDESK_TEST_PG_URL = out.trim().split('\n').at(-1);
  }
  const database = await createTestDatabase();
  try {
    return await runSize(size, pools, { budgetMinutes: args.budgetMinutes, systems: args.systems, postgresUrl: database.url }, log);
  } finally {
    await database.drop();
  }
}
