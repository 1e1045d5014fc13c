import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { listSeedFiles } from './corpus/listSeedFiles.js';
import { changeOneArticle, writeBenchCorpus, type BenchCorpus } from './corpus/writeBenchCorpus.js';
import type { SentencePools } from './corpus/readSentencePools.js';
import { measureDirectory } from './measure/measureDirectory.js';
import { summarizeLatencies } from './measure/summarizeLatencies.js';
import type { PhaseRequest } from './runPhase.js';
import { spawnPhase, type PhaseOutcome } from './spawnPhase.js';
import {
  PASSAGE_MAX_CHARS,
  PASSAGE_OVERLAP_CHARS,
  type BenchPaths,
  type BenchSystem,
  type IngestFigures,
  type ServeFigures,
} from './systems/benchSystem.js';
import { lancedbSystem } from './systems/lancedbSystem.js';
import { langchainSystem } from './systems/langchainSystem.js';
import { oursSystem } from './systems/oursSystem.js';

export const SYSTEM_NAMES = ['ours', 'langchain', 'lancedb'] as const;
export type SystemName = (typeof SYSTEM_NAMES)[number];
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
  queryP50Ms: number | null;
  queryP95Ms: number | null;
  queryP99Ms: number | null;
  servePeakRssMb: number | null;
  diskMb: number | null;
  recallAt10: number | null;
  /** Phases that gave no figures and why ("did not finish in 30 min", "failed (exit 134: …)"); empty when every phase finished. */
  unfinished: Partial<Record<PhaseName, string>>;
};

export type SizeResult = {
  target: number;
  budgetMinutes: number;
  corpus: Omit<BenchCorpus, 'questions' | 'seedsDir'>;
  changedArticle: string;
} & Record<SystemName, SystemFigures>;

const SYSTEMS: Record<SystemName, BenchSystem> = { ours: oursSystem, langchain: langchainSystem, lancedb: lancedbSystem };

type Outcomes = {
  ingest: PhaseOutcome<IngestFigures>;
  reingest: PhaseOutcome<IngestFigures>;
  /** Absent for a system without a watch mode (the recipe). */
  warm?: PhaseOutcome<IngestFigures>;
  serve: PhaseOutcome<ServeFigures>;
  recall: PhaseOutcome<{ recall: number }>;
};

const NO_INDEX: PhaseOutcome<never> = { ok: false, reason: 'not run (no index)' };

/**
 * One size of the benchmark: a generated corpus in a temp folder, every system's full ingest and
 * recall, one article changed, every system's re-ingest, then load and warm queries. Every phase
 * runs in a process of its own (peak RSS per phase) within `budgetMinutes`; a system whose full
 * ingest does not finish is not asked for the rest. The folder is removed afterwards.
 */
