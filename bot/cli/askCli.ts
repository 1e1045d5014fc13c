import { parseArgs } from 'node:util';
import { z } from 'zod';
import { loadPipelineConfig } from '../../ingest/core/config.js';
import { escapeControls, type Logger } from '../../ingest/core/logger.js';
import { parseCommandLine, runCli } from '../../ingest/core/runCli.js';
import { createEmbedderSource } from '../../ingest/embed/createEmbedderSource.js';
import { loadEmbeddingsConfig } from '../../ingest/embed/embeddingsConfig.js';
import { stripControls } from '../../ingest/text/stripControls.js';
import { toAnswerJson } from '../../retrieval/answer/formatAnswerJson.js';
import { formatAnswerText } from '../../retrieval/answer/formatAnswerText.js';
import { formatGlossText, glossAnswer } from '../../retrieval/answer/glossAnswer.js';
import { loadAnswerConfig } from '../../retrieval/answer/llm/answerConfig.js';
import { createAnswerer } from '../../retrieval/answer/llm/createAnswerer.js';
import { loadIndex } from '../../retrieval/open/loadIndex.js';
import { answerLines } from './answerLines.js';

const USAGE =
  'usage: npm run ask -- [--json] [--gloss] [--since YYYY-MM-DD] [--until YYYY-MM-DD] "<question>"  |  npm run ask -- --jsonl [--since …] [--until …] < questions.txt';
const isoDate = z.iso.date({ error: 'expected a date as YYYY-MM-DD' });
const argsSchema = z
  .object({
    json: z.boolean().default(false),
    gloss: z.boolean().default(false),
    jsonl: z.boolean().default(false),
    since: isoDate.optional(),
    until: isoDate.optional(),
    question: z.string().trim(),
  })
  .refine((a) => a.jsonl || a.question.length > 0, { message: 'a question is required', path: ['question'] })
  .refine((a) => !a.jsonl || a.question.length === 0, {
    message: '--jsonl reads its questions from stdin, one per line',
    path: ['question'],
  });

/** `npm run ask`: answers one question and exits; `--json` prints the machine-readable contract, `--jsonl` answers stdin's lines. */
async function main(logger: Logger): Promise<number> {
  const args = parseCommandLine(argsSchema, USAGE, () => {
    const { values, positionals } = parseArgs({
      options: {
        json: { type: 'boolean' },
        gloss: { type: 'boolean' },
        jsonl: { type: 'boolean' },
        since: { type: 'string' },
        until: { type: 'string' },
      },
      allowPositionals: true,
    });
    return { ...values, question: positionals.join(' ') };
  });
  const answerQuestion = createAnswerer(loadAnswerConfig(), { logger });
  // A reader never writes: a missing or damaged index is said so (INDEX_MISSING, INDEX_DAMAGED: run `npm run ingest`), not rebuilt here.
  const index = await loadIndex(loadPipelineConfig(), createEmbedderSource(loadEmbeddingsConfig(), { logger }));
  const range = { ...(args.since ? { since: args.since } : {}), ...(args.until ? { until: args.until } : {}) };
  if (args.jsonl) {
    await answerLines(process.stdin, process.stdout, (question) => answerQuestion(index, question, range));
    return 0;
  }
  const answer = await answerQuestion(index, args.question, range);
  // --gloss: the word-for-word English gloss of the quoted foreign text, after the answer.
  const gloss = args.gloss ? glossAnswer(answer) : [];
  if (args.json) {
    const glossJson = args.gloss ? { gloss: gloss.map((p) => ({ n: p.n, language: p.language, gloss: p.gloss.text })) } : {};
    process.stdout.write(`${escapeControls(JSON.stringify({ ...toAnswerJson(answer), ...glossJson }))}\n`);
  } else {
    // The answer quotes articles: no escape sequence in them reaches the reader's terminal.
    process.stdout.write(`${stripControls([formatAnswerText(answer), formatGlossText(gloss)].filter(Boolean).join('\n\n'))}\n`);
  }
  return 0;
}

process.exitCode = await runCli(main, { failure: 'ask failed' });
