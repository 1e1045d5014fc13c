import { cpus, loadavg } from 'node:os';
import { OFFLINE_DIMENSIONS } from '../../ingest/embed/offlineEmbeddings.js';
import { readSentencePools } from './corpus/readSentencePools.js';
import { formatBackendTable } from './formatBackendTable.js';
import { formatBenchTable } from './formatBenchTable.js';
import { parseBenchArgs, type BenchArgs } from './parseBenchArgs.js';
import { runBenchSize } from './runBenchSize.js';
import type { SizeResult } from './runSize.js';
import { PROJECT_SEEDS } from '../helpers/tempWorkspace.js';

/**
 * `npm run bench -- [--passages N] [--budget-minutes M] [--backend local|postgres] [--systems …] [--json]`: newsdesk against two peers, the
 * usual LangChain.js recipe and LanceDB, on the same generated corpus with the same offline
 * embedder, at 1k, 10k and 100k passages. Prints figures only; nothing here is a pass/fail test.
 */

const EVAL_DIR = process.env.NEWSDESK_EVAL_DIR ?? '/work/shared/eval';

const BASELINE_NOTE =
  'LangChain recipe: DirectoryLoader-style file loading, RecursiveCharacterTextSplitter (@langchain/textsplitters, chunk 700, overlap 150), ' +
  'and a direct hnswlib-node equivalent of @langchain/community HNSWLib (fromDocuments, save as hnswlib.index + args.json + docstore.json, load, similaritySearch k=4): ' +
  '@langchain/community cannot be installed here (its peer @browserbasehq/stagehand wants zod ^3, the project uses zod 4). ' +
  "LanceDB 0.31 (@lancedb/lancedb): the recipe's files and splitter, one table with a full-text index (Index.fts(), its default analyzer) and an IVF_HNSW_SQ vector index " +
  "(cosine, LanceDB's defaults: m 20, efConstruction 300, search ef 1.5 × limit), answered by its hybrid query (fullTextSearch + nearestTo, RRFReranker, limit 3 as ours); re-ingest finds changed files by mtime and size, " +
  'deletes and adds their rows and optimizes (indexes the new rows, drops old versions); load is open + the first query. ' +
  `Every system uses the offline embedder (${OFFLINE_DIMENSIONS} dimensions). Our query time includes retrieval and the extractive answer; the peers' is retrieval only.`;

function describeMachine(): string {
  const cpu = cpus();
  return `node ${process.version}, ${cpu.length} × ${cpu[0]?.model ?? 'unknown CPU'}, load average ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')} at start`;
}

async function main(args: BenchArgs): Promise<void> {
  const log = (line: string) => process.stderr.write(`${new Date().toISOString().slice(11, 19)} ${line}\n`);
  const pools = await readSentencePools(PROJECT_SEEDS, EVAL_DIR);
  const sources =
    pools.origins.length > 1 ? `seeds/ and ${pools.origins.length - 1} eval tracks in ${EVAL_DIR}` : `seeds/ only (${EVAL_DIR} not found)`;
  const machine = describeMachine();
  if (args.json) {
    const results: SizeResult[] = [];
    for (const size of args.sizes) results.push(await runBenchSize(size, pools, args, log));
    process.stdout.write(`${JSON.stringify({ machine, sentences: sources, baseline: BASELINE_NOTE, results }, null, 2)}\n`);
    return;
  }
  process.stdout.write(
    `newsdesk bench — ${machine}\nCorpus sentences from ${sources} (id ${pools.id.length}, ar ${pools.ar.length}, en ${pools.en.length}).\n${BASELINE_NOTE}\n\n`,
  );
  // Each size's table as soon as it is measured: a long run interrupted later still leaves its figures.
  for (const size of args.sizes) {
    const result = await runBenchSize(size, pools, args, log);
    process.stdout.write(`${formatBenchTable(result)}\n\n`);
    if (result.backends) process.stdout.write(`${formatBackendTable(result)}\n\n`);
  }
}

let args: BenchArgs;
try {
  args = parseBenchArgs(process.argv.slice(2));
} catch (error) {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exit(2);
}
await main(args);
