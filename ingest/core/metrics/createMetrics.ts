import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/**
 * The Prometheus metrics of a newsdesk process, behind small functions the front-ends and the
 * ingest call, so none of them needs to know prom-client. Names follow Prometheus conventions:
 * base units (seconds), `_total` counters, outcomes as a label.
 */

export type AnswerOutcome = 'answered' | 'no_answer' | 'rejected' | 'failed';
export type IngestOutcome = 'committed' | 'unchanged' | 'failed';

export type Metrics = {
  registry: Registry;
  /** A question was handled: how long it took and how it ended. */
  recordAnswer(seconds: number, outcome: AnswerOutcome): void;
  /** An ingest run ended. */
  recordIngestRun(seconds: number, outcome: IngestOutcome): void;
  /** The index being served or just written. */
  setIndexSize(size: { passages: number; articles: number }): void;
  /** The Discord gateway's heartbeat round trip (discord.js `client.ws.ping`, in milliseconds). */
  setGatewayLatency(milliseconds: number): void;
};

/** Answers take milliseconds when warm; the top buckets catch a swap or a cold start. */
const ANSWER_BUCKETS = [0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];
/** From a no-op re-ingest (a fraction of a second) to a full build of a large archive. */
const INGEST_BUCKETS = [0.1, 0.5, 1, 2, 5, 10, 30, 60, 120, 300, 600, 1800];

export function createMetrics({ processMetrics = true }: { processMetrics?: boolean } = {}): Metrics {
  const registry = new Registry();
  if (processMetrics) collectDefaultMetrics({ register: registry, prefix: 'newsdesk_' });
  const questions = new Counter({
    name: 'newsdesk_questions_total',
    help: 'Questions handled, by outcome: answered, no_answer (nothing relevant found), rejected (empty or too long), failed.',
    labelNames: ['outcome'] as const,
    registers: [registry],
  });
  const answerLatency = new Histogram({
    name: 'newsdesk_answer_latency_seconds',
    help: 'Time to answer a question (retrieval and answer), whatever the outcome.',
    buckets: ANSWER_BUCKETS,
    registers: [registry],
  });
  const ingestRuns = new Counter({
    name: 'newsdesk_ingest_runs_total',
    help: 'Ingest runs, by outcome: committed (a new generation went live), unchanged, failed.',
    labelNames: ['outcome'] as const,
    registers: [registry],
  });
  const ingestDuration = new Histogram({
    name: 'newsdesk_ingest_duration_seconds',
    help: 'Duration of ingest runs.',
    buckets: INGEST_BUCKETS,
    registers: [registry],
  });
  const passages = new Gauge({ name: 'newsdesk_passages_indexed', help: 'Passages in the index.', registers: [registry] });
  const articles = new Gauge({ name: 'newsdesk_articles_indexed', help: 'Articles in the index.', registers: [registry] });
  const gatewayLatency = new Gauge({
    name: 'newsdesk_discord_gateway_latency_seconds',
    help: 'Discord gateway heartbeat round trip.',
    registers: [registry],
  });
  // Counters with labels appear only once used; zero them so dashboards and rate() see every series from the start.
  for (const outcome of ['answered', 'no_answer', 'rejected', 'failed'] as const) questions.inc({ outcome }, 0);
  for (const outcome of ['committed', 'unchanged', 'failed'] as const) ingestRuns.inc({ outcome }, 0);

  return {
    registry,
    recordAnswer(seconds, outcome) {
      questions.inc({ outcome });
      answerLatency.observe(seconds);
    },
    recordIngestRun(seconds, outcome) {
      ingestRuns.inc({ outcome });
      ingestDuration.observe(seconds);
    },
    setIndexSize(size) {
      passages.set(size.passages);
      articles.set(size.articles);
    },
    setGatewayLatency(milliseconds) {
      // discord.js reports -1 before the first heartbeat: no figure is better than a wrong one.
      if (milliseconds >= 0) gatewayLatency.set(milliseconds / 1000);
    },
  };
}
