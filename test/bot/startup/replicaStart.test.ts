import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PipelineConfig } from '../../../ingest/core/config.js';
import { PROJECT_ROOT } from '../../helpers/projectRoot.js';
import { createTempWorkspace, type TempWorkspace } from '../../helpers/tempWorkspace.js';
import { createTestDatabase, type TestDatabase } from '../../ingest/index/postgres/support/createTestDatabase.js';
import { waitFor } from '../support/fixtures.js';

/** One of this project's commands as its own process (`npm run ingest` = ingest/pipeline/cli.ts, `npm start` = bot/main.ts). */
function run(script: string, config: PipelineConfig, env: Record<string, string> = {}): ChildProcessWithoutNullStreams {
  return spawn(process.execPath, ['--import', 'tsx', script], {
    cwd: PROJECT_ROOT,
    env: {
      ...process.env,
      INDEX_URL: config.indexUrl,
      INDEX_DIR: config.indexDir,
      SEEDS_DIR: config.seedsDir,
      EMBEDDINGS: 'offline',
      DISCORD_TOKEN: '',
      SHARDS: '',
      ...env,
    },
  });
}

/** Collects a process's output and resolves with its exit code once it has ended. */
function outputOf(child: ChildProcessWithoutNullStreams): { text: () => string; exited: Promise<number | null> } {
  let text = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
  return { text: () => text, exited: new Promise((resolve) => child.on('close', (code) => resolve(code))) };
}

async function npmRunIngest(config: PipelineConfig): Promise<void> {
  const ingest = outputOf(run('ingest/pipeline/cli.ts', config));
  expect(await ingest.exited, ingest.text()).toBe(0);
}

/** Everything a writer would change: the generations and their states, the live pointer, the passage rows. */
async function databaseState(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const generations = await client.query('SELECT id, state, retired_at, passages_table FROM newsdesk_generations ORDER BY id');
    const live = await client.query('SELECT generation FROM newsdesk_live');
    const tables = generations.rows.map((row: { passages_table: string | null }) => row.passages_table).filter(Boolean);
    const rows = [];
    for (const table of new Set(tables)) rows.push((await client.query(`SELECT count(*) AS n, max(died) AS died FROM ${table}`)).rows[0]);
    return JSON.stringify({ generations: generations.rows, live: live.rows, rows });
  } finally {
    await client.end();
  }
}

describe('npm start with INGEST_ON_START=false (a replica beside one ingest worker)', () => {
  let ws: TempWorkspace;
  let config: PipelineConfig;
  const databases: TestDatabase[] = [];

  beforeAll(async () => {
    ws = await createTempWorkspace();
    const db = await createTestDatabase();
    databases.push(db);
    config = { ...ws.config, indexUrl: db.url, indexDir: join(ws.root, 'no-index-here') };
  });
  afterAll(async () => {
    await Promise.all(databases.map((db) => db.drop()));
    await ws?.cleanup();
  });

  it('GIVEN a generation a separate npm run ingest committed and seeds changed since THEN the replica answers from it, writes nothing, and follows the next commit', async () => {
    await npmRunIngest(config);
    await writeFile(join(config.seedsDir, 'port.md'), '# Port of Cotonou\n\nContainer traffic at the port of Cotonou doubled this year.\n');
    const before = await databaseState(config.indexUrl!);
    const child = run('bot/main.ts', config, { INGEST_ON_START: 'false' });
    const replica = outputOf(child);
    try {
      child.stdin.write('when did Niger end EU cooperation?\n');
      await waitFor(() => replica.text().includes('[1]'), 60_000);
      // A start-up ingest would have committed port.md by now: the replica left the database as the worker did.
      expect(await databaseState(config.indexUrl!)).toBe(before);
      expect(replica.text()).toContain('newsdesk: 2 articles');
      await npmRunIngest(config);
      await waitFor(() => replica.text().includes('index reloaded'), 60_000);
      child.stdin.write('container traffic at the port of Cotonou\n');
      await waitFor(() => replica.text().includes('[1] Port of Cotonou'), 60_000);
    } finally {
      child.stdin.end();
    }
    expect(await replica.exited, replica.text()).toBe(0);
    await expect(readdir(config.indexDir)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('GIVEN an empty database THEN the replica stops with INDEX_MISSING naming the database without its password, and creates no tables', async () => {
    const empty = await createTestDatabase();
    databases.push(empty);
    const url = new URL(empty.url);
    url.password = 'replica-secret';
    const replica = outputOf(run('bot/main.ts', { ...config, indexUrl: url.toString() }, { INGEST_ON_START: 'false' }));
    expect(await replica.exited).not.toBe(0);
    expect(replica.text()).toContain('No index found in');
    expect(replica.text()).toContain('Run `npm run ingest` first.');
    expect(replica.text()).not.toContain('replica-secret');
    const client = new pg.Client({ connectionString: empty.url });
    await client.connect();
    try {
      const { rows } = await client.query(`SELECT count(*)::int AS n FROM pg_tables WHERE tablename LIKE 'newsdesk%'`);
      expect(rows[0].n).toBe(0);
    } finally {
      await client.end();
    }
  });

  it('GIVEN SHARDS and no local index yet THEN a shard manager that does not ingest stops with INDEX_MISSING before starting any shard, and writes nothing', async () => {
    const local = { ...config, indexUrl: '' };
    const manager = outputOf(
      run('bot/main.ts', local, {
        INGEST_ON_START: 'false',
        SHARDS: '2',
        DISCORD_TOKEN: 'MTIzNDU2Nzg5MDEyMzQ1Njc4.Gfake.secret-test-token-value',
        DISCORD_CLIENT_ID: '123456789012345678',
        // Nothing listens here: a manager that went on to start shards would fail differently.
        DISCORD_API_BASE: 'http://127.0.0.1:9/api',
      }),
    );
    expect(await manager.exited).toBe(1);
    expect(manager.text()).toContain(`No index found in ${local.indexDir}. Run \`npm run ingest\` first.`);
    expect(manager.text()).not.toContain('shard');
    await expect(readdir(local.indexDir)).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
