import type { BackendFigures, LatencyFigures } from './formatBackendTable.js';
import { summarizeLatencies } from './measure/summarizeLatencies.js';
import type { PhaseOutcome } from './spawnPhase.js';
import type { IngestFigures, ServeFigures } from './systems/benchSystem.js';

/** The measured steps; `reingest` is the second `ingest` process, after one article changed. */
export type PhaseName = 'ingest' | 'reingest' | 'reingest-warm' | 'serve' | 'recall';

/** A figure is null when the phase it comes from gave none; `unfinished` then says why. */
export type SystemFigures = {
  passages: number | null;
  ingestSeconds: number | null;
  ingestPassagesPerSecond: number | null;
  ingestPeakRssMb: number | null;
  reingestSeconds: number | null;
  reingestEmbedded: number | null;
  /** Re-ingest of a second change with the index kept in memory (watch mode); the recipe rebuilds, so its figure is its rebuild. */
  reingestWarmSeconds: number | null;
  loadSeconds: number | null;
  /** Load and the first question answered: when a served index is first of use (a lazily opened one pays on that question). */
  firstAnswerSeconds: number | null;
  queryP50Ms: number | null;
  queryP95Ms: number | null;
  queryP99Ms: number | null;
  servePeakRssMb: number | null;
  diskMb: number | null;
  recallAt10: number | null;
  /** Phases that gave no figures and why ("did not finish in 30 min", "failed (exit 134: …)"); empty when every phase finished. */
  unfinished: Partial<Record<PhaseName, string>>;
};

export type Outcomes = {
  ingest: PhaseOutcome<IngestFigures>;
  reingest: PhaseOutcome<IngestFigures>;
  /** Absent for a system without a watch mode (the recipe). */
  warm?: PhaseOutcome<IngestFigures>;
  serve: PhaseOutcome<ServeFigures>;
  recall: PhaseOutcome<{ recall: number }>;
};

const figuresOf = <T>(outcome: PhaseOutcome<T> | undefined) => (outcome?.ok ? outcome.figures : null);

function reasons(named: [string, PhaseOutcome<unknown> | undefined][]): Record<string, string> {
  const unfinished: Record<string, string> = {};
  for (const [name, outcome] of named) if (outcome && !outcome.ok) unfinished[name] = outcome.reason;
  return unfinished;
}

export function collectFigures(o: Outcomes, diskMb: number | null): SystemFigures {
  const ingest = figuresOf(o.ingest);
  const reingest = figuresOf(o.reingest);
  const serve = figuresOf(o.serve);
  const latency = serve ? summarizeLatencies(serve.latenciesMs) : null;
  const rss = [ingest?.maxRssMb, reingest?.maxRssMb].filter((v) => v !== undefined);
  return {
    passages: ingest?.passages ?? null,
    ingestSeconds: ingest?.seconds ?? null,
    ingestPassagesPerSecond: ingest ? ingest.passages / ingest.seconds : null,
    ingestPeakRssMb: rss.length > 0 ? Math.max(...rss) : null,
    reingestSeconds: reingest?.seconds ?? null,
    reingestEmbedded: reingest?.embedded ?? null,
    reingestWarmSeconds: figuresOf(o.warm)?.seconds ?? null,
    loadSeconds: serve?.loadSeconds ?? null,
    firstAnswerSeconds: serve ? serve.loadSeconds + serve.firstMs / 1000 : null,
    queryP50Ms: latency?.p50 ?? null,
    queryP95Ms: latency?.p95 ?? null,
    queryP99Ms: latency?.p99 ?? null,
    servePeakRssMb: serve?.maxRssMb ?? null,
    diskMb,
    recallAt10: figuresOf(o.recall)?.recall ?? null,
    unfinished: reasons([
      ['ingest', o.ingest],
      ['reingest', o.reingest],
      ['reingest-warm', o.warm],
      ['serve', o.serve],
      ['recall', o.recall],
    ]),
  };
}

const latencyOf = (outcome: PhaseOutcome<ServeFigures>): LatencyFigures | null => {
  const serve = figuresOf(outcome);
  if (!serve) return null;
  const { p50, p95, p99 } = summarizeLatencies(serve.latenciesMs);
  return { p50Ms: p50, p95Ms: p95, p99Ms: p99 };
};

/** One backend's row of `--backend postgres`: ingest, re-ingest, queries from one and from several processes, disk. */
export function collectBackendFigures(
  o: { ingest: PhaseOutcome<IngestFigures>; reingest: PhaseOutcome<IngestFigures>; serve: PhaseOutcome<ServeFigures> },
  concurrent: PhaseOutcome<ServeFigures>,
  diskMb: number | null,
): BackendFigures {
  const ingest = figuresOf(o.ingest);
  return {
    ingestPassagesPerSecond: ingest ? ingest.passages / ingest.seconds : null,
    reingestSeconds: figuresOf(o.reingest)?.seconds ?? null,
    queryOne: latencyOf(o.serve),
    queryConcurrent: latencyOf(concurrent),
    diskMb,
    unfinished: reasons([
      ['ingest', o.ingest],
      ['reingest', o.reingest],
      ['serve', o.serve],
      ['serve-concurrent', concurrent],
    ]),
  };
}

/** Several serving processes' outcomes as one: every latency of all of them, the largest load and RSS; any failure fails it. */
export function mergeServes(outcomes: PhaseOutcome<ServeFigures>[]): PhaseOutcome<ServeFigures> {
  const failed = outcomes.find((o) => !o.ok);
  if (failed) return failed;
  const all = outcomes.map((o) => figuresOf(o)!);
  return {
    ok: true,
    figures: {
      loadSeconds: Math.max(...all.map((f) => f.loadSeconds)),
      firstMs: Math.max(...all.map((f) => f.firstMs)),
      latenciesMs: all.flatMap((f) => f.latenciesMs),
      maxRssMb: Math.max(...all.map((f) => f.maxRssMb)),
    },
  };
}

/** A phase's figures on one line: numbers rounded, lists of latencies counted. */
export function summarize(figures: object): string {
  const entries = Object.entries(figures).map(([key, value]) => [
    key,
    Array.isArray(value) ? `${value.length} values` : typeof value === 'number' ? Number(value.toFixed(3)) : value,
  ]);
  return JSON.stringify(Object.fromEntries(entries));
}
