import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { createTempWorkspace, type TempWorkspace } from '../helpers/tempWorkspace.js';
import { startFakeDiscord, type FakeDiscord } from './support/fakeDiscord.js';
import { NIGER_QUESTION, waitFor } from './support/fixtures.js';
import { TEST_TOKEN } from './support/startTestBot.js';

import { PROJECT_ROOT as ROOT } from '../helpers/projectRoot.js';

describe('npm start with DISCORD_TOKEN', () => {
  let fake: FakeDiscord | undefined;
  let workspace: TempWorkspace | undefined;
  afterEach(async () => {
    await fake?.close();
    await workspace?.cleanup();
  });

  it('GIVEN a token and a fresh seeds folder THEN it ingests, connects, answers /ask, and stops cleanly on SIGTERM without logging the token', async () => {
    fake = await startFakeDiscord();
    workspace = await createTempWorkspace();
    const loader = pathToFileURL(join(ROOT, 'node_modules/tsx/dist/loader.mjs')).href;
    const child = spawn(process.execPath, ['--import', loader, join(ROOT, 'bot/main.ts')], {
      cwd: workspace.root,
      env: {
        ...process.env,
        DISCORD_TOKEN: TEST_TOKEN,
        DISCORD_CLIENT_ID: fake.ids.application,
        DISCORD_API_BASE: fake.apiBase,
        SEEDS_DIR: workspace.config.seedsDir,
        INDEX_DIR: workspace.config.indexDir,
        LOG_LEVEL: 'debug',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    const exited = once(child, 'exit');
    try {
      await waitFor(() => output.includes('connected to Discord'), 30_000);
      const ref = fake.runSlashCommand('ask', { question: NIGER_QUESTION });
      const edit = await fake.waitForRequest((r) => r.method === 'PATCH' && r.path.includes(ref.token));
      expect(edit.body.embeds[0].description).toMatch(/^\*\*4 December 2023/);
    } finally {
      child.kill('SIGTERM');
    }
    const [code] = await exited;
    expect(code, output).toBe(0);
    expect(output).toContain('stopping on SIGTERM');
    expect(output).not.toContain(TEST_TOKEN);
  });
});
