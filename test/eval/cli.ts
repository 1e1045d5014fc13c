import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { evaluateTrack, type TrackResult } from './evaluateTrack.js';
import { formatResultsTable } from './formatResults.js';
import { listTracks, readTrack } from './readTrack.js';

const USAGE = 'usage: npm run eval -- --data <dir> [--track <name>] [--json]';
const argsSchema = z.object({
  data: z.string({ error: '--data <dir> is required' }).min(1, '--data <dir> is required'),
  track: z.string().min(1).optional(),
  json: z.boolean().default(false),
});

/**
 * `npm run eval`: builds a bot index from every track in the data folder (or the one named) and
 * reports retrieval quality. `--json` prints exactly one JSON object on stdout.
 */
async function main(): Promise<number> {
  let args: z.infer<typeof argsSchema>;
  try {
    const { values } = parseArgs({ options: { data: { type: 'string' }, track: { type: 'string' }, json: { type: 'boolean' } }, strict: true });
    args = argsSchema.parse(values);
  } catch (error) {
    const detail = error instanceof z.ZodError ? z.prettifyError(error) : (error as Error).message;
    process.stderr.write(`${detail}\n${USAGE}\n`);
    return 2;
  }
  try {
    const available = await listTracks(args.data);
    if (args.track && !available.includes(args.track)) {
      process.stderr.write(`no track "${args.track}" in ${args.data} (found: ${available.join(', ') || 'none'})\n`);
      return 2;
    }
    const names = args.track ? [args.track] : available;
    if (names.length === 0) {
      process.stderr.write(`no tracks in ${args.data}: expected folders holding corpus.jsonl and questions.jsonl\n`);
      return 2;
    }
    const results: TrackResult[] = [];
    for (const name of names) {
      const track = await readTrack(join(args.data, name), name);
      if (!args.json) process.stderr.write(`${name}: ${track.corpus.length} documents, ${track.questions.length} questions…\n`);
      results.push(await evaluateTrack(track));
    }
    if (args.json) {
      const tracks = results.map(({ track, docs, questions, r1, r5, mrr10, answerInCited, p50ms, p95ms }) => ({ track, docs, questions, r1, r5, mrr10, answerInCited, p50ms, p95ms }));
      process.stdout.write(`${JSON.stringify({ tracks })}\n`);
    } else {
      process.stdout.write(`${formatResultsTable(results)}\n`);
    }
    return 0;
  } catch (error) {
    process.stderr.write(`eval failed: ${(error as Error).message}\n`);
    return 1;
  }
}

process.exitCode = await main();
