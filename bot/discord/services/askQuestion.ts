import type { Answer } from '../../../retrieval/answer/answerQuestion.js';
import type { AnswerOptions } from '../../../retrieval/answer/llm/createAnswerer.js';
import type { BotContext } from '../context.js';
import { measureAnswer } from '../../metrics/measureAnswer.js';
import { recordCoverageGap } from './coverageGaps.js';

export type Asker = {
  userId: string;
  guildId: string | null;
  channelId: string | null;
  via: 'slash' | 'mention';
};

/**
 * Answers from the index being served, remembers the answer for its buttons (the returned
 * `key`) and logs a question that found nothing to the coverage-gap file. `options.onPartial`
 * sees the answer text while a language model writes it.
 */
export async function askQuestion(
  deps: Pick<BotContext, 'live' | 'answers' | 'logger' | 'metrics' | 'config' | 'answer'>,
  question: string,
  asker: Asker,
  options: AnswerOptions = {},
): Promise<{ answer: Answer; key: string }> {
  const index = deps.live.current();
  const answer = await measureAnswer(deps.metrics, () => deps.answer(index, question, options));
  if (!answer.answer) {
    const gap = {
      time: new Date().toISOString(),
      question: answer.question,
      ...asker,
      since: options.since ?? null,
      until: options.until ?? null,
      generation: index.generation,
    };
    // A full disk must not cost the user the reply; the gap is in the log line instead.
    await recordCoverageGap(deps.config.coverageGapLog, gap).catch((error: unknown) =>
      deps.logger.error('coverage gap not recorded', { error, gap }),
    );
  }
  return { answer, key: deps.answers.put(answer) };
}
