import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** A database of one test file's own on the test server, dropped by `drop()`. */
export type TestDatabase = { url: string; drop: () => Promise<void> };

/**
 * The test server (NEWSDESK_TEST_PG_URL, set by CI or by test/postgresSetup.ts): missing, the
 * PostgreSQL tests fail, never skip, so a CI run without its database cannot pass quietly.
 */
export function testServerUrl(): string {
  const url = process.env.NEWSDESK_TEST_PG_URL;
  if (!url)
    throw new Error('NEWSDESK_TEST_PG_URL is not set and `bash .ci/postgres.sh` did not start a server: the PostgreSQL tests need one');
  return url;
}

/** Creates a fresh database on the test server, or on the server of `serverUrl` (the eval's INDEX_URL). */
export async function createTestDatabase(serverUrl = testServerUrl()): Promise<TestDatabase> {
  const name = `newsdesk_t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}
