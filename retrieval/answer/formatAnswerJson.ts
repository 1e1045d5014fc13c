import type { Answer, Citation, ShortAnswer } from './answerQuestion.js';

/**
 * The machine-readable answer of `npm run ask -- --json` (and of each `--jsonl` line): the
 * question, the answer text (null when nothing relevant was found), the short answer it leads
 * with (null when it leads with a sentence) and one citation per article, whose `passages` list
 * the passages used, best first; `passage` and `score` repeat the first one's.
 */
export type AnswerJson = { question: string; answer: string | null; shortAnswer: ShortAnswer | null; citations: Citation[] };

export function toAnswerJson({ question, answer, shortAnswer, citations }: Answer): AnswerJson {
  return { question, answer, shortAnswer: shortAnswer ?? null, citations };
}
