import { afterEach, describe, expect, it } from 'vitest';
import { createMetrics } from '../../../ingest/core/metrics/createMetrics.js';
import { loadMetricsConfig } from '../../../ingest/core/metrics/loadMetricsConfig.js';
import { measureAnswer } from '../../../bot/metrics/measureAnswer.js';
import { serveMetrics, type MetricsServer } from '../../../ingest/core/metrics/serveMetrics.js';
import { createError, NewsdeskError } from '../../../ingest/core/errors.js';
import type { Answer } from '../../../retrieval/answer/answerQuestion.js';

const answer = (text: string | null): Answer => ({ question: 'q', answer: text, citations: [], highlights: [] });

describe('measureAnswer', () => {
  it('GIVEN answered, unanswered, rejected and failed questions THEN each outcome is counted and every latency observed', async () => {
    const metrics = createMetrics({ processMetrics: false });
    await measureAnswer(metrics, async () => answer('Yes [1]'));
    await measureAnswer(metrics, async () => answer(null));
    await expect(measureAnswer(metrics, async () => Promise.reject(createError('EMPTY_QUESTION')))).rejects.toBeInstanceOf(NewsdeskError);
    await expect(measureAnswer(metrics, async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    const text = await metrics.registry.metrics();
    for (const outcome of ['answered', 'no_answer', 'rejected', 'failed'])
      expect(text).toContain(`newsdesk_questions_total{outcome="${outcome}"} 1`);
    expect(text).toContain('newsdesk_answer_latency_seconds_count 4');
  });
});

describe('createMetrics', () => {
  it('GIVEN ingest runs, index size and gateway latency THEN they are exposed in base units', async () => {
    const metrics = createMetrics({ processMetrics: false });
    metrics.recordIngestRun(1.5, 'committed');
    metrics.recordIngestRun(0.2, 'unchanged');
    metrics.setIndexSize({ passages: 1234, articles: 56 });
    metrics.setGatewayLatency(-1);
    metrics.setGatewayLatency(42);
    const text = await metrics.registry.metrics();
    expect(text).toContain('newsdesk_ingest_runs_total{outcome="committed"} 1');
    expect(text).toContain('newsdesk_ingest_runs_total{outcome="failed"} 0');
    expect(text).toContain('newsdesk_ingest_duration_seconds_sum 1.7');
    expect(text).toContain('newsdesk_passages_indexed 1234');
    expect(text).toContain('newsdesk_articles_indexed 56');
    expect(text).toContain('newsdesk_discord_gateway_latency_seconds 0.042');
  });
});

describe('serveMetrics', () => {
  let server: MetricsServer | undefined;
  afterEach(() => server?.close());

  it('GIVEN a healthy process THEN /healthz is 200 with its report and /metrics is Prometheus text', async () => {
    const metrics = createMetrics();
    server = await serveMetrics({
      port: 0,
      host: '127.0.0.1',
      registry: metrics.registry,
      health: () => ({ ok: true, generation: 'gen-1' }),
    });
    const base = `http://127.0.0.1:${server.port}`;
    const health = await fetch(`${base}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok', ok: true, generation: 'gen-1' });
    const scrape = await fetch(`${base}/metrics`);
    expect(scrape.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await scrape.text();
    expect(text).toContain('# TYPE newsdesk_answer_latency_seconds histogram');
    expect(text).toContain('newsdesk_process_resident_memory_bytes');
    expect((await fetch(`${base}/other`)).status).toBe(404);
    expect((await fetch(`${base}/metrics`, { method: 'POST' })).status).toBe(405);
  });

  it('GIVEN an unhealthy process THEN /healthz is 503', async () => {
    server = await serveMetrics({
      port: 0,
      host: '127.0.0.1',
      registry: createMetrics({ processMetrics: false }).registry,
      health: () => ({ ok: false, error: 'index missing' }),
    });
    const health = await fetch(`http://127.0.0.1:${server.port}/healthz`);
    expect(health.status).toBe(503);
    expect(await health.json()).toMatchObject({ status: 'unhealthy', error: 'index missing' });
  });
});

describe('loadMetricsConfig', () => {
  it('GIVEN no METRICS_PORT (or an empty one) THEN there is no endpoint', () => {
    expect(loadMetricsConfig({})).toBeNull();
    expect(loadMetricsConfig({ METRICS_PORT: ' ' })).toBeNull();
  });

  it('GIVEN a port THEN it listens on loopback unless METRICS_HOST says otherwise', () => {
    expect(loadMetricsConfig({ METRICS_PORT: '9464' })).toEqual({ port: 9464, host: '127.0.0.1' });
    expect(loadMetricsConfig({ METRICS_PORT: '9464', METRICS_HOST: '0.0.0.0' })).toEqual({ port: 9464, host: '0.0.0.0' });
  });

  it('GIVEN a port that is not one THEN the error names METRICS_PORT', () => {
    expect(() => loadMetricsConfig({ METRICS_PORT: 'abc' })).toThrow(/METRICS_PORT/);
    expect(() => loadMetricsConfig({ METRICS_PORT: '70000' })).toThrow(/METRICS_PORT/);
  });
});
