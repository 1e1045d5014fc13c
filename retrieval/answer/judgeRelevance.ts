import type { QueryGroup } from '../../ingest/text/analyzeText.js';
import type { LexicalIndex } from '../lexicalIndex.js';
import type { RetrievedPassage } from '../retrievePassages.js';

/**
 * The answer's own relevance floor (retrieval keeps weaker passages, for ranking): some passage
 * must hold MIN_SHARE of the question's weight (the idf of its words, see LexicalIndex.groupWeight,
 * where a word the archive never uses weighs most). Measured with `npm run eval` on each track's
 * questions and on the same questions asked of another track's corpus (README, *Answers and
 * refusals*): 0.4 refuses 2–17 % of answerable questions and answers 31–59 % of off-topic ones;
 * 0.2 (the retrieval floor) refused almost none but answered 81–98 % of off-topic questions; 0.5
 * refused up to a third of the cross-lingual ones.
 */
const MIN_SHARE = 0.4;
/**
 * A passage holding every word of the question the archive knows, at least this many of them, is
 * relevant too: a question's untranslatable word ("drivers" against an article saying
 * "Lokführer") should not outweigh the words that did meet. This changed the rates above by a
 * point at most.
 */
const MIN_KNOWN_WORDS = 2;

/** True when the passages hold enough of the question to answer it from them. */
export function isRelevantEnough(passages: readonly RetrievedPassage[], groups: readonly QueryGroup[], lexical: LexicalIndex): boolean {
  if (passages.some((p) => p.share >= MIN_SHARE)) return true;
  const weights = groups.map((g) => lexical.groupWeight(g));
  const known = groups.map((g) => g.alternatives.some((term) => lexical.documentFrequency(term) > 0));
  const total = weights.reduce((sum, w) => sum + w, 0);
  const knownWeight = weights.reduce((sum, w, i) => sum + (known[i] ? w : 0), 0);
  const knownCount = known.filter(Boolean).length;
  if (knownCount < MIN_KNOWN_WORDS || knownWeight === 0) return false;
  // A passage's matched weight is its share of the whole question's.
  return passages.some((p) => (p.share * total) / knownWeight >= 1 - 1e-9 && Math.round(p.coverage * groups.length) >= MIN_KNOWN_WORDS);
}
