import { findSentences } from '../../../ingest/text/findSentences.js';
import { foldText } from '../../../ingest/text/foldText.js';
import type { RetrievedPassage } from '../../retrievePassages.js';
import type { PassagePlace } from '../groupCitations.js';
import { markSentence, type GroupLookup } from './markSentence.js';
import type { AnswerSentence } from './spanTypes.js';

/**
 * Every sentence of the passages that holds a word of the question, marked and weighed (idf of
 * the question's words it holds, times its passage's rank prior), best first. A sentence met
 * twice — overlapping passages of one article, or a story repeated — is kept once, where it
 * weighs most, so no answer can quote it twice.
 */
export function scoreSentences(
  passages: readonly RetrievedPassage[],
  places: readonly PassagePlace[],
  lookup: GroupLookup,
): AnswerSentence[] {
  const byText = new Map<string, AnswerSentence>();
  const groupWeight = lookup.groups.map((group) => Math.max(0, ...group.alternatives.map(lookup.idf)));
  const rarest = groupWeight.indexOf(Math.max(...groupWeight));
  const total = groupWeight.reduce((a, b) => a + b, 0) || 1;
  const groupShare = groupWeight.map((w) => w / total);
  passages.forEach((passage, i) => {
    const text = passage.document.pageContent;
    const { language, published } = passage.document.metadata;
    // Earlier passages are more relevant: a sentence's weight leans on its passage's rank.
    const rankPrior = 1 / (1 + 0.25 * i);
    for (const span of findSentences(text, language)) {
      const sentence = text.slice(span.start, span.end);
      const marked = markSentence(sentence, language, lookup);
      if (!marked) continue;
      const candidate: AnswerSentence = {
        ...marked,
        ...places[i]!,
        start: span.start,
        end: span.end,
        text: sentence,
        language,
        published,
        weight: marked.score * rankPrior,
        passageRank: i,
        coverage: marked.groups.size / Math.max(1, lookup.groups.length),
        missedRare: marked.groups.has(rarest) ? 0 : 1,
        groupShare,
      };
      const key = foldText(sentence).replace(/\s+/g, ' ');
      const known = byText.get(key);
      if (!known || candidate.weight > known.weight) byText.set(key, candidate);
    }
  });
  return [...byText.values()].sort((a, b) => b.weight - a.weight || a.n - b.n || a.passage - b.passage || a.start - b.start);
}
