import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { PROJECT_ROOT as ROOT } from '../helpers/projectRoot.js';
import { createTempWorkspace, type TempWorkspace } from '../helpers/tempWorkspace.js';
import { createTestDatabase, type TestDatabase } from '../ingest/index/postgres/support/createTestDatabase.js';
import { collectOutput } from './support/collectOutput.js';
import { startFakeDiscord, type FakeDiscord } from './support/fakeDiscord.js';
import { NIGER_QUESTION } from './support/fixtures.js';
import { TEST_TOKEN } from './support/startTestBot.js';

/** `npm start` as the shard manager, on the fake Discord and the workspace's seeds, with `env` added. */
function startManager(fake: FakeDiscord, workspace: TempWorkspace, env: Record<string, string>): ChildProcess {
  const loader = pathToFileURL(join(ROOT, 'node_modules/tsx/dist/loader.mjs')).href;
  return spawn(process.execPath, ['--import', loader, join(ROOT, 'bot/main.ts')], {
    cwd: workspace.root,
    env: {
      ...process.env,
      DISCORD_TOKEN: TEST_TOKEN,
      DISCORD_CLIENT_ID: fake.ids.application,
      DISCORD_API_BASE: fake.apiBase,
      SEEDS_DIR: workspace.config.seedsDir,
      INDEX_DIR: workspace.config.indexDir,
      LOG_LEVEL: 'info',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

// Three processes start one after another (the manager's ingest, then each shard's index load): slower than most tests.
describe('npm start with SHARDS', () => {
  let fake: FakeDiscord | undefined;
  let workspace: TempWorkspace | undefined;
  let manager: ChildProcess | undefined;
  let db: TestDatabase | undefined;
  afterEach(async () => {
    // After a failed assertion: a shard whose manager is gone stops on its own (the IPC channel closes).
    if (manager && manager.exitCode === null && manager.signalCode === null) {
      const exited = once(manager, 'exit');
      manager.kill('SIGKILL');
      await exited;
    }
    await fake?.close();
    await workspace?.cleanup();
    await db?.drop();
    db = undefined;
  });

  it('GIVEN SHARDS=auto and Discord recommending two shards THEN two shard processes identify as [0,2] and [1,2], shard 1 answers its guild’s /ask, and SIGTERM stops all three processes', async () => {
    // Two may identify at once, so the manager does not wait out Discord's 5 s identify window between them.
    fake = await startFakeDiscord({ shards: 2, maxConcurrency: 2 });
    workspace = await createTempWorkspace();
    manager = startManager(fake, workspace, { SHARDS: 'auto' });
    const output = collectOutput(manager);
    // 'close' comes once the manager and both shards (which write to its pipes) have exited and all output is read.
    const exited = once(manager, 'close');
    try {
      await output.waitFor('connected to Discord', 2);
      expect(fake.identifies.map((i) => i.shard).sort()).toEqual([
        [0, 2],
        [1, 2],
      ]);
      expect(output.text()).toContain('starting 2 shard processes');

      const ref = fake.runSlashCommand('ask', { question: NIGER_QUESTION }, { guild: fake.guilds[1] });
      expect(ref.shards).toEqual([1]);
      const edit = await fake.waitForRequest((r) => r.method === 'PATCH' && r.path.includes(ref.token));
      expect(edit.body.embeds[0].description).toContain('Niger');
    } finally {
      manager.kill('SIGTERM');
    }
    const [code] = await exited;
    expect(code, output.text()).toBe(0);
    // The manager's line and each shard's: the shards were stopped, not left running or respawned.
    expect(output.count('stopping on SIGTERM'), output.text()).toBe(3);
    expect(output.text()).not.toContain('starting it again');
    expect(output.text()).not.toContain(TEST_TOKEN);
  }, 120_000);

  it('GIVEN SHARDS=2 and INDEX_URL THEN both shards answer from the database and share cooldowns: a member who asked in shard 0’s guild is told to wait in shard 1’s', async () => {
    fake = await startFakeDiscord({ shards: 2, maxConcurrency: 2 });
    workspace = await createTempWorkspace();
    db = await createTestDatabase();
    manager = startManager(fake, workspace, { SHARDS: '2', INDEX_URL: db.url, ASK_COOLDOWN_SECONDS: '60' });
    const output = collectOutput(manager);
    // 'close' comes once the manager and both shards (which write to its pipes) have exited and all output is read.
    const exited = once(manager, 'close');
    try {
      await output.waitFor('connected to Discord', 2);
      const user = fake.newUser();
      const first = fake.runSlashCommand('ask', { question: NIGER_QUESTION }, { user, guild: fake.guilds[0] });
      const answer = await fake.waitForRequest((r) => r.method === 'PATCH' && r.path.includes(first.token));
      expect(answer.body.embeds[0].description).toContain('Niger');

      const second = fake.runSlashCommand('ask', { question: NIGER_QUESTION }, { user, guild: fake.guilds[1] });
      expect([first.shards, second.shards]).toEqual([[0], [1]]);
      const refusal = await fake.waitForRequest((r) => r.path.endsWith(`/${second.token}/callback`));
      expect(refusal.body).toMatchObject({ type: 4, data: { content: expect.stringMatching(/try again in \d+ s/) } });
    } finally {
      manager.kill('SIGTERM');
    }
    const [code] = await exited;
    expect(code, output.text()).toBe(0);
    expect(output.count('stopping on SIGTERM'), output.text()).toBe(3);
    // The manager's ingest and both shards' reads went to the database.
    expect(existsSync(workspace.config.indexDir)).toBe(false);
  }, 120_000);

  it('GIVEN SHARDS=2 and SHARD_IDS=1 (another host runs shard 0) THEN this host connects only shard [1,2], which answers its guild', async () => {
    fake = await startFakeDiscord({ shards: 2, maxConcurrency: 2 });
    workspace = await createTempWorkspace();
    manager = startManager(fake, workspace, { SHARDS: '2', SHARD_IDS: '1' });
    const output = collectOutput(manager);
    const exited = once(manager, 'close');
    try {
      await output.waitFor('connected to Discord');
      expect(fake.identifies.map((i) => i.shard)).toEqual([[1, 2]]);
      expect(output.text()).toContain('starting 1 shard process');
      const ref = fake.runSlashCommand('ask', { question: NIGER_QUESTION }, { guild: fake.guilds[1] });
      const edit = await fake.waitForRequest((r) => r.method === 'PATCH' && r.path.includes(ref.token));
      expect(edit.body.embeds[0].description).toContain('Niger');
    } finally {
      manager.kill('SIGTERM');
    }
    const [code] = await exited;
    expect(code, output.text()).toBe(0);
    expect(output.count('stopping on SIGTERM'), output.text()).toBe(2);
  }, 120_000);

  it('GIVEN a shard process is killed THEN the manager starts it again and it reconnects; GIVEN the manager is killed (kill -9) THEN every shard stops by itself', async () => {
    fake = await startFakeDiscord({ shards: 2, maxConcurrency: 2 });
    workspace = await createTempWorkspace();
    manager = startManager(fake, workspace, { SHARDS: 'auto' });
    const output = collectOutput(manager);
    await output.waitFor('connected to Discord', 2);
    // The manager logs "shard ready" (with the pid) after the shard's own "connected" line.
    await output.waitFor('"shard ready"', 2);
    const ready = output
      .text()
      .split('\n')
      .filter((line) => line.includes('"shard ready"'))
      .map((line) => JSON.parse(line) as { shard: number; pid: number });
    process.kill(ready.find((r) => r.shard === 1)!.pid, 'SIGKILL');
    let identifiesOfShard1 = 0;
    await fake.waitForIdentify((i) => i.shard?.[0] === 1 && ++identifiesOfShard1 === 2);
    expect(output.text()).toContain('shard process exited; starting it again');

    // The shards write to the manager's pipes: they close only once every shard process has exited too.
    const closed = once(manager, 'close');
    manager.kill('SIGKILL');
    await closed;
    expect(output.count('stopping on the shard manager going away'), output.text()).toBe(2);
  }, 120_000);

  it('GIVEN SHARDS without DISCORD_TOKEN THEN npm start stops at once, saying shards need the token, and ingests nothing', async () => {
    fake = await startFakeDiscord();
    workspace = await createTempWorkspace();
    manager = startManager(fake, workspace, { SHARDS: '2', DISCORD_TOKEN: '' });
    const output = collectOutput(manager);
    // 'close', not 'exit': by then all of its output has been read.
    const [code] = await once(manager, 'close');
    expect(code).toBe(1);
    expect(output.text()).toContain('SHARDS is set but DISCORD_TOKEN is not');
    expect(existsSync(workspace.config.indexDir)).toBe(false);
  });
});
