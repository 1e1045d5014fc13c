import { createInterface } from 'node:readline/promises';
import type { Readable, Writable } from 'node:stream';
import { isUserFacingError } from '../../ingest/core/errors.js';
import type { Logger } from '../../ingest/core/logger.js';
import { answerQuestion, type Turn } from '../../retrieval/answer/answerQuestion.js';
import type { Answerer } from '../../retrieval/answer/llm/createAnswerer.js';
import { measureAnswer } from '../metrics/measureAnswer.js';
import type { Metrics } from '../../ingest/core/metrics/createMetrics.js';
import { formatAnswerText } from '../../retrieval/answer/formatAnswerText.js';
import type { LoadedIndex } from '../../retrieval/open/loadIndex.js';
import { listSources } from '../../retrieval/listSources.js';
import { cleanLabel, stripControls } from '../../ingest/text/stripControls.js';

const HELP = [
  'Type a question about the articles, e.g. "when did Niger end EU cooperation?"',
  'A follow-up ("and when did the US one end?", "who led it?") is read with the questions before it.',
  '  /new       start a new conversation (forget the questions before)',
  '  /sources   list the ingested articles',
  '  /help      this help',
  '  Ctrl-D     leave',
].join('\n');

/** Turns of the session a follow-up is read with. */
const MAX_TURNS = 5;

export type ConsoleOptions = {
  input: Readable;
  output: Writable;
  logger: Logger;
  metrics: Pick<Metrics, 'recordAnswer'>;
  prompt?: boolean;
  /** How answers are written (ANSWER_MODE); extractive by default. */
  answer?: Answerer;
};

/**
 * The console front-end: one question per line, answered with its citations, until the input
 * ends (Ctrl-D). Works with no Discord token and, piped, as a script.
 */
export async function runConsole(getIndex: () => LoadedIndex, options: ConsoleOptions): Promise<void> {
  const { output, logger, metrics, answer = answerQuestion } = options;
  const rl = createInterface({ input: options.input, output, terminal: options.prompt ?? false });
  // Answers quote articles: no escape sequence in them reaches the reader's terminal.
  const say = (text: string) => output.write(`${stripControls(text)}\n`);
  const index = getIndex();
  say(`newsdesk: ${index.store.sources.size} articles, ${index.store.passageCount} passages. /help for help.`);
  // Piped input (a script) gets answers only; a terminal gets a prompt.
  const prompt = options.prompt ? () => rl.prompt() : () => undefined;
  rl.setPrompt('newsdesk> ');
  prompt();
  // The session is one conversation: follow-ups are read with its recent turns.
  let history: Turn[] = [];
  for await (const line of rl) {
    const input = line.trim();
    if (input === '/help') say(HELP);
    else if (input === '/new') history = [];
    else if (input === '/sources') {
      for (const s of listSources(getIndex()))
        say(
          `${cleanLabel(s.sourceId)}  ${cleanLabel(s.title)} — ${[s.publisher, s.published, s.language].filter(Boolean).map(String).map(cleanLabel).join(' · ')} (${s.passageCount} passages)`,
        );
    } else if (input === '/quit' || input === '/exit') break;
    else if (input.startsWith('/')) say(`Unknown command ${input}. ${HELP}`);
    else if (input) {
      try {
        const answered = await measureAnswer(metrics, () => answer(getIndex(), input, { history }));
        history = [...history, { question: input, answer: answered.answer }].slice(-MAX_TURNS);
        say(formatAnswerText(answered));
      } catch (error) {
        if (isUserFacingError(error)) say(error.message);
        else {
          logger.error('answering failed', { error, question: input });
          say('Something went wrong while answering; the details are in the log.');
        }
      }
    }
    say('');
    prompt();
  }
  rl.close();
}
