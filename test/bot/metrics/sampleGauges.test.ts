import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMetrics } from '../../../ingest/core/metrics/createMetrics.js';
import { sampleGauges } from '../../../bot/metrics/sampleGauges.js';
import { createOfflineEmbedder } from '../../../ingest/embed/createEmbedder.js';
import { runIngest } from '../../../ingest/pipeline/runIngest.js';
import { createLiveIndex, type LiveIndex } from '../../../retrieval/open/liveIndex.js';
import { createMemoryLogger, createTempWorkspace, type TempWorkspace } from '../../helpers/tempWorkspace.js';

describe('sampleGauges', () => {
  let ws: TempWorkspace;
  let live: LiveIndex;
  beforeAll(async () => {
    ws = await createTempWorkspace();
    const embedder = createOfflineEmbedder();
    await runIngest(ws.config, { embedder, logger: createMemoryLogger(), tty: false });
    live = await createLiveIndex(ws.config, embedder, createMemoryLogger(), { pollMs: 60_000 });
  });
  afterAll(async () => {
    live.close();
    await ws.cleanup();
  });

  it('GIVEN a live index and a gateway ping THEN the gauges show the index size and the latency in seconds at once', async () => {
    const metrics = createMetrics({ processMetrics: false });
    const stop = sampleGauges(metrics, { live, gatewayPing: () => 42 });
    stop();
    const text = await metrics.registry.metrics();
    expect(text).toContain(`newsdesk_passages_indexed ${live.current().store.passageCount}`);
    expect(text).toContain('newsdesk_articles_indexed 2');
    expect(text).toContain('newsdesk_discord_gateway_latency_seconds 0.042');
  });

  it('GIVEN no gateway (the console) THEN the latency gauge stays at 0', async () => {
    const metrics = createMetrics({ processMetrics: false });
    sampleGauges(metrics, { live })();
    expect(await metrics.registry.metrics()).toMatch(/^newsdesk_discord_gateway_latency_seconds 0$/m);
  });
});
