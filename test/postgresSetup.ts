import { execFileSync } from 'node:child_process';
import { PROJECT_ROOT } from './helpers/projectRoot.js';

/**
 * Vitest global set-up: the PostgreSQL tests need a server. CI starts one and exports
 * NEWSDESK_TEST_PG_URL; without it (a developer's `npm test`), `.ci/postgres.sh` starts one
 * (idempotent, quick once installed) and its last line is the URL. Under CI=true nothing is
 * started here, so a CI job that lost its database fails those tests instead.
 */
export default function setup(): void {
  if (process.env.NEWSDESK_TEST_PG_URL || process.env.CI === 'true') return;
  try {
    const out = execFileSync('bash', ['.ci/postgres.sh'], { cwd: PROJECT_ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
    const url = out.trim().split('\n').at(-1);
    if (url) process.env.NEWSDESK_TEST_PG_URL = url;
  } catch (error) {
    // The PostgreSQL tests then fail, saying the server is missing; every other test still runs.
    console.warn(`.ci/postgres.sh failed: ${(error as Error).message}`);
  }
}
