import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import { describeProviderError } from '../../../ingest/embed/providers/providerErrors.js';
import type { Logger } from '../../../ingest/core/logger.js';
import type { LoadedIndex } from '../../open/loadIndex.js';
import { answerQuestion, type Answer, type AnswerQuestionOptions } from '../answerQuestion.js';
import { buildGroundedPrompt } from './buildGroundedPrompt.js';
import { citedPassages, removeUnknownCitations } from './cleanCitations.js';
import { streamGroundedAnswer, UnusableReplyError } from './streamGroundedAnswer.js';

export type LlmAnswerOptions = AnswerQuestionOptions & {
  model: BaseChatModel;
  /** Names the model in warnings: "ollama qwen2.5:7b". */
  modelLabel: string;
  timeoutMs: number;
  logger: Logger;
  /**
   * Called with the answer text so far while the model writes. The returned Answer is what to
   * show in the end: it may be the extractive answer instead, when the model's reply was unusable.
   */
  onPartial?: (text: string) => void;
};

/**
 * An answer written by a language model from the passages the extractive answerer found (same
 * numbered citations): in the question's language, citing only those passages, or no answer
 * when the passages do not hold one. When the model fails, times out or replies with something
 * unusable — not JSON, off-schema, or citing none of the passages — the extractive answer is
 * returned and a warning logged, so the user always gets an answer with its sources.
 */
export async function answerWithLlm(index: LoadedIndex, question: string, options: LlmAnswerOptions): Promise<Answer> {
  const { model, modelLabel, timeoutMs, logger, onPartial, ...retrieve } = options;
  const extractive = await answerQuestion(index, question, retrieve);
  const { citations } = extractive;
  if (citations.length === 0) return extractive;
  const about = extractive.about ? { about: extractive.about } : {};
  try {
    const reply = await streamGroundedAnswer(model, buildGroundedPrompt(extractive.question, citations, retrieve.history), {
      timeoutMs,
      passageCount: citations.length,
      ...(onPartial ? { onPartial } : {}),
    });
    if (!reply.found) return { question: extractive.question, answer: null, citations: [], highlights: [], ...about };
    const answer = removeUnknownCitations(reply.answer, citations.length);
    if (citedPassages(answer).length === 0) throw new UnusableReplyError('the answer cites none of the passages it was given');
    return { question: extractive.question, answer, citations, highlights: [], ...about };
  } catch (error) {
    const reason = error instanceof UnusableReplyError ? error.message : describeProviderError(error);
    logger.warn('the language model gave no usable answer; answering extractively', { llm: modelLabel, reason });
    return extractive;
  }
}
