import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { collectBackendFigures, collectFigures, mergeServes, summarize, type SystemFigures } from './collectFigures.js';
import { listSeedFiles } from './corpus/listSeedFiles.js';
import { changeOneArticle, writeBenchCorpus, type BenchCorpus } from './corpus/writeBenchCorpus.js';
import type { SentencePools } from './corpus/readSentencePools.js';
import type { BackendComparison } from './formatBackendTable.js';
import { measureDatabase } from './measure/measureDatabase.js';
import { measureDirectory } from './measure/measureDirectory.js';
import type { PhaseRequest } from './runPhase.js';
import { spawnPhase, type PhaseOutcome } from './spawnPhase.js';
import { SYSTEM_NAMES, type SystemName } from './systemNames.js';
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

export type { PhaseName, SystemFigures } from './collectFigures.js';

export type SizeResult = {
  target: number;
  budgetMinutes: number;
  corpus: Omit<BenchCorpus, 'questions' | 'seedsDir'>;
  changedArticle: string;
  /** With `--backend postgres`: ours on a local directory and on PostgreSQL, side by side. */
  backends?: BackendComparison;
} & Record<SystemName, SystemFigures>;

export type SizeOptions = {
  budgetMinutes: number;
  /** The systems to measure (`--systems`); the others are reported as not run. */
  systems: readonly SystemName[];
  /** A fresh database for ours' index on PostgreSQL (`--backend postgres`). */
  postgresUrl?: string;
};

const SYSTEMS: Record<SystemName, BenchSystem> = { ours: oursSystem, langchain: langchainSystem, lancedb: lancedbSystem };
/** Serving processes at once for the concurrent query figures: two per core here. */
const CONCURRENT_PROCESSES = 4;

const NO_INDEX = { ok: false, reason: 'not run (no index)' } as const;
const skipped = () => Promise.resolve(NO_INDEX);
const NOT_ASKED = { ok: false, reason: 'not run (--systems)' } as const;

/**
 * One size of the benchmark: a generated corpus in a temp folder, every system's full ingest and
 * recall, one article changed, every system's re-ingest, then load and warm queries. Every phase
 * runs in a process of its own (peak RSS per phase) within the budget; a system whose full
 * ingest does not finish is not asked for the rest. The folder is removed afterwards.
 */
export async function runSize(
  target: number,
  pools: SentencePools,
  options: SizeOptions,
  log: (line: string) => void,
): Promise<SizeResult> {
  const { budgetMinutes, postgresUrl, systems } = options;
  const root = await mkdtemp(join(tmpdir(), 'newsdesk-bench-'));
  try {
    const seedsDir = join(root, 'seeds');
    log(`${target} passages: generating the corpus in ${root}`);
    const corpus = await writeBenchCorpus(seedsDir, pools, target, { maxChars: PASSAGE_MAX_CHARS, overlapChars: PASSAGE_OVERLAP_CHARS });
    const questionsFile = join(root, 'questions.json');
    await writeFile(questionsFile, JSON.stringify(corpus.questions));
    const paths = (system: SystemName): BenchPaths => ({ seedsDir, indexDir: join(root, `index-${system}`) });
    const onPostgres: BenchPaths | null = postgresUrl ? { ...paths('ours'), indexUrl: postgresUrl } : null;
    const phase = async <T>(
      system: SystemName,
      name: PhaseRequest['phase'],
      { at = paths(system), label = system, changedArticle }: { at?: BenchPaths; label?: string; changedArticle?: string } = {},
    ): Promise<PhaseOutcome<T>> => {
      log(`${target} passages: ${label} ${name}`);
      const request = { system, phase: name, ...at, questionsFile, ...(changedArticle ? { changedArticle } : {}) };
      const outcome = await spawnPhase<T>(request, budgetMinutes);
      // Each phase's figures as they come: a long run stopped before its table still leaves them.
      log(`${target} passages: ${label} ${name} ${outcome.ok ? summarize(outcome.figures) : outcome.reason}`);
      return outcome;
    };
    const each = async <T>(run: (system: SystemName) => Promise<PhaseOutcome<T>>) => {
      const outcomes = {} as Record<SystemName, PhaseOutcome<T>>;
      for (const system of SYSTEM_NAMES) outcomes[system] = await run(system);
      return outcomes;
    };
    const onDatabase = <T>(name: PhaseRequest['phase']) => phase<T>('ours', name, { at: onPostgres!, label: 'ours on PostgreSQL' });

    const full = await each((s) => (systems.includes(s) ? phase<IngestFigures>(s, 'ingest') : Promise.resolve(NOT_ASKED)));
    const fullDb = onPostgres ? await onDatabase<IngestFigures>('ingest') : NO_INDEX;
    const indexed = (s: SystemName) => full[s].ok;
    const recall = await each((s) => (indexed(s) ? phase<{ recall: number }>(s, 'recall') : skipped()));
    const files = await listSeedFiles(seedsDir);
    const changedArticle = files[Math.floor(files.length / 2)]!;
    await changeOneArticle(seedsDir, changedArticle, 1);
    const again = await each((s) => (indexed(s) ? phase<IngestFigures>(s, 'ingest') : skipped()));
    const againDb = fullDb.ok ? await onDatabase<IngestFigures>('ingest') : NO_INDEX;
    const watched = await each((s) =>
      !SYSTEMS[s].reingestWarm
        ? Promise.resolve(again[s])
        : indexed(s)
          ? phase<IngestFigures>(s, 'reingest-warm', { changedArticle })
          : skipped(),
    );
    const serve = await each((s) => (indexed(s) ? phase<ServeFigures>(s, 'serve') : skipped()));
    const diskOf = async (s: SystemName) =>
      indexed(s) ? (await measureDirectory(await SYSTEMS[s].indexFiles(paths(s)))) / 1024 / 1024 : null;

    let backends: BackendComparison | undefined;
    if (onPostgres) {
      const serveDb = fullDb.ok ? await onDatabase<ServeFigures>('serve') : NO_INDEX;
      const together = async (at: BenchPaths, label: string, ready: boolean) => {
        if (!ready) return NO_INDEX;
        const many = Array.from({ length: CONCURRENT_PROCESSES }, () => phase<ServeFigures>('ours', 'serve', { at, label }));
        return mergeServes(await Promise.all(many));
      };
      const localTogether = await together(paths('ours'), `ours × ${CONCURRENT_PROCESSES}`, indexed('ours'));
      const dbTogether = await together(onPostgres, `ours on PostgreSQL × ${CONCURRENT_PROCESSES}`, fullDb.ok);
      backends = {
        processes: CONCURRENT_PROCESSES,
        local: collectBackendFigures({ ingest: full.ours, reingest: again.ours, serve: serve.ours }, localTogether, await diskOf('ours')),
        postgres: collectBackendFigures(
          { ingest: fullDb, reingest: againDb, serve: serveDb },
          dbTogether,
          fullDb.ok ? (await measureDatabase(postgresUrl!)) / 1024 / 1024 : null,
        ),
      };
    }

    const figures = async (s: SystemName) =>
      collectFigures({ ingest: full[s], reingest: again[s], warm: watched[s], serve: serve[s], recall: recall[s] }, await diskOf(s));
    const { questions: _questions, seedsDir: _seedsDir, ...corpusFigures } = corpus;
    return {
      target,
      budgetMinutes,
      corpus: corpusFigures,
      changedArticle,
      ours: await figures('ours'),
      langchain: await figures('langchain'),
      lancedb: await figures('lancedb'),
      ...(backends ? { backends } : {}),
    };
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}
