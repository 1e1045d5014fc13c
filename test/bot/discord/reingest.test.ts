import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ADMIN_PERMISSIONS, MEMBER_PERMISSIONS, type InteractionRef, type RecordedRequest } from '../support/fakeDiscord.js';
import { FERRY_QUESTION, FERRY_SEED, LIGHTHOUSE_QUESTION, LIGHTHOUSE_SEED, waitFor } from '../support/fixtures.js';
import { useTestBot } from '../support/startTestBot.js';

const EPHEMERAL = 64;
import { PROJECT_ROOT as ROOT } from '../../helpers/projectRoot.js';

/** `npm run ingest`, as another process would run it, on the test's seeds and index. */
async function ingestInAnotherProcess(seedsDir: string, indexDir: string, cwd: string): Promise<void> {
  const loader = pathToFileURL(join(ROOT, 'node_modules/tsx/dist/loader.mjs')).href;
  await promisify(execFile)(process.execPath, ['--import', loader, join(ROOT, 'ingest/pipeline/cli.ts')], {
    cwd,
    env: { ...process.env, SEEDS_DIR: seedsDir, INDEX_DIR: indexDir, LOG_LEVEL: 'error' },
  });
}

describe('/reingest and index updates', () => {
  const testBot = useTestBot();

  const callbackOf = (ref: InteractionRef): Promise<RecordedRequest> =>
    testBot().fake.waitForRequest((r) => r.path.endsWith(`/${ref.token}/callback`));
  const editOf = (ref: InteractionRef): Promise<RecordedRequest> =>
    testBot().fake.waitForRequest((r) => r.method === 'PATCH' && r.path.includes(ref.token));
  const askAs = async (question: string) => (await editOf(testBot().fake.runSlashCommand('ask', { question }))).body;

  it('GIVEN a member without Manage Server WHEN /reingest THEN it is refused ephemerally and nothing is ingested', async () => {
    const before = testBot().live.current();
    const ref = testBot().fake.runSlashCommand('reingest', {}, { permissions: MEMBER_PERMISSIONS });
    const reply = await callbackOf(ref);

    expect(reply.body).toMatchObject({ type: 4, data: { content: 'You need the Manage Server permission for this.', flags: EPHEMERAL } });
    expect(testBot().fake.requestsFor(ref)).toHaveLength(1);
    expect(testBot().live.current()).toBe(before);
  });

  it('GIVEN an admin and a new seed WHEN /reingest THEN it is deferred, reports the added article, and /ask answers from it at once', async () => {
    await writeFile(join(testBot().workspace.config.seedsDir, 'lighthouse.md'), LIGHTHOUSE_SEED);
    const ref = testBot().fake.runSlashCommand('reingest', {}, { permissions: ADMIN_PERMISSIONS });

    expect((await callbackOf(ref)).body).toEqual({ type: 5, data: { flags: EPHEMERAL } });
    const report = (await editOf(ref)).body.embeds[0];
    expect(report.title).toBe('Re-ingest finished');
    expect(report.fields.find((f: { name: string }) => f.name === 'Added').value).toBe('1: lighthouse.md');
    expect(report.description).toContain('New questions are answered from the new index now.');

    const answer = await askAs(LIGHTHOUSE_QUESTION);
    expect(answer.embeds[0].fields[0].value).toContain('Old lighthouse of Pulau Seribu reopens to visitors');
  });

  it('GIVEN a re-ingest is running WHEN an admin runs /reingest again THEN the second is told one is already running', async () => {
    await writeFile(
      join(testBot().workspace.config.seedsDir, 'lighthouse.md'),
      `${LIGHTHOUSE_SEED}\nThe keepers now open the gallery on Sundays.\n`,
    );
    const first = testBot().fake.runSlashCommand('reingest', {}, { permissions: ADMIN_PERMISSIONS });
    const second = testBot().fake.runSlashCommand('reingest', {}, { permissions: ADMIN_PERMISSIONS });

    expect((await callbackOf(second)).body).toMatchObject({
      type: 4,
      data: { content: 'A re-ingest is already running: try again when it has finished.', flags: EPHEMERAL },
    });
    expect((await callbackOf(first)).body.type).toBe(5);
    const report = (await editOf(first)).body.embeds[0];
    expect(report.fields.find((f: { name: string }) => f.name === 'Changed').value).toBe('1: lighthouse.md');
  });

  it('GIVEN npm run ingest rebuilt the index in another process WHEN a user asks THEN the bot answers from the new index without a restart', async () => {
    const { seedsDir, indexDir } = testBot().workspace.config;
    const before = await askAs(FERRY_QUESTION);
    expect(JSON.stringify(before)).not.toContain('Night ferry to Batam');

    await writeFile(join(seedsDir, 'ferry.md'), FERRY_SEED);
    await ingestInAnotherProcess(seedsDir, indexDir, testBot().workspace.root);
    await waitFor(() => testBot().live.current().store.sources.has('ferry.md'));

    const after = await askAs(FERRY_QUESTION);
    expect(after.embeds[0].description).toContain('monsoon storms');
    expect(after.embeds[0].fields[0].value).toContain('Night ferry to Batam suspended for the monsoon');
  });
});
