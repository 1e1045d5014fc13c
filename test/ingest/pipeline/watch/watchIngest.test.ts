import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createMetrics } from '../../../../ingest/core/metrics/createMetrics.js';
import { createOfflineEmbedder } from '../../../../ingest/embed/createEmbedder.js';
import { startWatchIngest, type IngestWatch } from '../../../../ingest/pipeline/watch/watchIngest.js';
import { loadIndex } from '../../../../retrieval/open/loadIndex.js';
import { createMemoryLogger, createTempWorkspace, INDONESIAN_SEED, type TempWorkspace } from '../../../helpers/tempWorkspace.js';

const DEBOUNCE_MS = 1500;

const article = (n: number) =>
  `Laporan nomor ${n}\n\nPada hari ke-${n}, pemerintah Niger dan delegasi Rusia membahas kerja sama pertahanan, pelatihan militer dan keamanan regional di Niamey.\n`;

async function waitFor(condition: () => boolean, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const runsOf = (watch: IngestWatch) => watch.health().runs as number;

describe('startWatchIngest', () => {
  let ws: TempWorkspace;
  let watch: IngestWatch | undefined;
  beforeEach(async () => {
    ws = await createTempWorkspace();
  });
  afterEach(async () => {
    await watch?.stop();
    await ws.cleanup();
  });

  it('GIVEN a burst of 500 new files THEN one run ingests them all; a later change THEN one more run', async () => {
    const metrics = createMetrics({ processMetrics: false });
    watch = startWatchIngest(ws.config, {
      embedder: createOfflineEmbedder(),
      logger: createMemoryLogger(),
      tty: false,
      metrics,
      debounceMs: DEBOUNCE_MS,
      maxWaitMs: 60_000,
    });
    await waitFor(() => runsOf(watch!) === 1);
    await watch.idle();

    await Promise.all(Array.from({ length: 500 }, (_, n) => writeFile(join(ws.config.seedsDir, `burst-${n}.txt`), article(n))));
    await waitFor(() => runsOf(watch!) === 2);
    await watch.idle();
    await new Promise((resolve) => setTimeout(resolve, DEBOUNCE_MS * 2));
    expect(runsOf(watch)).toBe(2);
    expect((await loadIndex(ws.config, createOfflineEmbedder())).store.sources.size).toBe(502);

    await writeFile(join(ws.config.seedsDir, INDONESIAN_SEED), article(9999));
    await waitFor(() => runsOf(watch!) === 3);
    await watch.idle();
    const index = await loadIndex(ws.config, createOfflineEmbedder());
    expect(index.store.sources.get(INDONESIAN_SEED)?.title).toBe('Laporan nomor 9999');
    expect(watch.health()).toMatchObject({ ok: true, runs: 3 });
    expect(await metrics.registry.getSingleMetricAsString('newsdesk_ingest_runs_total')).toContain(
      'newsdesk_ingest_runs_total{outcome="committed"} 3',
    );
  });

  it('GIVEN a run that fails THEN health turns unhealthy and the next change recovers it', async () => {
    await writeFile(join(ws.config.seedsDir, '000_c35ea9e91ea66f2f.txt'), '');
    await writeFile(join(ws.config.seedsDir, '004_bf61046681c937c5.txt'), '');
    watch = startWatchIngest(ws.config, {
      embedder: createOfflineEmbedder(),
      logger: createMemoryLogger(),
      tty: false,
      metrics: createMetrics({ processMetrics: false }),
      debounceMs: 200,
      maxWaitMs: 5000,
    });
    await waitFor(() => runsOf(watch!) === 1);
    await watch.idle();
    expect(watch.health()).toMatchObject({ ok: false, lastRun: { ok: false, error: expect.stringMatching(/Nothing usable/) } });

    await writeFile(join(ws.config.seedsDir, 'new.txt'), article(1));
    await waitFor(() => runsOf(watch!) === 2);
    await watch.idle();
    expect(watch.health()).toMatchObject({ ok: true, runs: 2 });
  });

  it('GIVEN SEEDS_DIR removed while watched THEN a line says so and watching goes on; recreated with a file THEN that file is ingested', async () => {
    const logger = createMemoryLogger();
    const { seedsDir } = ws.config;
    watch = startWatchIngest(ws.config, {
      embedder: createOfflineEmbedder(),
      logger,
      tty: false,
      metrics: createMetrics({ processMetrics: false }),
      debounceMs: 200,
      maxWaitMs: 5000,
      checkMs: 50,
    });
    await waitFor(() => runsOf(watch!) === 1);
    await watch.idle();

    await rm(seedsDir, { recursive: true });
    await waitFor(() => logger.lines.some((l) => l.includes(`${seedsDir} was removed or moved; checking every 50 ms until it is back`)));
    await watch.idle();
    const runsWhileGone = runsOf(watch);
    await mkdir(seedsDir);
    await writeFile(join(seedsDir, 'returned.txt'), article(7));
    await waitFor(() => runsOf(watch!) > runsWhileGone && watch!.health().ok === true);
    await watch.idle();
    expect(logger.lines.some((l) => l.includes(`${seedsDir} is back; watching it again`))).toBe(true);
    const index = await loadIndex(ws.config, createOfflineEmbedder());
    expect([...index.store.sources.keys()]).toEqual(['returned.txt']);
  });
});
