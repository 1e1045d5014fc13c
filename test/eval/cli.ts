import { parseArgs } from 'node:util';
import { z } from 'zod';
import { parseCommandLine, runCli, UsageError } from '../../ingest/core/runCli.js';
import { evaluateTracks } from './evaluateTracks.js';
import { formatResultsJson, formatResultsTable } from './formatResults.js';
import { listTracks } from './readTrack.js';

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
  const args = parseCommandLine(
    argsSchema,
    USAGE,
    () => parseArgs({ options: { data: { type: 'string' }, track: { type: 'string' }, json: { type: 'boolean' } }, strict: true }).values,
  );
  const available = await listTracks(args.data);
  if (args.track && !available.includes(args.track)) {
    throw new UsageError(`no track "${args.track}" in ${args.data} (found: ${available.join(', ') || 'none'})`);
  }
  const names = args.track ? [args.track] : available;
  if (names.length === 0) {
    throw new UsageError(`no tracks in ${args.data}: expected folders holding corpus.jsonl and questions.jsonl`);
  }
  const results = await evaluateTracks(args.data, names, available, (track) => {
    if (!args.json) process.stderr.write(`${track.name}: ${track.corpus.length} documents, ${track.questions.length} questions…\n`);
  });
  if (args.json) {
    process.stdout.write(`${formatResultsJson(results)}\n`);
  } else {
    process.stdout.write(`${formatResultsTable(results)}\n`);
  }
  return 0;
}

process.exitCode = await runCli(main, { failure: 'eval failed' });
