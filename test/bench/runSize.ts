import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { changeOneArticle, writeBenchCorpus, type BenchCorpus } from './corpus/writeBenchCorpus.js';
import type { SentencePools } from './corpus/readSentencePools.js';
import { measureDirectory } from './measure/measureDirectory.js';
import { summarizeLatencies } from './measure/summarizeLatencies.js';
import { spawnPhase } from './spawnPhase.js';
import { PASSAGE_MAX_CHARS, PASSAGE_OVERLAP_CHARS, type BenchPaths, type IngestFigures, type ServeFigures } from './systems/benchSystem.js';
import { langchainSystem } from './systems/langchainSystem.js';
import { oursSystem } from './systems/oursSystem.js';

export type SystemName = 'ours' | 'langchain';

export type SystemFigures = {
  passages: number;
  ingestSeconds: number;
  ingestPassagesPerSecond: number;
  ingestPeakRssMb: number;
  reingestSeconds: number;
  reingestEmbedded: number;
  /** Re-ingest of a second change with the index kept in memory (watch mode); the recipe rebuilds, so its figure is its rebuild. */
  reingestWarmSeconds: number;
  loadSeconds: number;
  queryP50Ms: number;
  queryP95Ms: number;
  queryP99Ms: number;
  servePeakRssMb: number;
  diskMb: number;
  recallAt10: number;
};

export type SizeResult = { target: number; corpus: Omit<BenchCorpus, 'questions' | 'seedsDir'>; changedArticle: string } & Record<
  SystemName,
  SystemFigures
>;

const SYSTEMS = { ours: oursSystem, langchain: langchainSystem } as const;

/**
 * One size of the benchmark: a generated corpus in a temp folder, both systems' full ingest and
 * recall, one article changed, both systems' re-ingest, then load and warm queries. Every phase
 * runs in a process of its own (peak RSS per phase); the folder is removed afterwards.
 */
export async function runSize(target: number, pools: SentencePools, log: (line: string) => void): Promise<SizeResult> {
  const root = await mkdtemp(join(tmpdir(), 'newsdesk-bench-'));
  try {
    const seedsDir = join(root, 'seeds');
    log(`${target} passages: generating the corpus in ${root}`);
    const corpus = await writeBenchCorpus(seedsDir, pools, target, { maxChars: PASSAGE_MAX_CHARS, overlapChars: PASSAGE_OVERLAP_CHARS });
    const questionsFile = join(root, 'questions.json');
    await writeFile(questionsFile, JSON.stringify(corpus.questions));
    const paths = (system: SystemName): BenchPaths => ({ seedsDir, indexDir: join(root, `index-${system}`) });
    const phase = <T>(system: SystemName, name: 'ingest' | 'reingest-warm' | 'serve' | 'recall', changedArticle?: string) => {
      log(`${target} passages: ${system} ${name}`);
      return spawnPhase<T>({ system, phase: name, ...paths(system), questionsFile, ...(changedArticle ? { changedArticle } : {}) });
    };

    const full = { ours: await phase<IngestFigures>('ours', 'ingest'), langchain: await phase<IngestFigures>('langchain', 'ingest') };
    const recall = {
      ours: await phase<{ recall: number }>('ours', 'recall'),
      langchain: await phase<{ recall: number }>('langchain', 'recall'),
    };
    const files = (await readdir(seedsDir, { recursive: true, withFileTypes: true }))
      .filter((e) => e.isFile())
      .map((e) => relative(seedsDir, join(e.parentPath, e.name)))
      .sort();
    const changedArticle = files[Math.floor(files.length / 2)]!;
    await changeOneArticle(seedsDir, changedArticle, 1);
    const again = { ours: await phase<IngestFigures>('ours', 'ingest'), langchain: await phase<IngestFigures>('langchain', 'ingest') };
    const watched = await phase<IngestFigures>('ours', 'reingest-warm', changedArticle);
    const serve = { ours: await phase<ServeFigures>('ours', 'serve'), langchain: await phase<ServeFigures>('langchain', 'serve') };

    const figures = async (system: SystemName): Promise<SystemFigures> => {
      const latency = summarizeLatencies(serve[system].latenciesMs);
      return {
        passages: full[system].passages,
        ingestSeconds: full[system].seconds,
        ingestPassagesPerSecond: full[system].passages / full[system].seconds,
        ingestPeakRssMb: Math.max(full[system].maxRssMb, again[system].maxRssMb),
        reingestSeconds: again[system].seconds,
        reingestEmbedded: again[system].embedded,
        reingestWarmSeconds: system === 'ours' ? watched.seconds : again[system].seconds,
        loadSeconds: serve[system].loadSeconds,
        queryP50Ms: latency.p50,
        queryP95Ms: latency.p95,
        queryP99Ms: latency.p99,
        servePeakRssMb: serve[system].maxRssMb,
        diskMb: (await measureDirectory(await SYSTEMS[system].indexFiles(paths(system)))) / 1024 / 1024,
        recallAt10: recall[system].recall,
      };
    };
    const { questions: _questions, seedsDir: _seedsDir, ...corpusFigures } = corpus;
    return { target, corpus: corpusFigures, changedArticle, ours: await figures('ours'), langchain: await figures('langchain') };
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}
