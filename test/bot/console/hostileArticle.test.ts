import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runConsole } from '../../../bot/console/runConsole.js';
import { createMetrics } from '../../../ingest/core/metrics/createMetrics.js';
import type { LoadedIndex } from '../../../retrieval/open/loadIndex.js';
import { expectInertOnTerminal, HOSTILE_QUESTION, HOSTILE_SEED, HOSTILE_TEXT, INVISIBLE } from '../../helpers/hostileSeed.js';
import { buildSeededIndex, createMemoryLogger, createTempWorkspace, type TempWorkspace } from '../../helpers/tempWorkspace.js';

describe('the console, given an article written to attack its reader', () => {
  let ws: TempWorkspace;
  let index: LoadedIndex;
  beforeAll(async () => {
    ws = await createTempWorkspace({ withSeeds: false });
    await mkdir(ws.config.seedsDir);
    await writeFile(join(ws.config.seedsDir, HOSTILE_SEED), HOSTILE_TEXT);
    index = await buildSeededIndex(ws);
  });
  afterAll(() => ws.cleanup());

  it('GIVEN the index holds its escape sequences WHEN it is asked about and /sources is listed THEN no control character and no escape sequence is printed', async () => {
    // The attack reached the index as it was written: what follows shows the output side stops it.
    expect([...index.store.sources.values()][0]!.title).toContain('\u001b[2J');
    const input = new PassThrough();
    const output = new PassThrough();
    let printed = '';
    output.on('data', (chunk: Buffer) => (printed += chunk.toString()));
    const done = runConsole(() => index, {
      input,
      output,
      logger: createMemoryLogger(),
      metrics: createMetrics({ processMetrics: false }),
    });
    input.end(`${HOSTILE_QUESTION}\n/sources\n`);
    await done;

    expect(printed).toContain('S-300');
    expect(printed).toContain('[1] Niger menerima rudal S-300 usuR irad dan pelatih militer — Kantor Berita Niamey');
    expectInertOnTerminal(printed);
    const labels = printed.split('\n').filter((line) => line.startsWith('[1] ') || line.startsWith(HOSTILE_SEED));
    expect(labels).toHaveLength(2);
    for (const line of labels) expect(line).not.toMatch(INVISIBLE);
  });
});
