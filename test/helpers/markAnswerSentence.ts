import { analyzeQuery } from '../../ingest/text/analyzeText.js';
import { buildGroupLookup, markSentence } from '../../retrieval/answer/reader/markSentence.js';
import type { AnswerSentence } from '../../retrieval/answer/reader/spanTypes.js';

/** A sentence of `language` marked against `question`, as the reader sees it: the first sentence of the top passage of article 1. */
export function markAnswerSentence(text: string, language: string, question: string, published: string | null = null): AnswerSentence {
  const { groups } = analyzeQuery(question, ['en', 'id', 'ar']);
  const marked = markSentence(
    text,
    language,
    buildGroupLookup(groups, () => 1),
  );
  if (!marked) throw new Error(`no word of "${question}" is in "${text}"`);
  return {
    ...marked,
    n: 1,
    passage: 0,
    start: 0,
    end: text.length,
    text,
    language,
    published,
    weight: marked.score,
    passageRank: 0,
    coverage: 1,
    missedRare: 0,
    groupShare: groups.map(() => 1 / groups.length),
  };
}
