import { isKnownWord } from '../../../ingest/text/lexicon/isKnownWord.js';
import type { AnswerSentence } from './spanTypes.js';

/**
 * The sentence's words no dictionary has an English word for: in a language without capitals
 * that is how a foreign name shows ("غوتفريت زيمبا", "روبرت لين"), where "على تعزيز" is words the
 * dictionary knows. Stopwords and figures are never unknown; in a language no lexicon glosses
 * (English) no word is. Asked of the committed known-word lists, not the gloss tables (isKnownWord);
 * read once per sentence.
 */

const unknown = new WeakMap<AnswerSentence, readonly boolean[]>();

export function findUnknownWords(sentence: AnswerSentence): readonly boolean[] {
  let found = unknown.get(sentence);
  if (!found) {
    found = sentence.tokens.map((t) => !t.stop && !/\d/.test(t.folded) && isKnownWord(t.folded, sentence.language) === false);
    unknown.set(sentence, found);
  }
  return found;
}