export async function runSize(
  target: number,
  pools: SentencePools,
  budgetMinutes: number,
  log: (line: string) => void,
): Promise<SizeResult> {
  const root = await mkdtemp(join(tmpdir(), 'newsdesk-bench-'));
  try {
    const seedsDir = join(root, 'seeds');
    log(`${target} passages: generating the corpus in ${root}`);
    const corpus = await writeBenchCorpus(seedsDir, pools, target, { maxChars: PASSAGE_MAX_CHARS, overlapChars: PASSAGE_OVERLAP_CHARS });
    const questionsFile = join(root, 'questions.json');
    await writeFile(questionsFile, JSON.stringify(corpus.questions));
    const paths = (system: SystemName): BenchPaths => ({ seedsDir, indexDir: join(root, `index-${system}`) });
    const phase = async <T>(system: SystemName, name: PhaseRequest['phase'], changedArticle?: string): Promise<PhaseOutcome<T>> => {
      log(`${target} passages: ${system} ${name}`);
      const request = { system, phase: name, ...paths(system), questionsFile, ...(changedArticle ? { changedArticle } : {}) };
      const outcome = await spawnPhase<T>(request, budgetMinutes);
      if (!outcome.ok) log(`${target} passages: ${system} ${name} ${outcome.reason}`);
      return outcome;
    };
    const each = async <T>(run: (system: SystemName) => Promise<PhaseOutcome<T>>) => {
      const outcomes = {} as Record<SystemName, PhaseOutcome<T>>;
      for (const system of SYSTEM_NAMES) outcomes[system] = await run(system);
      return outcomes;
    };

    const full = await each((s) => phase<IngestFigures>(s, 'ingest'));
    const indexed = (s: SystemName) => full[s].ok;
    const recall = await each((s) => (indexed(s) ? phase<{ recall: number }>(s, 'recall') : Promise.resolve(NO_INDEX)));
    const files = await listSeedFiles(seedsDir);
    const changedArticle = files[Math.floor(files.length / 2)]!;
    await changeOneArticle(seedsDir, changedArticle, 1);
    const again = await each((s) => (indexed(s) ? phase<IngestFigures>(s, 'ingest') : Promise.resolve(NO_INDEX)));
    const watched = await each((s) =>
      !SYSTEMS[s].reingestWarm
        ? Promise.resolve(again[s])
        : indexed(s)
          ? phase<IngestFigures>(s, 'reingest-warm', changedArticle)
          : Promise.resolve(NO_INDEX),
    );
    const serve = await each((s) => (indexed(s) ? phase<ServeFigures>(s, 'serve') : Promise.resolve(NO_INDEX)));

    const figures = async (s: SystemName): Promise<SystemFigures> => {
      const outcomes: Outcomes = { ingest: full[s], reingest: again[s], warm: watched[s], serve: serve[s], recall: recall[s] };
      const disk = indexed(s) ? (await measureDirectory(await SYSTEMS[s].indexFiles(paths(s)))) / 1024 / 1024 : null;
      return collectFigures(outcomes, disk);
    };
    const { questions: _questions, seedsDir: _seedsDir, ...corpusFigures } = corpus;
    return {
      target,
      budgetMinutes,
      corpus: corpusFigures,
      changedArticle,
      ours: await figures('ours'),
      langchain: await figures('langchain'),
      lancedb: await figures('lancedb'),
    };
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

function collectFigures(o: Outcomes, diskMb: number | null): SystemFigures {
  const ingest = o.ingest.ok ? o.ingest.figures : null;
  const reingest = o.reingest.ok ? o.reingest.figures : null;
  const warm = o.warm?.ok ? o.warm.figures : null;
  const serve = o.serve.ok ? o.serve.figures : null;
  const latency = serve ? summarizeLatencies(serve.latenciesMs) : null;
  const unfinished: SystemFigures['unfinished'] = {};
  for (const [name, outcome] of [
    ['ingest', o.ingest],
    ['reingest', o.reingest],
    ['reingest-warm', o.warm],
    ['serve', o.serve],
    ['recall', o.recall],
  ] as const) {
    if (outcome && !outcome.ok) unfinished[name] = outcome.reason;
  }
  const rss = [ingest?.maxRssMb, reingest?.maxRssMb].filter((v) => v !== undefined);
  return {
    passages: ingest?.passages ?? null,
    ingestSeconds: ingest?.seconds ?? null,
    ingestPassagesPerSecond: ingest ? ingest.passages / ingest.seconds : null,
    ingestPeakRssMb: rss.length > 0 ? Math.max(...rss) : null,
    reingestSeconds: reingest?.seconds ?? null,
    reingestEmbedded: reingest?.embedded ?? null,
    reingestWarmSeconds: warm?.seconds ?? null,
    loadSeconds: serve?.loadSeconds ?? null,
    queryP50Ms: latency?.p50 ?? null,
    queryP95Ms: latency?.p95 ?? null,
    queryP99Ms: latency?.p99 ?? null,
    servePeakRssMb: serve?.maxRssMb ?? null,
    diskMb,
    recallAt10: o.recall.ok ? o.recall.figures.recall : null,
    unfinished,
  };
}
