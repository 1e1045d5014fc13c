import { glossTableFor } from '../../../ingest/text/lexicon/buildGlossTables.js';
import { lookUpWord } from '../../../ingest/text/lexicon/glossText.js';
import type { AnswerSentence } from './spanTypes.js';

/**
 * The sentence's words no dictionary has an English word for: in a language without capitals
 * that is how a foreign name shows ("غوتفريت زيمبا", "روبرت لين"), where "على تعزيز" is words the
 * dictionary knows. Stopwords and figures are never unknown; in a language no lexicon glosses
 * (English) no word is. Read once per sentence.
 */

const unknown = new WeakMap<AnswerSentence, readonly boolean[]>();

export function findUnknownWords(sentence: AnswerSentence): readonly boolean[] {
  let found = unknown.get(sentence);
  if (!found) {
    const table = glossTableFor(sentence.language);
    found = sentence.tokens.map((t) => table !== undefined && !t.stop && !/\d/.test(t.folded) && lookUpWord(table, t.folded) === undefined);
    unknown.set(sentence, found);
  }
  return found;
}
