import { parseArgs } from 'node:util';
import { z } from 'zod';
import { loadPipelineConfig } from '../core/config.js';
import { parseCommandLine, runCli } from '../core/runCli.js';
import { formatInspection } from './inspect/formatInspection.js';
import { inspectSeed } from './inspect/inspectSeed.js';

const INSPECT_USAGE = 'usage: npm run inspect -- [--json] <file>…';

const argsSchema = z.object({
  json: z.boolean().default(false),
  files: z.array(z.string().min(1)).min(1, 'name at least one file'),
});

/**
 * `npm run inspect`: what ingest makes of each file named — charset, title, publisher, date, URL,
 * language and where each came from, the kept text, the passages, what was stripped and why —
 * without touching the index. `--json`: one JSON object per file, one per line. Exits 1 when a
 * file would be skipped (the others are still shown).
 */
async function main(): Promise<number> {
  const args = parseCommandLine(argsSchema, INSPECT_USAGE, () => {
    const { values, positionals } = parseArgs({
      args: process.argv.slice(2),
      options: { json: { type: 'boolean' } },
      allowPositionals: true,
      strict: true,
    });
    return { json: values.json, files: positionals };
  });
  const config = loadPipelineConfig();
  const split = { maxChars: config.passageMaxChars, overlapChars: config.passageOverlapChars };
  let skipped = 0;
  for (const [i, file] of args.files.entries()) {
    const inspection = inspectSeed(file, { maxBytes: config.maxSeedBytes, split });
    if (inspection.skipped) skipped++;
    process.stdout.write(args.json ? `${JSON.stringify(inspection)}\n` : `${i > 0 ? '\n' : ''}${formatInspection(inspection)}\n`);
  }
  return skipped > 0 ? 1 : 0;
}

process.exitCode = await runCli(main, { failure: 'inspect failed' });
