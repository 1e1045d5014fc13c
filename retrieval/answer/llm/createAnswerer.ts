import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import type { Logger } from '../../../ingest/core/logger.js';
import type { LoadedIndex } from '../../open/loadIndex.js';
import type { RetrieveOptions } from '../../retrievePassages.js';
import { answerQuestion, type Answer } from '../answerQuestion.js';
import type { AnswerConfig } from './answerConfig.js';
import { answerWithLlm } from './answerWithLlm.js';
import { createChatModel } from './createChatModel.js';

export type AnswerOptions = RetrieveOptions & {
  /** Answer text so far, while a language model writes it (LLM mode only); see throttleUpdates. */
  onPartial?: (text: string) => void;
};

/** Answers a question from an index, the way the configuration says (ANSWER_MODE). */
export type Answerer = (index: LoadedIndex, question: string, options?: AnswerOptions) => Promise<Answer>;

/**
 * The configured answerer: extractive, or written by the configured language model with the
 * extractive answer as its fallback. `model` replaces the configured chat model (tests).
 */
export function createAnswerer(config: AnswerConfig, { logger, model }: { logger: Logger; model?: BaseChatModel }): Answerer {
  if (config.mode === 'extractive') {
    return (index, question, { onPartial: _unused, ...retrieve } = {}) => answerQuestion(index, question, retrieve);
  }
  const { llm } = config;
  const chatModel = model ?? createChatModel(llm);
  const modelLabel = `${llm.provider} ${llm.model}`;
  return (index, question, options = {}) => answerWithLlm(index, question, { ...options, model: chatModel, modelLabel, timeoutMs: llm.timeoutMs, logger });
}
