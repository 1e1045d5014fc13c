import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { changeOneArticle } from './corpus/writeBenchCorpus.js';
import { SYSTEM_NAMES } from './systemNames.js';
import type { BenchSystem } from './systems/benchSystem.js';

/**
 * One phase of the benchmark in a process of its own, so its peak RSS is its own: prints one
 * JSON line with the phase's figures and `maxRssMb`. Started by `spawnPhase`.
 */

export const phaseRequestSchema = z.object({
  system: z.enum(SYSTEM_NAMES),
  phase: z.enum(['ingest', 'reingest-warm', 'serve', 'recall']),
  seedsDir: z.string(),
  indexDir: z.string(),
  indexUrl: z.string().optional(),
  questionsFile: z.string(),
  /** For reingest-warm: the article to change once the index is in memory. */
  changedArticle: z.string().optional(),
});
export type PhaseRequest = z.infer<typeof phaseRequestSchema>;

/** Only the system under test is imported: another's modules (LanceDB's native library) would count in this phase's RSS. */
const systems: Record<PhaseRequest['system'], () => Promise<BenchSystem>> = {
  ours: async () => (await import('./systems/oursSystem.js')).oursSystem,
  langchain: async () => (await import('./systems/langchainSystem.js')).langchainSystem,
  lancedb: async () => (await import('./systems/lancedbSystem.js')).lancedbSystem,
};

async function runPhase(request: PhaseRequest): Promise<Record<string, unknown>> {
  const system = await systems[request.system]();
  const paths = { seedsDir: request.seedsDir, indexDir: request.indexDir, ...(request.indexUrl ? { indexUrl: request.indexUrl } : {}) };
  const questions = z.array(z.string()).parse(JSON.parse(await readFile(request.questionsFile, 'utf8')));
  if (request.phase === 'ingest') return system.ingest(paths);
  if (request.phase === 'serve') return system.serve(paths, questions);
  if (request.phase === 'reingest-warm') {
    if (!system.reingestWarm || !request.changedArticle)
      throw new Error(`${request.system} has no watch mode, or no article to change was given`);
    return system.reingestWarm(paths, () => changeOneArticle(paths.seedsDir, request.changedArticle!, 2));
  }
  return { recall: await system.recall(paths, questions) };
}

const figures = await runPhase(phaseRequestSchema.parse(JSON.parse(process.argv[2] ?? '{}')));
process.stdout.write(`${JSON.stringify({ ...figures, maxRssMb: process.resourceUsage().maxRSS / 1024 })}\n`);
