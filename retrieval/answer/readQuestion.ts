import type { LoadedIndex } from '../open/loadIndex.js';
import { retrievePassages, type Retrieval, type RetrieveOptions } from '../retrievePassages.js';
import { classifyQuestion, type QuestionForm } from './classifyQuestion.js';
import { groupCitations } from './groupCitations.js';
import { isRelevantEnough } from './judgeRelevance.js';
import { buildGroupLookup } from './reader/markSentence.js';
import { scoreSentences } from './reader/scoreSentences.js';
import type { AnswerSentence } from './reader/spanTypes.js';
import type { Citation } from './answerQuestion.js';

/** The passages for a question and, when they are relevant enough to answer from, their sentences as the reader weighs them. */
export type Reading = Retrieval & {
  form: QuestionForm;
  /** Null when the passages hold too little of the question (see judgeRelevance): the answer is "nothing found". */
  read: { citations: Citation[]; sentences: AnswerSentence[] } | null;
};

/** The passages are limited to this many: the answer cites at most these. */
export const MAX_PASSAGES = 3;

/**
 * Retrieves the passages for `search` and weighs their sentences, the steps answerQuestion and
 * the reader's fit (test/eval/fitReader.ts) share, so the fit sees what the bot sees. `question`
 * is what the asker wrote (its question words say what kind of answer it wants).
 */
export async function readQuestion(index: LoadedIndex, question: string, search: string, retrieve: RetrieveOptions = {}): Promise<Reading> {
  const retrieval = await retrievePassages(index, search, { limit: MAX_PASSAGES, ...retrieve });
  const form = classifyQuestion(question);
  const { query, passages } = retrieval;
  if (!isRelevantEnough(passages, query.groups, index.lexical)) return { ...retrieval, form, read: null };
  const { citations, places } = groupCitations(index, passages);
  const lookup = buildGroupLookup(query.groups, (term) => index.lexical.idf(term));
  return { ...retrieval, form, read: { citations, sentences: scoreSentences(passages, places, lookup) } };
}
