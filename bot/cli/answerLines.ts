import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { isUserFacingError } from '../../ingest/core/errors.js';
import { escapeControls } from '../../ingest/core/logger.js';
import type { Answer } from '../../retrieval/answer/answerQuestion.js';
import { toAnswerJson } from '../../retrieval/answer/formatAnswerJson.js';

/**
 * `npm run ask -- --jsonl`: one question per input line, one JSON object per answer on its own
 * output line, in order, from one loaded index. Blank lines are skipped; a question the bot
 * refuses (too long) gets `{"question", "error"}` and the next line is answered all the same.
 */
export async function answerLines(input: Readable, output: Writable, answer: (question: string) => Promise<Answer>): Promise<void> {
  for await (const line of createInterface({ input, crlfDelay: Infinity })) {
    const question = line.trim();
    if (!question) continue;
    let result: object;
    try {
      result = toAnswerJson(await answer(question));
    } catch (error) {
      if (!isUserFacingError(error)) throw error;
      result = { question, error: error.message };
    }
    // JSON leaves C1 and bidi controls raw; escaped, the line means the same and is inert on a terminal.
    output.write(`${escapeControls(JSON.stringify(result))}\n`);
  }
}
