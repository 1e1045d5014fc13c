import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import type { Logger } from '../../../ingest/core/logger.js';
import type { LoadedIndex } from '../../open/loadIndex.js';
import { answerQuestion, type Answer, type AnswerQuestionOptions } from '../answerQuestion.js';
import type { AnswerConfig } from './answerConfig.js';

/** Date range and conversation so far (see answerQuestion), and for LLM mode the text as it is written. */
export type AnswerOptions = AnswerQuestionOptions & {
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
  // Imported only in LLM mode: LangChain's chat providers, messages and parsers are some 600 modules, most of a CPU-second
  // that every `npm run ask` in extractive mode would otherwise spend loading them.
  const ready = Promise.all([
    import('./answerWithLlm.js'),
    model ?? import('./createChatModel.js').then(({ createChatModel }) => createChatModel(llm)),
  ]);
  // A model that cannot be made fails the first question (through the answerer's caller), not the process.
  void ready.catch(() => undefined);
  const modelLabel = `${llm.provider} ${llm.model}`;
  return async (index, question, options = {}) => {
    const [{ answerWithLlm }, chatModel] = await ready;
    return answerWithLlm(index, question, { ...options, model: chatModel, modelLabel, timeoutMs: llm.timeoutMs, logger });
  };
}
